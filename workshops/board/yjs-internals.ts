/**
 * The one place the core reads Yjs internals. Compaction (compaction.ts) must see what the
 * public API hides on purpose: the *item* that holds a map key (its id, to recognise the very
 * value an old copy saw) and the deleted entries (tombstones, to tell a removal apart from a key
 * that was never there), and whether a root type holds anything at all, list content included,
 * without knowing what type it was defined as. Yjs exposes none of this publicly (its own
 * y-protocols read these fields the same way); keeping the reads here means a Yjs upgrade that
 * renames them breaks one small file, and the type checker says where. The server's answer to a
 * joiner must also leave out what it holds back (`encodeStateAsUpdateWithout`), which no public
 * encoding can.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

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

/**
 * `Y.encodeStateAsUpdate(doc, stateVector)` without the `withheld` clients: none of their items,
 * no deletion of them. The server holds its own writes back until they are stored, each under a
 * client id of its own (sync-server/sync/room.ts), and meanwhile answers a joiner with the rest.
 * Yjs leaves nothing out of an encoding, so this writes its update format (v1) as its
 * `writeStateAsUpdate` does — each client's structs from the peer's clock on, highest client
 * first, then the delete set — from the doc's struct store. Pending structs are not included
 * (the server keeps none: room.ts, `dropPending`). With nothing withheld the bytes are Yjs's own.
 */
export function encodeStateAsUpdateWithout(
  doc: Y.Doc,
  stateVector: Uint8Array,
  withheld: ReadonlySet<number>,
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const known = Y.decodeStateVector(stateVector);
  const clients = [...doc.store.clients.entries()]
    .filter(([client]) => !withheld.has(client))
    .map(([client, structs]) => ({ client, structs, from: known.get(client) ?? 0 }))
    .filter(({ client, from }) => Y.getState(doc.store, client) > from)
    .sort((a, b) => b.client - a.client);
  encoding.writeVarUint(encoder.restEncoder, clients.length);
  for (const { client, structs, from } of clients) {
    const clock = Math.max(from, structs[0]?.id.clock ?? 0);
    const start = Y.findIndexSS(structs, clock);
    encoding.writeVarUint(encoder.restEncoder, structs.length - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    structs.slice(start).forEach((s, i) => s.write(encoder, i === 0 ? clock - s.id.clock : 0));
  }
  const deletions = [...Y.createDeleteSetFromStructStore(doc.store).clients.entries()]
    .filter(([client]) => !withheld.has(client))
    .sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, deletions.length);
  for (const [client, ranges] of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const r of ranges) {
      encoder.writeDsClock(r.clock);
      encoder.writeDsLen(r.len);
    }
  }
  return encoder.toUint8Array();
}
