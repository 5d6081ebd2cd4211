/**
 * The seam between the app shell and the features mounted in it (board, facilitator panel,
 * session bar). The shell owns the providers and fills this context; features only read it.
 */
import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Role } from '../../workshops';
import type { Board } from '../board';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface WorkshopSession {
  workshopId: string;
  role: Role;
  participantId: string;
  token: string;
  /** Display name and colour of this person (presence). */
  user: { id: string; name: string; color: string; organisation: string };
  /** The workshop's control doc (synced; read-only unless facilitator). */
  controlDoc: Y.Doc;
  controlAwareness: Awareness;
  /** The board currently open, and its doc/awareness. */
  boardId: string;
  boardDoc: Y.Doc;
  boardAwareness: Awareness;
  connection: ConnectionStatus;
  /** Opens another board (and optionally centres a frame on it). */
  navigate(boardId: string, options?: { frameId?: string }): void;
  /** The board engine of the open board (camera, selection, click handling). */
  board: Board;
  /** Server clock minus local clock, in ms (for countdowns that agree across devices). */
  clockOffset: number;
}

export const WorkshopContext = createContext<WorkshopSession | null>(null);

export function useWorkshop(): WorkshopSession {
  const ctx = useContext(WorkshopContext);
  if (!ctx) throw new Error('useWorkshop() outside <WorkshopContext.Provider>');
  return ctx;
}
