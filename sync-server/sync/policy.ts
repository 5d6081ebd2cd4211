/**
 * Who may write what (DESIGN.md, "Roles"; docs/api.md, "What each role may write"): evaluated
 * for every incoming update, so a lock set by the facilitator takes effect on the next message
 * of every open connection.
 *
 * The policy reads the update's own structs without applying it and resolves every one of them
 * to where it would land: its root and path of map keys. A type created in the same update has
 * no integrated parent yet; its children name the ContentType item that creates it, so the walk
 * goes through the update's items as well as the doc's. Then, per role, an allow-list:
 * - viewer: nothing;
 * - facilitator: everything but the board's `history` (the server's alone: a forged
 *   `history.retired` would make every later reconnect stale);
 * - participant: only `elements` of a board; only fields of the element schema
 *   (`fields` of the modules in workshops/elements) with the right value types; `author` =
 *   themselves on what they create, never changed later; nothing of template items but their
 *   own sheet entries; per-person sheets (votes, scores, answers) only under their own id; votes
 *   only while a voting round runs on the board, within its cap; a shared text field
 *   (`sharedText`) holds a Y.Text of plain characters (no formatting, embeds or nested types)
 *   of at most SHARED_TEXT_MAX, or its old shape, a string; its characters are written and
 *   deleted wherever the field itself may be. A deletion is checked as the write it undoes. A
 *   struct whose place cannot be resolved is refused.
 *
 * The cost follows the update: each struct is resolved once (memoised) through O(1) or
 * O(log n) lookups. Only an update that adds a vote counts the person's votes on the board.
 */
import * as Y from 'yjs';
import type { DeniedReason, FieldKind, RoomRef, TokenClaims } from '../../workshops';
import {
  DENIED,
  ELEMENTS_KEY,
  HISTORY_KEY,
  SHARED_TEXT_MAX,
  TEMPLATE_ID_PREFIX,
  centreIn,
  elementsMap,
  fieldKindOf,
  fitsKind,
  isBoardLocked,
  isElementType,
  isScore,
  isSheetKind,
  readLive,
} from '../../workshops';
import { holderOf } from '../../workshops/board/yjs-internals';
import type { WritePolicy } from './connection';

/** Builds the policy of one connection (the server factory can be given another, for benches). */
export type WritePolicyFactory = (
  claims: TokenClaims,
  ref: RoomRef,
  doc: Y.Doc,
  controlDoc: Y.Doc,
) => WritePolicy;

export const writePolicy: WritePolicyFactory = (claims, ref, doc, controlDoc) => (update) => {
  if (claims.role === 'viewer') return DENIED.readOnlyRole;
  if (claims.role === 'facilitator')
    return ref.kind === 'board' ? facilitatorBoardWrite(doc, update) : null;
  if (ref.kind === 'control') return DENIED.controlFacilitatorOnly;
  if (isBoardLocked(controlDoc, ref.boardId)) return DENIED.boardLocked;
  return participantBoardWrite(doc, update, claims.participantId, () =>
    liveRound(controlDoc, ref.boardId),
  );
};

/** Fields fixed once an element exists (and `templateId`, which only the template writes). */
const IMMUTABLE = new Set(['type', 'author', 'createdAt', 'templateId']);
/** Deeper than `elements/<id>/<sheet>/<person>/<question>` is nothing of a board. */
const MAX_DEPTH = 5;

type Key = string | null;
/** Where a struct lands: root name then map keys; `holders[i]` creates the type of `path[i+1]`. */
interface Loc {
  path: Key[];
  holders: Y.Item[];
}
/** Lands in garbage-collected content: Yjs discards it (harmless). */
const GONE = 'gone';
type Place = Loc | typeof GONE | null;

/** Resolves structs of an update (and the doc's own items) to where they land. */
class Resolver {
  private readonly byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  private readonly memo = new Map<Y.Item, Place>();
  /** Items of the update the doc does not hold yet. */
  readonly fresh: Y.Item[] = [];

  constructor(
    readonly doc: Y.Doc,
    structs: Array<Y.Item | Y.GC | Y.Skip>,
  ) {
    for (const s of structs) {
      let list = this.byClient.get(s.id.client);
      if (!list) this.byClient.set(s.id.client, (list = []));
      list.push(s);
      if (s instanceof Y.Item && s.id.clock + s.length > Y.getState(doc.store, s.id.client))
        this.fresh.push(s);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The struct holding `id`: the doc's, else the update's own; undefined when neither has it. */
  find(id: Y.ID): Y.Item | Y.GC | undefined {
    if (id.clock < Y.getState(this.doc.store, id.client))
      return Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    const list = this.byClient.get(id.client);
    let lo = 0;
    let hi = (list?.length ?? 0) - 1;
    while (list && lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid] as Y.Item | Y.GC | Y.Skip;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Skip ? undefined : s;
    }
    return undefined;
  }

  /** Where `item` lands (a doc item: where it is). */
  place(item: Y.Item, depth = 0): Place {
    const known = this.memo.get(item);
    if (known !== undefined) return known;
    // Items that only name a neighbour (an overwrite, an insert next to another) share its
    // place: walk the chain without recursion, then resolve its end once.
    const chain: Y.Item[] = [];
    let at: Y.Item = item;
    let result: Place | undefined;
    while (at.parent === null) {
      chain.push(at);
      const nid = at.origin ?? at.rightOrigin;
      const next = nid ? this.find(nid) : undefined;
      if (!next) {
        result = null;
        break;
      }
      if (!(next instanceof Y.Item)) {
        result = GONE;
        break;
      }
      const seen = this.memo.get(next);
      if (seen !== undefined) {
        result = seen;
        break;
      }
      at = next;
    }
    if (result === undefined) result = this.placeWithParent(at, depth);
    for (const c of chain) this.memo.set(c, result);
    this.memo.set(at, result);
    return result;
  }

  private placeWithParent(item: Y.Item, depth: number): Place {
    const parent = item.parent as unknown;
    const key = item.parentSub;
    if (typeof parent === 'string') return { path: [parent, key], holders: [] };
    if (depth > MAX_DEPTH) return null;
    let holder: Y.Item | Y.GC | undefined;
    if (parent instanceof Y.AbstractType) {
      const type = parent as Y.AbstractType<unknown>;
      const held = holderOf(type);
      if (!held) return { path: [Y.findRootTypeKey(type), key], holders: [] };
      holder = held;
    } else if (parent instanceof Y.ID) holder = this.find(parent);
    if (holder === undefined) return null;
    // Yjs discards what lands in collected content or in an item that is no type.
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return GONE;
    const up = this.place(holder, depth + 1);
    if (up === null || up === GONE) return up;
    return { path: [...up.path, key], holders: [...up.holders, holder] };
  }

  /** Existing items the update's delete set removes (not deleted yet). */
  deleted(ds: ReturnType<typeof Y.decodeUpdate>['ds']): Y.Item[] {
    const out: Y.Item[] = [];
    for (const [client, ranges] of ds.clients) {
      const state = Y.getState(this.doc.store, client);
      for (const range of ranges) {
        const end = Math.min(range.clock + range.len, state);
        for (let clock = range.clock; clock < end;) {
          const s = Y.getItem(this.doc.store, Y.createID(client, clock));
          if (s instanceof Y.Item && !s.deleted) out.push(s);
          clock = s.id.clock + s.length;
        }
      }
    }
    return out;
  }

  /**
   * Whether the delete set names items neither the doc nor the update holds. Yjs keeps such
   * deletions pending and applies them when those items arrive: a way to delete someone's
   * future writes unchecked.
   */
  deletesUnknown(ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
    for (const [client, ranges] of ds.clients) {
      // Known: what the doc holds, extended by the update's structs that follow on without a gap.
      let known = Y.getState(this.doc.store, client);
      for (const st of this.byClient.get(client) ?? [])
        if (st.id.clock <= known) known = Math.max(known, st.id.clock + st.length);
      for (const range of ranges) if (range.clock + range.len > known) return true;
    }
    return false;
  }
}

/** A facilitator writes anything on a board but its `history`. */
function facilitatorBoardWrite(doc: Y.Doc, update: Uint8Array): DeniedReason | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const r = new Resolver(doc, structs);
  const inHistory = (item: Y.Item) => {
    const at = r.place(item);
    return at !== null && at !== GONE && at.path[0] === HISTORY_KEY;
  };
  if (r.fresh.some(inHistory) || r.deleted(ds).some(inHistory)) return DENIED.notAllowed;
  return null;
}

/** The voting round running on this board, if any. */
function liveRound(controlDoc: Y.Doc, boardId: string) {
  const { voting } = readLive(controlDoc);
  return voting && voting.boardId === boardId ? voting : null;
}

type Round = ReturnType<typeof liveRound>;

const isTemplate = (id: Key, el: Y.Map<unknown>) =>
  (typeof id === 'string' && id.startsWith(TEMPLATE_ID_PREFIX)) ||
  (typeof el.get('templateId') === 'string' && el.get('templateId') !== '');

/** The type an item creates, when it creates a Y.Map. */
const mapOf = (item: Y.Item | undefined): Y.Map<unknown> | null =>
  item?.content instanceof Y.ContentType && item.content.type instanceof Y.Map
    ? (item.content.type as Y.Map<unknown>)
    : null;

/** The Y.Text an item creates, when it creates one. */
const textOf = (item: Y.Item | undefined): Y.Text | null =>
  item?.content instanceof Y.ContentType && item.content.type instanceof Y.Text
    ? (item.content.type as Y.Text)
    : null;

/** What an item writes as a whole: a new Y.Map, a new Y.Text, or neither. */
type Writes = 'map' | 'text' | null;
const writesOf = (item: Y.Item): Writes => (mapOf(item) ? 'map' : textOf(item) ? 'text' : null);

/**
 * The plain values an item writes (`undefined`: not plain values). A map entry holds one; a run
 * of one client's overwrites of a key that its doc kept (the undo manager keeps deleted items)
 * is merged into one item holding them all, the last one the entry's value. Every one of them
 * is checked.
 */
function plainValues(item: Y.Item): { values: unknown[]; last: unknown } | undefined {
  const c = item.content;
  if (c instanceof Y.ContentAny && c.arr.length > 0)
    return { values: c.arr, last: c.arr[c.arr.length - 1] };
  return undefined;
}

/** How much of an update's item its own delete set leaves (typed, then deleted offline). */
function liveLength(item: Y.Item, ds: ReturnType<typeof Y.decodeUpdate>['ds']): number {
  const start = item.id.clock;
  const end = start + item.length;
  let gone = 0;
  for (const r of ds.clients.get(item.id.client) ?? [])
    gone += Math.max(0, Math.min(end, r.clock + r.len) - Math.max(start, r.clock));
  return item.length - gone;
}

/** Whether a sheet (a Y.Map or an old plain record) holds entries of anyone but `pid`. */
function holdsOthers(sheet: unknown, pid: string): boolean {
  if (sheet instanceof Y.Map) {
    for (const k of (sheet as Y.Map<unknown>).keys()) if (k !== pid) return true;
    return false;
  }
  if (sheet && typeof sheet === 'object')
    return Object.keys(sheet as Record<string, unknown>).some((k) => k !== pid);
  return false;
}

/** Whether an existing element holds sheet entries of anyone but `pid`. */
function elementHoldsOthers(el: Y.Map<unknown>, pid: string): boolean {
  const type = el.get('type');
  if (!isElementType(type)) return false;
  for (const [key, value] of el.entries())
    if (isSheetKind(fieldKindOf(type, key)) && holdsOthers(value, pid)) return true;
  return false;
}

function participantBoardWrite(
  doc: Y.Doc,
  update: Uint8Array,
  pid: string,
  round: () => Round,
): DeniedReason | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const r = new Resolver(doc, structs);
  const placed: Array<{ item: Y.Item; at: Loc }> = [];
  for (const item of r.fresh) {
    const at = r.place(item);
    if (at === GONE) continue;
    if (at === null) return DENIED.notAllowed;
    placed.push({ item, at });
  }

  // Elements the update creates: their type and author, from the update's own items.
  const created = new Map<Y.Item, { types: unknown[]; authors: unknown[] }>();
  for (const { item, at } of placed)
    if (at.path.length === 2 && at.path[0] === ELEMENTS_KEY && mapOf(item))
      created.set(item, { types: [], authors: [] });
  for (const { item, at } of placed) {
    const fresh = at.path.length === 3 ? created.get(at.holders[0] as Y.Item) : undefined;
    const v = fresh && !item.deleted ? plainValues(item) : undefined;
    if (!fresh || !v) continue;
    if (at.path[2] === 'type') fresh.types.push(...v.values);
    if (at.path[2] === 'author') fresh.authors.push(...v.values);
  }
  for (const fields of created.values()) {
    const type = fields.types[0];
    if (!isElementType(type) || fields.types.some((t) => t !== type)) return DENIED.notAllowed;
    if (fields.authors.length === 0 || fields.authors.some((a) => a !== pid))
      return DENIED.notAllowed;
  }

  /** The element type at `holders[0]` (created in this update or existing). */
  const typeOf = (holder: Y.Item): string | undefined => {
    const fresh = created.get(holder);
    const t = fresh ? fresh.types[0] : mapOf(holder)?.get('type');
    return typeof t === 'string' ? t : undefined;
  };

  // Votes this update gives: the sticky's Y.Map (null: created now) → the person's new count.
  const votes = new Map<Y.Item, number>();

  // Characters this update inserts, per shared text (the Y.Text's item).
  const inserted = new Map<Y.Item, Y.Item[]>();

  /**
   * A write at `at`: a plain `value`, a new map or text (`writes`), or a `removal` (a deleted
   * item or a deletion). `deletedTogether`: whether the update also deletes an element (its
   * fields then go with the element's own check). `item`: the struct written (characters of a
   * shared text are checked by their content).
   */
  const check = (
    at: Loc,
    value: { values: unknown[]; last: unknown } | undefined,
    writes: Writes,
    removal: boolean,
    deletedTogether: (holder: Y.Item) => boolean,
    item?: Y.Item,
  ): DeniedReason | null => {
    const writesMap = writes === 'map';
    const { path, holders } = at;
    if (path[0] !== ELEMENTS_KEY || path.length < 2 || path.length > MAX_DEPTH)
      return DENIED.notAllowed;
    // Only the characters of a shared text have no key (checked below).
    if (path.some((k, i) => k === null && i !== 3)) return DENIED.notAllowed;
    const id = path[1] as string;
    const current = path.length === 2 ? elementsMap(doc).get(id) : undefined;

    if (path.length === 2) {
      // An element entry: what it replaces or removes must be removable, a new one is a map.
      if (current instanceof Y.Map) {
        if (isTemplate(id, current)) return DENIED.templateItem;
        if (elementHoldsOthers(current, pid)) return DENIED.othersVotes;
      }
      if (!removal) {
        if (!writesMap || id.startsWith(TEMPLATE_ID_PREFIX)) return DENIED.notAllowed;
      }
      return null;
    }

    const elItem = holders[0] as Y.Item;
    const el = mapOf(elItem);
    const isNewEl = created.has(elItem);
    if (!el) return DENIED.notAllowed;
    const type = typeOf(elItem);
    if (!isElementType(type)) return DENIED.notAllowed;
    const field = path[2] as string;
    const kind: FieldKind | undefined = fieldKindOf(type, field);
    if (!kind) return DENIED.notAllowed;

    if (path.length === 3) {
      if (!isNewEl && deletedTogether(elItem)) return null;
      if (!isNewEl && isTemplate(id, el)) return DENIED.templateItem;
      if (field === 'templateId' || (!isNewEl && IMMUTABLE.has(field))) return DENIED.notAllowed;
      if (isSheetKind(kind)) {
        if (!isNewEl && holdsOthers(el.get(field), pid)) return DENIED.othersVotes;
        return removal || writesMap ? null : DENIED.notAllowed;
      }
      if (removal) return null;
      if (kind === 'sharedText' && writes === 'text') return null;
      return value?.values.every((v) => fitsKind(kind, v)) ? null : DENIED.notAllowed;
    }

    if (path[3] === null) {
      // Characters of a shared text: plain characters (or their deletion) in a Y.Text at a
      // `sharedText` field, wherever the field itself may be written.
      const textItem = holders[1];
      if (path.length !== 4 || kind !== 'sharedText' || !textOf(textItem)) return DENIED.notAllowed;
      if (!isNewEl && deletedTogether(elItem)) return null;
      if (!isNewEl && isTemplate(id, el)) return DENIED.templateItem;
      if (removal) return null;
      if (!(item?.content instanceof Y.ContentString)) return DENIED.notAllowed;
      if (textItem) inserted.set(textItem, [...(inserted.get(textItem) ?? []), item]);
      return null;
    }

    // Inside a per-person sheet: only under one's own id.
    if (!isSheetKind(kind)) return DENIED.notAllowed;
    if (path[3] !== pid) return DENIED.othersVotes;
    if (path.length === 4) {
      if (kind === 'answerSheet') return removal || writesMap ? null : DENIED.notAllowed;
      if (removal) {
        // Overwriting a count deletes the old one: the new count, if any, is what counts.
        votes.set(elItem, votes.get(elItem) ?? 0);
        return null;
      }
      const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
      if (!value?.values.every(count)) return DENIED.notAllowed;
      votes.set(elItem, Math.max(value.last as number, votes.get(elItem) ?? 0));
      return null;
    }
    if (kind !== 'answerSheet' || path.length !== 5) return DENIED.notAllowed;
    return removal || value?.values.every(isScore) ? null : DENIED.notAllowed;
  };

  const never = () => false;
  for (const { item, at } of placed) {
    const removal = item.content instanceof Y.ContentDeleted;
    const denied = check(at, plainValues(item), writesOf(item), removal, never, item);
    if (denied) return denied;
  }
  // A shared text stays within SHARED_TEXT_MAX (what it holds, plus what the update inserts).
  for (const [textItem, items] of inserted) {
    const n = items.reduce((sum, it) => sum + liveLength(it, ds), 0);
    const text = textOf(textItem);
    // A Y.Text created by this update holds nothing yet (and is in no doc: not read).
    const holds = text?.doc ? text.length : 0;
    if (holds + n > SHARED_TEXT_MAX) return DENIED.notAllowed;
  }

  // Deletions: each checked as the write it undoes. Fields of an element deleted with it go
  // with the element's own check; sheet entries never (someone else's stay theirs).
  if (r.deletesUnknown(ds)) return DENIED.notAllowed;
  const gone = r.deleted(ds);
  if (gone.length > 0) {
    const goneSet = new Set(gone);
    const together = (holder: Y.Item) => goneSet.has(holder);
    for (const item of gone) {
      const at = r.place(item);
      if (at === GONE) continue;
      if (at === null) return DENIED.notAllowed;
      const denied = check(at, undefined, null, true, together);
      if (denied) return denied;
    }
  }

  return votes.size > 0 ? checkVotes(doc, votes, (h) => created.has(h), pid, round) : null;
}

/** The live round's rules for the votes an update gives (taking votes back is always fine). */
function checkVotes(
  doc: Y.Doc,
  votes: Map<Y.Item, number>,
  isCreated: (holder: Y.Item) => boolean,
  pid: string,
  round: () => Round,
): DeniedReason | null {
  const before = (el: Y.Map<unknown> | null) => {
    const v = el?.get('votes');
    const n = v instanceof Y.Map ? (v as Y.Map<unknown>).get(pid) : undefined;
    return typeof n === 'number' ? n : 0;
  };
  const next = new Map<Y.Map<unknown>, number>();
  let adds = false;
  for (const [holder, count] of votes) {
    const el = isCreated(holder) ? null : mapOf(holder);
    if (count > before(el)) adds = true;
    if (el) next.set(el, count);
    // A sticky created in this very update is on nobody's ballot yet.
    else if (count > 0) return DENIED.voteCap;
  }
  if (!adds) return null;
  const live = round();
  if (!live) return DENIED.voteCap;
  const elements = elementsMap(doc);
  const box = (m: Y.Map<unknown>) => {
    const n = (k: string) => (typeof m.get(k) === 'number' ? (m.get(k) as number) : 0);
    return { x: n('x'), y: n('y'), w: n('w'), h: n('h') };
  };
  const frame = live.frameId ? elements.get(live.frameId) : undefined;
  const onBallot = (m: Y.Map<unknown>) =>
    m.get('type') === 'sticky' &&
    elements.get(holderOf(m)?.parentSub ?? '') === m &&
    (!(frame instanceof Y.Map) || centreIn(box(m), box(frame)));
  for (const [el, count] of next) {
    if (count <= before(el)) continue;
    if (!onBallot(el)) return DENIED.voteCap;
    if (!live.allowMultiplePerItem && count > 1) return DENIED.voteCap;
  }
  let used = 0;
  elements.forEach((m) => {
    if (m instanceof Y.Map && onBallot(m)) used += next.get(m) ?? before(m);
  });
  return used > live.votesPerPerson ? DENIED.voteCap : null;
}
