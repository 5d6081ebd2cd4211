import { CATEGORIES } from '../categories';
import { localize } from '../i18n';
import type { DrawContext } from '../render/svg';
import { rect, textIn, translate } from '../render/svg';
import { escapeXml, r } from '../render/text';
import type { CategoryId } from '../categories';
import { isCategoryId } from '../categories';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';

export type LaneId = CategoryId | 'unsorted';

/** A named area. Elements whose centre lies inside move with it. */
export interface FrameElement extends BaseElement {
  type: 'frame';
  title: string;
  color: string;
  /** On the ideate board: the category lane this frame is (or the "not yet sorted" lane). */
  lane?: LaneId;
}

/** Titles and labels are short names, set in one go: plain strings, not `sharedText` (base.ts). */
const FIELDS: OwnFields<FrameElement> = { title: 'string', color: 'string', lane: 'string' };

export const frame: ElementKind<FrameElement> = {
  type: 'frame',
  defaultSize: { w: 800, h: 600 },
  create(base, init) {
    const el: FrameElement = {
      ...base,
      type: 'frame',
      title: init.title ?? '',
      color: init.color ?? '#f5f5f5',
    };
    if (init.lane) el.lane = init.lane;
    return el;
  },
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    const el: FrameElement = {
      ...base,
      type: 'frame',
      title: str(raw, 'title', ''),
      color: str(raw, 'color', '#f5f5f5'),
    };
    const lane = raw.lane;
    if (lane === 'unsorted' || isCategoryId(lane)) el.lane = lane;
    return el;
  },
  textOf: (el) => el.title,
  textField: 'title',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'area',
  draw(el, ctx: DrawContext) {
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
  outlineText(el, lang) {
    if (el.title.trim()) return el.title.trim();
    if (el.lane && el.lane !== 'unsorted') return localize(CATEGORIES[el.lane].label, lang);
    return '';
  },
  fromTemplate: (item, lang) => ({
    title: localize(item.title, lang),
    color: item.color,
    ...(item.lane ? { lane: item.lane } : {}),
  }),
};
