/**
 * Scale-out suite (docs/deploy.md): the same simulated participants (stock y-websocket clients in
 * a worker process) against one instance and against three instances behind a round-robin TCP
 * proxy, all on this machine's PostgreSQL and Redis, in the same run — latency p50/p99,
 * throughput, CPU and RSS per instance; then the time a fresh instance on an empty disk takes to
 * serve a 2,000-element room from PostgreSQL alone. On two shared cores three instances compete
 * for the same CPU as one: the figures show the cost of the fan-out, not a capacity gain.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { addElement, boardRoom, readElements } from '../../../workshops';
import type { TestDatabase } from '../../integration/helpers/scale';
import {
  PG_ADMIN_URL,
  REDIS_URL,
  TcpProxy,
  dropKeys,
  freshDatabase,
  freshPrefix,
} from '../../integration/helpers/scale';
import { createWorkshop } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import { summarise } from '../lib/stats';
import { row } from '../lib/types';
import type { Row, Suite, SuiteContext } from '../lib/types';
import type { ServerHandle, WorkerHandle } from '../sync/processes';
import { startServerChild, startWorker } from '../sync/processes';
import type { WorkerResult } from '../sync/protocol';
import { provisionRooms } from '../sync/provision';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

interface Load {
  label: string;
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
  cursorHz: number;
  durationMs: number;
}

const FULL: Load = {
  label: '20 rooms × 10, 200 edits/s, cursors 5 Hz',
  rooms: 20,
  clientsPerRoom: 10,
  editsPerSecond: 200,
  cursorHz: 5,
  durationMs: 10_000,
};
const QUICK: Load = {
  label: '2 rooms × 3, 12 edits/s, cursors 5 Hz',
  rooms: 2,
  clientsPerRoom: 3,
  editsPerSecond: 12,
  cursorHz: 5,
  durationMs: 1500,
};

interface Topology {
  instances: number;
  p50: number;
  p99: number;
  receiptsPerSecond: number;
  dropped: number;
  diverged: number;
  cpu: number[];
  rssMB: number[];
}

/** Why PostgreSQL or Redis cannot be used here, or null. */
async function unreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    return `PostgreSQL at ${PG_ADMIN_URL}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    return `Redis at ${REDIS_URL}: ${(err as Error).message}`;
  } finally {
    redis.disconnect();
  }
  return null;
}

async function startInstances(
  ctx: SuiteContext,
  n: number,
  db: TestDatabase,
  prefix: string,
): Promise<ServerHandle[]> {
  const out: ServerHandle[] = [];
  for (let i = 0; i < n; i++) {
    const dir = join(ctx.tmpDir, `scale-${Date.now()}-${i}`);
    mkdirSync(dir, { recursive: true });
    out.push(
      await startServerChild('ours', dir, ctx.root, {
        BENCH_DATABASE_URL: db.url,
        BENCH_REDIS_URL: REDIS_URL,
        BENCH_REDIS_PREFIX: prefix,
      }),
    );
  }
  return out;
}

async function measureTopology(ctx: SuiteContext, load: Load, n: number): Promise<Topology> {
  const db = await freshDatabase();
  const prefix = freshPrefix();
  const instances = await startInstances(ctx, n, db, prefix);
  const proxy = new TcpProxy(instances.map((s) => Number(new URL(s.ready.httpUrl).port)));
  await proxy.start();
  // Clients and the API go through the proxy even for one instance: the same path both times.
  const first = instances[0] as ServerHandle;
  const front: ServerHandle = {
    ...first,
    ready: {
      ...first.ready,
      httpUrl: proxy.url,
      wsUrl: `${proxy.url.replace(/^http/, 'ws')}/sync`,
    },
  };
  let worker: WorkerHandle | null = null;
  try {
    const { rooms } = await provisionRooms(front, load.rooms, load.clientsPerRoom);
    worker = startWorker(ctx.root, (l) => ctx.log(`  worker: ${l}`));
    const clients = load.rooms * load.clientsPerRoom;
    worker.send({
      type: 'plan',
      wsUrl: front.ready.wsUrl,
      rooms,
      clientsPerRoom: load.clientsPerRoom,
      editRate: load.editsPerSecond / clients,
      cursorHz: load.cursorHz,
      awareness: 'app',
      durationMs: load.durationMs,
      settleMs: 5_000,
      connectBatch: 50,
    });
    await worker.connected(180_000);
    const before = await Promise.all(instances.map((s) => s.stats()));
    const wall0 = performance.now();
    const result = worker.result(load.durationMs + 240_000);
    worker.send({ type: 'go' });
    await new Promise((r) => setTimeout(r, load.durationMs));
    const after = await Promise.all(instances.map((s) => s.stats()));
    const wall = performance.now() - wall0;
    const got: WorkerResult = await result;
    const lat = summarise(got.latencies);
    return {
      instances: n,
      p50: lat.p50,
      p99: lat.p99,
      receiptsPerSecond: got.receipts / (load.durationMs / 1000),
      dropped: Math.max(0, got.expectedReceipts - got.receipts),
      diverged: got.divergedRooms,
      cpu: after.map((a, i) => {
        const b = before[i] ?? a;
        return (
          ((a.userMicros - b.userMicros + a.systemMicros - b.systemMicros) / 1000 / wall) * 100
        );
      }),
      rssMB: after.map((a) => a.maxRssBytes / 2 ** 20),
    };
  } finally {
    await worker?.stop();
    await proxy.close();
    await Promise.all(instances.map((s) => s.stop()));
    await dropKeys(prefix);
    await db.drop();
  }
}

/** Seconds from a fresh instance's start to a client holding the whole room it served. */
async function freshInstance(
  ctx: SuiteContext,
  elements: number,
): Promise<{ startMs: number; openMs: number; loaded: number }> {
  const db = await freshDatabase();
  const prefix = freshPrefix();
  try {
    const [writer] = await startInstances(ctx, 1, db, prefix);
    if (!writer) throw new Error('no instance');
    const ws = await createWorkshop(writer, 'Scale bench');
    const room = boardRoom(ws.workshopId, 'ideate');
    const c = openClient(writer.ready.wsUrl, room, ws.facilitatorToken);
    await c.synced;
    c.doc.transact(() => {
      for (let i = 0; i < elements; i++)
        addElement(
          c.doc,
          'sticky',
          { x: (i % 50) * 220, y: Math.floor(i / 50) * 220, text: `idee ${i}` },
          { author: 'bench', env },
        );
    });
    const want = readElements(c.doc).length;
    await flushed(writer.ready.wsUrl, room, c.doc, ws.facilitatorToken, 120_000);
    // A graceful stop stores everything; the fresh instance has nothing but PostgreSQL.
    c.close();
    await writer.stop();

    const t0 = performance.now();
    const [fresh] = await startInstances(ctx, 1, db, prefix);
    if (!fresh) throw new Error('no instance');
    const startMs = performance.now() - t0;
    try {
      const t1 = performance.now();
      const probe = openClient(fresh.ready.wsUrl, room, ws.facilitatorToken);
      await probe.synced;
      const openMs = performance.now() - t1;
      const loaded = readElements(probe.doc).length;
      probe.close();
      if (loaded !== want) throw new Error(`fresh instance served ${loaded} of ${want} elements`);
      return { startMs, openMs, loaded };
    } finally {
      await fresh.stop();
    }
  } finally {
    await dropKeys(prefix);
    await db.drop();
  }
}

export const scaleSuite: Suite = {
  name: 'scale',
  description:
    'PostgreSQL + Redis: one instance vs three behind a proxy (latency, throughput, CPU/RSS each); fresh instance serving 2,000 elements',
  async run(ctx) {
    const why = await unreachable();
    if (why)
      return [
        row('scale', 'scale-out', 'latency p99', Number.NaN, 'ms', {
          note: `not measured: ${why}`,
        }),
      ];
    const load = ctx.quick ? QUICK : FULL;
    const rows: Row[] = [];
    ctx.log('scale: one instance…');
    const one = await measureTopology(ctx, load, 1);
    ctx.log('scale: three instances behind the proxy…');
    const three = await measureTopology(ctx, load, 3);
    const label = (t: Topology) =>
      `${load.label} · ${t.instances} instance${t.instances > 1 ? 's' : ''}`;
    const vs = (pick: (t: Topology) => number, t: Topology) =>
      t === three ? { reference: pick(one), referenceLabel: 'one instance, same run' } : {};
    for (const t of [one, three]) {
      const scen = label(t);
      rows.push(
        row(
          'scale',
          scen,
          'latency p50',
          t.p50,
          'ms',
          vs((x) => x.p50, t),
        ),
        row(
          'scale',
          scen,
          'latency p99',
          t.p99,
          'ms',
          vs((x) => x.p99, t),
        ),
        row(
          'scale',
          scen,
          'receipts',
          t.receiptsPerSecond,
          '/s',
          vs((x) => x.receiptsPerSecond, t),
        ),
        row('scale', scen, 'dropped updates', t.dropped, 'count'),
        row('scale', scen, 'diverged rooms', t.diverged, 'rooms'),
        row('scale', scen, 'CPU per instance (max)', Math.max(...t.cpu), '% core', {
          note: `each: ${t.cpu.map((c) => c.toFixed(0)).join(' / ')} %`,
        }),
        row('scale', scen, 'peak RSS per instance (max)', Math.max(...t.rssMB), 'MB', {
          note: `each: ${t.rssMB.map((m) => m.toFixed(0)).join(' / ')} MB`,
        }),
      );
    }
    const elements = ctx.quick ? 200 : 2000;
    ctx.log(`scale: a fresh instance serving ${elements} elements from PostgreSQL…`);
    const fresh = await freshInstance(ctx, elements);
    const scen = `fresh instance, empty disk, ${elements.toLocaleString('en-US')}-element room`;
    rows.push(
      row('scale', scen, 'process start to ready', fresh.startMs, 'ms'),
      row('scale', scen, 'first client synced (room from PostgreSQL)', fresh.openMs, 'ms', {
        note: `${fresh.loaded} elements`,
      }),
    );
    return rows;
  },
};
