/**
 * Fetching a board's snapshot (docs/api.md), kept apart from decoding it so the page's first
 * script can start it (web/app/prefetch.ts) without loading the domain core: only the contract's
 * paths come along.
 */
import { API } from '../../workshops/contract';

const prefetched = new Map<string, Promise<unknown>>();
const key = (workshopId: string, boardId: string) => `${workshopId}/${boardId}`;

/** The snapshot's JSON body, or null (refused, offline, not JSON). */
export async function fetchSnapshotBody(
  workshopId: string,
  boardId: string,
  token: string,
): Promise<unknown> {
  try {
    const res = await fetch(API.boardSnapshot(workshopId, boardId), {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!res.ok) return null;
    const body = (await res.json()) as unknown;
    performance.mark('werkbank:snapshot-received');
    return body;
  } catch {
    return null;
  }
}

/** Starts fetching a board's snapshot now, for the board view that opens it next. */
export function prefetchBoardSnapshot(workshopId: string, boardId: string, token: string): void {
  const k = key(workshopId, boardId);
  if (!prefetched.has(k)) prefetched.set(k, fetchSnapshotBody(workshopId, boardId, token));
}

/** The prefetched body of a board (once), else a fetch started now. */
export function takeSnapshotBody(
  workshopId: string,
  boardId: string,
  token: string,
): Promise<unknown> {
  const k = key(workshopId, boardId);
  const started = prefetched.get(k);
  prefetched.delete(k);
  return started ?? fetchSnapshotBody(workshopId, boardId, token);
}
