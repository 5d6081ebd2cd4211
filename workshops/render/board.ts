/**
 * A board as one SVG picture: every element through its type's drawing (`draw.ts`), in z order,
 * cut to an area (the whole board, one frame, or a selection) at a scale, on white or on nothing.
 * The server rasterises it with resvg, the browser through a canvas: the same picture in both.
 */
import type { Box } from '../elements/base';
import { centreIn } from '../elements/base';
import type { Element } from '../elements/registry';
import type { Lang } from '../i18n';
import { drawElement } from '../elements/registry';
import { r } from './text';

export interface BoardPictureOptions {
  lang: Lang;
  /** Board area to draw (default: everything, with a margin). */
  area?: Box;
  /** Only these elements (a selection); with no `area`, the picture fits them. */
  only?: ReadonlySet<string>;
  /** Pixels per board unit (default 1). */
  scale?: number;
  /** Fill behind the board; null for transparent (default white). */
  background?: string | null;
  /** Draw vote counts on stickies (default true). */
  showVotes?: boolean;
  /**
   * The longer side the picture will be rasterised at, at most (a report fits a board to a
   * page): text that ends up below 4 px is drawn as bars, which keeps huge boards fast.
   */
  fitPixels?: number;
  /** Frame titles sit above their frame: the margin keeps them in the picture. */
  margin?: number;
}

export interface BoardPicture {
  svg: string;
  /** Pixel size of the picture. */
  width: number;
  height: number;
  /** The board area drawn. */
  area: Box;
}

/** What an element covers on the board (a connector: the box of its two ends). */
function extent(el: Element, byId: Map<string, Element>): Box {
  if (el.type !== 'connector') return el;
  const a = (el.from && byId.get(el.from)) || { x: el.x, y: el.y, w: 0, h: 0 };
  const b = (el.to && byId.get(el.to)) || { x: el.x2, y: el.y2, w: 0, h: 0 };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function boundsOf(boxes: Iterable<Box>): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/** Elements in drawing order: by z, ties by id (as the canvas sorts them). */
export function drawingOrder(elements: readonly Element[]): Element[] {
  return [...elements].sort((a, b) =>
    a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** The area of one frame, its title included. */
export function frameArea(frame: Box, margin = 40): Box {
  return {
    x: frame.x - margin,
    y: frame.y - margin,
    w: frame.w + margin * 2,
    h: frame.h + margin * 2,
  };
}

/**
 * Draws `elements` step by step (silent-round stickies are the caller's business: pass what the
 * reader may see): yields the number of elements drawn every `chunk`, returns the picture. The
 * browser awaits between steps (progress, cancel); `renderBoard` runs it in one go.
 */
export function* renderBoardSteps(
  elements: readonly Element[],
  options: BoardPictureOptions,
  chunk = 500,
): Generator<number, BoardPicture> {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const margin = options.margin ?? 40;
  const chosen = options.only ? elements.filter((e) => options.only?.has(e.id)) : elements;
  const fit = boundsOf(chosen.map((e) => extent(e, byId)));
  const area =
    options.area ??
    (fit
      ? { x: fit.x - margin, y: fit.y - margin, w: fit.w + margin * 2, h: fit.h + margin * 2 }
      : { x: 0, y: 0, w: 800, h: 600 });
  const scale = options.scale ?? 1;
  const width = Math.max(1, Math.round(area.w * scale));
  const height = Math.max(1, Math.round(area.h * scale));
  const ctx = {
    lang: options.lang,
    resolve: (id: string) => byId.get(id),
    showVotes: options.showVotes ?? true,
    scale: options.fitPixels
      ? Math.min(scale, options.fitPixels / Math.max(area.w, area.h))
      : scale,
  };
  const parts: string[] = [];
  const ordered = drawingOrder(chosen);
  const view = { x: area.x - 60, y: area.y - 60, w: area.w + 120, h: area.h + 120 };
  for (let i = 0; i < ordered.length; i++) {
    const el = ordered[i] as Element;
    if (overlaps(extent(el, byId), view)) parts.push(drawElement(el, ctx));
    if ((i + 1) % chunk === 0) yield i + 1;
  }
  const bg = options.background === undefined ? '#ffffff' : options.background;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="${r(area.x)} ${r(area.y)} ${r(area.w)} ${r(area.h)}">` +
    (bg
      ? `<rect x="${r(area.x)}" y="${r(area.y)}" width="${r(area.w)}" height="${r(area.h)}" fill="${bg}"/>`
      : '') +
    parts.join('') +
    '</svg>';
  return { svg, width, height, area };
}

/** The picture in one go. */
export function renderBoard(
  elements: readonly Element[],
  options: BoardPictureOptions,
): BoardPicture {
  const steps = renderBoardSteps(elements, options, Infinity);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** The frames of a board and the elements each holds (centre inside; innermost frame wins). */
export function elementsByFrame<E extends Element>(
  elements: readonly E[],
  frames: readonly Box[],
): Map<number, E[]> {
  const out = new Map<number, E[]>();
  for (const el of elements) {
    let best = -1;
    frames.forEach((f, i) => {
      const cur = frames[best];
      if (centreIn(el, f) && (!cur || f.w * f.h < cur.w * cur.h)) best = i;
    });
    const list = out.get(best) ?? [];
    list.push(el);
    out.set(best, list);
  }
  return out;
}
