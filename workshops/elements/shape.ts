import type { DrawContext } from '../render/svg';
import { polygon, rect, textIn, translate } from '../render/svg';
import { escapeXml, r } from '../render/text';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, oneOf, str } from './base';

export const SHAPE_KINDS = ['rect', 'ellipse', 'diamond'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

export interface ShapeElement extends BaseElement {
  type: 'shape';
  shape: ShapeKind;
  text: string;
  fill: string;
  stroke: string;
}

const FIELDS: OwnFields<ShapeElement> = {
  shape: 'string',
  text: 'sharedText',
  fill: 'string',
  stroke: 'string',
};

export const shape: ElementKind<ShapeElement> = {
  type: 'shape',
  defaultSize: { w: 200, h: 120 },
  create: (base, init) => ({
    ...base,
    type: 'shape',
    shape: init.shape ?? 'rect',
    text: init.text ?? '',
    fill: init.fill ?? '#ffffff',
    stroke: init.stroke ?? '#37474f',
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'shape',
      shape: oneOf(raw, 'shape', SHAPE_KINDS, 'rect'),
      text: str(raw, 'text', ''),
      fill: str(raw, 'fill', '#ffffff'),
      stroke: str(raw, 'stroke', '#37474f'),
    };
  },
  textOf: (el) => el.text,
  textField: 'text',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'item',
  draw(el, ctx: DrawContext) {
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
  outlineText: (el) => el.text,
  fromTemplate: null,
};
