/**
 * The one place the core reads Yjs internals. Compaction (compaction.ts) must see what the
 * public API hides on purpose: the *item* that holds a map key (its id, to recognise the very
 * value an old copy saw) and the deleted entries (tombstones, to tell a removal apart from a key
 * that was never there), and whether a root type holds anything at all, list content included,
 * without knowing what type it was defined as. Yjs exposes none of this publicly (its own
 * y-protocols read these fields the same way); keeping the reads here means a Yjs upgrade that
 * renames them breaks one small file, and the type checker says where.
 */
import type * as Y from 'yjs';

/** The item holding a map entry: live or deleted (`item.deleted`), with its id. */
export type MapEntryItem = NonNullable<ReturnType<Y.Map<unknown>['_map']['get']>>;

/** Every key of `map` with the item that holds it, deleted ones included. */
export function entryItems(map: Y.Map<unknown>): IterableIterator<[string, MapEntryItem]> {
  return map._map.entries();
}

/** The item holding `key` of `map`, deleted or not; undefined when the key was never set. */
export function entryItem(map: Y.Map<unknown>, key: string): MapEntryItem | undefined {
  return map._map.get(key);
}

/** Whether a root type holds any content, as a map or as a sequence. */
export function holdsContent(type: Pick<Y.AbstractType<never>, '_start' | '_map'>): boolean {
  return type._start !== null || type._map.size > 0;
}

/**
 * The items of a text in document order, deleted ones included, with their ids: compaction's
 * rescue carries over the characters a peer never saw, which needs to know who wrote each run.
 */
export function* textItems(text: Y.Text): Generator<Y.Item> {
  for (let item = text._start; item; item = item.right) yield item;
}

/**
 * The item that holds a nested type (where it sits in its parent), null for a root type: the
 * server's write policy (sync-server/sync/policy.ts) judges an update item by item and must walk
 * from a type up to the element and root it belongs to.
 */
export function holderOf(type: Pick<Y.AbstractType<never>, '_item'>): Y.Item | null {
  return type._item;
}
