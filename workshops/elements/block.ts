import { blockInk, blockKind } from '../blocks/catalogue';
import { localize } from '../i18n';
import type { DrawContext } from '../render/svg';
import { outline, textIn, translate } from '../render/svg';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';

/**
 * A building block of the prototype stage. `kind` is an id from the building-block catalogue
 * (`workshops/blocks`); an unknown kind still decodes, so a newer template never breaks an older
 * client.
 */
export interface BlockElement extends BaseElement {
  type: 'block';
  kind: string;
  label: string;
}

/** Titles and labels are short names, set in one go: plain strings, not `sharedText` (base.ts). */
const FIELDS: OwnFields<BlockElement> = { kind: 'string', label: 'string' };

export const block: ElementKind<BlockElement> = {
  type: 'block',
  defaultSize: { w: 140, h: 140 },
  create: (base, init) => ({
    ...base,
    type: 'block',
    kind: init.kind ?? 'own-firm',
    label: init.label ?? '',
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'block',
      kind: str(raw, 'kind', 'own-firm'),
      label: str(raw, 'label', ''),
    };
  },
  textOf: (el) => el.label,
  textField: 'label',
  fields: FIELDS,
  clone: (el, at) => cloneElementWith(el, FIELDS, at),
  layer: 'item',
  draw(el, ctx: DrawContext) {
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
  outlineText(el, lang) {
    const kind = blockKind(el.kind);
    const kindLabel = kind ? localize(kind.label, lang) : '';
    return el.label && el.label !== kindLabel
      ? `${kindLabel}: ${el.label}`.replace(/^: /, '')
      : kindLabel;
  },
  fromTemplate: (item) => ({ kind: item.kind, label: '' }),
};
