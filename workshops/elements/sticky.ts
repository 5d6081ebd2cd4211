import type { CategoryId } from '../categories';
import type { BaseElement, ElementModule, OwnFields } from './base';
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

export const sticky: ElementModule<StickyElement> = {
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
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};

export function totalVotes(el: StickyElement): number {
  let n = 0;
  for (const v of Object.values(el.votes)) n += v;
  return n;
}
