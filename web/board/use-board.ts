import { useStore } from 'zustand';
import type { Board } from './board';
import type { BoardState } from './types';

/** Subscribes a component to a slice of the board's view state. */
export function useBoardState<T>(board: Board, selector: (s: BoardState) => T): T {
  return useStore(board.store, selector);
}
