/**
 * History compaction of a board document (the "size follows elements, not drags" rule).
 *
 * Every overwrite in a Y.Map leaves a tombstone, so a board dragged around for a whole day
 * carries its drags along. When an idle board's history outweighs its content, the server
 * replaces the stored document by a copy of its content only (`compactedCopy`): same elements,
 * new item ids, no tombstones. The copy records, in its `history` map, which Yjs clients
 * existed before (`retired`: their state vector) and how often that happened (`epoch`).
 *
 * A client still holding the old document must not merge it into the new one (its items would
 * come back as duplicates or overwrite newer work). The server recognises it by its state
 * vector (`holdsRetired`) and closes with CLOSE.stale; the client then fetches the new document
 * and carries over only what it changed and the server never saw (`rescueUnsynced`). Nothing
 * made offline is lost. The same rescue serves a copy whose write the server refused (CLOSE.resync,
 * web/sync/room.ts): it is loaded anew and its unconfirmed edits are carried over.
 *
 * A deletion is carried over only where the server still holds the very value the old copy saw:
 * the same item, or — across a compaction, which gives every value a new item — the item the
 * compacted copy's `origins` name for that top-level key. A value someone set again after the old
 * copy deleted it stays. (Nested deletions across a compaction have no origins: kept, not carried.)
 *
 * Board documents hold nested Y.Maps (elements → element → votes/scores) and Y.Texts (shared
 * text fields: workshops/board/shared-text.ts); that is what the copy and the rescue walk. In a
 * Y.Text the server saw, the characters it never saw are carried over at the place they were
 * typed, next to what the server holds now; characters deleted there are not (kept, as nested
 * deletions across a compaction).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ELEMENTS_KEY, META_KEY } from './doc';
import { mapPosition, textChange } from './shared-text';
import type { MapEntryItem } from './yjs-internals';
import { entryItem, entryItems, holdsContent, textItems } from './yjs-internals';

export const HISTORY_KEY = 'history';
/** The root maps of a board document, in the order they are copied. */
export const BOARD_ROOTS = [META_KEY, ELEMENTS_KEY] as const;

export interface History {
  /** How many times this document was compacted. */
  epoch: number;
  /** Clients of earlier epochs and how far the server had them (a state vector). */
  retired: Map<number, number>;
}

/** Per root map, per key: the id of the item a compacted value was copied from. */
type Origins = Map<string, Map<string, { client: number; clock: number }>>;
const ORIGINS_KEY = 'origins';

function encodeOrigins(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, BOARD_ROOTS.length);
  for (const name of BOARD_ROOTS) {
    const live = [...entryItems(doc.getMap<unknown>(name))].filter(([, item]) => !item.deleted);
    encoding.writeVarString(encoder, name);
    encoding.writeVarUint(encoder, live.length);
    for (const [key, item] of live) {
      encoding.writeVarString(encoder, key);
      encoding.writeVarUint(encoder, item.id.client);
      encoding.writeVarUint(encoder, item.id.clock);
    }
  }
  return encoding.toUint8Array(encoder);
}

function readOrigins(doc: Y.Doc): Origins {
  const origins: Origins = new Map();
  const bytes = doc.getMap<unknown>(HISTORY_KEY).get(ORIGINS_KEY);
  if (!(bytes instanceof Uint8Array)) return origins;
  const decoder = decoding.createDecoder(bytes);
  for (let roots = decoding.readVarUint(decoder); roots > 0; roots--) {
    const name = decoding.readVarString(decoder);
    const keys = new Map<string, { client: number; clock: number }>();
    for (let n = decoding.readVarUint(decoder); n > 0; n--) {
      const key = decoding.readVarString(decoder);
      keys.set(key, {
        client: decoding.readVarUint(decoder),
        clock: decoding.readVarUint(decoder),
      });
    }
    origins.set(name, keys);
  }
  return origins;
}

export function readHistory(doc: Y.Doc): History {
  const h = doc.getMap<unknown>(HISTORY_KEY);
  const epoch = h.get('epoch');
  const retired = h.get('retired');
  return {
    epoch: typeof epoch === 'number' ? epoch : 0,
    retired: retired instanceof Uint8Array ? Y.decodeStateVector(retired) : new Map(),
  };
}

/** A copy of a Y value: plain values as they are, shared types rebuilt recursively. */
function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const m = new Y.Map<unknown>();
    for (const [k, v] of value.entries()) m.set(k, cloneValue(v));
    return m;
  }
  if (value instanceof Y.Array) {
    const a = new Y.Array<unknown>();
    a.push(value.toArray().map(cloneValue));
    return a;
  }
  if (value instanceof Y.Text) {
    const t = new Y.Text();
    t.applyDelta(value.toDelta());
    return t;
  }
  return value;
}

/** Whether `doc` has root types other than a board's (then it is not compacted). */
export function hasForeignRoots(doc: Y.Doc): boolean {
  const known = new Set<string>([...BOARD_ROOTS, HISTORY_KEY]);
  for (const [name, type] of doc.share) if (!known.has(name) && holdsContent(type)) return true;
  return false;
}

/**
 * The same content in a fresh document without history, one epoch later. The retired state
 * vector covers every client of `doc` (and of the epochs before it).
 */
export function compactedCopy(doc: Y.Doc): Y.Doc {
  const before = readHistory(doc);
  const retired = new Map(before.retired);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
    retired.set(client, Math.max(clock, retired.get(client) ?? 0));
  const fresh = new Y.Doc();
  fresh.transact(() => {
    for (const name of BOARD_ROOTS) {
      const from = doc.getMap<unknown>(name);
      const to = fresh.getMap<unknown>(name);
      for (const [k, v] of from.entries()) to.set(k, cloneValue(v));
    }
    const h = fresh.getMap<unknown>(HISTORY_KEY);
    h.set('epoch', before.epoch + 1);
    h.set('retired', Y.encodeStateVector(retired));
    h.set(ORIGINS_KEY, encodeOrigins(doc));
  });
  return fresh;
}

/** Whether a client's state vector shows it holds content of an earlier epoch. */
export function holdsRetired(
  stateVector: Map<number, number>,
  retired: Map<number, number>,
): boolean {
  if (retired.size === 0) return false;
  for (const [client, clock] of stateVector) if (clock > 0 && retired.has(client)) return true;
  return false;
}

/** Whether an update carries items of an earlier epoch's clients. */
export function updateHoldsRetired(update: Uint8Array, retired: Map<number, number>): boolean {
  if (retired.size === 0) return false;
  const { from } = Y.parseUpdateMeta(update);
  for (const client of from.keys()) if (retired.has(client)) return true;
  return false;
}

type Item = MapEntryItem;

/** Made where the server never saw it: beyond what the server had of that client. */
const unsynced = (item: Item, seen: Map<number, number>) =>
  item.id.clock >= (seen.get(item.id.client) ?? 0);

/**
 * Whether `fresh` still holds, under this key, the value the old copy saw before deleting it:
 * the same item, or the item a compacted copy was made from (`origin`).
 */
function holdsWhatWasSeen(
  seenItem: Item,
  there: Item | undefined,
  origin: { client: number; clock: number } | undefined,
): boolean {
  if (!there || there.deleted) return false;
  const { client, clock } = seenItem.id;
  if (there.id.client === client && there.id.clock === clock) return true;
  return origin?.client === client && origin.clock === clock;
}

function rescueMap(
  old: Y.Map<unknown>,
  fresh: Y.Map<unknown>,
  seen: Map<number, number>,
  origins: Map<string, { client: number; clock: number }> | undefined,
): number {
  let changes = 0;
  for (const [key, item] of entryItems(old)) {
    if (item.deleted) {
      // Removed here, still there: carried over only if the server still has the very value the
      // old copy removed (had the server seen the removal, it would lack it; had someone set the
      // key again since, it holds a value the old copy never saw).
      if (holdsWhatWasSeen(item, entryItem(fresh, key), origins?.get(key))) {
        fresh.delete(key);
        changes++;
      }
      continue;
    }
    const value = old.get(key);
    if (unsynced(item, seen)) {
      fresh.set(key, cloneValue(value));
      changes++;
      continue;
    }
    // Seen by the server: descend, something inside may be new.
    const there = fresh.get(key);
    if (value instanceof Y.Map && there instanceof Y.Map)
      changes += rescueMap(value, there, seen, undefined);
    else if (value instanceof Y.Text && there instanceof Y.Text)
      changes += rescueText(value, there, seen);
  }
  return changes;
}

/**
 * Carries over the characters `old` holds that the server never saw: each run goes where it was
 * typed, relative to the text the server had seen (`base`), mapped onto what `fresh` holds now.
 */
function rescueText(old: Y.Text, fresh: Y.Text, seen: Map<number, number>): number {
  let base = '';
  const runs: Array<{ at: number; text: string }> = [];
  for (const item of textItems(old)) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    const str = item.content.str;
    if (!unsynced(item, seen)) base += str;
    else {
      const last = runs[runs.length - 1];
      if (last && last.at === base.length) last.text += str;
      else runs.push({ at: base.length, text: str });
    }
  }
  if (!runs.length) return 0;
  const change = textChange(base, fresh.toString());
  let shift = 0;
  for (const run of runs) {
    fresh.insert(mapPosition(run.at, change) + shift, run.text);
    shift += run.text.length;
  }
  return runs.length;
}

/**
 * Applies to `fresh` (the document as the server has it now, just synced) what `old` (an earlier
 * copy: of an earlier epoch, or one whose write was refused) changed without the server seeing
 * it: values set, elements added or removed. Returns how many changes were carried over. Run it
 * before any other local edit of `fresh`, so the changes go to the server as local edits.
 */
export function rescueUnsynced(old: Y.Doc, fresh: Y.Doc): number {
  // What the server had: the retired clients of earlier epochs, and everything it has now.
  const seen = new Map(readHistory(fresh).retired);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(fresh)))
    seen.set(client, Math.max(clock, seen.get(client) ?? 0));
  const origins = readOrigins(fresh);
  let changes = 0;
  fresh.transact(() => {
    for (const name of BOARD_ROOTS)
      changes += rescueMap(
        old.getMap<unknown>(name),
        fresh.getMap<unknown>(name),
        seen,
        origins.get(name),
      );
  });
  return changes;
}
