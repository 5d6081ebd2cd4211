/**
 * The board's camera: the viewport, panning and zooming, fitting content or a selection into
 * view, and culling (which ids the canvas draws). Functions of the engine (board.ts), which
 * keeps their names as its methods.
 */
import type { Element } from '../../workshops';
import { layerOf } from '../../workshops';
import type { Board } from './board';
import type { Camera, Point, Rect } from './geometry';
import { centre, clampZoom, fitCamera, union, viewRect, zoomAround } from './geometry';
import { boundsOf } from './sync-observer';

export function setViewport(b: Board, w: number, h: number): void {
  const v = b.state.viewport;
  if (v.w !== w || v.h !== h) b.store.setState({ viewport: { w, h } });
}

export function setCamera(b: Board, camera: Camera): void {
  b.store.setState({ camera: { ...camera, zoom: clampZoom(camera.zoom) } });
  b.presence.setViewport(camera);
}

export function panBy(b: Board, dxScreen: number, dyScreen: number): void {
  const c = b.state.camera;
  b.setCamera({ ...c, x: c.x + dxScreen / c.zoom, y: c.y + dyScreen / c.zoom });
}

export function zoomAt(b: Board, screen: Point, factor: number): void {
  b.setCamera(zoomAround(b.state.camera, screen, factor));
}

export function zoomBy(b: Board, factor: number): void {
  const v = b.state.viewport;
  b.zoomAt({ x: v.w / 2, y: v.h / 2 }, factor);
}

/** Bounds of everything this person may see (hidden notes neither widen nor show it). */
export function contentBounds(b: Board): Rect | null {
  return union(
    [...b.state.elements.values()]
      .filter((e) => layerOf(e) !== 'line' && b.isVisible(e))
      .map(boundsOf),
  );
}

export function zoomToFit(b: Board): void {
  const bounds = b.contentBounds();
  if (bounds) b.setCamera(fitCamera(bounds, b.state.viewport));
}

export function zoomToSelection(b: Board): void {
  const bounds = union(
    [...b.state.selection]
      .map((id) => b.get(id))
      .filter((e): e is Element => !!e)
      .map(boundsOf),
  );
  if (bounds) b.setCamera(fitCamera(bounds, b.state.viewport, 64, 2));
}

/** Centres a frame (the facilitator moving the room to an activity's frame). */
export function centreOn(b: Board, id: string): void {
  const el = b.get(id);
  if (el) b.setCamera(fitCamera(boundsOf(el), b.state.viewport, 48, 1));
}

/** Where the person is looking: the pointer when it is over the canvas, else the view's centre. */
export function focusPoint(b: Board): Point {
  return b.pointer ?? centre(viewRect(b.state.camera, b.state.viewport));
}

/**
 * Element ids inside the view of `camera` plus `margin` screen px on each side, bottom first
 * (what the canvas draws).
 */
export function visibleIds(b: Board, margin = 200, camera: Camera = b.state.camera): string[] {
  const s = b.state;
  const view = viewRect(camera, s.viewport);
  const rect = {
    x: view.x - margin / camera.zoom,
    y: view.y - margin / camera.zoom,
    w: view.w + (2 * margin) / camera.zoom,
    h: view.h + (2 * margin) / camera.zoom,
  };
  const hits = new Set(b.index.search(rect));
  // Connectors are drawn when either end is visible, wherever their stored ends lie.
  for (const id of connectorIds(b)) {
    const el = s.elements.get(id);
    if (el?.type === 'connector' && (hits.has(el.from) || hits.has(el.to))) hits.add(id);
  }
  // Elements being dragged are drawn at their live position even if their old one is off screen.
  for (const id of s.dragPreview?.keys() ?? []) hits.add(id);
  for (const peer of s.peers) for (const id of Object.keys(peer.drag ?? {})) hits.add(id);
  const keep = (id: string) => {
    const el = s.elements.get(id);
    return !!el && b.isVisible(el);
  };
  // Zoomed out, most of the board is in view: one pass over the z-order is cheapest.
  if (hits.size * 4 > s.order.length) return s.order.filter((id) => hits.has(id) && keep(id));
  // Otherwise sort the few hits by z instead of walking the whole board every frame.
  const rank = rankOf(b);
  const out: string[] = [];
  for (const id of hits) if (keep(id)) out.push(id);
  return out.sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
}

// The store replaces `order` and `elements` with new objects on every change: keyed by them,
// these caches are recomputed only after a change and let go of with the old objects.
const ranks = new WeakMap<readonly string[], Map<string, number>>();
const lines = new WeakMap<ReadonlyMap<string, Element>, string[]>();

/** Position of each id in the z-order, recomputed only when the order changes. */
export function rankOf(b: Board): Map<string, number> {
  const order = b.state.order;
  let rank = ranks.get(order);
  if (!rank) ranks.set(order, (rank = new Map(order.map((id, i) => [id, i]))));
  return rank;
}

/** Ids of all connectors, recomputed only when the elements change. */
export function connectorIds(b: Board): string[] {
  const elements = b.state.elements;
  let ids = lines.get(elements);
  if (!ids) {
    ids = [];
    for (const el of elements.values()) if (layerOf(el) === 'line') ids.push(el.id);
    lines.set(elements, ids);
  }
  return ids;
}
