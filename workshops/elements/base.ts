import type { CategoryId } from '../categories';
import { isCategoryId } from '../categories';

/** Every element type. Adding one: a module in this folder and one line in `registry.ts`. */
export const ELEMENT_TYPES = [
  'sticky',
  'text',
  'shape',
  'connector',
  'frame',
  'block',
  'rating',
  'survey',
] as const;
export type ElementType = (typeof ELEMENT_TYPES)[number];

/** Where a carried-forward element came from (a card pulled in from an earlier session). */
export interface ElementSource {
  boardId: string;
  elementId: string;
}

/** Fields every element has (DESIGN.md, "Documents and rooms"). */
export interface BaseElement {
  id: string;
  type: ElementType;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Fractional-index string: z-order under collaboration. */
  z: string;
  /** Participant id of the creator (`template` for seeded content). */
  author: string;
  createdAt: number;
  /** Seeded by a template: participants cannot move, edit or delete it. */
  templateId?: string;
  /** Pulled in from an earlier session. */
  source?: ElementSource;
}

/** Position and size: what placing one element in another looks at. */
export type Box = Pick<BaseElement, 'x' | 'y' | 'w' | 'h'>;

/** Whether the centre of `inner` lies in `outer`, edges included: how frames and lanes hold things. */
export function centreIn(inner: Box, outer: Box): boolean {
  const cx = inner.x + inner.w / 2;
  const cy = inner.y + inner.h / 2;
  return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
}

/** A raw element as stored: the plain values of its Y.Map (votes flattened to a record). */
export type RawElement = Record<string, unknown>;

// ---- small decoders shared by the element modules ---------------------------------------

export function num(raw: RawElement, key: string, fallback: number): number {
  const v = raw[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function str(raw: RawElement, key: string, fallback: string): string {
  const v = raw[key];
  return typeof v === 'string' ? v : fallback;
}

export function optStr(raw: RawElement, key: string): string | undefined {
  const v = raw[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function oneOf<T extends string>(
  raw: RawElement,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = raw[key];
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function optCategory(raw: RawElement): CategoryId | undefined {
  const v = raw.category;
  return isCategoryId(v) ? v : undefined;
}

export function votesOf(raw: RawElement): Record<string, number> {
  const v = raw.votes;
  const out: Record<string, number> = {};
  if (v && typeof v === 'object') {
    for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
      if (typeof n === 'number' && Number.isFinite(n) && n > 0) out[k] = Math.floor(n);
    }
  }
  return out;
}

export function sourceOf(raw: RawElement): ElementSource | undefined {
  const v = raw.source;
  if (v && typeof v === 'object') {
    const s = v as Record<string, unknown>;
    if (typeof s.boardId === 'string' && typeof s.elementId === 'string') {
      return { boardId: s.boardId, elementId: s.elementId };
    }
  }
  return undefined;
}

/** Decodes the base fields; `null` when the record is not an element at all. */
export function decodeBase(id: string, raw: RawElement): Omit<BaseElement, 'type'> | null {
  if (typeof raw.type !== 'string') return null;
  const base: Omit<BaseElement, 'type'> = {
    id,
    x: num(raw, 'x', 0),
    y: num(raw, 'y', 0),
    w: Math.max(1, num(raw, 'w', 1)),
    h: Math.max(1, num(raw, 'h', 1)),
    z: str(raw, 'z', 'a0'),
    author: str(raw, 'author', ''),
    createdAt: num(raw, 'createdAt', 0),
  };
  const templateId = optStr(raw, 'templateId');
  if (templateId) base.templateId = templateId;
  const source = sourceOf(raw);
  if (source) base.source = source;
  return base;
}

/** An element type's module: defaults for new elements and a decoder for stored ones. */
export interface ElementModule<E extends BaseElement> {
  type: E['type'];
  /** Size of a new element when the user clicks with the tool. */
  defaultSize: { w: number; h: number };
  /** Fills the type's own fields of a new element. */
  create(base: Omit<BaseElement, 'type'>, init: Partial<E>): E;
  /** Reads a stored record; missing or malformed fields get defaults, so old docs stay readable. */
  decode(id: string, raw: RawElement): E | null;
  /** Text shown or searched (stickies, text, shapes, blocks, frame titles, connector labels). */
  textOf(el: E): string;
}
