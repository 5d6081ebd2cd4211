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
 * Whether `update` would set, overwrite or delete another participant's vote entry.
 * Votes live at `elements/<elementId>/votes/<participantId>`; a participant may write only the
 * entry under their own id, and may not replace a `votes` map that holds someone else's votes.
 * Reads the update's structs without applying it.
 */
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

  const isVotesMap = (type: Y.AbstractType<unknown> | null): boolean =>
    !!type && type._item?.parentSub === 'votes' && isElementMap(type._item.parent);

  const isElementMap = (type: unknown): boolean =>
    type instanceof Y.Map && (type as Y.Map<unknown>)._item?.parent === doc.getMap(ELEMENTS_KEY);

  const hasOthersVotes = (votes: unknown): boolean =>
    votes instanceof Y.Map && [...(votes as Y.Map<number>).keys()].some((k) => k !== participantId);

  for (const item of own.values()) {
    const { key, parent } = placeOf(item);
    if (isVotesMap(parent) && key !== participantId) return true;
    if (
      key === 'votes' &&
      parent instanceof Y.Map &&
      isElementMap(parent) &&
      hasOthersVotes(parent.get('votes'))
    )
      return true;
  }
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const id = Y.createID(client, clock);
        const item = clock < Y.getState(doc.store, client) ? Y.getItem(doc.store, id) : null;
        if (!item) break;
        if (
          item instanceof Y.Item &&
          !item.deleted &&
          isVotesMap(item.parent as Y.AbstractType<unknown>) &&
          item.parentSub !== participantId
        ) {
          return true;
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return false;
}
