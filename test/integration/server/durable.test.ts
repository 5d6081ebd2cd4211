/**
 * Issue 10, points 2 and 3: a refused write never strands the writes after it, "stored" is only
 * answered once the store holds everything asked about, and a failing LevelDB write is retried
 * (a real LevelDB closed under the room, not a mock) with no "stored" answer meanwhile.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Level } from 'level';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LeveldbDocStore } from '../../../sync-server/store/docs';
import {
  CLOSE,
  DENIED,
  MESSAGE,
  addElement,
  boardRoom,
  controlRoom,
  isBoardLocked,
  readElements,
  setBoardLocked,
} from '../../../workshops';
import type { CreateWorkshopResponse } from '../../../workshops';
import { serverFixture } from '../helpers/fixture';
import type { Client } from '../helpers/server';
import {
  covers,
  createWorkshop,
  join,
  startTestServer,
  storedAnswers,
  synced,
  waitFor,
} from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const { open } = fx;

const texts = (doc: Y.Doc) =>
  readElements(doc).flatMap((e) => (e.type === 'sticky' ? [e.text] : []));
const sticky = (c: Client, text: string, author: string) =>
  addElement(c.doc, 'sticky', { x: 0, y: 0, text }, { author, env });

/** Counts frames of our own "stored" kind reaching a stock client that never asked. */
function countStoredFrames(c: Client): () => number {
  let count = 0;
  const watch = () => {
    const ws = c.provider.ws as unknown as { on?: (e: string, f: (d: Buffer) => void) => void };
    ws.on?.('message', (data: Buffer) => {
      if (data[0] === MESSAGE.stored) count++;
    });
  };
  watch();
  c.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') watch();
  });
  return () => count;
}

async function lockedBoard(workshop: CreateWorkshopResponse, boardId: string, locked: boolean) {
  const control = open(controlRoom(workshop.workshopId), workshop.facilitatorToken);
  await synced(control);
  setBoardLocked(control.doc, boardId, locked);
  // The lock has reached the server once another connection receives it from there.
  const p = await join(fx.server, workshop.joinCode, 'Kijker');
  const seen = open(controlRoom(workshop.workshopId), p.token);
  await waitFor(() => isBoardLocked(seen.doc, boardId) === locked, 5000, 'lock on the server');
  return { control, seen };
}

describe('a refused write', () => {
  it('does not strand the later writes of a stock client: after a reconnect they are stored and shared', async () => {
    const workshop = await fx.start();
    const room = boardRoom(workshop.workshopId, 'define');
    const { control, seen } = await lockedBoard(workshop, 'define', true);
    const p = await join(fx.server, workshop.joinCode, 'Ann');
    const participant = open(room, p.token);
    const other = open(room, workshop.facilitatorToken);
    await Promise.all([synced(participant), synced(other)]);

    // Typing while the facilitator locks: refused, and the next keystrokes follow at once.
    sticky(participant, 'te laat', p.participantId);
    sticky(participant, 'daarna', p.participantId);
    await waitFor(() => participant.denied.includes(DENIED.boardLocked), 5000, 'denied');
    await waitFor(() => participant.closes.includes(CLOSE.resync), 5000, 'resync close');

    // Nothing of the refused client is held as pending and served to a joiner.
    const joiner = open(room, workshop.facilitatorToken);
    await synced(joiner);
    expect(joiner.doc.store.pendingStructs).toBeNull();
    expect(joiner.doc.getMap('elements').size).toBe(other.doc.getMap('elements').size);
    expect(Y.decodeStateVector(Y.encodeStateVector(joiner.doc)).has(participant.doc.clientID)).toBe(
      false,
    );

    // Unlocked: the stock client reconnects by itself and goes on; its later writes arrive.
    setBoardLocked(control.doc, 'define', false);
    await waitFor(() => !isBoardLocked(seen.doc, 'define'), 5000, 'unlock on the server');
    await waitFor(() => texts(other.doc).includes('daarna'), 40_000, 'the re-synced writes');
    sticky(participant, 'weer open', p.participantId);
    await waitFor(() => texts(other.doc).includes('weer open'), 10_000, 'the later write');
    expect(other.doc.store.pendingStructs).toBeNull();

    fx.closeConnections();
    fx.server = await fx.server.restart();
    const after = open(room, workshop.facilitatorToken);
    await synced(after);
    expect(texts(after.doc)).toEqual(expect.arrayContaining(['te laat', 'daarna', 'weer open']));
  }, 60_000);

  it('a refused deletion strands nothing: the connection stays open', async () => {
    const workshop = await fx.start();
    const room = boardRoom(workshop.workshopId, 'define');
    const p = await join(fx.server, workshop.joinCode, 'Ann');
    const participant = open(room, p.token);
    const other = open(room, workshop.facilitatorToken);
    await Promise.all([synced(participant), synced(other)]);
    const id = sticky(other, 'van de begeleider', 'facilitator');
    await waitFor(() => participant.doc.getMap('elements').has(id));
    const { control } = await lockedBoard(workshop, 'define', true);
    participant.doc.getMap('elements').delete(id);
    await waitFor(() => participant.denied.includes(DENIED.boardLocked), 5000, 'denied');
    setBoardLocked(control.doc, 'define', false);
    await waitFor(() => !participant.doc.getMap('elements').has(id));
    const unlocked = open(controlRoom(workshop.workshopId), p.token);
    await waitFor(() => unlocked.provider.synced && !isBoardLocked(unlocked.doc, 'define'));
    sticky(participant, 'gewoon verder', p.participantId);
    await waitFor(() => texts(other.doc).includes('gewoon verder'), 10_000, 'the later write');
    expect(participant.closes).toEqual([]);
    expect(other.doc.getMap('elements').has(id)).toBe(true);
  });
});

describe('what is stored', () => {
  it('is answered after the write is on disk, and never sent to a client that did not ask', async () => {
    const store = new LeveldbDocStore(mkTemp());
    const workshop = await fx.start({ docStore: store });
    const room = boardRoom(workshop.workshopId, 'define');
    const writer = open(room, workshop.facilitatorToken);
    const bystander = open(room, workshop.facilitatorToken);
    await Promise.all([synced(writer), synced(bystander)]);
    const unasked = countStoredFrames(bystander);
    const { ask, answers } = storedAnswers(writer);

    sticky(writer, 'bewaard?', 'facilitator');
    const wanted = Y.decodeStateVector(Y.encodeStateVector(writer.doc));
    ask();
    await waitFor(() => answers.some((sv) => covers(sv, wanted)), 5000, 'stored answer');
    // At the moment of the answer, the store holds the note.
    const stored = await store.load(`${workshop.workshopId}/define`);
    expect(texts(stored)).toContain('bewaard?');
    await waitFor(() => texts(bystander.doc).includes('bewaard?'));
    expect(unasked()).toBe(0);
  });

  it('a failing LevelDB write is retried and logged with its room; no "stored" until it succeeds', async () => {
    const dbs: Level<unknown, unknown>[] = [];
    class Watched extends Level<unknown, unknown> {
      constructor(location: string, options?: object) {
        super(location, options);
        dbs.push(this);
      }
    }
    const dir = mkTemp();
    const logs: { msg: string; room?: string; attempt?: number }[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
    );
    fx.server = await startTestServer(
      { docStore: new LeveldbDocStore(dir, { Level: Watched }), logger },
      dir,
    );
    const workshop = await createWorkshop(fx.server);
    const room = boardRoom(workshop.workshopId, 'define');
    const writer = open(room, workshop.facilitatorToken);
    await synced(writer);
    const { ask, answers } = storedAnswers(writer);
    const db = dbs[0]!;

    await db.close(); // the disk goes away under the room
    sticky(writer, 'niet kwijt', 'facilitator');
    const wanted = Y.decodeStateVector(Y.encodeStateVector(writer.doc));
    ask();
    const failures = () =>
      logs.filter((l) => l.msg === 'storing updates failed; retrying' && l.room === room).length;
    await waitFor(() => failures() >= 3, 10_000, 'three failed attempts');
    expect(answers.filter((sv) => covers(sv, wanted))).toEqual([]);

    await db.open(); // the disk is back: the retry stores the batch, then the answer comes
    await waitFor(() => answers.some((sv) => covers(sv, wanted)), 20_000, 'stored answer');
    expect(logs.some((l) => l.msg === 'stored after retrying' && l.room === room)).toBe(true);

    fx.closeConnections();
    await fx.server.stop();
    fx.server = await startTestServer({}, dir); // the server's own store on the same folder
    const after = open(room, workshop.facilitatorToken);
    await synced(after);
    expect(texts(after.doc)).toContain('niet kwijt');
  }, 60_000);
});

function mkTemp(): string {
  return mkdtempSync(joinPath(tmpdir(), 'werkbank-durable-'));
}
