/**
 * `encodeStateAsUpdateWithout` (workshops/board/yjs-internals.ts): the server's answer to a joiner
 * while it holds its own writes back. With nothing withheld it is Yjs's own encoding, byte for
 * byte; with a write's client withheld, a joiner gets everything else and nothing of that write —
 * no item, no deletion of one, nothing left pending — and the write, sent later, brings it level
 * with the server.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateAsUpdateWithout } from '../../../workshops/board/yjs-internals';

/** A doc written by three clients: texts typed and partly deleted, map keys overwritten. */
function busyDoc(): Y.Doc {
  const doc = new Y.Doc();
  for (let n = 0; n < 3; n++) {
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
    const text = writer.getText('text');
    text.insert(text.length, `writer ${n} was here; `);
    text.delete(n * 3, 2);
    const map = writer.getMap<number>('map');
    for (let i = 0; i < 4; i++) map.set(`k${i % 2}`, n * 10 + i);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
  }
  return doc;
}

/** A write of `doc` itself under a client id of its own, as the server makes one. */
function ownWrite(doc: Y.Doc, client: number, write: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const take = (u: Uint8Array) => void updates.push(u);
  doc.on('update', take);
  doc.clientID = client;
  doc.transact(write);
  doc.off('update', take);
  return Y.mergeUpdates(updates);
}

const plain = (doc: Y.Doc) => ({
  text: doc.getText('text').toString(),
  map: doc.getMap('map').toJSON(),
  owners: doc.getMap('owners').toJSON(),
});

describe('encodeStateAsUpdateWithout', () => {
  it('with nothing withheld writes the bytes Yjs writes, for any state vector', () => {
    const doc = busyDoc();
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(doc));
    ahead.getText('text').insert(0, 'more ');
    const partly = new Y.Doc();
    Y.applyUpdate(partly, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(busyDoc()));
    for (const holds of [new Y.Doc(), partly, ahead, doc]) {
      const sv = Y.encodeStateVector(holds);
      expect(encodeStateAsUpdateWithout(doc, sv, new Set())).toEqual(
        Y.encodeStateAsUpdate(doc, sv),
      );
    }
  });

  it('leaves out a withheld client: its items and the deletions of them', () => {
    const doc = busyDoc();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = plain(doc);
    const first = ownWrite(doc, 1001, () => doc.getMap('owners').set('7', 'a'));
    const second = ownWrite(doc, 1002, () => {
      doc.getMap('owners').set('8', 'a');
      doc.getMap('owners').set('8', 'b'); // overwrites (deletes) an item of its own
      doc.getText('text').insert(0, 'server: ');
    });

    // The first write was sent on; the second is held back, from a new joiner and from a copy.
    for (const joiner of [new Y.Doc(), copy]) {
      Y.applyUpdate(joiner, first);
      const sv = Y.encodeStateVector(joiner);
      Y.applyUpdate(joiner, encodeStateAsUpdateWithout(doc, sv, new Set([1002])));
      expect(plain(joiner)).toEqual({ ...before, owners: { 7: 'a' } });
      expect(Y.getState(joiner.store, 1002)).toBe(0);
      expect(joiner.store.pendingDs).toBeNull();
      expect(joiner.store.pendingStructs).toBeNull();

      // Once stored, the write itself goes out: the joiner is then level with the server.
      Y.applyUpdate(joiner, second);
      expect(plain(joiner)).toEqual(plain(doc));
      expect(Y.encodeStateVector(joiner)).toEqual(Y.encodeStateVector(doc));
    }
  });
});
