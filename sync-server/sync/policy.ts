/**
 * Who may write what (DESIGN.md, "Roles"): evaluated for every incoming update, so a lock set
 * by the facilitator takes effect on the next message of every open connection.
 */
import * as Y from 'yjs';
import type { RoomRef, TokenClaims } from '../../workshops';
import { DENIED, ELEMENTS_KEY, isBoardLocked } from '../../workshops';
import type { WritePolicy } from './connection';

export function writePolicy(
  claims: TokenClaims,
  ref: RoomRef,
  doc: Y.Doc,
  controlDoc: Y.Doc,
): WritePolicy {
  return (update) => {
    if (claims.role === 'viewer') return DENIED.readOnlyRole;
    if (claims.role === 'facilitator') return null;
    if (ref.kind === 'control') return DENIED.controlFacilitatorOnly;
    if (isBoardLocked(controlDoc, ref.boardId)) return DENIED.boardLocked;
    return touchesOthersVotes(doc, update, claims.participantId) ? DENIED.othersVotes : null;
  };
}

/**
 * Whether `update` would set, overwrite or delete another participant's entry: votes at
 * `elements/<id>/votes/<participantId>`, widget answers at `elements/<id>/scores|answers/<participantId>/…`.
 * A participant may write only under their own id, and may not replace such a sheet that
 * holds someone else's entries.
 * Reads the update's structs without applying it.
 */
/** Element fields that hold one entry per participant, keyed by participant id. */
const PERSONAL_FIELDS = new Set(['votes', 'scores', 'answers']);

export function touchesOthersVotes(doc: Y.Doc, update: Uint8Array, participantId: string): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const own = new Map<string, Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) own.set(`${s.id.client}:${s.id.clock}`, s);

  const lookup = (id: Y.ID): Y.Item | null => {
    const local = own.get(`${id.client}:${id.clock}`);
    if (local) return local;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found = Y.getItem(doc.store, id);
    return found instanceof Y.Item ? found : null;
  };

  /**
   * The map key an item is stored under and the type it sits in (`parent: null` = unknown).
   * An item whose parent is not written (it was inserted next to another, as a map overwrite is)
   * shares the place of that neighbour.
   */
  const placeOf = (
    item: Y.Item,
    depth = 0,
  ): { key: string | null; parent: Y.AbstractType<unknown> | null } => {
    const parent = item.parent as unknown;
    if (parent instanceof Y.AbstractType) return { key: item.parentSub, parent };
    if (typeof parent === 'string')
      return {
        key: item.parentSub,
        parent: (doc.share.get(parent) as Y.AbstractType<unknown> | undefined) ?? null,
      };
    if (parent && typeof parent === 'object') {
      const holder = lookup(parent as Y.ID);
      return {
        key: item.parentSub,
        parent: holder?.content instanceof Y.ContentType ? holder.content.type : null,
      };
    }
    const neighbourId = item.origin ?? item.rightOrigin;
    const neighbour = neighbourId && depth < 64 ? lookup(neighbourId) : null;
    return neighbour ? placeOf(neighbour, depth + 1) : { key: null, parent: null };
  };

  const isElementMap = (type: unknown): boolean =>
    type instanceof Y.Map && (type as Y.Map<unknown>)._item?.parent === doc.getMap(ELEMENTS_KEY);

  /** A per-person sheet of an element: `votes`, or a widget's `scores` / `answers`. */
  const isPersonalMap = (type: unknown): boolean =>
    type instanceof Y.AbstractType &&
    PERSONAL_FIELDS.has((type as Y.AbstractType<unknown>)._item?.parentSub ?? '') &&
    isElementMap((type as Y.AbstractType<unknown>)._item?.parent);

  /** Whose entry a write at `key` inside `parent` touches (null: nobody's in particular). */
  const ownerOf = (parent: Y.AbstractType<unknown> | null, key: string | null): string | null => {
    if (!parent) return null;
    if (isPersonalMap(parent)) return key;
    for (let t: Y.AbstractType<unknown> | null = parent, hops = 0; t?._item && hops < 8; hops++) {
      const up = t._item.parent as Y.AbstractType<unknown>;
      if (isPersonalMap(up)) return t._item.parentSub;
      t = up instanceof Y.AbstractType ? up : null;
    }
    return null;
  };

  const hasOthersEntries = (sheet: unknown): boolean =>
    sheet instanceof Y.Map &&
    [...(sheet as Y.Map<unknown>).keys()].some((k) => k !== participantId);

  for (const item of own.values()) {
    const { key, parent } = placeOf(item);
    const owner = ownerOf(parent, key);
    if (owner !== null && owner !== participantId) return true;
    if (
      key &&
      PERSONAL_FIELDS.has(key) &&
      parent instanceof Y.Map &&
      isElementMap(parent) &&
      hasOthersEntries(parent.get(key))
    )
      return true;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const item =
          clock < Y.getState(doc.store, client)
            ? Y.getItem(doc.store, Y.createID(client, clock))
            : null;
        if (!item) break;
        if (item instanceof Y.Item && !item.deleted) {
          const owner = ownerOf(item.parent as Y.AbstractType<unknown>, item.parentSub);
          if (owner !== null && owner !== participantId) return true;
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return false;
}
