import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { LiveState, Session } from '../../workshops';
import { liveMap, readLive, readSessions, sessionsArray } from '../../workshops';
import { useY } from '../app/use-y';

export function useLive(doc: Y.Doc): { live: LiveState; sessions: Session[] } {
  return useY([liveMap(doc), sessionsArray(doc)], () => ({
    live: readLive(doc),
    sessions: readSessions(doc),
  }));
}

/** The server's clock, ticking: `Date.now() + offset`. */
export function useServerNow(offset: number, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now() + offset), everyMs);
    return () => clearInterval(t);
  }, [offset, everyMs]);
  return now;
}

export function formatClock(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${ms < 0 ? '−' : ''}${m}:${String(s).padStart(2, '0')}`;
}
