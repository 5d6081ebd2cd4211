import type { DrawContext } from '../render/svg';
import { VALUE_COLOUR, arrowHead, centre, edgePoint, fitWidth, rect, textIn } from '../render/svg';
import { r } from '../render/text';
import type { BaseElement, ElementKind, OwnFields } from './base';
import { SAME_PLACE, cloneElementWith, decodeBase, num, oneOf, optStr, str } from './base';

/** Value types a bridge carries in the prototype stage (CVC: the value created). */
export const VALUE_TYPES = ['transaction', 'reputation', 'interaction', 'synergy'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * Which way a connector points: `end` from → to (one way), `start` to → from (the other way),
 * `both`, or `none`. A bridge's direction is the way its value flows.
 */
export const ARROW_HEADS = ['end', 'start', 'both', 'none'] as const;
export type ArrowHeads = (typeof ARROW_HEADS)[number];

/** Longest label or flow text a connector keeps (a bridge is labelled, not written on). */
export const CONNECTOR_TEXT_MAX = 200;

/**
 * A connector joins two elements and stays attached when they move. An end that is not
 * attached (`from`/`to` empty) sits at (x, y) resp. (x2, y2).
 */
export interface ConnectorElement extends BaseElement {
  type: 'connector';
  from: string;
  to: string;
  label: string;
  arrow: ArrowHeads;
  x2: number;
  y2: number;
  /** Prototype bridges: what kind of value flows. */
  value?: ValueType;
  /** Prototype bridges: what flows over the bridge (people, money, knowledge …). */
  flow?: string;
}

/** Titles and labels are short names, set in one go: plain strings, not `sharedText` (base.ts). */
const FIELDS: OwnFields<ConnectorElement> = {
  from: 'string',
  to: 'string',
  label: 'string',
  arrow: 'string',
  x2: 'number',
  y2: 'number',
  value: 'string',
  flow: 'string',
};

export const connector: ElementKind<ConnectorElement> = {
  type: 'connector',
  defaultSize: { w: 1, h: 1 },
  create(base, init) {
    const el: ConnectorElement = {
      ...base,
      type: 'connector',
      from: init.from ?? '',
      to: init.to ?? '',
      label: init.label ?? '',
      arrow: init.arrow ?? 'end',
      x2: init.x2 ?? base.x + 200,
      y2: init.y2 ?? base.y,
    };
    if (init.value) el.value = init.value;
    if (init.flow) el.flow = init.flow.slice(0, CONNECTOR_TEXT_MAX);
    return el;
  },
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    const el: ConnectorElement = {
      ...base,
      type: 'connector',
      from: str(raw, 'from', ''),
      to: str(raw, 'to', ''),
      label: str(raw, 'label', '').slice(0, CONNECTOR_TEXT_MAX),
      arrow: oneOf(raw, 'arrow', ARROW_HEADS, 'end'),
      x2: num(raw, 'x2', base.x + 200),
      y2: num(raw, 'y2', base.y),
    };
    const value = optStr(raw, 'value');
    if (value && (VALUE_TYPES as readonly string[]).includes(value)) el.value = value as ValueType;
    const flow = optStr(raw, 'flow');
    if (flow) el.flow = flow.slice(0, CONNECTOR_TEXT_MAX);
    return el;
  },
  textOf: (el) => [el.label, el.flow].filter(Boolean).join(' · '),
  textField: 'label',
  fields: FIELDS,
  // A copy's ends: its free end moves with it, an attached one goes to the copy of what it joined.
  clone(el, at = SAME_PLACE) {
    const copy = cloneElementWith(el, FIELDS, at);
    return {
      ...copy,
      x2: el.x2 + at.dx,
      y2: el.y2 + at.dy,
      from: at.relink(el.from),
      to: at.relink(el.to),
    };
  },
  layer: 'line',
  draw(el, ctx: DrawContext) {
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
  outlineText(el, _lang, nameOf) {
    const ends = `${nameOf(el.from)} → ${nameOf(el.to)}`;
    return el.label ? `${ends} (${el.label})` : ends;
  },
  fromTemplate: null,
};
