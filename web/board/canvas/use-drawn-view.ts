/**
 * Applies the board's camera to the canvas outside React: the stage is redrawn only when
 * drawn-view.ts says so, and otherwise moved by a CSS transform; the dotted grid (a CSS
 * background) is moved the same way. Components that draw with the stage subscribe to
 * `state.drawn` (the camera of the pixels on the canvas), never to `state.camera`, so a pan
 * re-renders nothing in React.
 */
import type Konva from 'konva';
import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { Board } from '../board';
import type { Camera } from '../geometry';
import {
  MARGIN,
  gridPlacement,
  SETTLE_MS,
  ZOOM_REDRAW_MS,
  covers,
  cssTransform,
  sameCamera,
  stageCamera,
  stageTransform,
} from './drawn-view';
import type { GridPlacement, StageTransform } from './drawn-view';

/** Applies a grid placement (drawn-view.ts) to the grid element. */
function placeGrid(grid: HTMLElement, g: GridPlacement | null): void {
  if (!g) {
    grid.style.display = 'none';
    return;
  }
  grid.style.display = '';
  if (grid.style.backgroundSize !== g.backgroundSize) grid.style.backgroundSize = g.backgroundSize;
  grid.style.transform = g.transform;
}

export interface DrawnView {
  /** The stage element's current CSS transform (to map pointer positions onto the stage). */
  transform: RefObject<StageTransform>;
}

export function useDrawnView(
  board: Board,
  stageRef: RefObject<Konva.Stage | null>,
  gridRef: RefObject<HTMLDivElement | null>,
  /** Whether the stage is mounted (BoardCanvas makes it once the container is measured). */
  staged: boolean,
): DrawnView {
  const transform = useRef<StageTransform>({ tx: -MARGIN, ty: -MARGIN, scale: 1 });

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const el = stage.container();
    el.style.position = 'absolute';
    el.style.left = '0';
    el.style.top = '0';
    el.style.transformOrigin = '0 0';
    el.style.willChange = 'transform';

    /** The camera of the pixels on the canvas now (drawn ones reach it at the next frame). */
    let shown = board.state.camera;
    let lastRedraw = 0;
    let frame = 0;
    let settle = 0;

    const place = () => {
      const t = stageTransform(shown, board.state.camera);
      transform.current = t;
      el.style.transform = cssTransform(t);
    };

    const redraw = (camera: Camera) => {
      const s = stageCamera(camera);
      stage.position({ x: s.x, y: s.y });
      stage.scale({ x: s.scale, y: s.scale });
      stage.batchDraw();
      lastRedraw = performance.now();
      // React re-renders what is in the new drawn area (its nodes join the same frame's draw).
      board.store.setState({ drawn: camera });
      if (!frame)
        frame = requestAnimationFrame(() => {
          // Konva's draw was queued first, so the canvas now holds `drawn`: move it to match.
          frame = 0;
          shown = board.state.drawn;
          place();
        });
    };

    /** The zoom the grid's dots were last painted for (between repaints they are scaled). */
    let gridZoom = 0;
    const grid = (camera: Camera, repaint: boolean) => {
      const g = gridPlacement(camera, repaint ? 0 : gridZoom);
      if (g) gridZoom = g.paintedZoom;
      if (gridRef.current) placeGrid(gridRef.current, g);
    };

    const follow = () => {
      const { camera, viewport } = board.state;
      grid(camera, false);
      const zooming = camera.zoom !== board.state.drawn.zoom;
      if (
        !covers(board.state.drawn, camera, viewport) ||
        (zooming && performance.now() - lastRedraw > ZOOM_REDRAW_MS)
      )
        redraw(camera);
      else place();
      clearTimeout(settle);
      settle = window.setTimeout(() => {
        const now = board.state.camera;
        if (!sameCamera(now, board.state.drawn) || !sameCamera(now, shown)) redraw(now);
        grid(now, now.zoom !== gridZoom);
      }, SETTLE_MS);
    };

    const resize = () => {
      const { viewport } = board.state;
      stage.size({ width: viewport.w + 2 * MARGIN, height: viewport.h + 2 * MARGIN });
      redraw(board.state.camera);
    };

    resize();
    shown = board.state.camera;
    place();
    grid(board.state.camera, true);
    const unsubscribe = board.store.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport) resize();
      else if (s.camera !== prev.camera) follow();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      clearTimeout(settle);
    };
  }, [board, stageRef, gridRef, staged]);

  return { transform };
}
