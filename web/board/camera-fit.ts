/**
 * How the camera fits an area to this person's screen: on opening a board, on "bring everyone
 * here" and while following the facilitator. Every device fits the area to its own viewport,
 * never copies another device's zoom, and never zooms out so far that the template's text drops
 * below a readable size on screen: where the area is bigger than that allows, the view starts at
 * its top-left corner (or stays centred along an axis that does fit).
 */
import type { Element } from '../../workshops';
import type { Board } from './board';
import type { Camera, Rect } from './geometry';
import { centre, clampZoom, pointIn } from './geometry';
import { boundsOf } from './sync-observer';

/** Smallest text size on screen, in CSS px, that a board opens at. */
export const READABLE_TEXT_PX = 12;
/** The template's body text (workshops/templates/build.ts `text`) when an area holds none. */
export const DEFAULT_TEXT_SIZE = 18;

export interface FitOptions {
  /** Screen px kept free around the area. */
  margin?: number;
  /** Highest zoom (an area smaller than the screen is not blown up beyond this). */
  maxZoom?: number;
  /** World size of the smallest text in the area. */
  textSize?: number;
  /** Where the view starts when the area does not fit readably: its top-left, or its centre. */
  anchor?: 'top-left' | 'centre';
}

/**
 * A camera that shows `area` in a viewport of `size`: the whole area when that keeps text of
 * `textSize` at least `READABLE_TEXT_PX` on screen, else that readable zoom, anchored at the
 * area's top-left (per axis: an axis that fits stays centred).
 */
export function readableFit(
  area: Rect,
  size: { w: number; h: number },
  options: FitOptions = {},
): Camera {
  const margin = Math.min(options.margin ?? 24, size.w / 8, size.h / 8);
  const maxZoom = options.maxZoom ?? 1;
  const textSize = options.textSize ?? DEFAULT_TEXT_SIZE;
  const fitsAt = Math.min(
    (size.w - margin * 2) / Math.max(1, area.w),
    (size.h - margin * 2) / Math.max(1, area.h),
  );
  const readable = Math.min(maxZoom, READABLE_TEXT_PX / Math.max(1, textSize));
  const zoom = clampZoom(Math.min(maxZoom, Math.max(fitsAt, readable)));
  const viewW = size.w / zoom;
  const viewH = size.h / zoom;
  const m = margin / zoom;
  const c = centre(area);
  const place = (start: number, length: number, mid: number, view: number) =>
    length + 2 * m <= view || options.anchor === 'centre' ? mid - view / 2 : start - m;
  return {
    zoom,
    x: place(area.x, area.w, c.x, viewW),
    y: place(area.y, area.h, c.y, viewH),
  };
}

/** The smallest text size among the text elements whose centre lies in `area`. */
export function smallestTextIn(elements: Iterable<Element>, area: Rect): number {
  let smallest = Infinity;
  for (const el of elements) {
    if (el.type !== 'text' || !pointIn(area, centre(boundsOf(el)))) continue;
    smallest = Math.min(smallest, el.fontSize);
  }
  return smallest === Infinity ? DEFAULT_TEXT_SIZE : smallest;
}

/** The camera that fits `area` on this board's screen, readable, from its top-left. */
export function fitAreaCamera(board: Board, area: Rect, anchor: FitOptions['anchor']): Camera {
  return readableFit(area, board.state.viewport, {
    textSize: smallestTextIn(board.state.elements.values(), area),
    anchor,
  });
}

/** Shows a frame (the activity's) on this screen: whole if readable, else from its top-left. */
export function fitFrame(board: Board, id: string): boolean {
  const el = board.get(id);
  if (!el) return false;
  board.setCamera(fitAreaCamera(board, boundsOf(el), 'top-left'));
  return true;
}

/** Shows the whole board if that is readable, else its top-left at a readable size. */
export function fitBoard(board: Board): boolean {
  const area = board.contentBounds();
  if (!area) return false;
  board.setCamera(fitAreaCamera(board, area, 'top-left'));
  return true;
}

/** What a facilitator's view covers, in world units (published for follow mode). */
export interface FollowedView {
  cx: number;
  cy: number;
  /** World width and height of the facilitator's view; absent from an older client. */
  w?: number;
  h?: number;
  zoom: number;
}

/** What the facilitator's screen shows, as a world rectangle. */
export function followedArea(view: FollowedView): Rect {
  const w = view.w ?? 1280 / view.zoom;
  const h = view.h ?? 720 / view.zoom;
  return { x: view.cx - w / 2, y: view.cy - h / 2, w, h };
}

/** Follow mode: the facilitator's view fitted to this screen, centred on the same point. */
export function followCamera(board: Board, view: FollowedView): Camera {
  const area = followedArea(view);
  return readableFit(area, board.state.viewport, {
    margin: 0,
    maxZoom: Math.max(1, view.zoom),
    textSize: smallestTextIn(board.state.elements.values(), area),
    anchor: 'centre',
  });
}
