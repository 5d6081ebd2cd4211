import type { BaseElement, ElementModule, OwnFields } from './base';
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

export const shape: ElementModule<ShapeElement> = {
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
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
