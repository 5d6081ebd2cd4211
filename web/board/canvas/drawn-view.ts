/**
 * How the canvas follows the camera without redrawing every frame.
 *
 * The stage is drawn `MARGIN` px larger than the viewport on every side, with the camera it was
 * last drawn with (`drawn`). While the camera moves, the drawn canvas is only moved (and, while
 * zooming, scaled) by a CSS transform, which the compositor applies without touching the
 * canvas. It is redrawn when the view would uncover an edge of what was drawn, every
 * `ZOOM_REDRAW_MS` while zooming (scaled pixels go soft), and once the motion settles, so a
 * still board is always drawn crisp at its exact camera.
 *
 * Pure functions only: the canvas (BoardCanvas) applies them; unit tests check the maths.
 */
import type { Camera, Point } from '../geometry';

/** Extra canvas drawn on each side of the viewport, screen px. */
export const MARGIN = 160;
/** A redraw is due when less than this much drawn margin is left on any side, screen px. */
export const SLACK = 40;
/** While zooming, redraw at most this often; in between the drawn canvas is scaled. */
export const ZOOM_REDRAW_MS = 250;
/** After the camera stops moving for this long, draw once more at the exact camera. */
export const SETTLE_MS = 160;

/** CSS transform of the stage's element: screen = translate + scale × canvas pixel. */
export interface StageTransform {
  tx: number;
  ty: number;
  scale: number;
}

/** Where the stage element must sit so that a canvas drawn with `drawn` shows `camera`. */
export function stageTransform(drawn: Camera, camera: Camera, margin = MARGIN): StageTransform {
  const scale = camera.zoom / drawn.zoom;
  let tx = -scale * margin + (drawn.x - camera.x) * camera.zoom;
  let ty = -scale * margin + (drawn.y - camera.y) * camera.zoom;
  // Unscaled, move by whole pixels: a fractional offset would resample (blur) the canvas.
  if (scale === 1) {
    tx = Math.round(tx);
    ty = Math.round(ty);
  }
  return { tx, ty, scale };
}

export function cssTransform(t: StageTransform): string {
  return t.scale === 1
    ? `translate(${t.tx}px, ${t.ty}px)`
    : `translate(${t.tx}px, ${t.ty}px) scale(${t.scale})`;
}

/** The stage's own position and scale for a canvas drawn with `camera`. */
export function stageCamera(
  camera: Camera,
  margin = MARGIN,
): { x: number; y: number; scale: number } {
  return {
    x: -camera.x * camera.zoom + margin,
    y: -camera.y * camera.zoom + margin,
    scale: camera.zoom,
  };
}

/** Whether the drawn canvas (viewport + margin) still covers the whole view, with some slack. */
export function covers(
  drawn: Camera,
  camera: Camera,
  viewport: { w: number; h: number },
  margin = MARGIN,
  slack = SLACK,
): boolean {
  const t = stageTransform(drawn, camera, margin);
  // The view's corners in canvas pixels.
  const left = -t.tx / t.scale;
  const top = -t.ty / t.scale;
  const right = (viewport.w - t.tx) / t.scale;
  const bottom = (viewport.h - t.ty) / t.scale;
  return (
    left >= slack &&
    top >= slack &&
    right <= viewport.w + 2 * margin - slack &&
    bottom <= viewport.h + 2 * margin - slack
  );
}

/** A point on the canvas element (screen px) in the stage's own pixel coordinates. */
export function toStagePoint(t: StageTransform, p: Point): Point {
  return { x: (p.x - t.tx) / t.scale, y: (p.y - t.ty) / t.scale };
}

export const sameCamera = (a: Camera, b: Camera) => a.x === b.x && a.y === b.y && a.zoom === b.zoom;

/** The grid dots' spacing on screen for a zoom (coarser when zoomed out), px. */
export function gridStep(zoom: number): number {
  return gridBase(zoom) * zoom;
}
const gridBase = (zoom: number) => (zoom < 0.5 ? 200 : zoom < 1.5 ? 40 : 20);

/** How far the grid element reaches past the view on every side (≥ the largest step). */
export const GRID_BLEED = 120;
/** Between repaints the painted grid is scaled by at least this… */
export const GRID_MIN_SCALE = 0.6;
/** …and at most this; outside, it is painted anew. */
export const GRID_MAX_SCALE = 1.6;

export interface GridPlacement {
  /** The zoom the dots are painted for (the background size follows it). */
  paintedZoom: number;
  backgroundSize: string;
  transform: string;
}

/**
 * The dotted grid (a CSS background, transform origin at its top-left corner, placed GRID_BLEED
 * px above and left of the view): painted for one zoom and moved — and while zooming, scaled —
 * by a CSS transform, so neither a pan nor a zoom repaints it every frame. `paintedZoom` 0
 * asks for a repaint. Null: no grid (zoomed out below 25 %).
 */
export function gridPlacement(camera: Camera, paintedZoom: number): GridPlacement | null {
  if (camera.zoom < 0.25) return null;
  let painted = paintedZoom;
  const s0 = painted > 0 ? camera.zoom / painted : 0;
  if (
    painted <= 0 ||
    s0 < GRID_MIN_SCALE ||
    s0 > GRID_MAX_SCALE ||
    gridBase(painted) !== gridBase(camera.zoom)
  )
    painted = camera.zoom;
  const scale = camera.zoom / painted;
  const paintedStep = gridStep(painted);
  const step = paintedStep * scale;
  const mod = (v: number) => ((v % step) + step) % step;
  // Dots sit at the centre of each background tile: shift so one lands on world multiples.
  const tx = mod(-camera.x * camera.zoom + GRID_BLEED - step / 2);
  const ty = mod(-camera.y * camera.zoom + GRID_BLEED - step / 2);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    paintedZoom: painted,
    backgroundSize: `${paintedStep}px ${paintedStep}px`,
    transform: cssTransform({ tx: r(tx), ty: r(ty), scale }),
  };
}
