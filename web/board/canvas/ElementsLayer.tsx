import { useCallback } from 'react';
import type { ComponentType } from 'react';
import { Layer, Rect, Shape } from 'react-konva';
import type { Context } from 'konva/lib/Context';
import type { Element } from '../../../workshops';
import { STICKY_FILL, blockKind } from '../../../workshops';
import type { Board } from '../board';
import { RENDERERS } from '../elements';
import { connectorEnds } from '../elements/connector';
import type { RendererProps } from '../elements/types';
import type { Rect as R } from '../geometry';
import { useBoardState } from '../use-board';

/** Below this zoom, elements are drawn by one shape as plain coloured boxes (level of detail). */
export const LOD_ZOOM = 0.25;

function renderElement(el: Element, props: Omit<RendererProps<Element>, 'el'>) {
  // The registry is checked per type where it is defined; here any element meets its renderer.
  const Renderer = RENDERERS[el.type] as ComponentType<RendererProps<Element>>;
  return <Renderer key={el.id} el={el} {...props} />;
}

export function ElementsLayer({
  board,
  lang,
  showVotes,
}: {
  board: Board;
  lang: 'nl' | 'en';
  showVotes: boolean;
}) {
  // Re-render on any change that moves, adds or hides something in view.
  useBoardState(board, (s) => s.version);
  useBoardState(board, (s) => s.order);
  const camera = useBoardState(board, (s) => s.camera);
  useBoardState(board, (s) => s.viewport);
  const preview = useBoardState(board, (s) => s.dragPreview);
  const peers = useBoardState(board, (s) => s.peers);
  const editingId = useBoardState(board, (s) => s.editingId);
  useBoardState(board, (s) => s.hiddenSilentRound);
  const votesHidden = useBoardState(board, (s) => s.votesHidden);
  const ids = board.visibleIds();
  const elements = board.state.elements;

  const resolve = useCallback(
    (id: string): R | null => {
      const el = board.state.elements.get(id);
      if (!el) return null;
      const p = board.livePosition(el);
      return { x: p.x, y: p.y, w: el.w, h: el.h };
    },
    [board, preview, peers],
  );

  if (camera.zoom < LOD_ZOOM) {
    return (
      <Layer listening={false}>
        <LodShape board={board} ids={ids} resolve={resolve} />
      </Layer>
    );
  }
  return (
    <Layer listening={false}>
      {ids.map((id) => {
        const el = elements.get(id);
        if (!el) return null;
        const dragged = preview?.get(id) ?? findPeerDrag(peers, id);
        return renderElement(el, {
          pos: dragged ?? el,
          zoom: camera.zoom,
          lang,
          resolve,
          editing: editingId === id,
          showVotes: showVotes && !votesHidden,
        });
      })}
    </Layer>
  );
}

function findPeerDrag(peers: Board['state']['peers'], id: string) {
  for (const p of peers) {
    const pos = p.drag?.[id];
    if (pos) return pos;
  }
  return undefined;
}

function lodFill(el: Element): string {
  switch (el.type) {
    case 'sticky':
      return STICKY_FILL[el.color];
    case 'frame':
      return el.color;
    case 'block':
      return blockKind(el.kind)?.color ?? '#e5e7eb';
    case 'shape':
      return el.fill;
    default:
      return '#cbd5e1';
  }
}

/** Zoomed out: one Konva shape draws every visible element as a box (no text, no nodes). */
function LodShape({
  board,
  ids,
  resolve,
}: {
  board: Board;
  ids: string[];
  resolve: (id: string) => R | null;
}) {
  const sceneFunc = (ctx: Context) => {
    const c = ctx._context;
    const els = board.state.elements;
    for (const id of ids) {
      const el = els.get(id);
      if (!el) continue;
      if (el.type === 'connector') {
        const [a, b] = connectorEnds(el, resolve);
        c.strokeStyle = '#64748b';
        c.lineWidth = 2;
        c.beginPath();
        c.moveTo(a.x, a.y);
        c.lineTo(b.x, b.y);
        c.stroke();
        continue;
      }
      const p = board.livePosition(el);
      c.fillStyle = lodFill(el);
      c.fillRect(p.x, p.y, el.w, el.h);
      if (el.type === 'frame') {
        c.strokeStyle = '#94a3b8';
        c.lineWidth = 4;
        c.strokeRect(p.x, p.y, el.w, el.h);
      }
    }
  };
  return <Shape sceneFunc={sceneFunc} perfectDrawEnabled={false} listening={false} />;
}

export function GridBackground({ board }: { board: Board }) {
  const camera = useBoardState(board, (s) => s.camera);
  const viewport = useBoardState(board, (s) => s.viewport);
  const snapOn = useBoardState(board, (s) => s.snapToGrid);
  const step = camera.zoom < 0.5 ? 200 : camera.zoom < 1.5 ? 40 : 20;
  const sceneFunc = (ctx: Context) => {
    const c = ctx._context;
    const x0 = Math.floor(camera.x / step) * step;
    const y0 = Math.floor(camera.y / step) * step;
    const x1 = camera.x + viewport.w / camera.zoom;
    const y1 = camera.y + viewport.h / camera.zoom;
    c.fillStyle = snapOn ? '#94a3b8' : '#cbd5e1';
    const r = 1.2 / camera.zoom;
    for (let x = x0; x <= x1; x += step)
      for (let y = y0; y <= y1; y += step) c.fillRect(x - r, y - r, r * 2, r * 2);
  };
  return (
    <Layer listening={false}>
      <Rect
        x={camera.x}
        y={camera.y}
        width={viewport.w / camera.zoom}
        height={viewport.h / camera.zoom}
        fill="#f8fafc"
      />
      {camera.zoom >= 0.25 && <Shape sceneFunc={sceneFunc} listening={false} />}
    </Layer>
  );
}
