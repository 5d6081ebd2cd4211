import type { Board } from '../board';
import { worldToScreen } from '../geometry';
import { useBoardState } from '../use-board';

/** Others' cursors with their names: a DOM layer of its own above the canvas. */
export function Cursors({ board }: { board: Board }) {
  const peers = useBoardState(board, (s) => s.peers);
  const camera = useBoardState(board, (s) => s.camera);
  return (
    <div className="wb-cursors" aria-hidden="true">
      {peers.map((p) => {
        if (!p.cursor) return null;
        const s = worldToScreen(camera, p.cursor);
        return (
          <div
            key={p.clientId}
            className="wb-cursor"
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
