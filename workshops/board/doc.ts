/**
 * Typed accessors for a board doc: the only code that reads or writes its Y.Maps.
 *
 * A board doc holds `elements: Y.Map<Y.Map>` keyed by element id and `meta: Y.Map`.
 * Writers call `doc.transact`; a caller that wants its own origin (the undo manager tracks only
 * local-origin transactions) wraps them in an outer `doc.transact(fn, origin)`, whose origin wins.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { isCategoryId } from '../categories';
import type { BaseElement, Box, ElementType, RawElement } from '../elements/base';
import { centreIn, votesOf } from '../elements/base';
import type { Element, ElementByType } from '../elements/registry';
import {
  ELEMENT_MODULES,
  decodeElement,
  fieldKindOf,
  isElementType,
  moduleOf,
} from '../elements/registry';
import { decodeAnswers } from '../widgets/stats';
import type { CoreEnv } from '../env';
import type { Stage } from '../rooms';
import { writeSharedText } from './shared-text';

export const ELEMENTS_KEY = 'elements';
export const META_KEY = 'meta';

/** Fields a writer may never change through `updateElement`. */
const IMMUTABLE = new Set(['id', 'type', 'votes', 'author', 'createdAt']);

/** A change to an element's own fields (per type; distributes over the element union). */
export type ElementPatch<T extends ElementType = ElementType> = T extends ElementType
  ? Partial<Omit<ElementByType[T], 'id' | 'type' | 'votes' | 'author' | 'createdAt'>>
  : never;

export function elementsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ELEMENTS_KEY);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY);
}

/** Plain values of one element's Y.Map (nested `votes` becomes a record). */
export function rawOf(ymap: Y.Map<unknown>): RawElement {
  return ymap.toJSON() as RawElement;
}

export function readElement(doc: Y.Doc, id: string): Element | null {
  const ymap = elementsMap(doc).get(id);
  return ymap instanceof Y.Map ? decodeElement(id, rawOf(ymap)) : null;
}

/** All elements, in no particular order (sort by `z` to draw). Malformed records are skipped. */
export function readElements(doc: Y.Doc): Element[] {
  const out: Element[] = [];
  elementsMap(doc).forEach((ymap, id) => {
    if (!(ymap instanceof Y.Map)) return;
    const el = decodeElement(id, rawOf(ymap));
    if (el) out.push(el);
  });
  return out;
}

/** z-key above every element on the board. */
export function topZ(doc: Y.Doc): string {
  let max: string | null = null;
  elementsMap(doc).forEach((ymap) => {
    const z = ymap instanceof Y.Map ? ymap.get('z') : undefined;
    if (typeof z === 'string' && (max === null || z > max)) max = z;
  });
  return generateKeyBetween(max, null);
}

/** z-key below every element on the board. */
export function bottomZ(doc: Y.Doc): string {
  let min: string | null = null;
  elementsMap(doc).forEach((ymap) => {
    const z = ymap instanceof Y.Map ? ymap.get('z') : undefined;
    if (typeof z === 'string' && (min === null || z < min)) min = z;
  });
  return generateKeyBetween(null, min);
}

/**
 * Writes a new element's fields. Per-person sheets (`fieldKindOf`: votes, widget answers) always
 * become Y.Maps, so two people's first entries never replace each other; shared texts become
 * Y.Texts (./shared-text.ts); nothing else is nested.
 */
function writeFields(
  ymap: Y.Map<unknown>,
  type: ElementType,
  record: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || value === undefined) continue;
    const kind = fieldKindOf(type, key);
    if (kind === 'countSheet') {
      const votes = new Y.Map<number>();
      for (const [p, n] of Object.entries(votesOf({ votes: value }))) votes.set(p, n);
      ymap.set(key, votes);
    } else if (kind === 'answerSheet') {
      const sheet = new Y.Map<Y.Map<number>>();
      for (const [p, row] of Object.entries(decodeAnswers(value))) {
        const m = new Y.Map<number>();
        for (const [q, v] of Object.entries(row)) m.set(q, v);
        sheet.set(p, m);
      }
      ymap.set(key, sheet);
    } else if (kind === 'sharedText' && typeof value === 'string') {
      ymap.set(key, new Y.Text(value));
    } else if (ymap.get(key) !== value || typeof value === 'object') ymap.set(key, value);
  }
}

/** Length of a fresh element id (`Ids.newId`). */
export const ELEMENT_ID_LENGTH = 12;

/**
 * Who writes a new element, and its identity: either `env` stamps it (a fresh id unless `id` is
 * given, created now), or both are given (template items: deterministic id, `createdAt: 0`).
 */
export type NewElementOptions = { author: string; z?: string } & (
  { env: CoreEnv; id?: string; createdAt?: never } | { id: string; createdAt: number }
);

function identityOf(options: NewElementOptions): { id: string; createdAt: number } {
  if (!('env' in options)) return { id: options.id, createdAt: options.createdAt };
  const { env, id } = options;
  return { id: id ?? env.newId(ELEMENT_ID_LENGTH), createdAt: env.now() };
}

/** Adds an element of `type` with the type's defaults; returns its id. */
export function addElement<T extends ElementType>(
  doc: Y.Doc,
  type: T,
  init: Partial<ElementByType[T]> & Pick<BaseElement, 'x' | 'y'>,
  options: NewElementOptions,
): string {
  const mod = moduleOf(type);
  const { id, createdAt } = identityOf(options);
  doc.transact((tr) => {
    const base: Omit<BaseElement, 'type'> = {
      id,
      x: init.x,
      y: init.y,
      w: init.w ?? mod.defaultSize.w,
      h: init.h ?? mod.defaultSize.h,
      z: options.z ?? init.z ?? topZ(doc),
      author: options.author,
      createdAt,
    };
    if (init.templateId) base.templateId = init.templateId;
    if (init.source) base.source = init.source;
    const el = mod.create(base, init);
    const ymap = new Y.Map<unknown>();
    elementsMap(doc).set(id, ymap);
    writeFields(ymap, type, { ...el, type } as unknown as Record<string, unknown>);
    if (isPlacedSticky(ymap)) followLane(ymap, lanesOfTransaction(doc, tr), false);
  });
  return id;
}

/** Adds a copy of a decoded element (paste, duplicate, carry-forward) under a new id. */
export function insertElement(doc: Y.Doc, el: Element, options: NewElementOptions): string {
  const { id, createdAt } = identityOf(options);
  doc.transact((tr) => {
    const ymap = new Y.Map<unknown>();
    elementsMap(doc).set(id, ymap);
    writeFields(ymap, el.type, {
      ...el,
      id,
      author: options.author,
      createdAt,
      z: options.z ?? topZ(doc),
    } as unknown as Record<string, unknown>);
    if (isPlacedSticky(ymap)) followLane(ymap, lanesOfTransaction(doc, tr), false);
  });
  return id;
}

/**
 * Changes fields of an element; unknown ids are ignored (someone else deleted it). A shared
 * text field changes by the smallest edit of its Y.Text (`editText`).
 */
export function updateElement<T extends ElementType>(
  doc: Y.Doc,
  id: string,
  patch: ElementPatch<T>,
): boolean {
  const ymap = elementsMap(doc).get(id);
  if (!(ymap instanceof Y.Map)) return false;
  const type = ymap.get('type');
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (IMMUTABLE.has(key)) continue;
      if (value === undefined || value === null) ymap.delete(key);
      else if (
        typeof value === 'string' &&
        isElementType(type) &&
        fieldKindOf(type, key) === 'sharedText'
      )
        writeSharedText(ymap, key, value);
      else if (ymap.get(key) !== value || typeof value === 'object') ymap.set(key, value);
    }
  });
  return true;
}

/**
 * Edits text field `key` of an element (a note's text) to `value`. A shared text changes by the
 * smallest edit of its Y.Text, made relative to `base` (the text the editor showed when the
 * edit was made) so that someone else's edit merged in since stays; a plain field is set.
 * Returns the field's text afterwards (with others' edits), or null for an unknown element.
 */
export function editText(
  doc: Y.Doc,
  id: string,
  key: string,
  value: string,
  base?: string,
): string | null {
  const ymap = elementsMap(doc).get(id);
  const type = ymap instanceof Y.Map ? ymap.get('type') : undefined;
  if (!(ymap instanceof Y.Map) || !isElementType(type) || IMMUTABLE.has(key)) return null;
  const kind = fieldKindOf(type, key);
  let out: string | null = null;
  doc.transact(() => {
    if (kind === 'sharedText') out = writeSharedText(ymap, key, value, base);
    else if (kind === 'string') {
      if (ymap.get(key) !== value) ymap.set(key, value);
      out = value;
    }
  });
  return out;
}

/**
 * Moves many elements at once (one transaction: one update on the wire).
 *
 * On a board with category lanes (ideate), a sticky's lane is its category: a sticky dropped
 * into a category lane takes that category, one dropped into the "not yet sorted" lane, or taken
 * out of the lanes altogether, loses it. So the category always agrees with what everyone sees,
 * however the sticky got there (a drag, arrow keys, align, its frame moving; a sticky added or
 * pasted into a lane follows the same rule).
 */
export function moveElements(
  doc: Y.Doc,
  moves: ReadonlyArray<{ id: string; x: number; y: number }>,
): void {
  const map = elementsMap(doc);
  doc.transact(() => {
    const moved = moves.flatMap((m) => {
      const ymap = map.get(m.id);
      return ymap instanceof Y.Map ? [{ ymap, m }] : [];
    });
    const stickies = moved.filter(({ ymap }) => isPlacedSticky(ymap));
    // The lanes are found once; again after the moves only when a lane itself moved.
    const lanesBefore = stickies.length ? laneFrames(map) : [];
    const before = stickies.map(({ ymap }) => boxOf(ymap));
    for (const { ymap, m } of moved) {
      if (ymap.get('x') !== m.x) ymap.set('x', m.x);
      if (ymap.get('y') !== m.y) ymap.set('y', m.y);
    }
    if (!lanesBefore.length) return;
    const laneMoved = moved.some(({ ymap }) => ymap.get('type') === 'frame' && ymap.get('lane'));
    const lanesAfter = laneMoved ? laneFrames(map) : lanesBefore;
    stickies.forEach(({ ymap }, i) =>
      followLane(ymap, lanesAfter, laneAt(lanesBefore, before[i] as Box) !== undefined),
    );
  });
}

type LaneBox = Box & { lane: string };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

const boxOf = (ymap: Y.Map<unknown>): Box => ({
  x: num(ymap.get('x')),
  y: num(ymap.get('y')),
  w: num(ymap.get('w')),
  h: num(ymap.get('h')),
});

/** A participant's sticky (template stickies stay where the template put them). */
const isPlacedSticky = (ymap: Y.Map<unknown>) =>
  ymap.get('type') === 'sticky' && !ymap.get('templateId');

/** The board's lane frames and where they are now (none outside the ideate board). */
function laneFrames(map: Y.Map<Y.Map<unknown>>): LaneBox[] {
  const out: LaneBox[] = [];
  map.forEach((ymap) => {
    if (!(ymap instanceof Y.Map) || ymap.get('type') !== 'frame') return;
    const lane = ymap.get('lane');
    if (typeof lane === 'string' && lane) out.push({ lane, ...boxOf(ymap) });
  });
  return out;
}

/**
 * The lane rule for one sticky: in a category lane it takes that category; in "not yet sorted",
 * or out of the lanes when it was in one (`wasInLane`), it loses its category.
 */
function followLane(ymap: Y.Map<unknown>, lanes: readonly LaneBox[], wasInLane: boolean): void {
  if (!lanes.length) return;
  const lane = laneAt(lanes, boxOf(ymap));
  if (isCategoryId(lane)) {
    if (ymap.get('category') !== lane) ymap.set('category', lane);
  } else if ((lane === 'unsorted' || wasInLane) && ymap.has('category')) {
    ymap.delete('category');
  }
}

/** Key of the lane frames in a transaction's own `meta` (see lanesOfTransaction). */
const LANES_META = Symbol('lanes');

/**
 * The lane frames for stickies added in the current transaction, found once per transaction:
 * adding or pasting thousands of stickies in one transaction must not scan the board for each.
 * (Adding stickies never moves a lane; moveElements looks afresh.) They are kept in the
 * transaction's `meta`, which Yjs drops with the transaction: nothing outlives the call.
 */
function lanesOfTransaction(doc: Y.Doc, tr: Y.Transaction): LaneBox[] {
  let lanes: LaneBox[] | undefined = tr.meta.get(LANES_META);
  if (!lanes) tr.meta.set(LANES_META, (lanes = laneFrames(elementsMap(doc))));
  return lanes;
}

/** The lane holding the centre of `box`. */
function laneAt(lanes: readonly LaneBox[], box: Box): string | undefined {
  return lanes.find((l) => centreIn(box, l))?.lane;
}

export function deleteElements(doc: Y.Doc, ids: Iterable<string>): void {
  const map = elementsMap(doc);
  doc.transact(() => {
    for (const id of ids) map.delete(id);
  });
}

/** Sets one person's vote count on a sticky (0 removes the vote). */
export function setVotes(
  doc: Y.Doc,
  elementId: string,
  participantId: string,
  count: number,
): void {
  const ymap = elementsMap(doc).get(elementId);
  if (!(ymap instanceof Y.Map)) return;
  doc.transact(() => {
    let votes = ymap.get('votes');
    if (!(votes instanceof Y.Map)) {
      votes = new Y.Map<number>();
      ymap.set('votes', votes);
    }
    const v = votes as Y.Map<number>;
    if (count > 0) v.set(participantId, Math.floor(count));
    else v.delete(participantId);
  });
}

// ---- meta and schema versions ------------------------------------------------------------

/**
 * The board schema's version, kept in `meta.schemaVersion`.
 * 1: elements as flat Y.Maps, per-person sheets as nested Y.Maps.
 * 2: shared text fields (`sharedText`: a sticky's, a text box's, a shape's text) are Y.Texts.
 */
export const SCHEMA_VERSION = 2;

export interface BoardMeta {
  stage?: Stage;
  boardId: string;
  title: string;
  schemaVersion: number;
  templateVersion: number;
  seededAt: number;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = metaMap(doc);
  const stage = m.get('stage');
  const meta: BoardMeta = {
    boardId: typeof m.get('boardId') === 'string' ? (m.get('boardId') as string) : '',
    title: typeof m.get('title') === 'string' ? (m.get('title') as string) : '',
    schemaVersion:
      typeof m.get('schemaVersion') === 'number' ? (m.get('schemaVersion') as number) : 0,
    templateVersion:
      typeof m.get('templateVersion') === 'number' ? (m.get('templateVersion') as number) : 0,
    seededAt: typeof m.get('seededAt') === 'number' ? (m.get('seededAt') as number) : 0,
  };
  if (typeof stage === 'string') meta.stage = stage as Stage;
  return meta;
}

export function writeMeta(doc: Y.Doc, patch: Partial<BoardMeta>): void {
  const m = metaMap(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
  });
}

/**
 * Numbered migrations: `MIGRATIONS[n]` takes a doc from schema version n to n + 1.
 * Version 0 is a doc written before versions existed (or a fresh one).
 *
 * Who migrates: the server, once per load of a board room, before any connection is attached
 * (`seedBoardDoc` → `upgradeBoardDoc`, sync-server/server.ts): one writer, so two clients never
 * convert the same field at once (two concurrent Y.Texts for one key: one would win and the
 * other's typing be lost). Clients never run migrations. A client still on the old shape keeps
 * working: it reads a Y.Text as a string (`toJSON`) and may write a plain string over it; the
 * policy accepts that old shape, readers read both, and the next edit by a current client turns
 * the string into a Y.Text again (./shared-text.ts). An edit made offline on the old shape
 * before the migration races the migration for its key like any two writes of one key (one of
 * the two texts is kept) — as before schema 2, never worse.
 */
const MIGRATIONS: Array<(doc: Y.Doc) => void> = [
  // 0 → 1: nothing to convert; records written before versioning already have the v1 shape.
  () => {},
  // 1 → 2: shared text fields held as strings become Y.Texts.
  (doc) => {
    elementsMap(doc).forEach((ymap) => {
      const type = ymap instanceof Y.Map ? ymap.get('type') : undefined;
      if (!(ymap instanceof Y.Map) || !isElementType(type)) return;
      for (const [key, kind] of Object.entries(ELEMENT_MODULES[type].fields)) {
        const value = ymap.get(key);
        if (kind === 'sharedText' && typeof value === 'string') ymap.set(key, new Y.Text(value));
      }
    });
  },
];

/** Brings a board doc to SCHEMA_VERSION; returns whether anything changed. Idempotent. */
export function migrateBoard(doc: Y.Doc): boolean {
  const from = readMeta(doc).schemaVersion;
  if (from >= SCHEMA_VERSION) return false;
  doc.transact(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) MIGRATIONS[v]?.(doc);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  });
  return true;
}
