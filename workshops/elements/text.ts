import { localize } from '../i18n';
import type { DrawContext } from '../render/svg';
import { textIn } from '../render/svg';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, num, str } from './base';

export interface TextElement extends BaseElement {
  type: 'text';
  text: string;
  fontSize: number;
}

const FIELDS: OwnFields<TextElement> = { text: 'sharedText', fontSize: 'number' };

export const text: ElementKind<TextElement> = {
  type: 'text',
  defaultSize: { w: 240, h: 40 },
  create: (base, init) => ({
    ...base,
    type: 'text',
    text: init.text ?? '',
    fontSize: init.fontSize ?? 24,
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'text',
      text: str(raw, 'text', ''),
      fontSize: Math.min(400, Math.max(6, num(raw, 'fontSize', 24))),
    };
  },
  textOf: (el) => el.text,
  textField: 'text',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'item',
  draw(el, ctx: DrawContext) {
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
  outlineText: (el) => el.text,
  fromTemplate: (item, lang) => ({ text: localize(item.text, lang), fontSize: item.fontSize }),
};
