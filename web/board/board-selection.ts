/**
 * Selection and drag: what is selected, what lies under a point or in a marquee, and moving
 * things (a drag shows live positions through awareness and writes the doc once, on drop;
 * keyboard nudges, moves from the outline, resizing). Functions of the engine (board.ts), which
 * keeps their names as its methods.
 */
import type { ConnectorElement, Element } from '../../workshops';
import { layerOf, moveElements } from '../../workshops';
import type { Board } from './board';
import { onConnector } from './connectors';
import type { Point, Rect } from './geometry';
import { centre, contains, normaliseRect, pointIn, snap } from './geometry';
import { boundsOf } from './sync-observer';
import { GRID } from './types';
import { connectorIds } from './board-camera';

/** Half the width of a line's hit stroke, screen px: a line is easy to click. */
export const HIT_STROKE = 10;
export const TOUCH_STROKE = 22;

/** A drag under way: what moves, from where. */
export interface DragState {
  ids: string[];
  start: Point;
  origins: Map<string, Point>;
}

export function select(
  b: Board,
  ids: Iterable<string>,
  mode: 'replace' | 'toggle' | 'add' = 'replace',
): void {
  const next = mode === 'replace' ? new Set<string>() : new Set(b.state.selection);
  for (const id of ids) {
    if (mode === 'toggle' && next.has(id)) next.delete(id);
    else next.add(id);
  }
  b.store.setState({ selection: next, contextMenu: null });
  b.presence.setSelection([...next]);
}

export function selectAll(b: Board): void {
  b.select(
    b.state.order.filter((id) => {
      const el = b.get(id);
      return el && !el.templateId && b.isVisible(el);
    }),
  );
}

/** Ids whose bounds lie inside `rect` (marquee); template frames only if fully inside. */
export function idsInRect(b: Board, rect: Rect): string[] {
  return b.index.search(rect).filter((id) => {
    const el = b.get(id);
    return el && b.isVisible(el) && contains(rect, boundsOf(el));
  });
}

/**
 * Topmost element at a world point. Lines have a generous hit stroke (HIT_STROKE screen px)
 * and win over frames beneath them; an element a line is attached to wins over that line
 * (the line ends at its edge). `lines: false` looks past lines (where a new line starts or ends);
 * `stroke` widens the hit stroke (a finger is wider than a mouse pointer: TOUCH_STROKE).
 */
export function hitTest(
  b: Board,
  p: Point,
  options: { lines?: boolean; stroke?: number } = {},
): string | null {
  const ids = b.index.search({ x: p.x - 4, y: p.y - 4, w: 8, h: 8 });
  let best: Element | null = null;
  for (const id of ids) {
    const el = b.get(id);
    if (!el || !b.isVisible(el) || layerOf(el) === 'line') continue;
    if (!pointIn(boundsOf(el), p)) continue;
    if (
      !best ||
      // An area (frame) is hit only where nothing else is; among equals the higher z wins.
      (layerOf(best) === 'area' && layerOf(el) !== 'area') ||
      (layerOf(best) === layerOf(el) && el.z > best.z)
    )
      best = el;
  }
  if (options.lines === false) return best?.id ?? null;
  const tolerance = (options.stroke ?? HIT_STROKE) / b.state.camera.zoom;
  let line: ConnectorElement | null = null;
  for (const id of connectorIds(b)) {
    const el = b.state.elements.get(id);
    if (el?.type !== 'connector' || !b.isVisible(el)) continue;
    if ((line && el.z < line.z) || !onConnector(el, b.resolve, p, tolerance)) continue;
    line = el;
  }
  if (!line) return best?.id ?? null;
  if (!best || layerOf(best) === 'area') return line.id;
  if (best.id === line.from || best.id === line.to) return best.id;
  return line.z > best.z ? line.id : best.id;
}

/** Elements that move along with `ids`: a frame's contents (centre inside the frame). */
export function withContents(b: Board, ids: string[]): string[] {
  const out = new Set(ids);
  for (const id of ids) {
    const el = b.get(id);
    if (!el || layerOf(el) !== 'area') continue;
    const frame = boundsOf(el);
    for (const inner of b.index.search(frame)) {
      const other = b.get(inner);
      if (!other || layerOf(other) === 'line' || inner === id) continue;
      if (layerOf(other) === 'area' && !contains(frame, boundsOf(other))) continue;
      if (pointIn(frame, centre(boundsOf(other)))) out.add(inner);
    }
  }
  return [...out];
}

export function beginDrag(b: Board, ids: string[], at: Point): boolean {
  const movable = b.withContents(ids).filter((id) => {
    const el = b.get(id);
    return el && layerOf(el) !== 'line' && b.canChange(el);
  });
  if (!movable.length) return false;
  const origins = new Map<string, Point>();
  for (const id of movable) {
    const el = b.get(id);
    if (el) origins.set(id, { x: el.x, y: el.y });
  }
  b.dragState = { ids: movable, start: at, origins };
  return true;
}

export function dragTo(b: Board, at: Point): void {
  if (!b.dragState) return;
  let dx = at.x - b.dragState.start.x;
  let dy = at.y - b.dragState.start.y;
  if (b.state.snapToGrid) {
    const first = b.dragState.origins.get(b.dragState.ids[0] ?? '');
    if (first) {
      dx = snap(first.x + dx, GRID) - first.x;
      dy = snap(first.y + dy, GRID) - first.y;
    }
  }
  const preview = new Map<string, Point>();
  for (const [id, o] of b.dragState.origins) preview.set(id, { x: o.x + dx, y: o.y + dy });
  b.store.setState({ dragPreview: preview });
  b.presence.setDrag(Object.fromEntries(preview));
}

export function endDrag(b: Board, commit = true): void {
  const preview = b.state.dragPreview;
  const drag = b.dragState;
  b.dragState = null;
  if (commit && drag && preview) {
    const moves = [...preview].map(([id, p]) => ({ id, x: p.x, y: p.y }));
    const changed = moves.some((m) => {
      const o = drag.origins.get(m.id);
      return o && (o.x !== m.x || o.y !== m.y);
    });
    if (changed) {
      b.transact(() => moveElements(b.doc, moves));
      b.undoManager.stopCapturing();
    }
  }
  // Keep drawing the preview until the store holds the committed positions.
  const clear = () => b.store.setState({ dragPreview: null });
  if (b.options.schedule) b.options.schedule(clear);
  else if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => requestAnimationFrame(clear));
  else clear();
  b.presence.setDrag(null);
}

/** Moves by keyboard (arrow keys). */
export function nudge(b: Board, ids: Iterable<string>, dx: number, dy: number): void {
  const moves: Array<{ id: string; x: number; y: number }> = [];
  for (const id of b.withContents([...ids])) {
    const el = b.get(id);
    if (el && layerOf(el) !== 'line' && b.canChange(el))
      moves.push({ id, x: el.x + dx, y: el.y + dy });
  }
  if (moves.length) b.transact(() => moveElements(b.doc, moves));
}

/** Moves elements to positions (outline view, keyboard): one undoable step, lanes followed. */
export function moveTo(b: Board, moves: ReadonlyArray<{ id: string; x: number; y: number }>): void {
  const allowed = moves.filter((m) => {
    const el = b.get(m.id);
    return el && layerOf(el) !== 'line' && b.canChange(el);
  });
  if (!allowed.length) return;
  b.transact(() => moveElements(b.doc, allowed));
  b.undoManager.stopCapturing();
}

export function resize(b: Board, id: string, rect: Rect): void {
  const r = b.state.snapToGrid
    ? {
        x: snap(rect.x, GRID),
        y: snap(rect.y, GRID),
        w: Math.max(GRID, snap(rect.w, GRID)),
        h: Math.max(GRID, snap(rect.h, GRID)),
      }
    : rect;
  b.update(id, { x: r.x, y: r.y, w: Math.max(20, r.w), h: Math.max(20, r.h) });
  b.undoManager.stopCapturing();
}

export function marquee(b: Board, from: Point | null, to?: Point): void {
  b.store.setState({ marquee: from && to ? normaliseRect(from, to) : null });
}
