/**
 * The canvas is drawn with one camera and moved by CSS to show another (drawn-view.ts): a world
 * point must land where the live camera puts it, and a redraw must be asked for before the view
 * uncovers an undrawn edge.
 */
import { describe, expect, it } from 'vitest';
import {
  GRID_BLEED,
  MARGIN,
  SLACK,
  covers,
  gridPlacement,
  stageCamera,
  stageTransform,
  toStagePoint,
} from '../../../web/board/canvas/drawn-view';
import type { Camera, Point } from '../../../web/board/geometry';
import { worldToScreen } from '../../../web/board/geometry';

const viewport = { w: 1280, h: 720 };

/** Where a world point appears: drawn on the stage with `drawn`, then moved by the CSS transform. */
function shownAt(drawn: Camera, camera: Camera, p: Point): Point {
  const s = stageCamera(drawn);
  const onCanvas = { x: p.x * s.scale + s.x, y: p.y * s.scale + s.y };
  const t = stageTransform(drawn, camera);
  return { x: t.tx + t.scale * onCanvas.x, y: t.ty + t.scale * onCanvas.y };
}

describe('drawn view', () => {
  const drawn: Camera = { x: -100, y: -80, zoom: 1 };

  it('shows the drawn camera exactly where the stage was drawn (offset by the margin)', () => {
    expect(stageTransform(drawn, drawn)).toEqual({ tx: -MARGIN, ty: -MARGIN, scale: 1 });
    expect(shownAt(drawn, drawn, { x: 40, y: 10 })).toEqual(worldToScreen(drawn, { x: 40, y: 10 }));
  });

  it('puts every world point where the live camera would, while panning and zooming', () => {
    const cameras: Camera[] = [
      { x: -60, y: -20, zoom: 1 },
      { x: 30, y: -200, zoom: 1.6 },
      { x: -400, y: 100, zoom: 0.55 },
    ];
    for (const camera of cameras)
      for (const p of [
        { x: 0, y: 0 },
        { x: 812, y: -333 },
      ]) {
        const got = shownAt(drawn, camera, p);
        const want = worldToScreen(camera, p);
        // Unscaled moves snap to whole pixels (a fractional offset would blur the canvas).
        const tolerance = camera.zoom === drawn.zoom ? 0.5 : 1e-9;
        expect(Math.abs(got.x - want.x)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(got.y - want.y)).toBeLessThanOrEqual(tolerance);
      }
  });

  it('asks for a redraw before the view leaves what was drawn', () => {
    expect(covers(drawn, drawn, viewport)).toBe(true);
    // A pan of less than the margin (minus the slack) stays covered…
    expect(covers(drawn, { ...drawn, x: drawn.x + (MARGIN - SLACK) / 2 }, viewport)).toBe(true);
    // …a longer one, in any direction, does not.
    expect(covers(drawn, { ...drawn, x: drawn.x + MARGIN }, viewport)).toBe(false);
    expect(covers(drawn, { ...drawn, y: drawn.y - MARGIN }, viewport)).toBe(false);
    // Zooming in keeps the view inside the drawn canvas; zooming far out does not.
    expect(covers(drawn, { ...drawn, zoom: 1.5 }, viewport)).toBe(true);
    expect(covers(drawn, { ...drawn, zoom: 0.5 }, viewport)).toBe(false);
  });

  it('maps a pointer on the canvas element onto the stage (for the resize handles)', () => {
    const camera = { x: -20, y: -50, zoom: 2 };
    const t = stageTransform(drawn, camera);
    const screen = worldToScreen(camera, { x: 100, y: 100 });
    const s = stageCamera(drawn);
    expect(toStagePoint(t, screen).x).toBeCloseTo(100 * s.scale + s.x, 9);
    expect(toStagePoint(t, screen).y).toBeCloseTo(100 * s.scale + s.y, 9);
  });

  it('puts grid dots on world grid lines, painted once and scaled while zooming', () => {
    const first = gridPlacement({ x: 13, y: -7, zoom: 1 }, 0);
    expect(first?.paintedZoom).toBe(1);
    for (const camera of [
      { x: 13, y: -7, zoom: 1 },
      { x: -250, y: 33, zoom: 1.3 },
      { x: 90, y: 400, zoom: 0.8 },
    ]) {
      const g = gridPlacement(camera, first?.paintedZoom ?? 0);
      expect(g?.paintedZoom).toBe(1); // within the scale range: no repaint
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)(?: scale\(([\d.]+)\))?/.exec(
        g?.transform ?? '',
      );
      const [tx, ty, scale] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3] ?? 1)];
      const painted = 40; // 40 world units at zoom 1
      const step = painted * scale;
      // The first dot's screen position, and where world x = 0 (a grid line) lands.
      const dotX = -GRID_BLEED + tx + (scale * painted) / 2;
      const dotY = -GRID_BLEED + ty + (scale * painted) / 2;
      const lineX = -camera.x * camera.zoom;
      const lineY = -camera.y * camera.zoom;
      const off = (a: number, b: number) =>
        Math.min((((a - b) % step) + step) % step, step - ((((a - b) % step) + step) % step));
      expect(off(dotX, lineX)).toBeLessThan(0.2);
      expect(off(dotY, lineY)).toBeLessThan(0.2);
    }
    // Far out of range, or past a spacing change, the dots are painted anew; below 25 %, none.
    expect(gridPlacement({ x: 0, y: 0, zoom: 2 }, 1)?.paintedZoom).toBe(2);
    expect(gridPlacement({ x: 0, y: 0, zoom: 0.4 }, 0.6)?.paintedZoom).toBe(0.4);
    expect(gridPlacement({ x: 0, y: 0, zoom: 0.2 }, 1)).toBeNull();
  });
});
