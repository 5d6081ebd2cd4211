import { useEffect, useRef } from 'react';
import { STICKY_FILL } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { viewRect } from '../geometry';
import { BOARD_NS } from '../strings';
import { boundsOf } from '../sync-observer';
import { useBoardState } from '../use-board';

const W = 180;
const H = 120;

/** An overview of the whole board with the current view; click or drag to move there. */
export function Minimap({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const canvas = useRef<HTMLCanvasElement>(null);
  const version = useBoardState(board, (s) => s.version);
  const camera = useBoardState(board, (s) => s.camera);
  const viewport = useBoardState(board, (s) => s.viewport);
  const count = useBoardState(board, (s) => s.elements.size);
  const transform = useRef({ scale: 1, ox: 0, oy: 0 });

  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c) return;
    const content = board.contentBounds() ?? { x: 0, y: 0, w: 1, h: 1 };
    const view = viewRect(camera, viewport);
    const x0 = Math.min(content.x, view.x);
    const y0 = Math.min(content.y, view.y);
    const x1 = Math.max(content.x + content.w, view.x + view.w);
    const y1 = Math.max(content.y + content.h, view.y + view.h);
    const scale = Math.min((W - 8) / (x1 - x0), (H - 8) / (y1 - y0));
    const ox = 4 - x0 * scale + (W - 8 - (x1 - x0) * scale) / 2;
    const oy = 4 - y0 * scale + (H - 8 - (y1 - y0) * scale) / 2;
    transform.current = { scale, ox, oy };
    c.clearRect(0, 0, W, H);
    for (const el of board.state.elements.values()) {
      if (el.type === 'connector') continue;
      const b = boundsOf(el);
      c.fillStyle =
        el.type === 'sticky' ? STICKY_FILL[el.color] : el.type === 'frame' ? '#e2e8f0' : '#94a3b8';
      c.fillRect(
        b.x * scale + ox,
        b.y * scale + oy,
        Math.max(1, b.w * scale),
        Math.max(1, b.h * scale),
      );
    }
    c.strokeStyle = '#2563eb';
    c.lineWidth = 1.5;
    c.strokeRect(view.x * scale + ox, view.y * scale + oy, view.w * scale, view.h * scale);
  }, [board, version, camera, viewport]);

  if (count < 30) return null;
  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = transform.current;
    const wx = (e.clientX - r.left - ox) / scale;
    const wy = (e.clientY - r.top - oy) / scale;
    const z = board.state.camera.zoom;
    board.setCamera({ zoom: z, x: wx - viewport.w / 2 / z, y: wy - viewport.h / 2 / z });
  };
  return (
    <canvas
      ref={canvas}
      className="wb-minimap"
      width={W}
      height={H}
      role="img"
      aria-label={t('minimap')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => e.buttons && moveTo(e)}
    />
  );
}
