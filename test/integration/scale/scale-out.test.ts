/**
 * Scale-out on this machine's real PostgreSQL and Redis: several instances of the server share
 * documents (PostgreSQL) and fan updates out (Redis). Each test has a database and a key prefix
 * of its own, both dropped afterwards. Faults are injected on loopback: instances killed with
 * SIGKILL or stopped with SIGTERM behind a round-robin TCP proxy, Redis cut off behind a proxy and
 * a redis-server of the test's own restarted, an instance started while Redis is away, a row
 * committed by a transaction of the test's own after a later one was read, PostgreSQL cut off
 * behind a proxy and let back. What
 * is checked each time: every client converges, and a fresh instance on an empty disk reads every
 * edit from PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addElement, boardRoom, readElements } from '../../../workshops';
import { PgDatabase, PgDocStore } from '../../../sync-server/store/pg';
import type { Client, TestServer } from '../helpers/server';
import {
  api,
  connect,
  covers,
  createWorkshop,
  join as joinWorkshop,
  recordedOwner,
  settled,
  startTestServer,
  storedAnswers,
  synced,
  waitFor,
} from '../helpers/server';
import type { Instance, TestDatabase } from '../helpers/scale';
import {
  REDIS_URL,
  RedisProcess,
  TcpProxy,
  dropKeys,
  freshDatabase,
  freshPrefix,
  startInstance,
} from '../helpers/scale';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const ADMIN = 'scale-test-admin-token';
const SECRET = 'scale-test-secret';

let db: TestDatabase;
let prefix: string;
const servers: TestServer[] = [];
const instances: Instance[] = [];
const proxies: TcpProxy[] = [];
const redisServers: RedisProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];

beforeEach(async () => {
  db = await freshDatabase();
  prefix = freshPrefix();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const i of instances.splice(0)) await i.kill();
  for (const s of servers.splice(0)) await s.dispose();
  for (const p of proxies.splice(0)) await p.close();
  for (const r of redisServers.splice(0)) await r.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await dropKeys(prefix);
  await db.drop();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'werkbank-scale-'));
  dirs.push(d);
  return d;
}

/** An in-process instance on the test's database and prefix; `lines` collects its log. */
async function inProcess(
  over: Partial<Parameters<typeof startTestServer>[0]> = {},
): Promise<TestServer & { lines: string[] }> {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  const server = await startTestServer({
    databaseUrl: db.url,
    redisUrl: REDIS_URL,
    redisPrefix: prefix,
    adminToken: ADMIN,
    tokenSecret: SECRET,
    logger,
    ...over,
  });
  servers.push(server);
  return Object.assign(server, { lines });
}

async function childInstance(): Promise<Instance> {
  const i = await startInstance({
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    ADMIN_TOKEN: ADMIN,
    TOKEN_SECRET: SECRET,
    DATA_DIR: tempDir(),
  });
  instances.push(i);
  return i;
}

function open(server: { url: string }, room: string, token: string): Client {
  const c = connect(server, room, token);
  clients.push(c);
  return c;
}

const notes = (c: { doc: Y.Doc }, marker: string) =>
  readElements(c.doc).filter((e) => e.type === 'sticky' && e.text.startsWith(marker)).length;

function addNote(c: Client, author: string, text: string): void {
  addElement(c.doc, 'sticky', { x: 0, y: 0, text }, { author, env });
}

/** Reads what PostgreSQL holds for a room, the way a fresh instance reads it. */
async function readStored<T>(room: string, read: (doc: Y.Doc) => T): Promise<T> {
  const pgdb = new PgDatabase(db.url, () => {});
  try {
    const doc = await new PgDocStore(pgdb).load(room);
    const out = read(doc);
    doc.destroy();
    return out;
  } finally {
    await pgdb.close();
  }
}

const storedNotes = (room: string, marker: string) =>
  readStored(room, (doc) => notes({ doc }, marker));

/** The test's database behind a proxy that can cut it off: the proxy and the URL through it. */
async function pgBehindProxy(): Promise<{ pgProxy: TcpProxy; viaProxy: string }> {
  const pgProxy = new TcpProxy([Number(new URL(db.url).port || 5432)]);
  await pgProxy.start();
  proxies.push(pgProxy);
  const viaProxy = new URL(db.url);
  viaProxy.port = String(pgProxy.port);
  return { pgProxy, viaProxy: viaProxy.toString() };
}

/**
 * A workshop made on `a`, Ann joined through `a` and Bo through `b` (the registry is shared), each
 * connected to the ideate board on the instance they joined.
 */
async function pairAcross(a: TestServer, b: TestServer) {
  const ws = await createWorkshop(a);
  const [pa, pb] = await Promise.all([
    joinWorkshop(a, ws.joinCode, 'Ann'),
    joinWorkshop(b, ws.joinCode, 'Bo'),
  ]);
  const room = boardRoom(ws.workshopId, 'ideate');
  const ca = open(a, room, pa.token);
  const cb = open(b, room, pb.token);
  await Promise.all([synced(ca), synced(cb)]);
  return { ws, room, pa, pb, ca, cb };
}

/**
 * Redis for one test as the instances reach it, and how it goes away and comes back: the
 * machine's Redis behind a proxy that cuts every connection off, or a redis-server of the test's
 * own that is stopped and started again (empty, as a Redis without persistence restarts).
 */
async function failingRedis(how: 'cut off' | 'restarted') {
  if (how === 'cut off') {
    const proxy = new TcpProxy([Number(new URL(REDIS_URL).port || 6379)]);
    await proxy.start();
    proxies.push(proxy);
    return {
      url: `redis://127.0.0.1:${proxy.port}`,
      away: () => Promise.resolve(proxy.cut()),
      back: () => Promise.resolve(proxy.restore()),
    };
  }
  const redis = new RedisProcess();
  redisServers.push(redis);
  await redis.start();
  return { url: redis.url, away: () => redis.stop(), back: () => redis.start() };
}

/** Polls PostgreSQL until the room holds `n` notes with the marker (writes are batched). */
async function stored(room: string, marker: string, n: number, timeoutMs = 20_000): Promise<void> {
  let last = -1;
  await waitFor(async () => (last = await storedNotes(room, marker)) === n, timeoutMs).catch(() => {
    throw new Error(`PostgreSQL holds ${last} of ${n} notes '${marker}…' for ${room}`);
  });
}

/**
 * Waits until `to` sees a presence of `from` named `name`…: presence is never stored, only the live
 * fan-out carries it, so this shows Redis carries the room. A change published before the other
 * instance has subscribed (again) is not repeated: `from` changes it until `to` sees one.
 */
async function presenceCrosses(from: Client, to: Client, name: string): Promise<void> {
  let sent = 0;
  let last = 0;
  await waitFor(
    () => {
      const seen = [...to.awareness.getStates().values()].some((st) =>
        String((st.user as { name?: string } | undefined)?.name).startsWith(name),
      );
      if (!seen && Date.now() - last >= 300) {
        last = Date.now();
        from.awareness.setLocalStateField('user', { name: `${name} ${++sent}` });
      }
      return seen;
    },
    15_000,
    `presence '${name}' across instances`,
  );
}

describe('scale-out on PostgreSQL and Redis', () => {
  it('two instances serve one room: edits and presence cross between them, the registry is shared', async () => {
    const a = await inProcess();
    const b = await inProcess();
    // Bo joins through the other instance with the code made on the first: a shared registry.
    const { room, pa, pb, ca, cb } = await pairAcross(a, b);

    addNote(ca, pa.participantId, 'via A');
    addNote(cb, pb.participantId, 'via B');
    await waitFor(() => notes(cb, 'via A') === 1 && notes(ca, 'via B') === 1, 10_000, 'fan-out');

    ca.awareness.setLocalStateField('user', { name: 'Ann' });
    await waitFor(
      () =>
        [...cb.awareness.getStates().values()].some(
          (s) => (s.user as { name?: string } | undefined)?.name === 'Ann',
        ),
      10_000,
      'presence across instances',
    );
    await stored(room, 'via ', 2);
  });

  it('instances starting together on an empty database: the schema migrated once, one token secret, ADMIN_TOKEN required', async () => {
    // No TOKEN_SECRET: the first instance generates one in PostgreSQL and the other reads it.
    const [a, b] = await Promise.all([
      inProcess({ tokenSecret: undefined }),
      inProcess({ tokenSecret: undefined }),
    ]);
    const check = new pg.Client({ connectionString: db.url });
    await check.connect();
    try {
      const { rows } = await check.query<{ version: number }>(
        'SELECT version FROM werkbank_migrations ORDER BY version',
      );
      const versions = rows.map((r) => r.version);
      expect(versions.length).toBeGreaterThan(0);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    } finally {
      await check.end();
    }
    for (const server of [a, b])
      expect(server.lines.some((l) => l.includes('PostgreSQL ready'))).toBe(true);
    // A link signed on one instance opens the room on the other.
    const ws = await createWorkshop(a);
    const p = await joinWorkshop(a, ws.joinCode, 'Ann');
    await synced(open(b, boardRoom(ws.workshopId, 'ideate'), p.token));
    // Every instance must accept the same admin token: none is generated per instance.
    await expect(
      startTestServer({ databaseUrl: db.url, adminToken: undefined }, tempDir()),
    ).rejects.toThrow(/ADMIN_TOKEN/);
  });

  it('a fresh instance on an empty disk serves every room from PostgreSQL alone', async () => {
    const a = await inProcess();
    const ws = await createWorkshop(a);
    const p = await joinWorkshop(a, ws.joinCode, 'Ann');
    const room = boardRoom(ws.workshopId, 'define');
    const c = open(a, room, p.token);
    await synced(c);
    for (let i = 0; i < 20; i++) addNote(c, p.participantId, `kern ${i}`);
    await stored(room, 'kern ', 20);
    c.destroy();
    await a.stop();

    const fresh = await inProcess();
    const late = open(fresh, room, ws.facilitatorToken);
    await synced(late);
    await waitFor(() => notes(late, 'kern ') === 20, 10_000, 'all 20 from PostgreSQL');
    // The same participant token still works: the token secret is shared too.
    const again = open(fresh, room, p.token);
    await synced(again);
    expect(notes(again, 'kern ')).toBe(20);
  });

  it.each(['cut off', 'restarted'] as const)(
    'Redis %s under edits: each instance goes on serving its clients, says so, and rooms converge; and again when it is back',
    async (how) => {
      const redis = await failingRedis(how);
      const a = await inProcess({ redisUrl: redis.url, pullMs: 300 });
      const b = await inProcess({ redisUrl: redis.url, pullMs: 300 });
      const { room, pa, pb, ca, cb } = await pairAcross(a, b);

      await redis.away();
      await waitFor(
        () => a.lines.some((l) => l.includes('Redis unavailable')),
        10_000,
        'the instance logs that Redis is away',
      );
      for (let i = 0; i < 5; i++) {
        addNote(ca, pa.participantId, `zonder redis A${i}`);
        addNote(cb, pb.participantId, `zonder redis B${i}`);
      }
      // Each instance still serves its own clients, and they converge through PostgreSQL.
      await waitFor(
        () => notes(ca, 'zonder redis') === 10 && notes(cb, 'zonder redis') === 10,
        15_000,
        'convergence through PostgreSQL while Redis is away',
      );

      await redis.back();
      await waitFor(
        () => a.lines.some((l) => l.includes('Redis is back')),
        15_000,
        'the instance logs that Redis is back',
      );
      addNote(ca, pa.participantId, 'met redis');
      await waitFor(() => notes(cb, 'met redis') === 1, 10_000, 'edits cross again');
      await presenceCrosses(ca, cb, 'Ann terug');
      await stored(room, 'zonder redis', 10);
      await stored(room, 'met redis', 1);
    },
  );

  it('an instance started while Redis is away serves its clients, and joins the fan-out once Redis answers', async () => {
    const redis = await failingRedis('cut off');
    const a = await inProcess({ redisUrl: redis.url, pullMs: 300 });
    const ws = await createWorkshop(a);
    const [pa, pb] = await Promise.all([
      joinWorkshop(a, ws.joinCode, 'Ann'),
      joinWorkshop(a, ws.joinCode, 'Bo'),
    ]);
    await redis.away();
    // Before, the start failed here ("Redis … did not answer") and the instance never served.
    const b = await inProcess({ redisUrl: redis.url, pullMs: 300 });
    expect(b.lines.some((l) => l.includes('Redis does not answer at start'))).toBe(true);
    const room = boardRoom(ws.workshopId, 'ideate');
    const ca = open(a, room, pa.token);
    const cb = open(b, room, pb.token);
    await Promise.all([synced(ca), synced(cb)]);
    addNote(cb, pb.participantId, 'gestart zonder redis');
    await waitFor(() => notes(ca, 'gestart zonder redis') === 1, 10_000, 'through PostgreSQL');
    await redis.back();
    await waitFor(() => b.lines.some((l) => l.includes('Redis is back')), 15_000, 'Redis back');
    // b opened the room while Redis was away: it subscribes once Redis answers.
    await presenceCrosses(ca, cb, 'Ann erbij');
    await presenceCrosses(cb, ca, 'Bo erbij');
  }, 60_000);

  it('an idle room merged on one instance while another still edits it: both converge, PostgreSQL holds every edit', async () => {
    const a = await inProcess({ idleUnloadMs: 200, pullMs: 300 });
    const b = await inProcess({ pullMs: 300 });
    const { room, pa, pb, ca, cb } = await pairAcross(a, b);
    for (let i = 0; i < 5; i++) {
      addNote(ca, pa.participantId, `voor het samenvoegen A${i}`);
      addNote(cb, pb.participantId, `voor het samenvoegen B${i}`);
    }
    await waitFor(() => notes(ca, 'voor het samenvoegen') === 10, 10_000, 'a has all ten');
    await stored(room, 'voor het samenvoegen', 10);
    /** The seqs of the room's rows in PostgreSQL. */
    const seqsOf = async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ seq: string }>(
          'SELECT seq FROM werkbank_updates WHERE room = $1',
          [room],
        );
        return rows.map((r) => r.seq);
      } finally {
        await c.end();
      }
    };
    const before = await seqsOf();
    expect(before.length).toBeGreaterThan(1);
    // Ann leaves: a's room goes idle and is merged (its rows replaced by one), while Bo goes on
    // editing on b.
    ca.destroy();
    for (let i = 0; i < 5; i++) addNote(cb, pb.participantId, `tijdens het samenvoegen ${i}`);
    await waitFor(
      async () => !(await seqsOf()).some((seq) => before.includes(seq)),
      15_000,
      'the rows before merged into one',
    );
    addNote(cb, pb.participantId, 'na het samenvoegen');
    // Ann comes back on a: the room is read again from PostgreSQL, merged row and all.
    const back = open(a, room, pa.token);
    await synced(back);
    await waitFor(
      () =>
        notes(back, 'voor het samenvoegen') === 10 &&
        notes(back, 'tijdens het samenvoegen') === 5 &&
        notes(back, 'na het samenvoegen') === 1,
      15_000,
      'a converged after the merge',
    );
    addNote(back, pa.participantId, 'terug na het samenvoegen');
    await waitFor(() => notes(cb, 'terug na het samenvoegen') === 1, 10_000, 'b gets it');
    await stored(room, 'tijdens het samenvoegen', 5);
    await stored(room, 'terug na het samenvoegen', 1);
    await stored(room, 'voor het samenvoegen', 10);
  });

  it('a row committed after a later one was read still reaches every instance (catch-up by transaction, not seq)', async () => {
    // Redis away: the instances follow each other through PostgreSQL only.
    const redis = await failingRedis('cut off');
    const a = await inProcess({ redisUrl: redis.url, pullMs: 200 });
    const b = await inProcess({ redisUrl: redis.url, pullMs: 200 });
    const { room, pa, pb, ca, cb } = await pairAcross(a, b);
    await redis.away();
    await waitFor(() => a.lines.some((l) => l.includes('Redis unavailable')), 10_000, 'Redis away');

    // A writer (as another instance storing the same room) whose row takes its seq now and is
    // committed later.
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ca.doc));
    const before = Y.encodeStateVector(late);
    addElement(
      late,
      'sticky',
      { x: 0, y: 0, text: 'laat vastgelegd' },
      { author: pa.participantId, env },
    );
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query('INSERT INTO werkbank_updates (room, update) VALUES ($1, $2)', [
        room,
        Buffer.from(Y.encodeStateAsUpdate(late, before)),
      ]);
      // Meanwhile Bo writes on b; a reads that row, whose seq is higher, from PostgreSQL.
      addNote(cb, pb.participantId, 'eerder vastgelegd');
      await waitFor(() => notes(ca, 'eerder vastgelegd') === 1, 10_000, 'a read the later seq');
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    // Before reading by transaction, a went on from the higher seq and never read this row.
    await waitFor(
      () => notes(ca, 'laat vastgelegd') === 1 && notes(cb, 'laat vastgelegd') === 1,
      10_000,
      'the late row on both instances',
    );
    late.destroy();
  });

  it('PostgreSQL away under load: no crash, clients keep editing, and every edit is stored once it is back', async () => {
    const { pgProxy, viaProxy } = await pgBehindProxy();
    const a = await inProcess({ databaseUrl: viaProxy });
    const b = await inProcess({ databaseUrl: viaProxy });
    const { room, pa, ca, cb } = await pairAcross(a, b);
    const { ask, answers } = storedAnswers(ca);

    pgProxy.cut();
    for (let i = 0; i < 10; i++) addNote(ca, pa.participantId, `storing ${i}`);
    const wanted = Y.decodeStateVector(Y.encodeStateVector(ca.doc));
    ask();
    // Both instances keep serving the room live while nothing can be stored.
    await waitFor(
      () => notes(cb, 'storing ') === 10,
      10_000,
      'live edits while PostgreSQL is away',
    );
    await waitFor(
      () => a.lines.some((l) => l.includes('storing updates failed; retrying')),
      15_000,
      'a clear log line',
    );
    // "Saved" waits for PostgreSQL's commit: no answer covers the notes while it is away.
    expect(answers.filter((sv) => covers(sv, wanted))).toEqual([]);
    pgProxy.restore();
    await waitFor(
      () => answers.some((sv) => covers(sv, wanted)),
      20_000,
      'the "stored" answer once PostgreSQL is back',
    );
    // At the moment of the answer, PostgreSQL holds every note it covers.
    expect(await storedNotes(room, 'storing ')).toBe(10);
    await waitFor(
      () => a.lines.some((l) => l.includes('stored after retrying')),
      20_000,
      'the write retried once PostgreSQL is back',
    );
  });

  it("the server's own write reaches no client on either instance before PostgreSQL has it", async () => {
    const { pgProxy, viaProxy } = await pgBehindProxy();
    // Only the first instance loses PostgreSQL; the other stores what it takes all along.
    const a = await inProcess({ databaseUrl: viaProxy });
    const b = await inProcess();
    const { room, pa, ca, cb } = await pairAcross(a, b);
    const owner = `participant:${pa.participantId}`;
    const ownerIn = (c: { doc: Y.Doc }) => recordedOwner(c.doc, ca.doc.clientID);

    pgProxy.cut();
    // Ann's first write: her instance records that her client id is hers, a write of its own.
    addNote(ca, pa.participantId, 'eigen 1');
    await waitFor(
      () => a.lines.some((l) => l.includes('storing updates failed; retrying')),
      15_000,
      'the write failing',
    );
    // A later edit crosses to Bo at once; the server's write came before it, so had it been
    // published at once, Bo would hold it now.
    addNote(ca, pa.participantId, 'eigen 2');
    await waitFor(() => notes(cb, 'eigen ') === 2, 10_000, 'live edits across instances');
    expect(ownerIn(cb)).toBeUndefined();
    expect(ownerIn(ca)).toBeUndefined();

    pgProxy.restore();
    await waitFor(
      () => ownerIn(ca) === owner && ownerIn(cb) === owner,
      20_000,
      'the write, once stored, on both instances',
    );
    expect(await readStored(room, (doc) => recordedOwner(doc, ca.doc.clientID))).toBe(owner);
    await stored(room, 'eigen ', 2);
  });

  it('the join limiter holds across instances: failures on one count on the other', async () => {
    const limits = { joinFailuresPerMinute: 3 };
    const a = await inProcess({ limits });
    const b = await inProcess({ limits });
    const wrong = (server: TestServer) =>
      api(server, '/api/join', { body: { joinCode: 'ZZZZZZ', name: 'Raad' } });
    // Three wrong codes, spread over both instances, use up the address's allowance…
    expect((await wrong(a)).status).toBe(404);
    expect((await wrong(b)).status).toBe(404);
    expect((await wrong(a)).status).toBe(404);
    // …so the fourth is refused on either instance (each alone has seen fewer than three).
    expect((await wrong(b)).status).toBe(429);
    expect((await wrong(a)).status).toBe(429);
  });

  it("a room's byte budget holds across instances", async () => {
    // Per instance a room may take 30,000 bytes at once; across instances 40,000 in 10 s.
    const limits = { roomBytesPerSecond: 1000, roomByteBurst: 30_000 };
    const a = await inProcess({ limits });
    const b = await inProcess({ limits });
    const { pa, pb, ca, cb } = await pairAcross(a, b);
    const big = (n: number) => 'x'.repeat(n);
    // Each instance alone stays within its own budget…
    addNote(ca, pa.participantId, `groot A ${big(12_000)}`);
    addNote(cb, pb.participantId, `groot B ${big(12_000)}`);
    addNote(ca, pa.participantId, `groot A2 ${big(12_000)}`);
    addNote(cb, pb.participantId, `groot B2 ${big(12_000)}`);
    // …but together they are over it: small writes are soon refused (4529, retryable). They come
    // slower than each instance's own budget refills, so only the shared budget can refuse them.
    let i = 0;
    let last = 0;
    await waitFor(
      () => {
        if (ca.closes.includes(CLOSE.roomBusy) || cb.closes.includes(CLOSE.roomBusy)) return true;
        if (Date.now() - last < 300) return false;
        last = Date.now();
        i++;
        addNote(i % 2 ? ca : cb, i % 2 ? pa.participantId : pb.participantId, `klein ${i}`);
        return false;
      },
      15_000,
      'a room-busy close',
    );
  });

  it('kill -9 of one of three instances while ten clients edit through a round-robin proxy loses nothing', async () => {
    const trio = [await childInstance(), await childInstance(), await childInstance()];
    const proxy = new TcpProxy(trio.map((i) => i.port));
    await proxy.start();
    proxies.push(proxy);
    const lb = { url: proxy.url, adminToken: ADMIN };
    const ws = await createWorkshop(lb);
    const room = boardRoom(ws.workshopId, 'ideate');
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) => joinWorkshop(lb, ws.joinCode, `Deelnemer ${i}`)),
    );
    const cs = people.map((p) => open(lb, room, p.token));
    await Promise.all(cs.map((c) => synced(c, 20_000)));

    const PER_CLIENT = 12;
    let written = 0;
    const writeRound = (round: number) => {
      cs.forEach((c, i) => {
        addNote(c, people[i]?.participantId ?? '', `k${i}-${round}`);
        written++;
      });
    };
    const SAVED_ROUNDS = 3;
    for (let round = 0; round < SAVED_ROUNDS; round++) writeRound(round);
    // Every client is told what is saved; what it was told is in PostgreSQL from then on.
    await Promise.all(cs.map((c) => settled(c, 20_000)));
    expect(await storedNotes(room, 'k')).toBe(10 * SAVED_ROUNDS);
    for (let round = SAVED_ROUNDS; round < PER_CLIENT / 2; round++) writeRound(round);
    // The first instance dies without a word, in the middle of the session (edits in flight).
    const victim = trio[0] as Instance;
    await victim.kill();
    for (let round = PER_CLIENT / 2; round < PER_CLIENT; round++) writeRound(round);

    const total = 10 * PER_CLIENT;
    expect(written).toBe(total);
    await waitFor(
      () => cs.every((c) => notes(c, 'k') === total),
      60_000,
      'every client has every edit',
    );
    // Every edit any client made is in PostgreSQL: a fresh instance on an empty disk has them.
    const fresh = await childInstance();
    const late = open(fresh, room, ws.facilitatorToken);
    await synced(late, 20_000);
    await waitFor(() => notes(late, 'k') === total, 30_000, 'a fresh instance reads them all');
    await stored(room, 'k', total);
  }, 120_000);

  it('graceful shutdown with clients connected: they reconnect elsewhere and nothing is lost', async () => {
    const pair = [await childInstance(), await childInstance()];
    const proxy = new TcpProxy(pair.map((i) => i.port));
    await proxy.start();
    proxies.push(proxy);
    const lb = { url: proxy.url, adminToken: ADMIN };
    const ws = await createWorkshop(lb);
    const room = boardRoom(ws.workshopId, 'empathise');
    const people = await Promise.all(
      Array.from({ length: 4 }, (_, i) => joinWorkshop(lb, ws.joinCode, `P${i}`)),
    );
    const cs = people.map((p) => open(lb, room, p.token));
    await Promise.all(cs.map((c) => synced(c, 20_000)));
    cs.forEach((c, i) => addNote(c, people[i]?.participantId ?? '', `voor ${i}`));
    await (pair[0] as Instance).stop();
    cs.forEach((c, i) => addNote(c, people[i]?.participantId ?? '', `na ${i}`));
    await waitFor(
      () => cs.every((c) => notes(c, 'voor ') === 4 && notes(c, 'na ') === 4),
      30_000,
      'clients reconnected to the other instance and converged',
    );
    const fresh = await childInstance();
    const late = open(fresh, room, ws.facilitatorToken);
    await synced(late, 20_000);
    await waitFor(() => notes(late, 'voor ') === 4 && notes(late, 'na ') === 4, 30_000, 'stored');
  }, 90_000);
});
