import { useEffect, useRef, useState } from 'react';
import type { Board } from '../board';
import { worldToScreen } from '../geometry';
import { useBoardState } from '../use-board';

/** A name label fades after this long without its cursor moving (the arrow stays). */
export const CURSOR_IDLE_MS = 3000;

/** Others' cursors with their names: a DOM layer of its own above the canvas. */
export function Cursors({ board }: { board: Board }) {
  const peers = useBoardState(board, (s) => s.peers);
  const camera = useBoardState(board, (s) => s.camera);
  // Where each cursor was last seen and since when (world coordinates: a pan is no movement).
  const seen = useRef(new Map<number, { x: number; y: number; at: number }>());
  const [now, setNow] = useState(() => Date.now());
  const t = Date.now();
  let nextIdle = Infinity;
  for (const p of peers) {
    if (!p.cursor) continue;
    const last = seen.current.get(p.clientId);
    if (!last || last.x !== p.cursor.x || last.y !== p.cursor.y)
      seen.current.set(p.clientId, { x: p.cursor.x, y: p.cursor.y, at: t });
    const at = seen.current.get(p.clientId)?.at ?? t;
    if (at + CURSOR_IDLE_MS > t) nextIdle = Math.min(nextIdle, at + CURSOR_IDLE_MS);
  }
  // Re-render when the next label is due to fade.
  useEffect(() => {
    if (nextIdle === Infinity) return;
    const timer = setTimeout(() => setNow(Date.now()), nextIdle - Date.now() + 20);
    return () => clearTimeout(timer);
  }, [nextIdle, now]);
  return (
    <div className="wb-cursors" aria-hidden="true">
      {peers.map((p) => {
        if (!p.cursor) return null;
        const s = worldToScreen(camera, p.cursor);
        const idle = (seen.current.get(p.clientId)?.at ?? t) + CURSOR_IDLE_MS <= t;
        return (
          <div
            key={p.clientId}
            className={idle ? 'wb-cursor is-idle' : 'wb-cursor'}
            style={{ transform: `translate(${s.x}px, ${s.y}px)`, color: p.user.color }}
          >
            <svg width="18" height="18" viewBox="0 0 18 18">
              <path d="M2 1l13 7-6 1.5L6 16z" fill="currentColor" stroke="#fff" strokeWidth="1.2" />
            </svg>
            <span style={{ background: p.user.color }}>{p.user.name}</span>
          </div>
        );
      })}
    </div>
  );
}
