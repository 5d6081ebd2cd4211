import type { BaseElement, ElementModule, OwnFields } from './base';
import { cloneElementWith, decodeBase, num, oneOf, optStr, str } from './base';

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

export const connector: ElementModule<ConnectorElement> = {
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
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
