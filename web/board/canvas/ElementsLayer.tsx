import { forwardRef, useCallback } from 'react';
import type { CSSProperties } from 'react';
import { Layer, Shape } from 'react-konva';
import type { Context } from 'konva/lib/Context';
import type { Element } from '../../../workshops';
import { layerOf } from '../../../workshops';
import type { Board } from '../board';
import { viewOfElement } from '../elements';
import { connectorEnds } from '../connectors';
import type { RendererProps } from '../elements/types';
import type { Rect as R } from '../geometry';
import { useBoardState } from '../use-board';
import { GRID_BLEED, GRID_MIN_SCALE, MARGIN } from './drawn-view';

/**
 * Level of detail: below LOD_ZOOM, a view of more than LOD_MIN_ELEMENTS elements is drawn by one
 * shape as plain coloured boxes (text would be unreadable, and thousands of nodes slow). A board
 * of a few hundred elements (a session template) keeps its text down to LOD_FLOOR_ZOOM.
 */
export const LOD_ZOOM = 0.25;
export const LOD_MIN_ELEMENTS = 600;
export const LOD_FLOOR_ZOOM = 0.06;

function renderElement(el: Element, props: Omit<RendererProps<Element>, 'el'>) {
  const Renderer = viewOfElement(el).Renderer;
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
  // Re-render on any change that moves, adds or hides something in the drawn area. The camera
  // itself is not among them: between redraws the canvas is moved by CSS (drawn-view.ts).
  useBoardState(board, (s) => s.version);
  useBoardState(board, (s) => s.order);
  const camera = useBoardState(board, (s) => s.drawn);
  useBoardState(board, (s) => s.viewport);
  const preview = useBoardState(board, (s) => s.dragPreview);
  // Others' cursors move many times a second; only their drags change what is drawn here.
  useBoardState(board, (s) => peerDragsKey(s.peers));
  const peers = board.state.peers;
  const editingId = useBoardState(board, (s) => s.editingId);
  useBoardState(board, (s) => s.hiddenSilentRound);
  const votesHidden = useBoardState(board, (s) => s.votesHidden);
  const ids = board.visibleIds(MARGIN + 32, camera);
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

  if (camera.zoom < LOD_FLOOR_ZOOM || (camera.zoom < LOD_ZOOM && ids.length > LOD_MIN_ELEMENTS)) {
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
          voter: board.options.user,
        });
      })}
    </Layer>
  );
}

/** A value that changes only when someone's live drag positions change (not their cursor). */
function peerDragsKey(peers: Board['state']['peers']): string {
  let key = '';
  for (const p of peers) if (p.drag) key += `${p.clientId}:${JSON.stringify(p.drag)};`;
  return key;
}

function findPeerDrag(peers: Board['state']['peers'], id: string) {
  for (const p of peers) {
    const pos = p.drag?.[id];
    if (pos) return pos;
  }
  return undefined;
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
      c.fillStyle = viewOfElement(el).boxFill(el);
      c.fillRect(p.x, p.y, el.w, el.h);
      if (layerOf(el) === 'area') {
        c.strokeStyle = '#94a3b8';
        c.lineWidth = 4;
        c.strokeRect(p.x, p.y, el.w, el.h);
      }
    }
  };
  return <Shape sceneFunc={sceneFunc} perfectDrawEnabled={false} listening={false} />;
}

/**
 * The dotted grid as a CSS background behind the (transparent) stage: it costs no canvas layer.
 * It reaches past the view and is moved (and, while zooming, scaled) by a CSS transform
 * (drawn-view.ts, gridPlacement), so neither a pan nor a zoom repaints it on every frame.
 */
export const GridBackground = forwardRef<HTMLDivElement, { board: Board }>(function GridBackground(
  { board },
  ref,
) {
  const snapOn = useBoardState(board, (s) => s.snapToGrid);
  const dot = snapOn ? '#94a3b8' : '#cbd5e1';
  const style: CSSProperties = {
    left: -GRID_BLEED,
    top: -GRID_BLEED,
    // Large enough to cover the view while scaled down to GRID_MIN_SCALE between repaints.
    width: `calc((100% + ${2 * GRID_BLEED}px) / ${GRID_MIN_SCALE})`,
    height: `calc((100% + ${2 * GRID_BLEED}px) / ${GRID_MIN_SCALE})`,
    transformOrigin: '0 0',
    backgroundImage: `radial-gradient(circle, ${dot} 1.2px, transparent 1.3px)`,
    willChange: 'transform',
  };
  return <div ref={ref} className="wb-grid" style={style} aria-hidden="true" />;
});
