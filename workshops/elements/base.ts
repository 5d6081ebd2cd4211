import type { CategoryId } from '../categories';
import { isCategoryId } from '../categories';
import type { Lang } from '../i18n';
import type { DrawContext } from '../render/svg';
import type { TemplateItem } from '../templates/types';

/** Every element type: the keys of `ElementByType` in registry.ts (adding one: a module and its lines there). */
export type { ElementType } from './registry';
import type { ElementType } from './registry';

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

// ---- the field schema: how each field is stored, for writers and the server's write policy ----

/**
 * How one field sits in an element's Y.Map. Plain values are stored as they are; per-person
 * sheets are Y.Maps keyed by participant id, so concurrent entries of different people never
 * touch the same key (a copy gets fresh, empty ones: `clone`).
 * - `countSheet`: participantId → a count (sticky votes);
 * - `answerSheet`: participantId → Y.Map of questionId → score 1–5 (widget answers).
 * A `sharedText` is a Y.Text that people edit together character-wise (workshops/board/shared-text.ts);
 * a plain string there is its old shape (boards before schema 2), still read and accepted.
 */
export type FieldKind =
  'string' | 'sharedText' | 'number' | 'idList' | 'source' | 'countSheet' | 'answerSheet';

/**
 * Most characters a shared text holds (a note, a text box): far beyond what anyone writes on a
 * board, and the server refuses more (sync-server/sync/policy.ts).
 */
export const SHARED_TEXT_MAX = 10_000;

/** The type's own fields (beyond `BaseElement`), each with its kind; a missing one is a compile error. */
export type OwnFields<E extends BaseElement> = {
  readonly [K in Exclude<keyof E, keyof BaseElement>]-?: FieldKind;
};

/** Fields every element has. `type`, `author`, `createdAt` and `templateId` never change later. */
export const BASE_FIELDS: Readonly<Record<Exclude<keyof BaseElement, 'id'>, FieldKind>> = {
  type: 'string',
  x: 'number',
  y: 'number',
  w: 'number',
  h: 'number',
  z: 'string',
  author: 'string',
  createdAt: 'number',
  templateId: 'string',
  source: 'source',
};

export function isSheetKind(kind: FieldKind | undefined): kind is 'countSheet' | 'answerSheet' {
  return kind === 'countSheet' || kind === 'answerSheet';
}

/** Whether a plain (non-sheet) value has the stored type of `kind`. */
export function fitsKind(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'sharedText':
      // The old shape; a Y.Text is no plain value (the policy checks its items).
      return typeof value === 'string' && value.length <= SHARED_TEXT_MAX;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'idList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'source':
      return (
        !!value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        typeof (value as Record<string, unknown>).boardId === 'string' &&
        typeof (value as Record<string, unknown>).elementId === 'string'
      );
    default:
      return false;
  }
}

/**
 * Where a copy goes (paste, duplicate): moved by (`dx`, `dy`); `relink` gives the copy's id for
 * the id of another element it refers to (a connector's ends): the copy of that element when it
 * was copied too, else ''.
 */
export interface CopyPlacement {
  dx: number;
  dy: number;
  relink(id: string): string;
}

/** A copy in the original's place, referring to what the original refers to. */
export const SAME_PLACE: CopyPlacement = { dx: 0, dy: 0, relink: (id) => id };

/**
 * A copy of an element for paste and duplicate: the same content, fresh empty per-person
 * sheets (nobody's votes or answers come along), no template mark (a copy is its maker's),
 * moved by `at`. `id`, `author` and `createdAt` are set by the writer (`insertElement`).
 */
export function cloneElementWith<E extends BaseElement>(
  el: E,
  fields: OwnFields<E>,
  at: CopyPlacement = SAME_PLACE,
): E {
  const copy = { ...el } as Record<string, unknown>;
  copy.x = el.x + at.dx;
  copy.y = el.y + at.dy;
  for (const [key, kind] of Object.entries(fields) as Array<[string, FieldKind]>) {
    if (isSheetKind(kind)) copy[key] = {};
    else if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as unknown[])];
  }
  if (el.source) copy.source = { ...el.source };
  delete copy.templateId;
  return copy as E;
}

/** The type's own string fields: where an element's editable text can be held. */
export type TextKey<E extends BaseElement> = {
  [K in Exclude<keyof E, keyof BaseElement>]-?: E[K] extends string ? K : never;
}[Exclude<keyof E, keyof BaseElement>];

/** The template items (workshops/templates/types.ts) that seed an element of type `T`. */
export type TemplateItemOf<T extends ElementType> = Extract<TemplateItem, { type: T }>;

/**
 * How a template item becomes the new element's fields (in `lang`, the workshop's language):
 * a function for a type that templates seed, `null` for one they do not (a template item of a
 * type whose module has none is a compile error).
 */
export type FromTemplate<E extends BaseElement> = [TemplateItemOf<E['type']>] extends [never]
  ? null
  : (item: TemplateItemOf<E['type']>, lang: Lang) => Partial<E>;

/**
 * How an element sits among the others, for everything that does not care which type it is:
 * - `area`: a frame — drawn behind the rest, hit last, carries what lies in it when moved;
 * - `line`: a connector — joins two others, not moved, aligned or counted in bounds on its own;
 * - `item`: everything else.
 */
export type ElementLayer = 'area' | 'item' | 'line';

/** An element type's schema: defaults for new elements, a decoder, its fields, clone. */
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
  /**
   * The type's own fields and how they are stored: what writers write and what the server
   * accepts from participants (sync-server/sync/policy.ts). A new field is declared here.
   */
  fields: OwnFields<E>;
  /**
   * The field holding the text people edit in place (a note's text, a frame's or widget's title,
   * a block's or connector's label) — what the board's text editing writes — or `null` for a
   * type without one.
   */
  textField: TextKey<E> | null;
  /**
   * A copy for paste and duplicate, with fresh, empty per-person sheets (`cloneElementWith`),
   * placed by `at` (default: where the original is, referring to what it refers to).
   */
  clone(el: E, at?: CopyPlacement): E;
}

/**
 * An element type's domain module (the view half is in web/board/elements): its schema
 * (`ElementModule`) plus how it sits among others, its SVG drawing and its outline text.
 * Every member is required: a type that lacks one does not compile in registry.ts.
 */
export interface ElementKind<E extends BaseElement> extends ElementModule<E> {
  layer: ElementLayer;
  /** The element as SVG in board coordinates (workshops/render: export, report pictures). */
  draw(el: E, ctx: DrawContext): string;
  /**
   * One line for the outline (web/outline) and other plain-text readings; `nameOf` gives
   * another element's line (a connector names its ends).
   */
  outlineText(el: E, lang: Lang, nameOf: (id: string) => string): string;
  /** The new element's fields from a board template's item (workshops/templates/apply.ts). */
  fromTemplate: FromTemplate<E>;
}
