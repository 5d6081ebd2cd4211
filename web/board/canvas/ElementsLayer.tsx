import { useCallback } from 'react';
import type { CSSProperties, ComponentType } from 'react';
import { Layer, Shape } from 'react-konva';
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

/**
 * The dotted grid as a CSS background behind the (transparent) stage: it costs no canvas layer,
 * which matters when every layer is cleared and composited in software on each frame of a pan.
 */
export function GridBackground({ board }: { board: Board }) {
  const camera = useBoardState(board, (s) => s.camera);
  const snapOn = useBoardState(board, (s) => s.snapToGrid);
  const step = (camera.zoom < 0.5 ? 200 : camera.zoom < 1.5 ? 40 : 20) * camera.zoom;
  const dot = snapOn ? '#94a3b8' : '#cbd5e1';
  const style: CSSProperties =
    camera.zoom >= 0.25
      ? {
          backgroundImage: `radial-gradient(circle, ${dot} 1.2px, transparent 1.3px)`,
          backgroundSize: `${step}px ${step}px`,
          backgroundPosition: `${-camera.x * camera.zoom - step / 2}px ${-camera.y * camera.zoom - step / 2}px`,
        }
      : {};
  return <div className="wb-grid" style={style} aria-hidden="true" />;
}
