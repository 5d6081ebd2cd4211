/**
 * Compaction: a board's size follows its elements once its history is dropped, and a copy of
 * an earlier epoch is recognised and carries over only what its owner changed offline.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addElement,
  compactedCopy,
  deleteElements,
  elementsMap,
  holdsRetired,
  moveElements,
  readElements,
  readHistory,
  rescueUnsynced,
  seedBoardDoc,
  setVotes,
  updateElement,
  updateHoldsRetired,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

/** A sticky with `text` by `author`, at the origin unless `at`; returns its id. */
const sticky = (doc: Y.Doc, text: string, author: string, at = { x: 0, y: 0 }): string =>
  addElement(doc, 'sticky', { ...at, text }, { author, env });

/** Two-way sync of two docs, as the server and a client would do it. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const content = (doc: Y.Doc) =>
  readElements(doc)
    .map((e) => JSON.stringify(e))
    .sort();

const stateVector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

function draggedBoard(stickies: number, drags: number): Y.Doc {
  const server = new Y.Doc();
  seedBoardDoc(server, 'ideate', 'nl', env);
  const people = Array.from({ length: 5 }, () => new Y.Doc());
  for (const p of people) sync(server, p);
  const ids: string[] = [];
  for (let i = 0; i < stickies; i++)
    ids.push(
      addElement(server, 'sticky', { x: i * 10, y: 0, text: `idee ${i}` }, { author: 'a', env }),
    );
  for (const p of people) sync(server, p);
  // From here on each drop goes to everyone as its own update, as the server relays it: linear
  // in the number of drags (a full two-way sync per drag would be quadratic and slow under load).
  const relay = 'relay';
  const everyone = [server, ...people];
  for (const from of everyone)
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === relay) return;
      for (const to of everyone) if (to !== from) Y.applyUpdate(to, update, relay);
    });
  for (let d = 0; d < drags; d++) {
    const p = people[d % people.length] as Y.Doc;
    moveElements(p, [{ id: ids[d % ids.length] as string, x: d, y: d * 2 }]);
  }
  for (const p of people) expect(stateVector(p)).toEqual(stateVector(server));
  return server;
}

describe('compaction', () => {
  it('keeps the content and drops the drags: size follows the elements', () => {
    const board = draggedBoard(100, 5000);
    const copy = compactedCopy(board);
    expect(content(copy)).toEqual(content(board));
    const before = Y.encodeStateAsUpdate(board).length;
    const after = Y.encodeStateAsUpdate(copy).length;
    expect(after).toBeLessThan(before / 3);
    // The same board never dragged is about as large (the dragged one holds larger coordinates
    // and its retired clients; random client ids vary the varint sizes): no trace of 5,000 drags.
    const undragged = Y.encodeStateAsUpdate(compactedCopy(draggedBoard(100, 0))).length;
    expect(after).toBeLessThan(undragged * 1.15);
  });

  it('counts epochs and retires every client that wrote before', () => {
    const board = draggedBoard(10, 50);
    const once = compactedCopy(board);
    expect(readHistory(once).epoch).toBe(1);
    for (const client of stateVector(board).keys())
      expect(readHistory(once).retired.has(client)).toBe(true);
    const twice = compactedCopy(once);
    expect(readHistory(twice).epoch).toBe(2);
    for (const client of stateVector(board).keys())
      expect(readHistory(twice).retired.has(client)).toBe(true);
  });

  it('recognises an old copy by its state vector and its updates, never a new one', () => {
    const board = draggedBoard(10, 20);
    const old = new Y.Doc();
    sync(board, old);
    const copy = compactedCopy(board);
    const { retired } = readHistory(copy);
    expect(holdsRetired(stateVector(old), retired)).toBe(true);
    expect(updateHoldsRetired(Y.encodeStateAsUpdate(old), retired)).toBe(true);
    const newcomer = new Y.Doc();
    sync(copy, newcomer);
    sticky(newcomer, 'nieuw', 'n');
    expect(holdsRetired(stateVector(newcomer), retired)).toBe(false);
    expect(updateHoldsRetired(Y.encodeStateAsUpdate(newcomer), retired)).toBe(false);
  });

  it('carries over what an old copy changed offline, and nothing it merely missed', () => {
    const server = new Y.Doc();
    seedBoardDoc(server, 'ideate', 'nl', env);
    const ann = new Y.Doc();
    const bo = new Y.Doc();
    const keep = sticky(server, 'blijft', 's');
    const moved = sticky(server, 'verplaatst', 's');
    const gone = sticky(server, 'weg', 's');
    const boEdits = sticky(server, 'van Bo', 's');
    sync(server, ann);
    sync(server, bo);

    // Ann goes offline and works on.
    const annNew = sticky(ann, 'offline idee', 'a', { x: 5, y: 5 });
    moveElements(ann, [{ id: moved, x: 300, y: 40 }]);
    deleteElements(ann, [gone]);
    setVotes(ann, keep, 'ann', 2);
    // Bo, online, changes another note; the server has it, Ann never saw it.
    updateElement<'sticky'>(bo, boEdits, { text: 'Bo was hier' });
    sync(server, bo);

    // The idle board is compacted; Ann's copy is now of an earlier epoch.
    const compacted = compactedCopy(server);
    const fresh = new Y.Doc();
    sync(compacted, fresh);
    const changes = rescueUnsynced(ann, fresh);
    expect(changes).toBeGreaterThanOrEqual(4);

    const byId = new Map(readElements(fresh).map((e) => [e.id, e]));
    expect(byId.get(annNew)).toMatchObject({ text: 'offline idee', x: 5, y: 5 });
    expect(byId.get(moved)).toMatchObject({ x: 300, y: 40 });
    expect(byId.has(gone)).toBe(false);
    expect(byId.get(keep)).toMatchObject({ votes: { ann: 2 } });
    // What Ann merely missed stays as the server has it.
    expect(byId.get(boEdits)).toMatchObject({ text: 'Bo was hier' });
    // And the result carries no item of the earlier epoch.
    expect(holdsRetired(stateVector(fresh), readHistory(fresh).retired)).toBe(false);
  });

  it('carries a deletion over only where the server still holds the value the old copy saw', () => {
    const server = new Y.Doc();
    seedBoardDoc(server, 'ideate', 'nl', env);
    const removed = sticky(server, 'weg', 's');
    const restored = sticky(server, 'terug', 's');
    const ann = new Y.Doc();
    const bo = new Y.Doc();
    sync(server, ann);
    sync(server, bo);

    // Ann, offline, removes both notes; Bo, online, removes one and sets it again (an undo).
    deleteElements(ann, [removed, restored]);
    const again = new Y.Map<unknown>();
    for (const [k, v] of (elementsMap(bo).get(restored) as Y.Map<unknown>).entries())
      if (!(v instanceof Y.AbstractType)) again.set(k, v);
    elementsMap(bo).set(restored, again);
    updateElement<'sticky'>(bo, restored, { text: 'weer terug' });
    sync(server, bo);

    // Across a compaction (new item ids) …
    const fresh = new Y.Doc();
    sync(compactedCopy(server), fresh);
    rescueUnsynced(ann, fresh);
    const ids = readElements(fresh).map((e) => e.id);
    expect(ids).not.toContain(removed);
    expect(readElements(fresh).find((e) => e.id === restored)).toMatchObject({
      text: 'weer terug',
    });

    // … and within the same epoch (a copy whose write was refused, loaded anew).
    const same = new Y.Doc();
    sync(server, same);
    rescueUnsynced(ann, same);
    expect(readElements(same).map((e) => e.id)).not.toContain(removed);
    expect(readElements(same).find((e) => e.id === restored)).toMatchObject({
      text: 'weer terug',
    });
  });

  it('within the same epoch carries a nested deletion only over the same value', () => {
    const server = new Y.Doc();
    seedBoardDoc(server, 'ideate', 'nl', env);
    const note = sticky(server, 'idee', 's');
    setVotes(server, note, 'ann', 1);
    setVotes(server, note, 'bo', 1);
    const ann = new Y.Doc();
    const bo = new Y.Doc();
    sync(server, ann);
    sync(server, bo);
    // Ann's copy removes both votes (her own, and — say — through a stale view, Bo's) …
    const annVotes = (elementsMap(ann).get(note) as Y.Map<unknown>).get('votes') as Y.Map<number>;
    annVotes.delete('ann');
    annVotes.delete('bo');
    // … while Bo votes again on the server.
    setVotes(bo, note, 'bo', 3);
    sync(server, bo);

    const fresh = new Y.Doc();
    sync(server, fresh);
    rescueUnsynced(ann, fresh);
    expect(readElements(fresh).find((e) => e.id === note)).toMatchObject({ votes: { bo: 3 } });
    const votes = (elementsMap(fresh).get(note) as Y.Map<unknown>).get('votes') as Y.Map<number>;
    expect(votes.has('ann')).toBe(false);
  });

  it('carries offline edits of a refused copy over as new items, once', () => {
    const server = new Y.Doc();
    seedBoardDoc(server, 'ideate', 'nl', env);
    const ann = new Y.Doc();
    sync(server, ann);
    const before = sticky(ann, 'bevestigd', 'a');
    sync(server, ann);
    // Refused by the server: never applied there.
    const refused = sticky(ann, 'geweigerd', 'a');
    const fresh = new Y.Doc();
    sync(server, fresh);
    expect(rescueUnsynced(ann, fresh)).toBe(1);
    expect(readElements(fresh).map((e) => e.id)).toEqual(expect.arrayContaining([before, refused]));
    // Made by fresh's own client: nothing of Ann's old client that the server lacks.
    const annClock = stateVector(fresh).get(ann.clientID) ?? 0;
    expect(annClock).toBe(stateVector(server).get(ann.clientID));
  });
});
