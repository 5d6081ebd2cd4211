/**
 * Whether the outline is open on this device, and how: beside the canvas, or instead of it.
 * Remembered per device (someone who reads with a screen reader keeps the list open).
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type OutlineMode = 'closed' | 'beside' | 'only';

const KEY = 'werkbank:outline';

function stored(): OutlineMode {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'beside' || v === 'only' ? v : 'closed';
  } catch {
    return 'closed';
  }
}

export const outlineMode = createStore<{ mode: OutlineMode }>(() => ({ mode: stored() }));

export function setOutlineMode(mode: OutlineMode): void {
  outlineMode.setState({ mode });
  try {
    globalThis.localStorage?.setItem(KEY, mode);
  } catch {
    // not remembered, still switched
  }
}

export function useOutlineMode(): OutlineMode {
  return useStore(outlineMode, (s) => s.mode);
}
