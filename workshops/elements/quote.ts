import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';
import type { DrawContext } from '../render/svg';
import { rect, textIn, translate } from '../render/svg';

/** Longest attribution a quote keeps (a name and a role, not a second text). */
export const QUOTE_BY_MAX = 120;

/**
 * A quotation card: what someone said (an interviewee, a customer) and who said it. `text` is
 * edited in place like a sticky's; `by` is the attribution, drawn under it.
 */
export interface QuoteElement extends BaseElement {
  type: 'quote';
  text: string;
  by: string;
}

const FIELDS: OwnFields<QuoteElement> = { text: 'string', by: 'string' };

/** Where a quote's parts sit (the Konva view, web/board/elements/quote.tsx, draws the same). */
export const QUOTE_LAYOUT = {
  pad: 16,
  /** The opening quotation mark, top left. */
  markSize: 44,
  textSize: 18,
  bySize: 14,
  byHeight: 22,
  fill: '#f8fafc',
  accent: '#6366f1',
  ink: '#1f2937',
  muted: '#475569',
} as const;

/** The attribution as shown: "— Name", or nothing. */
export function quoteAttribution(el: Pick<QuoteElement, 'by'>): string {
  const by = el.by.trim();
  return by ? `— ${by}` : '';
}

export const quote: ElementKind<QuoteElement> = {
  type: 'quote',
  defaultSize: { w: 280, h: 180 },
  create: (base, init) => ({
    ...base,
    type: 'quote',
    text: init.text ?? '',
    by: (init.by ?? '').slice(0, QUOTE_BY_MAX),
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'quote',
      text: str(raw, 'text', ''),
      by: str(raw, 'by', '').slice(0, QUOTE_BY_MAX),
    };
  },
  textOf: (el) => el.text,
  textField: 'text',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'item',
  draw(el, ctx: DrawContext) {
    const L = QUOTE_LAYOUT;
    const by = quoteAttribution(el);
    const textTop = L.pad + L.markSize * 0.45;
    const parts = [
      rect(el.w, el.h, `fill="${L.fill}" stroke="#cbd5e1" stroke-width="1.5"`, 8),
      `<rect width="5" height="${el.h}" fill="${L.accent}"/>`,
      textIn(ctx, '“', {
        x: L.pad,
        y: L.pad - L.markSize * 0.3,
        w: L.markSize,
        h: L.markSize,
        size: L.markSize,
        bold: true,
        fill: L.accent,
        lineHeight: 1,
      }),
      textIn(ctx, el.text, {
        x: L.pad + 8,
        y: textTop,
        w: el.w - L.pad * 2 - 8,
        h: el.h - textTop - L.pad - (by ? L.byHeight : 0),
        size: L.textSize,
        fill: L.ink,
        valign: 'middle',
      }),
    ];
    if (by)
      parts.push(
        textIn(ctx, by, {
          x: L.pad + 8,
          y: el.h - L.pad - L.byHeight,
          w: el.w - L.pad * 2 - 8,
          h: L.byHeight,
          size: L.bySize,
          fill: L.muted,
          wrap: false,
          valign: 'middle',
        }),
      );
    return translate(el, parts.join(''));
  },
  outlineText(el) {
    const by = quoteAttribution(el);
    return by ? `“${el.text}” ${by}` : `“${el.text}”`;
  },
  fromTemplate: null,
};
