/**
 * An idle board whose history outweighs its content is stored without it (compaction.ts), so
 * its size follows its elements, not its drags. A copy of the board from before is refused
 * with CLOSE.stale (4409) and changes nothing on the server; a newcomer gets the same content.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  addElement,
  boardRoom,
  moveElements,
  readElements,
  readHistory,
} from '../../../workshops';
import { serverFixture } from '../helpers/fixture';
import { synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();

const content = (doc: Y.Doc) =>
  readElements(doc)
    .map((e) => JSON.stringify(e))
    .sort();

describe('board history compaction', () => {
  it('drops a dragged board’s history when idle, and refuses a copy from before', async () => {
    const workshop = await fx.start({ idleUnloadMs: 50 });
    const room = boardRoom(workshop.workshopId, 'ideate');
    const open = (doc?: Y.Doc) => fx.open(room, workshop.facilitatorToken, { doc });
    const a = open();
    await synced(a);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push(
        addElement(a.doc, 'sticky', { x: i, y: 0, text: `idee ${i}` }, { author: 'f', env }),
      );
    // 10,000 drags, 200 per message (each a drop of every note).
    for (let round = 0; round < 50; round++)
      moveElements(
        a.doc,
        ids.map((id, i) => ({ id, x: i * 10 + round, y: round * 3 })),
      );
    const before = Y.encodeStateAsUpdate(a.doc).length;
    const expected = content(a.doc);
    const check = open();
    await waitFor(() => content(check.doc).length === expected.length, 10_000, 'all stored');
    await waitFor(
      () => JSON.stringify(content(check.doc)) === JSON.stringify(expected),
      10_000,
      'every drag stored',
    );

    // Everyone leaves; the idle room is unloaded (and compacted).
    const old = a.doc;
    fx.closeConnections();
    await waitFor(() => fx.server.stats().rooms === 0, 10_000, 'rooms unloaded');

    const fresh = open();
    await synced(fresh);
    expect(content(fresh.doc)).toEqual(expected);
    expect(readHistory(fresh.doc).epoch).toBe(1);
    const after = Y.encodeStateAsUpdate(fresh.doc).length;
    expect(after).toBeLessThan(before / 3);

    // The old copy comes back: refused as stale, and nothing of it reaches the server.
    const stale = open(old);
    await waitFor(() => stale.closes.includes(CLOSE.stale), 5000, 'stale refusal');
    const newcomer = open();
    await synced(newcomer);
    expect(content(newcomer.doc)).toEqual(expected);
    expect(Y.encodeStateAsUpdate(newcomer.doc).length).toBe(after);
  }, 60_000);
});
