/**
 * Child process: simulated participants. Every client is the stock y-websocket WebsocketProvider
 * (`awareness: 'stock'`) or the app's own provider from web/sync/provider.ts (`'app'`: the code
 * that ships, which sends only its own awareness), with Node `ws` as the WebSocket, on its own
 * Y.Doc, and edits through the workshops/ accessors, as the board does. All clients of a room live in the same worker, so an edit's send time and its
 * receipt time are read from the same clock (performance.now()).
 *
 * Protocol: plan → connect everyone, create one sticky per client → `connected`; `go` → run the
 * load for plan.durationMs, wait for stragglers, check convergence → `result`; `stop` → exit.
 */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createRoomProvider } from '../../../web/sync/provider';
import { addElement, elementsMap, moveElements, updateElement } from '../../../workshops/board/doc';
import { authorOf } from '../lib/client';
import type { FromWorker, ToWorker, WireCounts, WorkerPlan } from './protocol';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

process.setMaxListeners(0); // every provider adds an 'exit' listener

interface Client {
  room: number;
  index: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  stickyId: string;
  /** The participant id of its token: what the server accepts as author. */
  author: string;
  nextEdit: number;
  nextCursor: number;
  seq: number;
}

interface RoomState {
  name: string;
  clients: Client[];
  edits: number;
}

const send = (msg: FromWorker) => process.send?.(msg);
const log = (line: string) => send({ type: 'log', line });

const latencies: number[] = [];
let receipts = 0;
/** Every remote doc or awareness update seen: progress while a backlog drains. */
let arrivals = 0;
let measuring = false;
const cursorLatencies: number[] = [];
/** Every WebSocket message the clients send and receive while measuring (payload bytes). */
const wire: WireCounts = { sentMessages: 0, sentBytes: 0, receivedMessages: 0, receivedBytes: 0 };

type SendArgs = Parameters<WebSocket['send']>;
type SendDone = (err?: Error) => void;

/** `ws` with a tally of what crosses it: the server's in and out are the sums over its clients. */
class CountingSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('message', (data: ArrayBuffer | Buffer) => {
      if (!measuring) return;
      wire.receivedMessages++;
      wire.receivedBytes += data.byteLength;
    });
  }

  override send(data: SendArgs[0], second?: SendArgs[1] | SendDone, cb?: SendDone): void {
    if (measuring) {
      wire.sentMessages++;
      wire.sentBytes +=
        ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;
    }
    if (typeof second === 'function') super.send(data, second);
    else if (second) super.send(data, second, cb);
    else super.send(data, cb);
  }
}
const SOCKET = CountingSocket as unknown as typeof globalThis.WebSocket;

/** The edit's text carries its send time: `<seq>@<performance.now()>`. */
function stampOf(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const at = text.indexOf('@');
  if (at < 0) return null;
  const t = Number(text.slice(at + 1));
  return Number.isFinite(t) ? t : null;
}

function observeReceipts(doc: Y.Doc): void {
  elementsMap(doc).observeDeep((events, tr) => {
    if (tr.local || !measuring) return;
    arrivals++;
    const now = performance.now();
    for (const e of events) {
      // A note's text is a Y.Text (edited in place) or, on an old board, a plain string.
      let text: unknown = null;
      if (e instanceof Y.YTextEvent && e.path.at(-1) === 'text') text = e.target.toString();
      else if (e instanceof Y.YMapEvent && e.target instanceof Y.Map && e.keysChanged.has('text'))
        text = String(e.target.get('text'));
      const sent = stampOf(text);
      if (sent === null) continue;
      receipts++;
      latencies.push(Math.round((now - sent) * 100) / 100);
    }
  });
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('sync timeout')), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function waitFor(pred: () => boolean, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return pred();
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

function fingerprint(doc: Y.Doc): string {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  return `${JSON.stringify(sv)}|${canonical(elementsMap(doc).toJSON())}`;
}

let plan: WorkerPlan | null = null;
const rooms: RoomState[] = [];
const all: Client[] = [];
let disconnects = 0;
const closes: Record<string, number> = {};

function connect(
  p: WorkerPlan,
  roomIndex: number,
  index: number,
  token: string | undefined,
): Client {
  const room = p.rooms[roomIndex];
  if (!room) throw new Error('no such room');
  const doc = new Y.Doc();
  const params: Record<string, string> = token ? { token } : {};
  const provider =
    p.awareness === 'app'
      ? createRoomProvider(p.wsUrl, room.room, doc, { WebSocketPolyfill: SOCKET, params })
      : new WebsocketProvider(p.wsUrl, room.room, doc, {
          WebSocketPolyfill: SOCKET,
          disableBc: true,
          params,
        });
  provider.awareness.setLocalStateField('user', { name: `bench ${roomIndex}.${index}` });
  provider.awareness.on('update', (_changes: unknown, origin: unknown) => {
    if (origin !== 'local') arrivals++;
  });
  if (p.timeCursors) {
    const { awareness } = provider;
    awareness.on('change', (changes: { updated: number[] }, origin: unknown) => {
      if (origin === 'local' || !measuring) return;
      const now = performance.now();
      for (const id of changes.updated) {
        const cursor = (awareness.getStates().get(id) as { cursor?: { t?: number } } | undefined)
          ?.cursor;
        if (typeof cursor?.t === 'number')
          cursorLatencies.push(Math.round((now - cursor.t) * 100) / 100);
      }
    });
  }
  provider.on('status', (e: { status: string }) => {
    if (measuring && e.status === 'disconnected') disconnects++;
  });
  // Why connections closed: the server's close code, or `local` for the provider's own watchdog
  // (no message for 30 s), which drops whatever the socket still had buffered.
  provider.on('connection-close', (event: { code?: number } | null) => {
    const key = event ? String(event.code ?? '?') : 'local';
    closes[key] = (closes[key] ?? 0) + 1;
  });
  observeReceipts(doc);
  return {
    room: roomIndex,
    index,
    doc,
    provider,
    stickyId: `bench-${index}`,
    author: authorOf(token, `bench-${index}`),
    nextEdit: 0,
    nextCursor: 0,
    seq: 0,
  };
}

async function setup(p: WorkerPlan): Promise<void> {
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  for (let r = 0; r < p.rooms.length; r++) {
    const state: RoomState = { name: p.rooms[r]?.room ?? '', clients: [], edits: 0 };
    rooms.push(state);
    for (let i = 0; i < p.clientsPerRoom; i++) {
      const c = connect(p, r, i, p.rooms[r]?.tokens[i]);
      state.clients.push(c);
      all.push(c);
      pending.push(whenSynced(c.provider, 60_000));
      if (all.length % p.connectBatch === 0) {
        await new Promise((res) => setTimeout(res, 20));
      }
    }
  }
  await Promise.all(pending);
  // One sticky per client, written as the board writes a new note.
  for (const c of all) {
    addElement(
      c.doc,
      'sticky',
      { x: (c.index % 10) * 200, y: Math.floor(c.index / 10) * 200, text: 'new idea' },
      { author: c.author, id: c.stickyId, env },
    );
  }
  const everyoneSeesAll = () => all.every((c) => elementsMap(c.doc).size >= p.clientsPerRoom);
  if (!(await waitFor(everyoneSeesAll, 60_000, 50)))
    throw new Error('initial stickies did not arrive');
  send({ type: 'connected', clients: all.length, ms: performance.now() - t0 });
}

function edit(c: Client): void {
  c.seq++;
  const text = `${c.seq}@${performance.now().toFixed(3)}`;
  // One transaction, as the board writes: a text change, and every other time also a drop.
  c.doc.transact(() => {
    updateElement<'sticky'>(c.doc, c.stickyId, { text });
    if (c.seq % 2 === 1) {
      moveElements(c.doc, [{ id: c.stickyId, x: (c.seq * 37) % 2000, y: (c.seq * 53) % 1200 }]);
    }
  });
}

async function runLoad(p: WorkerPlan): Promise<void> {
  const start = performance.now();
  const editGap = p.editRate > 0 ? 1000 / p.editRate : Infinity;
  const cursorGap = p.cursorHz > 0 ? 1000 / p.cursorHz : Infinity;
  // Random phases so clients do not fire in lockstep.
  for (const c of all) {
    c.nextEdit = start + Math.random() * editGap;
    c.nextCursor = start + Math.random() * cursorGap;
  }
  let cursorUpdates = 0;
  const cpu0 = process.cpuUsage();
  measuring = true;
  const end = start + p.durationMs;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) {
        resolve();
        return;
      }
      for (const c of all) {
        if (c.nextEdit <= now) {
          edit(c);
          const room = rooms[c.room];
          if (room) room.edits++;
          c.nextEdit += editGap;
          if (c.nextEdit < now) c.nextEdit = now + editGap; // fell behind: do not burst
        }
        if (c.nextCursor <= now) {
          c.provider.awareness.setLocalStateField('cursor', {
            x: Math.round(Math.random() * 2000),
            y: Math.round(Math.random() * 1200),
            ...(p.timeCursors ? { t: performance.now() } : {}),
          });
          cursorUpdates++;
          c.nextCursor += cursorGap;
          if (c.nextCursor < now) c.nextCursor = now + cursorGap;
        }
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  const cpu = process.cpuUsage(cpu0);
  const wall = performance.now() - start;
  // The wire tally covers the load window only (not the drain after it).
  const windowWire = { ...wire };
  let edits = 0;
  let expectedReceipts = 0;
  for (const r of rooms) {
    edits += r.edits;
    expectedReceipts += r.edits * (r.clients.length - 1);
  }
  // Wait for stragglers while they still arrive: a saturated run drains a backlog for a while,
  // which is lateness, not loss. Whatever has not come once arrivals (edits or cursors: a
  // backlog may hold seconds of cursor messages ahead of the next edit) stop for settleMs is
  // dropped.
  const drainCap = performance.now() + 90_000;
  let seen = arrivals;
  let lastProgress = performance.now();
  while (receipts < expectedReceipts && performance.now() < drainCap) {
    await new Promise((r) => setTimeout(r, 50));
    if (arrivals !== seen) {
      seen = arrivals;
      lastProgress = performance.now();
    } else if (performance.now() - lastProgress > p.settleMs) break;
  }
  measuring = false;

  // Convergence: every client of a room, and a fresh client synced from the server, must agree.
  let divergedRooms = 0;
  // All rooms' auditors at once, under one deadline: one at a time, a saturated run could spend
  // minutes here.
  const audits = rooms.map(async (room, r) => {
    const prints = new Set(room.clients.map((c) => fingerprint(c.doc)));
    const auditor = connect(p, r, 999, p.rooms[r]?.tokens[0]);
    try {
      await whenSynced(auditor.provider, 60_000);
      prints.add(fingerprint(auditor.doc));
    } catch {
      prints.add('auditor-failed');
    } finally {
      auditor.provider.destroy();
      auditor.doc.destroy();
    }
    if (prints.size !== 1) divergedRooms++;
  });
  await Promise.all(audits);
  send({
    type: 'result',
    latencies,
    edits,
    expectedReceipts,
    receipts,
    divergedRooms,
    cursorUpdates,
    disconnects,
    closes,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / wall) * 100,
    cursorLatencies,
    wire: windowWire,
    windowMs: wall,
  });
}

/** Closes every client and exits once their sockets have closed (the close frames are out). */
function shutdown(): void {
  const closing = all.map((c) => {
    const ws = c.provider.ws;
    c.provider.destroy();
    c.doc.destroy();
    if (!ws || ws.readyState === 3) return Promise.resolve();
    return new Promise<void>((resolve) => ws.addEventListener('close', () => resolve()));
  });
  void Promise.all(closing).then(() => process.exit(0));
}

process.on('disconnect', () => process.exit(0));
process.on('message', (msg: ToWorker) => {
  const fail = (err: unknown) =>
    send({
      type: 'error',
      message: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  if (msg.type === 'plan') {
    plan = msg;
    setup(msg).catch(fail);
  } else if (msg.type === 'go') {
    if (plan) runLoad(plan).catch(fail);
  } else if (msg.type === 'stop') {
    shutdown();
  }
});
log('worker ready');
