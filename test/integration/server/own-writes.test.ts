/**
 * The server's own writes (here: who owns a Yjs client id, written into the board's history when
 * a participant first writes) reach no client before the store has them (sync-server/sync/room.ts,
 * `holdUntilStored`). A real LevelDB store whose writes the test holds (helpers/held-store.ts),
 * the stock y-websocket client:
 * - while the write is held, the room goes on (a later edit reaches the other participant), but
 *   nobody has the server's write, not a joiner either; once stored, everybody has it;
 * - the server killed (SIGKILL, its own process) while the write is held: after the restart the
 *   participant's resent and later edits are all taken — no client held the lost server item, so
 *   none resends it and is refused for it — and the other client, a newcomer and the store after
 *   another restart all hold them.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  SCHEMA_VERSION,
  addElement,
  boardRoom,
  elementsMap,
  metaMap,
  readElements,
  readMeta,
} from '../../../workshops';
import { HeldStore } from '../helpers/held-store';
import { testEnv } from '../../fixtures/env';
import { freePort } from '../helpers/main';
import type { Client, TestServer } from '../helpers/server';
import {
  connect,
  createWorkshop,
  joinedPair,
  recordedOwner,
  settled,
  startTestServer,
  synced,
  waitFor,
} from '../helpers/server';

const ADMIN = 'own-writes-admin-token';
const clients: Client[] = [];
const servers: TestServer[] = [];
const stores: HeldStore[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  // A store still held would keep the shutdown's flush waiting.
  for (const s of stores.splice(0)) s.release();
  for (const s of servers.splice(0)) await s.dispose();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(joinPath(tmpdir(), 'werkbank-own-writes-'));
  dirs.push(d);
  return d;
}

const texts = (doc: Y.Doc) =>
  readElements(doc).flatMap((e) => (e.type === 'sticky' ? [e.text] : []));
/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const note = (c: Client, text: string, author: string) =>
  addElement(c.doc, 'sticky', { x: 0, y: 0, text }, { author, env });

/** Who `c`'s copy of the board says writes with `writer`'s Yjs client id (the server's write). */
const ownerIn = (c: { doc: Y.Doc }, writer: Client) => recordedOwner(c.doc, writer.doc.clientID);

/** Connects stock clients to `room`, cleaned up after the test. */
const opener = (server: { url: string }, room: string) => (token: string) => {
  const c = connect(server, room, token);
  clients.push(c);
  return c;
};

/**
 * Ann's first write while the store's writes are held (`held` says when one waits): the server
 * records that her client id is hers, a write of its own. Then a later edit, relayed at once. The
 * server's write came before it, so had the server relayed it at once, Bo would hold it by now.
 */
async function firstWriteHeld(
  { a, b, author }: { a: Client; b: Client; author: string },
  held: () => boolean,
  [first, later]: [string, string],
): Promise<void> {
  note(a, first, author);
  await waitFor(held, 5000, 'a store write held');
  note(a, later, author);
  await waitFor(() => texts(b.doc).includes(later), 5000, 'the later edit relayed');
  expect(ownerIn(b, a)).toBeUndefined();
  expect(ownerIn(a, a)).toBeUndefined();
}

describe("the server's own write", () => {
  it('reaches no client until the store has it, while the room goes on', async () => {
    const store = new HeldStore(tempDir());
    stores.push(store);
    const server = await startTestServer({ docStore: store });
    servers.push(server);
    const workshop = await createWorkshop(server);
    const room = boardRoom(workshop.workshopId, 'ideate');
    const open = opener(server, room);
    const { pa, a, b } = await joinedPair(server, workshop.joinCode, room, (_r, t) => open(t));
    const owner = `participant:${pa.participantId}`;

    store.hold();
    const ann = { a, b, author: pa.participantId };
    await firstWriteHeld(ann, () => store.waiting > 0, ['eerste', 'tweede']);
    // A joiner meanwhile gets the board without it, and nothing left pending.
    const joiner = open(workshop.facilitatorToken);
    await synced(joiner);
    expect(texts(joiner.doc)).toEqual(expect.arrayContaining(['eerste', 'tweede']));
    expect(ownerIn(joiner, a)).toBeUndefined();
    expect(joiner.doc.store.pendingStructs).toBeNull();
    expect(joiner.doc.store.pendingDs).toBeNull();
    expect(ownerIn(b, a)).toBeUndefined();

    store.release();
    await waitFor(
      () => [a, b, joiner].every((c) => ownerIn(c, a) === owner),
      5000,
      'the write, once stored, reaches everybody',
    );
    await settled(a);
    const stored = await store.load(room);
    expect(ownerIn({ doc: stored }, a)).toBe(owner);
    expect(texts(stored)).toEqual(expect.arrayContaining(['eerste', 'tweede']));
  });

  it('a board migrated when it loads lets nobody in before the store has the migration', async () => {
    // A board as schema 1 stored it: a note whose text is a plain string.
    const dir = tempDir();
    const first = new HeldStore(dir);
    stores.push(first);
    let server = await startTestServer({ docStore: first });
    const workshop = await createWorkshop(server);
    const room = boardRoom(workshop.workshopId, 'ideate');
    const f = opener(server, room)(workshop.facilitatorToken);
    await synced(f);
    f.doc.transact(() => {
      const m = new Y.Map<unknown>();
      elementsMap(f.doc).set('old-note', m);
      for (const [k, v] of Object.entries({ type: 'sticky', x: 0, y: 0, w: 160, h: 160 }))
        m.set(k, v);
      m.set('z', 'a0');
      m.set('author', 'x');
      m.set('createdAt', 1);
      m.set('text', 'een notitie van vroeger');
      metaMap(f.doc).set('schemaVersion', 1);
    });
    await settled(f);
    f.destroy();
    await server.stop();

    // Loaded again with the store's writes held: the migration (Y.Text) waits in the store.
    const store = new HeldStore(dir);
    stores.push(store);
    store.hold();
    server = await startTestServer({ docStore: store, port: server.port }, server.dataDir);
    servers.push(server);
    const joiner = opener(server, room)(workshop.facilitatorToken);
    const atSync: Array<string | undefined> = [];
    joiner.provider.on('sync', (ok: boolean) => {
      if (!ok) return;
      const text = (elementsMap(joiner.doc).get('old-note') as Y.Map<unknown> | undefined)?.get(
        'text',
      );
      atSync.push(text instanceof Y.Text ? text.toString() : typeof text);
    });
    await waitFor(() => store.waiting > 0, 10_000, 'the migration held in the store');
    // Not let in yet: the room's opener waits for the migration to be stored.
    expect(joiner.provider.synced).toBe(false);
    store.release();
    await synced(joiner);
    // The first state it got has the note's text, as Y.Text (before: deleted, not yet replaced).
    expect(atSync[0]).toBe('een notitie van vroeger');
    expect(readMeta(joiner.doc).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('killed before the store has it: after the restart the participant’s edits are taken', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const server = { url: `http://127.0.0.1:${port}`, adminToken: ADMIN };
    let child = await startHeld(port, dataDir);
    const workshop = await createWorkshop(server);
    const room = boardRoom(workshop.workshopId, 'ideate');
    const open = opener(server, room);
    const { pa, pb, a, b } = await joinedPair(server, workshop.joinCode, room, (_r, t) => open(t));
    const owner = `participant:${pa.participantId}`;

    await child.ask('hold');
    const ann = { a, b, author: pa.participantId };
    await firstWriteHeld(ann, () => child.held > 0, ['idee 1', 'idee 2']);

    // Killed with the write held: the store has neither the notes nor the server's write.
    await child.kill();
    await waitFor(() => !a.provider.wsconnected && !b.provider.wsconnected, 5000, 'offline');
    note(a, 'idee 3', pa.participantId);

    child = await startHeld(port, dataDir);
    await waitFor(
      () => ['idee 1', 'idee 2', 'idee 3'].every((t) => texts(b.doc).includes(t)),
      15_000,
      'Ann’s resent and offline edits reach Bo',
    );
    note(a, 'idee 4', pa.participantId);
    note(b, 'van Bo', pb.participantId);
    await waitFor(
      () => texts(b.doc).includes('idee 4') && texts(a.doc).includes('van Bo'),
      10_000,
      'later edits of both',
    );
    expect(a.denied).toEqual([]);
    expect(a.closes).not.toContain(CLOSE.resync);
    // Her client id was recorded anew, and that write reached both.
    await waitFor(() => ownerIn(a, a) === owner && ownerIn(b, a) === owner, 5000, 'owner');

    // After another restart (a clean one), a newcomer reads it all from the store.
    await settled(a);
    await child.stop();
    child = await startHeld(port, dataDir);
    const late = open(workshop.facilitatorToken);
    await synced(late);
    expect(texts(late.doc)).toEqual(
      expect.arrayContaining(['idee 1', 'idee 2', 'idee 3', 'idee 4', 'van Bo']),
    );
    expect(ownerIn(late, a)).toBe(owner);
  }, 60_000);
});

const ROOT = resolve(import.meta.dirname, '../../..');

/** helpers/held-main.ts in a process of its own, once it listens. */
async function startHeld(port: number, dataDir: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/integration/helpers/held-main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        ADMIN_TOKEN: ADMIN,
        TOKEN_SECRET: 'own-writes-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const state = { held: 0 };
  child.on('message', (m) => {
    if (m === 'held') state.held++;
  });
  await new Promise<void>((ok, fail) => {
    child.on('message', (m) => {
      if (typeof m === 'object' && m !== null && 'ready' in m) ok();
    });
    void exited.then(() => fail(new Error(`server exited: ${output}`)));
  });
  return {
    get held() {
      return state.held;
    },
    /** Sends `hold` or `release`; resolves once the server has done it. */
    ask: (what: 'hold' | 'release') =>
      new Promise<void>((ok) => {
        const answer = (m: unknown) => {
          if (m !== what) return;
          child.off('message', answer);
          ok();
        };
        child.on('message', answer);
        child.send(what);
      }),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
