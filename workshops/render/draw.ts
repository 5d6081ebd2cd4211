/**
 * One drawing per element type, as SVG in board coordinates. `DRAWERS` is keyed by every
 * `ElementType`: a new element type that brings no drawing is a compile error here. The drawings
 * follow the board's Konva renderers (web/board/elements/*.tsx) shape for shape, in the shipped
 * font, so a picture in the report looks like the board on screen.
 */
import { blockInk, blockKind } from '../blocks/catalogue';
import type { BlockShape } from '../blocks/types';
import { CATEGORIES } from '../categories';
import type { Box, ElementType } from '../elements/base';
import type { ElementByType, Element } from '../elements/registry';
import { STICKY_FILL, totalVotes } from '../elements/sticky';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import type { WidgetElement } from '../elements/widget';
import { WIDGET_KIND_SPECS, widgetSheet } from '../elements/widget';
import { SCALE_MAX, SCALE_MIN, WIDGET_LABELS, SURVEY_GROUP_LABELS } from '../widgets/content';
import { widgetLayout } from '../widgets/layout';
import { summarise } from '../widgets/stats';
import { textWidth } from './metrics';
import type { TextBox } from './text';
import { escapeXml, fitSize, r, svgText } from './text';

export interface DrawContext {
  lang: Lang;
  /** Another element by id (connector ends). */
  resolve(id: string): Element | undefined;
  /** Draw vote counts on stickies. */
  showVotes: boolean;
  /** Pixels per board unit of the picture (default 1): text too small to read is not set. */
  scale?: number;
}

/** Below this many pixels a letter cannot be read: its line is drawn as a grey bar instead. */
const MIN_TEXT_PX = 4;

/** Text in a box, or at tiny scales ("greeking") one bar per line: a 10,000-note board stays fast. */
function textIn(ctx: DrawContext, text: string, box: TextBox): string {
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

export type Drawer<E> = (el: E, ctx: DrawContext) => string;

const STICKY_PAD = 14;

const translate = (el: Box, body: string): string =>
  `<g transform="translate(${r(el.x)} ${r(el.y)})">${body}</g>`;

const rect = (w: number, h: number, attrs: string, radius = 0): string =>
  `<rect width="${r(w)}" height="${r(h)}"${radius ? ` rx="${r(radius)}"` : ''} ${attrs}/>`;

const polygon = (points: number[], attrs: string): string =>
  `<polygon points="${points.map(r).join(' ')}" ${attrs}/>`;

function outline(shape: BlockShape, w: number, h: number, attrs: string): string {
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

function centre(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the line from the centre of `b` towards `p` leaves `b`. */
function edgePoint(b: Box, p: { x: number; y: number }): { x: number; y: number } {
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

const VALUE_COLOUR: Record<string, string> = {
  transaction: '#64748b',
  reputation: '#a855f7',
  interaction: '#0ea5e9',
  synergy: '#16a34a',
};

function arrowHead(tip: { x: number; y: number }, from: { x: number; y: number }, colour: string) {
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

/** An answer widget of any kind: title, labels, the 1–5 scale, average bars. */
function widget(el: WidgetElement, ctx: DrawContext): string {
  const lang = ctx.lang;
  const spec = WIDGET_KIND_SPECS[el.type];
  const sheet = widgetSheet(el);
  const title = el.title || localize(spec.title, lang);
  const labelOf = (id: string): string => {
    const q = spec.question(id);
    return q ? localize(q.label ?? q.text, lang) : id;
  };
  const layout = widgetLayout(el);
  const parts = [
    rect(el.w, el.h, 'fill="#ffffff" stroke="#cbd5e1" stroke-width="1.5"', 12),
    textIn(ctx, title, { ...layout.title, size: 20, bold: true, wrap: false, valign: 'middle' }),
  ];
  for (const g of layout.groups)
    parts.push(
      textIn(ctx, localize(SURVEY_GROUP_LABELS[g.group], lang), {
        ...g.box,
        size: 15,
        bold: true,
        fill: '#475569',
        wrap: false,
        valign: 'middle',
      }),
    );
  for (const row of layout.rows) {
    parts.push(textIn(ctx, labelOf(row.questionId), { ...row.label, size: 13, valign: 'middle' }));
    for (const b of row.buttons)
      parts.push(
        `<g transform="translate(${r(b.box.x)} ${r(b.box.y)})">${rect(b.box.w, b.box.h, 'fill="#f8fafc" stroke="#94a3b8"', 6)}${textIn(ctx, String(b.score), { x: 0, y: 0, w: b.box.w, h: b.box.h, size: 13, align: 'center', valign: 'middle', fill: '#334155' })}</g>`,
      );
    const s = summarise(sheet, row.questionId);
    const st = row.stats;
    const share = s.average === null ? 0 : (s.average - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
    parts.push(
      `<g transform="translate(${r(st.x)} ${r(st.y)})">${rect(st.w * 0.6, st.h * 0.5, 'fill="#e2e8f0"', 4)}` +
        `${share > 0 ? rect(st.w * 0.6 * share, st.h * 0.5, 'fill="#2563eb"', 4) : ''}` +
        textIn(ctx, s.average === null ? '–' : `${s.average.toFixed(1)} (n=${s.n})`, {
          x: st.w * 0.62,
          y: 0,
          w: st.w * 0.38,
          h: st.h * 0.5,
          size: 12,
          wrap: false,
          valign: 'middle',
        }) +
        '</g>',
    );
  }
  if (layout.rows.length === 0)
    parts.push(
      textIn(ctx, localize(WIDGET_LABELS.noAnswers, lang), {
        x: 20,
        y: 60,
        w: el.w - 40,
        h: 30,
        size: 14,
      }),
    );
  return translate(el, parts.join(''));
}

export const DRAWERS: { [T in ElementType]: Drawer<ElementByType[T]> } = {
  sticky(el, ctx) {
    const carried = !!el.source;
    const size = fitSize(
      el.text,
      el.w - STICKY_PAD * 2,
      el.h - STICKY_PAD * 2 - (carried ? 14 : 0),
    );
    const votes = ctx.showVotes ? totalVotes(el) : 0;
    const parts = [
      `<rect x="1" y="3" width="${r(el.w)}" height="${r(el.h)}" rx="3" fill="rgb(15,23,42)" fill-opacity="0.12"/>`,
      rect(el.w, el.h, `fill="${STICKY_FILL[el.color]}"`, 3),
      textIn(ctx, el.text, {
        x: STICKY_PAD,
        y: STICKY_PAD + (carried ? 12 : 0),
        w: el.w - STICKY_PAD * 2,
        h: el.h - STICKY_PAD * 2 - (carried ? 12 : 0),
        size,
        align: 'center',
        valign: 'middle',
      }),
    ];
    if (carried)
      parts.push(
        textIn(ctx, '↩', { x: 8, y: 6, w: 20, h: 14, size: 12, fill: '#6b7280', lineHeight: 1 }),
      );
    if (el.category)
      parts.push(
        `<circle cx="${r(el.w - 12)}" cy="12" r="6" fill="${CATEGORIES[el.category].color}" stroke="#ffffff" stroke-width="1.5"/>`,
      );
    if (votes > 0)
      parts.push(
        `<g transform="translate(${r(el.w - 30)} ${r(el.h - 26)})">${rect(26, 20, 'fill="#111827"', 10)}` +
          textIn(ctx, String(votes), {
            x: 0,
            y: 0,
            w: 26,
            h: 20,
            size: 12,
            bold: true,
            fill: '#ffffff',
            align: 'center',
            valign: 'middle',
            lineHeight: 1,
          }) +
          '</g>',
      );
    return translate(el, parts.join(''));
  },
  text(el, ctx) {
    return textIn(ctx, el.text, {
      x: el.x,
      y: el.y,
      w: el.w,
      h: el.h,
      size: el.fontSize,
      bold: el.fontSize >= 28,
      lineHeight: 1.25,
      fill: '#111827',
    });
  },
  shape(el, ctx) {
    const attrs = `fill="${escapeXml(el.fill)}" stroke="${escapeXml(el.stroke)}" stroke-width="2"`;
    const body =
      el.shape === 'ellipse'
        ? `<ellipse cx="${r(el.w / 2)}" cy="${r(el.h / 2)}" rx="${r(el.w / 2)}" ry="${r(el.h / 2)}" ${attrs}/>`
        : el.shape === 'diamond'
          ? polygon([el.w / 2, 0, el.w, el.h / 2, el.w / 2, el.h, 0, el.h / 2], attrs)
          : rect(el.w, el.h, attrs, 6);
    return translate(
      el,
      body +
        textIn(ctx, el.text, {
          x: 10,
          y: 10,
          w: el.w - 20,
          h: el.h - 20,
          size: 18,
          align: 'center',
          valign: 'middle',
        }),
    );
  },
  connector(el, ctx) {
    const from = el.from ? ctx.resolve(el.from) : undefined;
    const to = el.to ? ctx.resolve(el.to) : undefined;
    const a0 = from ? centre(from) : { x: el.x, y: el.y };
    const b0 = to ? centre(to) : { x: el.x2, y: el.y2 };
    const a = from ? edgePoint(from, b0) : a0;
    const b = to ? edgePoint(to, a0) : b0;
    const colour = el.value ? (VALUE_COLOUR[el.value] ?? '#475569') : '#475569';
    const parts = [
      `<line x1="${r(a.x)}" y1="${r(a.y)}" x2="${r(b.x)}" y2="${r(b.y)}" stroke="${colour}" stroke-width="${el.value ? 4 : 2.5}" stroke-linecap="round"/>`,
    ];
    if (el.arrow !== 'none') parts.push(arrowHead(b, a, colour));
    if (el.arrow === 'both') parts.push(arrowHead(a, b, colour));
    const label = [el.label, el.value ? `(${el.value})` : ''].filter(Boolean).join(' ');
    if (label) {
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const w = Math.min(400, fitWidth(label, 13) + 10);
      parts.push(
        `<g transform="translate(${r(mid.x)} ${r(mid.y)})">${rect(w, 23, `fill="#ffffff" stroke="${colour}"`, 6)}` +
          textIn(ctx, label, {
            x: 5,
            y: 5,
            w: w - 10,
            h: 13,
            size: 13,
            wrap: false,
            lineHeight: 1,
          }) +
          '</g>',
      );
    }
    return parts.join('');
  },
  frame(el, ctx) {
    const accent = el.lane && el.lane !== 'unsorted' ? CATEGORIES[el.lane].color : '#94a3b8';
    const parts = [
      rect(
        el.w,
        el.h,
        `fill="${escapeXml(el.color)}" stroke="${el.lane ? accent : '#cbd5e1'}" stroke-width="${el.lane ? 3 : 1.5}"`,
        10,
      ),
    ];
    if (el.lane)
      parts.push(
        `<path d="M0 8 V4 A4 4 0 0 1 4 0 H${r(el.w - 4)} A4 4 0 0 1 ${r(el.w)} 4 V8 Z" fill="${accent}"/>`,
      );
    parts.push(
      textIn(ctx, el.title, {
        x: 4,
        y: -28,
        w: el.w,
        h: 20,
        size: 20,
        bold: true,
        fill: '#334155',
        wrap: false,
        lineHeight: 1,
      }),
    );
    return translate(el, parts.join(''));
  },
  block(el, ctx) {
    const kind = blockKind(el.kind);
    const shape = kind?.shape ?? 'rect';
    const fill = kind?.color ?? '#e5e7eb';
    const ink = blockInk(fill);
    const label = el.label || (kind ? localize(kind.label, ctx.lang) : el.kind);
    const pill = shape === 'pill';
    const textTop = shape === 'triangle' ? el.h * 0.5 : pill ? 0 : el.h * 0.45;
    const parts = [
      `<g transform="translate(0 2)" opacity="0.12">${outline(shape, el.w, el.h, 'fill="#000000"')}</g>`,
      outline(
        shape,
        el.w,
        el.h,
        `fill="${fill}" stroke="rgb(15,23,42)" stroke-opacity="0.35" stroke-width="2"`,
      ),
    ];
    if (!pill) {
      const size = Math.min(34, el.h * 0.24);
      parts.push(
        textIn(ctx, kind?.icon ?? '?', {
          x: 0,
          y: el.h * 0.14,
          w: el.w,
          h: size,
          size,
          align: 'center',
          fill: ink,
          lineHeight: 1,
        }),
      );
    }
    parts.push(
      textIn(ctx, pill ? `${kind?.icon ?? ''}  ${label}` : label, {
        x: el.w * 0.14,
        y: textTop,
        w: el.w * 0.72,
        h: pill ? el.h : el.h * 0.42,
        size: pill ? 14 : 13,
        bold: true,
        align: 'center',
        valign: pill ? 'middle' : 'top',
        fill: ink,
        lineHeight: 1,
      }),
    );
    return translate(el, parts.join(''));
  },
  // One drawing for every kind of answer widget.
  rating: widget,
  survey: widget,
};

const fitWidth = (s: string, size: number): number => textWidth(s) * size;

/** SVG of one element, through its type's drawing. */
export function drawElement(el: Element, ctx: DrawContext): string {
  return (DRAWERS[el.type] as Drawer<Element>)(el, ctx);
}
