/**
 * A board's stored picture (DocStore.picture, sync-server/sync/picture.ts): kept beside a room
 * when it is compacted, served by the board snapshot for a board nobody has open without decoding
 * it, and never served once it no longer shows what is stored.
 *
 * What is tried, on both stores (LevelDB in a folder of its own, PostgreSQL in a database of its
 * own): a picture kept at compaction is read back byte for byte; any update stored after it makes
 * it stale (null), whatever the update; compacting without a picture (a forgotten participant)
 * and replacing without one drop it from storage, read back raw. On the real server: after a
 * restart the snapshot is the stored picture (`Server-Timing: picture;desc=stored`) and equals
 * the stored board, and the room is then loaded for the socket; an update stored behind the
 * picture's back (as a server killed mid-session leaves one) is shown, the picture is not; a
 * removed participant is refused the stored picture as the socket refuses them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Level } from 'level';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardSnapshotResponse } from '../../../workshops';
import {
  API,
  addElement,
  boardRoom,
  controlRoom,
  readElements,
  setParticipantRemoved,
} from '../../../workshops';
import type { DocStore } from '../../../sync-server/store/docs';
import { LeveldbDocStore } from '../../../sync-server/store/docs';
import { PgDatabase, PgDocStore } from '../../../sync-server/store/pg';
import { boardPicture } from '../../../sync-server/sync/picture';
import { decodeSnapshot } from '../../../web/sync/board-snapshot';
import { serverFixture } from '../helpers/fixture';
import { join, settled, synced, waitFor } from '../helpers/server';
import type { TestDatabase } from '../helpers/scale';
import { freshDatabase } from '../helpers/scale';
import { testEnv } from '../../fixtures/env';

const env = testEnv();
const ROOM = 'w1/ideate';
const SECRET = 'Een notitie die weg moet 4c1d';

/** A board update with one note, and the gzipped picture a store would be handed for it. */
async function noteUpdate(text: string): Promise<{ update: Uint8Array; picture: Uint8Array }> {
  const doc = new Y.Doc();
  addElement(doc, 'sticky', { x: 0, y: 0, text }, { author: 'p1', env });
  const update = Y.encodeStateAsUpdate(doc);
  const picture = await boardPicture(doc);
  doc.destroy();
  return { update, picture };
}

/** Whether raw stored bytes hold `needle`, plainly or inside a gzipped picture. */
function holds(bytes: Uint8Array, needle: string): boolean {
  const raw = Buffer.from(bytes);
  if (raw.includes(Buffer.from(needle))) return true;
  const gz = raw.indexOf(Buffer.from([0x1f, 0x8b]));
  if (gz < 0) return false;
  try {
    return gunzipSync(raw.subarray(gz)).includes(Buffer.from(needle));
  } catch {
    return false;
  }
}

interface Engine {
  store: DocStore;
  /** Every stored value, raw. */
  raw(): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

const engines: Record<'LevelDB' | 'PostgreSQL', () => Promise<Engine>> = {
  async LevelDB() {
    const dir = mkdtempSync(joinPath(tmpdir(), 'werkbank-picture-'));
    const dbs: Level<unknown, unknown>[] = [];
    class Watched extends Level<unknown, unknown> {
      constructor(location: string, options?: object) {
        super(location, options);
        dbs.push(this);
      }
    }
    const store = new LeveldbDocStore(dir, { Level: Watched });
    await store.open();
    return {
      store,
      async raw() {
        const out: Uint8Array[] = [];
        for await (const value of dbs[0]?.values() ?? []) out.push(value as Uint8Array);
        return out;
      },
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async PostgreSQL() {
    const db: TestDatabase = await freshDatabase();
    const pgdb = new PgDatabase(db.url, () => {});
    await pgdb.migrate();
    return {
      store: new PgDocStore(pgdb),
      async raw() {
        const { rows } = await pgdb.pool.query<{ bytes: Buffer }>(
          `SELECT update AS bytes FROM werkbank_updates
           UNION ALL SELECT picture AS bytes FROM werkbank_pictures`,
        );
        return rows.map((r) => new Uint8Array(r.bytes));
      },
      async close() {
        await pgdb.close();
        await db.drop();
      },
    };
  },
};

let opened: Engine | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

describe.each(Object.keys(engines) as Array<keyof typeof engines>)('stored picture, %s', (name) => {
  const open = async () => (opened = await engines[name]());

  it('is kept at compaction and read back while nothing is stored after it', async () => {
    const { store } = await open();
    const first = await noteUpdate('Eerste notitie');
    await store.storeUpdate(ROOM, first.update);
    await store.storeUpdate(ROOM, (await noteUpdate('Tweede notitie')).update);
    expect(await store.picture(ROOM)).toBeNull();
    await store.compact(ROOM, boardPicture);
    // Built from the merged document: both notes.
    const kept = await store.picture(ROOM);
    expect(kept).not.toBeNull();
    const body = JSON.parse(
      gunzipSync(kept ?? new Uint8Array()).toString(),
    ) as BoardSnapshotResponse;
    expect(decodeSnapshot(body)?.map((e) => (e.type === 'sticky' ? e.text : ''))).toEqual(
      expect.arrayContaining(['Eerste notitie', 'Tweede notitie']),
    );
    // Compacting again with nothing new keeps a picture that still shows the store.
    await store.compact(ROOM, boardPicture);
    expect(await store.picture(ROOM)).not.toBeNull();
  });

  it('is stale once any update is stored after it, even one that changes nothing', async () => {
    const { store } = await open();
    const { update, picture } = await noteUpdate('Notitie');
    await store.replace(ROOM, update, picture);
    expect(Buffer.from((await store.picture(ROOM)) ?? [])).toEqual(Buffer.from(picture));
    // The same update again: the store cannot know it changes nothing without decoding.
    await store.storeUpdate(ROOM, update);
    expect(await store.picture(ROOM)).toBeNull();
  });

  it('is dropped from storage by a compaction or a replacement without one', async () => {
    const engine = await open();
    const { store } = engine;
    const secret = await noteUpdate(SECRET);
    await store.replace(ROOM, secret.update, secret.picture);
    expect((await engine.raw()).some((v) => holds(v, SECRET))).toBe(true);
    // The note deleted, then compacted without a picture (as after forgetting its writer).
    const doc = new Y.Doc();
    Y.applyUpdate(doc, secret.update);
    const before = Y.encodeStateVector(doc);
    doc.getMap('elements').forEach((_, id) => doc.getMap('elements').delete(id));
    await store.storeUpdate(ROOM, Y.encodeStateAsUpdate(doc, before));
    await store.compact(ROOM);
    expect(await store.picture(ROOM)).toBeNull();
    expect((await engine.raw()).filter((v) => holds(v, SECRET))).toEqual([]);
    // Replacing without a picture drops one kept before.
    await store.replace(ROOM, secret.update, secret.picture);
    await store.replace(ROOM, (await noteUpdate('Iets anders')).update);
    expect((await engine.raw()).filter((v) => holds(v, SECRET))).toEqual([]);
    doc.destroy();
  });
});

describe('the board snapshot from a stored picture', () => {
  const fx = serverFixture();

  async function snapshot(
    token: string,
  ): Promise<{ status: number; source: string | null; body: BoardSnapshotResponse }> {
    const res = await fetch(fx.server.url + API.boardSnapshot(fx.workshop.workshopId, 'ideate'), {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      source: /picture;desc=(\w+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? null,
      body: (await res.json()) as BoardSnapshotResponse,
    };
  }

  async function boardWithNotes(token: string, author: string, n: number): Promise<void> {
    const writer = fx.open(boardRoom(fx.workshop.workshopId, 'ideate'), token);
    await synced(writer);
    for (let i = 0; i < n; i++)
      addElement(writer.doc, 'sticky', { x: i * 200, y: 1500, text: `Idee ${i}` }, { author, env });
    await settled(writer);
    fx.closeConnections();
  }

  it('shows a board nobody has open without decoding it, then loads it for the socket', async () => {
    const ws = await fx.start({}, 'Picture');
    const ann = await join(fx.server, ws.joinCode, 'Ann');
    await boardWithNotes(ann.token, ann.participantId, 30);
    // A shutdown compacts every room; a board keeps its picture.
    fx.server = await fx.server.restart();
    const cold = await snapshot(ann.token);
    expect(cold.status).toBe(200);
    expect(cold.source).toBe('stored');
    // Once answered, the room is loaded: the next answer comes from it.
    await waitFor(async () => (await snapshot(ann.token)).source === 'live', 10_000, 'room loaded');
    const watcher = await fx.openSynced(boardRoom(ws.workshopId, 'ideate'), ws.viewerToken);
    const stored = readElements(watcher.doc);
    expect(stored.filter((e) => e.type === 'sticky' && e.text.startsWith('Idee '))).toHaveLength(
      30,
    );
    expect(decodeSnapshot(cold.body)).toEqual(expect.arrayContaining(stored));
    expect(decodeSnapshot(cold.body)).toHaveLength(stored.length);
  });

  it('shows an update stored after the picture (a server killed mid-session), not the picture', async () => {
    const ws = await fx.start({}, 'Picture');
    const ann = await join(fx.server, ws.joinCode, 'Ann');
    await boardWithNotes(ann.token, ann.participantId, 3);
    await fx.server.stop();
    // What a server killed after storing an edit leaves: an update after the compacted one.
    const store = new LeveldbDocStore(fx.server.dataDir);
    await store.open();
    const room = boardRoom(ws.workshopId, 'ideate');
    expect(await store.picture(room)).not.toBeNull();
    const doc = await store.load(room);
    const before = Y.encodeStateVector(doc);
    const late = addElement(
      doc,
      'sticky',
      { x: 0, y: 0, text: 'Laat opgeslagen' },
      {
        author: ann.participantId,
        env,
      },
    );
    await store.storeUpdate(room, Y.encodeStateAsUpdate(doc, before));
    await store.close();
    fx.server = await fx.server.restart();
    const res = await snapshot(ann.token);
    expect(res.source).toBe('live');
    expect(decodeSnapshot(res.body)?.find((e) => e.id === late)).toMatchObject({
      text: 'Laat opgeslagen',
    });
  });

  it('is refused to a removed participant while the board is cold, as the socket is', async () => {
    const ws = await fx.start({}, 'Picture');
    const ann = await join(fx.server, ws.joinCode, 'Ann');
    const bo = await join(fx.server, ws.joinCode, 'Bo');
    await boardWithNotes(ann.token, ann.participantId, 3);
    const control = await fx.openSynced(controlRoom(ws.workshopId), ws.facilitatorToken);
    setParticipantRemoved(control.doc, bo.participantId, true);
    await settled(control);
    fx.closeConnections();
    fx.server = await fx.server.restart();
    const refused = await fetch(fx.server.url + API.boardSnapshot(ws.workshopId, 'ideate'), {
      headers: { authorization: `Bearer ${bo.token}` },
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).not.toHaveProperty('elements');
    expect((await snapshot(ann.token)).source).toBe('stored');
  });
});
