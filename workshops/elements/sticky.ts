import { CATEGORIES } from '../categories';
import { localize } from '../i18n';
import type { DrawContext } from '../render/svg';
import { STICKY_PAD, rect, textIn, translate } from '../render/svg';
import { fitSize, r } from '../render/text';
import type { CategoryId } from '../categories';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, oneOf, optCategory, optStr, str, votesOf } from './base';

export const STICKY_COLORS = [
  'yellow',
  'orange',
  'pink',
  'purple',
  'blue',
  'green',
  'grey',
] as const;
export type StickyColor = (typeof STICKY_COLORS)[number];

export const STICKY_FILL: Record<StickyColor, string> = {
  yellow: '#fff176',
  orange: '#ffcc80',
  pink: '#f8bbd0',
  purple: '#d1c4e9',
  blue: '#b3e5fc',
  green: '#c5e1a5',
  grey: '#e0e0e0',
};

export interface StickyElement extends BaseElement {
  type: 'sticky';
  text: string;
  color: StickyColor;
  category?: CategoryId;
  /** participantId → number of votes that person gave this sticky. */
  votes: Record<string, number>;
  /** Written during a silent brainstorm: others see it only once the round ends. */
  silentRound?: string;
}

const FIELDS: OwnFields<StickyElement> = {
  text: 'sharedText',
  color: 'string',
  category: 'string',
  votes: 'countSheet',
  silentRound: 'string',
};

export const sticky: ElementKind<StickyElement> = {
  type: 'sticky',
  defaultSize: { w: 160, h: 160 },
  create(base, init) {
    const el: StickyElement = {
      ...base,
      type: 'sticky',
      text: init.text ?? '',
      color: init.color ?? 'yellow',
      votes: init.votes ?? {},
    };
    if (init.category) el.category = init.category;
    if (init.silentRound) el.silentRound = init.silentRound;
    return el;
  },
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    const el: StickyElement = {
      ...base,
      type: 'sticky',
      text: str(raw, 'text', ''),
      color: oneOf(raw, 'color', STICKY_COLORS, 'yellow'),
      votes: votesOf(raw),
    };
    const category = optCategory(raw);
    if (category) el.category = category;
    const silentRound = optStr(raw, 'silentRound');
    if (silentRound) el.silentRound = silentRound;
    return el;
  },
  textOf: (el) => el.text,
  textField: 'text',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'item',
  draw(el, ctx: DrawContext) {
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
  outlineText: (el) => el.text,
  fromTemplate: (item, lang) => ({
    text: localize(item.text, lang),
    color: item.color,
    ...(item.category ? { category: item.category } : {}),
  }),
};

export function totalVotes(el: StickyElement): number {
  let n = 0;
  for (const v of Object.values(el.votes)) n += v;
  return n;
}
