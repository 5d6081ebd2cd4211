/** Plain geometry for the board: rectangles, camera transforms, connector end points. */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The camera: world point at the viewport's top-left corner, and the zoom factor. */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export function screenToWorld(camera: Camera, p: Point): Point {
  return { x: p.x / camera.zoom + camera.x, y: p.y / camera.zoom + camera.y };
}

export function worldToScreen(camera: Camera, p: Point): Point {
  return { x: (p.x - camera.x) * camera.zoom, y: (p.y - camera.y) * camera.zoom };
}

/** The camera after zooming by `factor` around the screen point `at` (which stays put). */
export function zoomAround(camera: Camera, at: Point, factor: number): Camera {
  const zoom = clampZoom(camera.zoom * factor);
  const world = screenToWorld(camera, at);
  return { zoom, x: world.x - at.x / zoom, y: world.y - at.y / zoom };
}

/** A camera that shows `bounds` in a viewport of `size`, with a margin, at most 100 %. */
export function fitCamera(
  bounds: Rect,
  size: { w: number; h: number },
  margin = 48,
  maxZoom = 1,
): Camera {
  const zoom = clampZoom(
    Math.min(
      maxZoom,
      (size.w - margin * 2) / Math.max(1, bounds.w),
      (size.h - margin * 2) / Math.max(1, bounds.h),
    ),
  );
  return {
    zoom,
    x: bounds.x + bounds.w / 2 - size.w / 2 / zoom,
    y: bounds.y + bounds.h / 2 - size.h / 2 / zoom,
  };
}

export function viewRect(camera: Camera, size: { w: number; h: number }): Rect {
  return { x: camera.x, y: camera.y, w: size.w / camera.zoom, h: size.h / camera.zoom };
}

export function normaliseRect(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

export function centre(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export function pointIn(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

export function union(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return minX === Infinity ? null : { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/** Where the line from the centre of `r` towards `toward` leaves `r` (connector ends). */
export function edgePoint(r: Rect, toward: Point): Point {
  const c = centre(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export function snap(value: number, grid: number): number {
  return Math.round(value / grid) * grid;
}
