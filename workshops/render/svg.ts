/**
 * The pieces every element's SVG drawing is made of (the drawings themselves live in the element
 * modules, workshops/elements/*.ts, as `draw`): text in a box, rectangles, polygons, block
 * outlines, connector ends. Board coordinates; the report and the export rasterise the result.
 */
import type { BlockShape } from '../blocks/types';
import type { Box } from '../elements/base';
import type { Lang } from '../i18n';
import { textWidth } from './metrics';
import type { TextBox } from './text';
import { r, svgText } from './text';

export interface DrawContext {
  lang: Lang;
  /** Another element's box by id (connector ends). */
  resolve(id: string): Box | undefined;
  /** Draw vote counts on stickies. */
  showVotes: boolean;
  /** Pixels per board unit of the picture (default 1): text too small to read is not set. */
  scale?: number;
}

export type Drawer<E> = (el: E, ctx: DrawContext) => string;

/** Below this many pixels a letter cannot be read: its line is drawn as a grey bar instead. */
const MIN_TEXT_PX = 4;

/** Text in a box, or at tiny scales ("greeking") one bar per line: a 10,000-note board stays fast. */
export function textIn(ctx: DrawContext, text: string, box: TextBox): string {
  if (box.size * (ctx.scale ?? 1) >= MIN_TEXT_PX) return svgText(text, box);
  if (!text.trim()) return '';
  const lh = (box.lineHeight ?? 1.2) * box.size;
  const lines = Math.max(
    1,
    Math.min(Math.floor(box.h / lh), Math.ceil((textWidth(text, box.bold) * box.size) / box.w)),
  );
  const top =
    box.valign === 'middle' && Number.isFinite(box.h) ? box.y + (box.h - lines * lh) / 2 : box.y;
  return `<rect x="${r(box.x)}" y="${r(top + lh * 0.3)}" width="${r(box.w)}" height="${r(Math.max(lh * 0.4, (lines - 0.6) * lh))}" fill="${box.fill ?? '#1f2937'}" fill-opacity="0.25"/>`;
}

export const STICKY_PAD = 14;

export const translate = (el: Box, body: string): string =>
  `<g transform="translate(${r(el.x)} ${r(el.y)})">${body}</g>`;

export const rect = (w: number, h: number, attrs: string, radius = 0): string =>
  `<rect width="${r(w)}" height="${r(h)}"${radius ? ` rx="${r(radius)}"` : ''} ${attrs}/>`;

export const polygon = (points: number[], attrs: string): string =>
  `<polygon points="${points.map(r).join(' ')}" ${attrs}/>`;

export function outline(shape: BlockShape, w: number, h: number, attrs: string): string {
  const rad = Math.min(w, h) / 2;
  const cx = w / 2;
  const cy = h / 2;
  const regular = (n: number, inner?: number): number[] =>
    Array.from({ length: inner ? n * 2 : n }, (_, i) => {
      const radius = inner && i % 2 === 1 ? inner : rad;
      const a = (Math.PI * 2 * i) / (inner ? n * 2 : n) - Math.PI / 2;
      return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)];
    }).flat();
  switch (shape) {
    case 'circle':
      return `<circle cx="${r(cx)}" cy="${r(cy)}" r="${r(rad)}" ${attrs}/>`;
    case 'hexagon':
      return polygon(regular(6), attrs);
    case 'triangle':
      return polygon([w / 2, 0, w, h, 0, h], attrs);
    case 'diamond':
      return polygon([w / 2, 0, w, h / 2, w / 2, h, 0, h / 2], attrs);
    case 'star':
      return polygon(regular(8, rad * 0.72), attrs);
    case 'pill':
      return rect(w, h, attrs, h / 2);
    case 'rect':
      return rect(w, h, attrs, 2);
    case 'roundRect':
      return rect(w, h, attrs, 18);
  }
}

export function centre(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the line from the centre of `b` towards `p` leaves `b`. */
export function edgePoint(b: Box, p: { x: number; y: number }): { x: number; y: number } {
  const c = centre(b);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const s = Math.min(
    dx === 0 ? Infinity : b.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : b.h / 2 / Math.abs(dy),
  );
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export const VALUE_COLOUR: Record<string, string> = {
  transaction: '#64748b',
  reputation: '#a855f7',
  interaction: '#0ea5e9',
  synergy: '#16a34a',
};

export function arrowHead(
  tip: { x: number; y: number },
  from: { x: number; y: number },
  colour: string,
) {
  const a = Math.atan2(tip.y - from.y, tip.x - from.x);
  const len = 12;
  const half = 6;
  const bx = tip.x - len * Math.cos(a);
  const by = tip.y - len * Math.sin(a);
  return polygon(
    [
      tip.x,
      tip.y,
      bx + half * Math.sin(a),
      by - half * Math.cos(a),
      bx - half * Math.sin(a),
      by + half * Math.cos(a),
    ],
    `fill="${colour}"`,
  );
}

/** Width of `s` set at `size`, board units. */
export const fitWidth = (s: string, size: number): number => textWidth(s) * size;
