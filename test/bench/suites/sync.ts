/**
 * Sync suite: simulated participants (stock y-websocket clients in worker processes) against
 * Werkbank's server and the reference `@y/websocket-server` 0.1.1 (LevelDB on), the same scenario
 * on both, one after the other in the same run (the order alternates per scenario so neither
 * server always runs on a warmer machine). Rows for ours carry the reference's figure and ratio.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { summarise } from '../lib/stats';
import { atMost, row } from '../lib/types';
import type { Row, Suite, SuiteContext } from '../lib/types';
import type { ServerKind, ServerHandle, WorkerHandle } from '../sync/processes';
import { startServerChild, startWorker } from '../sync/processes';
import type { WireCounts, WorkerPlan, WorkerResult } from '../sync/protocol';
import { provisionRooms } from '../sync/provision';

export interface SyncScenario {
  id: string;
  label: string;
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second across all clients. */
  editsPerSecond: number;
  cursorHz: number;
  awareness: WorkerPlan['awareness'];
  durationMs: number;
  /** Client worker processes (rooms are split between them, a room never spans two). */
  workers: number;
  /** The issue's p99 goal applies to this scenario. */
  p99GoalMs?: number;
  /**
   * Rounds per server, in ABBA order, pooled: one round's p99 swings with whatever else the
   * shared cores do at that moment, and the pairing evens that out between the two servers.
   */
  rounds?: number;
  /**
   * Measures the write policy's cost instead of the reference: ours with its policy and ours
   * with every write allowed (BENCH_WRITE_POLICY=off, a switch of the bench's server entry
   * only), in ABBA order, in the same run.
   */
  policyPair?: boolean;
  /**
   * Measures the client instead of the server: our server with the app's own provider
   * (web/sync/provider.ts) and with stock y-websocket providers, ABBA, in the same run.
   */
  clientPair?: boolean;
  /** Cursors carry their send time and their receipts are timed. */
  timeCursors?: boolean;
}

const FULL: SyncScenario[] = [
  {
    // A big session's room: what the client that ships costs against the stock one (which
    // re-sends every awareness change it receives), on our server, at 10 Hz cursors.
    id: 'room40',
    label: '1 room × 40, 40 edits/s, cursors 10 Hz',
    rooms: 1,
    clientsPerRoom: 40,
    editsPerSecond: 40,
    cursorHz: 10,
    awareness: 'app',
    durationMs: 10_000,
    workers: 1,
    rounds: 2,
    clientPair: true,
    timeCursors: true,
  },
  {
    id: 'room50',
    label: '1 room × 50, 100 edits/s, cursors 10 Hz',
    rooms: 1,
    clientsPerRoom: 50,
    editsPerSecond: 100,
    cursorHz: 10,
    awareness: 'app',
    durationMs: 10_000,
    workers: 1,
    rounds: 2,
  },
  {
    // The same room with stock clients, which re-send every awareness change they receive: what
    // a room costs when people join with the stock client (O(n²) messages).
    id: 'room50-stock',
    label: '1 room × 50, 100 edits/s, cursors 10 Hz, stock echo',
    rooms: 1,
    clientsPerRoom: 50,
    editsPerSecond: 100,
    cursorHz: 10,
    awareness: 'stock',
    durationMs: 8_000,
    workers: 1,
    rounds: 2,
  },
  {
    id: 'anchor',
    label: '20 rooms × 10, 400 edits/s, cursors 5 Hz, stock echo',
    rooms: 20,
    clientsPerRoom: 10,
    editsPerSecond: 400,
    cursorHz: 5,
    awareness: 'stock',
    durationMs: 10_000,
    workers: 1,
    rounds: 2,
  },
  {
    id: 'rooms100x20',
    label: '100 rooms × 20 (2,000 conns), 1,000 edits/s, cursors 10 Hz',
    rooms: 100,
    clientsPerRoom: 20,
    editsPerSecond: 1000,
    cursorHz: 10,
    awareness: 'app',
    durationMs: 15_000,
    workers: 2,
    p99GoalMs: 10,
    // Saturated clients make one round's p99 swing 2× either way (five single rounds on
    // 2026-12-02 gave 0.66–2.0× the reference): pool two, ABBA.
    rounds: 2,
  },
  {
    // The same load without cursors: on 2 shared cores the 380,000 cursor messages/s the
    // simulated clients must decode in the scenario above swamp the measurement; this one shows
    // the servers' edit path on its own.
    id: 'rooms100x20-edits',
    label: '100 rooms × 20 (2,000 conns), 1,000 edits/s, no cursors',
    rooms: 100,
    clientsPerRoom: 20,
    editsPerSecond: 1000,
    cursorHz: 0,
    awareness: 'app',
    durationMs: 15_000,
    workers: 2,
    p99GoalMs: 10,
    rounds: 2,
  },
  {
    // What the write policy costs: every edit a participant's (text and drop of their own
    // sticky), so every update goes through the full allow-list.
    id: 'policy',
    label: '20 rooms × 10 participants, 400 edits/s, no cursors: write policy on vs off',
    rooms: 20,
    clientsPerRoom: 10,
    editsPerSecond: 400,
    cursorHz: 0,
    awareness: 'app',
    durationMs: 10_000,
    workers: 1,
    rounds: 2,
    policyPair: true,
  },
];

const QUICK: SyncScenario[] = [
  {
    id: 'quick-room',
    label: '1 room × 6, 6 edits/s, cursors 10 Hz',
    rooms: 1,
    clientsPerRoom: 6,
    editsPerSecond: 6,
    cursorHz: 10,
    awareness: 'app',
    durationMs: 1500,
    workers: 1,
    clientPair: true,
    timeCursors: true,
  },
  {
    id: 'quick',
    label: '2 rooms × 3, 12 edits/s, cursors 10 Hz',
    rooms: 2,
    clientsPerRoom: 3,
    editsPerSecond: 12,
    cursorHz: 10,
    awareness: 'stock',
    durationMs: 1500,
    workers: 1,
  },
  {
    id: 'quick-policy',
    label: '2 rooms × 3, 12 edits/s: write policy on vs off',
    rooms: 2,
    clientsPerRoom: 3,
    editsPerSecond: 12,
    cursorHz: 0,
    awareness: 'app',
    durationMs: 1500,
    workers: 1,
    policyPair: true,
  },
];

const RSS_GOAL_MB = 400;
const REF_LABEL = '@y/websocket-server 0.1.1 + LevelDB, same run';
const NO_POLICY_LABEL = 'werkbank with every write allowed (bench-only switch), same run';

export interface SyncMeasurement {
  server: ServerKind;
  /** The raw samples (pooled over rounds). */
  samples: number[];
  latency: ReturnType<typeof summarise>;
  edits: number;
  editsPerSecond: number;
  dropped: number;
  divergedRooms: number;
  disconnects: number;
  serverCpuPercent: number;
  serverRssMB: number;
  serverPeakRssMB: number;
  clientCpuPercent: number;
  connectMs: number;
  /** Cursor send-to-receipt samples (scenario.timeCursors). */
  cursorSamples: number[];
  cursor: ReturnType<typeof summarise>;
  /** What all clients sent and received over the load window, and its length. */
  wire: WireCounts;
  windowMs: number;
  clients: number;
  note?: string;
}

export async function measureSync(
  ctx: SuiteContext,
  scenario: SyncScenario,
  kind: ServerKind,
  env: Record<string, string> = {},
  awareness: WorkerPlan['awareness'] = scenario.awareness,
): Promise<SyncMeasurement> {
  const dataDir = join(ctx.tmpDir, `sync-${scenario.id}-${kind}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const server: ServerHandle = await startServerChild(kind, dataDir, ctx.root, env);
  const workers: WorkerHandle[] = [];
  try {
    const { rooms, note } = await provisionRooms(server, scenario.rooms, scenario.clientsPerRoom);
    if (note) ctx.log(`  ${kind}: ${note}`);
    const perWorker = Math.ceil(rooms.length / scenario.workers);
    const clients = scenario.rooms * scenario.clientsPerRoom;
    for (let w = 0; w < scenario.workers; w++) {
      const mine = rooms.slice(w * perWorker, (w + 1) * perWorker);
      if (mine.length === 0) continue;
      const worker = startWorker(ctx.root, (l) => ctx.log(`  worker ${w}: ${l}`));
      workers.push(worker);
      worker.send({
        type: 'plan',
        wsUrl: server.ready.wsUrl,
        rooms: mine,
        clientsPerRoom: scenario.clientsPerRoom,
        editRate: scenario.editsPerSecond / clients,
        cursorHz: scenario.cursorHz,
        awareness,
        ...(scenario.timeCursors ? { timeCursors: true } : {}),
        durationMs: scenario.durationMs,
        settleMs: 5_000,
        connectBatch: 50,
      });
    }
    const t0 = performance.now();
    await Promise.all(workers.map((w) => w.connected(180_000)));
    const connectMs = performance.now() - t0;
    ctx.log(`  ${kind}: ${clients} clients connected in ${(connectMs / 1000).toFixed(1)} s`);

    const before = await server.stats();
    const wall0 = performance.now();
    const results = workers.map((w) => w.result(scenario.durationMs + 240_000));
    for (const w of workers) w.send({ type: 'go' });
    await new Promise((r) => setTimeout(r, scenario.durationMs));
    const after = await server.stats();
    const wall = performance.now() - wall0;
    const got: WorkerResult[] = await Promise.all(results);

    const latencies: number[] = [];
    let edits = 0;
    let expected = 0;
    let receipts = 0;
    let diverged = 0;
    let disconnects = 0;
    let clientCpu = 0;
    const closes: Record<string, number> = {};
    const cursorSamples: number[] = [];
    const wire: WireCounts = {
      sentMessages: 0,
      sentBytes: 0,
      receivedMessages: 0,
      receivedBytes: 0,
    };
    let windowMs = 0;
    for (const r of got) {
      for (const l of r.cursorLatencies) cursorSamples.push(l);
      for (const k of Object.keys(wire) as Array<keyof WireCounts>) wire[k] += r.wire[k];
      windowMs = Math.max(windowMs, r.windowMs);
      for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
      for (const l of r.latencies) latencies.push(l);
      edits += r.edits;
      expected += r.expectedReceipts;
      receipts += r.receipts;
      diverged += r.divergedRooms;
      disconnects += r.disconnects;
      clientCpu += r.cpuPercent;
    }
    const cpuMicros =
      after.userMicros - before.userMicros + (after.systemMicros - before.systemMicros);
    return {
      server: kind,
      samples: latencies,
      latency: summarise(latencies),
      edits,
      editsPerSecond: edits / (scenario.durationMs / 1000),
      dropped: Math.max(0, expected - receipts),
      divergedRooms: diverged,
      disconnects,
      serverCpuPercent: (cpuMicros / 1000 / wall) * 100,
      serverRssMB: after.rssBytes / 2 ** 20,
      serverPeakRssMB: after.maxRssBytes / 2 ** 20,
      clientCpuPercent: clientCpu,
      connectMs,
      cursorSamples,
      cursor: summarise(cursorSamples),
      wire,
      windowMs,
      clients,
      ...(note || Object.keys(closes).length
        ? {
            note: [
              note,
              Object.keys(closes).length
                ? `connection closes by code: ${JSON.stringify(closes)}`
                : '',
            ]
              .filter(Boolean)
              .join('; '),
          }
        : {}),
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await server.stop();
  }
}

/** Pools rounds: latency samples and counts add up, CPU is averaged, RSS is the peak. */
export function pool(ms: SyncMeasurement[]): SyncMeasurement {
  const [first] = ms;
  if (!first || ms.length === 1) return first as SyncMeasurement;
  const samples = ms.flatMap((m) => m.samples);
  const cursorSamples = ms.flatMap((m) => m.cursorSamples);
  const wire: WireCounts = { sentMessages: 0, sentBytes: 0, receivedMessages: 0, receivedBytes: 0 };
  for (const m of ms)
    for (const k of Object.keys(wire) as Array<keyof WireCounts>) wire[k] += m.wire[k];
  const mean = (f: (m: SyncMeasurement) => number) => ms.reduce((a, m) => a + f(m), 0) / ms.length;
  const sum = (f: (m: SyncMeasurement) => number) => ms.reduce((a, m) => a + f(m), 0);
  const notes = ms.map((m) => m.note).filter(Boolean);
  return {
    server: first.server,
    samples,
    latency: summarise(samples),
    edits: sum((m) => m.edits),
    editsPerSecond: mean((m) => m.editsPerSecond),
    dropped: sum((m) => m.dropped),
    divergedRooms: sum((m) => m.divergedRooms),
    disconnects: sum((m) => m.disconnects),
    serverCpuPercent: mean((m) => m.serverCpuPercent),
    serverRssMB: Math.max(...ms.map((m) => m.serverRssMB)),
    serverPeakRssMB: Math.max(...ms.map((m) => m.serverPeakRssMB)),
    clientCpuPercent: mean((m) => m.clientCpuPercent),
    connectMs: mean((m) => m.connectMs),
    cursorSamples,
    cursor: summarise(cursorSamples),
    wire,
    windowMs: sum((m) => m.windowMs),
    clients: first.clients,
    note: [
      `${ms.length} rounds pooled; p99 per round ${ms.map((m) => m.latency.p99.toFixed(1)).join(' / ')} ms`,
      ...notes,
    ].join('; '),
  };
}

function rowsFor(
  scenario: SyncScenario,
  m: SyncMeasurement,
  ref: SyncMeasurement | null,
  note?: string,
  labels: { who?: string; reference?: string } = {},
): Row[] {
  const who = labels.who ?? (m.server === 'ours' ? 'werkbank' : 'reference');
  const scen = `${scenario.label} · ${who}`;
  const vs = (pick: (x: SyncMeasurement) => number) =>
    ref ? { reference: pick(ref), referenceLabel: labels.reference ?? REF_LABEL } : {};
  const isOurs = m.server === 'ours';
  const rows: Row[] = [
    row(
      'sync',
      scen,
      'latency p50',
      m.latency.p50,
      'ms',
      vs((x) => x.latency.p50),
    ),
    row('sync', scen, 'latency p99', m.latency.p99, 'ms', {
      ...vs((x) => x.latency.p99),
      ...(isOurs && scenario.p99GoalMs ? { goal: atMost(scenario.p99GoalMs, 'ms') } : {}),
    }),
    row(
      'sync',
      scen,
      'latency max',
      m.latency.max,
      'ms',
      vs((x) => x.latency.max),
    ),
    row('sync', scen, 'edits sent', m.editsPerSecond, 'edits/s'),
    row('sync', scen, 'receipts measured', m.latency.count, 'count'),
    row('sync', scen, 'dropped updates', m.dropped, 'count', { goal: atMost(0, '') }),
    row('sync', scen, 'diverged rooms', m.divergedRooms, 'rooms', { goal: atMost(0, '') }),
    row('sync', scen, 'disconnects', m.disconnects, 'count'),
    row(
      'sync',
      scen,
      'server CPU',
      m.serverCpuPercent,
      '% core',
      vs((x) => x.serverCpuPercent),
    ),
    row('sync', scen, 'server peak RSS', m.serverPeakRssMB, 'MB', {
      ...vs((x) => x.serverPeakRssMB),
      ...(isOurs ? { goal: atMost(RSS_GOAL_MB, 'MB') } : {}),
    }),
    row('sync', scen, 'clients CPU', m.clientCpuPercent, '% core'),
    row(
      'sync',
      scen,
      'connect all',
      m.connectMs / 1000,
      's',
      vs((x) => x.connectMs / 1000),
    ),
  ];
  const notes = [note, m.note].filter(Boolean).join('; ');
  if (notes && rows[0]) rows[0].note = notes;
  return rows;
}

export const syncSuite: Suite = {
  name: 'sync',
  description:
    'edit-to-receipt latency, dropped/diverged updates, server CPU/RSS: ours vs @y/websocket-server',
  async run(ctx) {
    const scenarios = ctx.quick ? QUICK : FULL;
    const only = process.env.BENCH_SYNC_SCENARIOS?.split(',');
    const rows: Row[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      if (only && !only.includes(scenario.id)) continue;
      if (scenario.policyPair) {
        rows.push(...(await policyPair(ctx, scenario, i)));
        continue;
      }
      if (scenario.clientPair) {
        rows.push(...(await clientPair(ctx, scenario, i)));
        continue;
      }
      // Alternate which server goes first, per scenario and per round (ABBA).
      const rounds = scenario.rounds ?? 1;
      const runs = new Map<ServerKind, SyncMeasurement[]>();
      const failed = new Map<ServerKind, string>();
      for (let r = 0; r < rounds; r++) {
        const order: ServerKind[] =
          (i + r) % 2 === 0 ? ['reference', 'ours'] : ['ours', 'reference'];
        for (const kind of order) {
          if (failed.has(kind)) continue;
          ctx.log(`sync ${scenario.id} on ${kind}${rounds > 1 ? ` (round ${r + 1})` : ''}…`);
          try {
            const m = await measureSync(ctx, scenario, kind);
            runs.set(kind, [...(runs.get(kind) ?? []), m]);
          } catch (err) {
            const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
            failed.set(kind, msg ?? 'failed');
            ctx.log(`  ${kind} failed: ${msg}`);
          }
        }
      }
      const got = new Map<ServerKind, SyncMeasurement>();
      for (const [kind, ms] of runs) got.set(kind, pool(ms));
      const ref = got.get('reference') ?? null;
      const ours = got.get('ours');
      if (ref) rows.push(...rowsFor(scenario, ref, null));
      else
        rows.push(
          row('sync', `${scenario.label} · reference`, 'latency p99', Number.NaN, 'ms', {
            note: `reference failed: ${failed.get('reference') ?? '?'}`,
          }),
        );
      if (ours) rows.push(...rowsFor(scenario, ours, ref));
      else
        rows.push(
          row('sync', `${scenario.label} · werkbank`, 'latency p99', Number.NaN, 'ms', {
            note: `not measured: ${failed.get('ours') ?? '?'}`,
          }),
        );
    }
    return rows;
  },
};

/**
 * The write policy's cost: ours with it and ours without (every write allowed), ABBA over the
 * rounds. Rows: `· werkbank, write policy off`, then `· werkbank` with the former as reference.
 */
async function policyPair(ctx: SuiteContext, scenario: SyncScenario, i: number): Promise<Row[]> {
  const variants = { on: {}, off: { BENCH_WRITE_POLICY: 'off' } } as const;
  const runs: Record<keyof typeof variants, SyncMeasurement[]> = { on: [], off: [] };
  const rounds = scenario.rounds ?? 1;
  for (let r = 0; r < rounds; r++) {
    const order: Array<keyof typeof variants> = (i + r) % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    for (const v of order) {
      ctx.log(`sync ${scenario.id}, write policy ${v}${rounds > 1 ? ` (round ${r + 1})` : ''}…`);
      try {
        runs[v].push(await measureSync(ctx, scenario, 'ours', variants[v]));
      } catch (err) {
        const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        ctx.log(`  policy ${v} failed: ${msg}`);
        return [
          row('sync', `${scenario.label} · werkbank`, 'latency p99', Number.NaN, 'ms', {
            note: `policy ${v} not measured: ${msg}`,
          }),
        ];
      }
    }
  }
  const off = pool(runs.off);
  const on = pool(runs.on);
  return [
    ...rowsFor(scenario, off, null, undefined, { who: 'werkbank, write policy off' }),
    ...rowsFor(scenario, on, off, undefined, { reference: NO_POLICY_LABEL }),
  ];
}

const STOCK_CLIENT_LABEL = 'stock y-websocket WebsocketProvider clients, same server, same run';

/**
 * The app's provider against stock providers on our server, ABBA over the rounds. Rows per
 * client kind: messages and payload bytes per second through the server (in = what all clients
 * sent, out = what they received: loopback, nothing lost) and per client, edit and cursor
 * latency, server CPU. The app's rows carry the stock figure as reference (ratio app / stock).
 */
async function clientPair(ctx: SuiteContext, scenario: SyncScenario, i: number): Promise<Row[]> {
  type Kind = WorkerPlan['awareness'];
  const runs: Record<Kind, SyncMeasurement[]> = { app: [], stock: [] };
  const rounds = scenario.rounds ?? 1;
  for (let r = 0; r < rounds; r++) {
    const order: Kind[] = (i + r) % 2 === 0 ? ['app', 'stock'] : ['stock', 'app'];
    for (const k of order) {
      ctx.log(`sync ${scenario.id}, ${k} clients${rounds > 1 ? ` (round ${r + 1})` : ''}…`);
      // No fallback: a client kind that fails fails the suite.
      runs[k].push(await measureSync(ctx, scenario, 'ours', {}, k));
    }
  }
  const app = pool(runs.app);
  const stock = pool(runs.stock);
  const rowsOf = (m: SyncMeasurement, ref: SyncMeasurement | null, who: string): Row[] => {
    const scen = `${scenario.label} · werkbank server, ${who}`;
    /** One figure of `m`, beside the same figure of `ref` (the stock clients) when there is one. */
    const figure = (metric: string, unit: string, pick: (x: SyncMeasurement) => number) =>
      row(
        'sync',
        scen,
        metric,
        pick(m),
        unit,
        ref ? { reference: pick(ref), referenceLabel: STOCK_CLIENT_LABEL } : {},
      );
    const rate = (x: SyncMeasurement, v: number) => v / (x.windowMs / 1000);
    const perClient = (x: SyncMeasurement, v: number) => rate(x, v) / x.clients;
    return [
      figure('server messages in', 'msg/s', (x) => rate(x, x.wire.sentMessages)),
      figure('server messages out', 'msg/s', (x) => rate(x, x.wire.receivedMessages)),
      figure('server bytes in', 'KiB/s', (x) => rate(x, x.wire.sentBytes) / 1024),
      figure('server bytes out', 'KiB/s', (x) => rate(x, x.wire.receivedBytes) / 1024),
      figure('per client messages sent', 'msg/s', (x) => perClient(x, x.wire.sentMessages)),
      figure('per client messages received', 'msg/s', (x) => perClient(x, x.wire.receivedMessages)),
      figure('per client bytes sent', 'KiB/s', (x) => perClient(x, x.wire.sentBytes) / 1024),
      figure(
        'per client bytes received',
        'KiB/s',
        (x) => perClient(x, x.wire.receivedBytes) / 1024,
      ),
      figure('edit latency p50', 'ms', (x) => x.latency.p50),
      figure('edit latency p99', 'ms', (x) => x.latency.p99),
      figure('cursor latency p50', 'ms', (x) => x.cursor.p50),
      figure('cursor latency p99', 'ms', (x) => x.cursor.p99),
      figure('server CPU', '% core', (x) => x.serverCpuPercent),
      figure('clients CPU', '% core', (x) => x.clientCpuPercent),
      row('sync', scen, 'dropped updates', m.dropped, 'count', { goal: atMost(0, '') }),
      row('sync', scen, 'diverged rooms', m.divergedRooms, 'rooms', { goal: atMost(0, '') }),
    ].map((x, n) => (n === 0 && m.note ? { ...x, note: m.note } : x));
  };
  const ratio = (f: (x: SyncMeasurement) => number) => (f(stock) / f(app)).toFixed(1);
  ctx.log(
    `  ${scenario.id}: stock / app client = messages ${ratio((x) => x.wire.sentMessages + x.wire.receivedMessages)}×, ` +
      `bytes ${ratio((x) => x.wire.sentBytes + x.wire.receivedBytes)}×, ` +
      `server CPU ${ratio((x) => x.serverCpuPercent)}×, edit p99 ${ratio((x) => x.latency.p99)}×, ` +
      `cursor p99 ${ratio((x) => x.cursor.p99)}×`,
  );
  return [...rowsOf(stock, null, 'stock clients'), ...rowsOf(app, stock, "the app's client")];
}
