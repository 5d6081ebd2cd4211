/**
 * Shared helpers for integration tests: the real server on a free port with a temporary
 * DATA_DIR, the real HTTP API, and the stock y-websocket client in Node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { RunningServer, ServerOptions } from '../../../sync-server/server';
import { startServer } from '../../../sync-server/server';
import type { CreateWorkshopResponse, JoinResponse } from '../../../workshops';
import { HISTORY_KEY, MESSAGE } from '../../../workshops';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server; keeps the data folder (for restart tests). */
  stop(): Promise<void>;
  /** Starts a new server on the same data folder (and port, when free). */
  restart(): Promise<TestServer>;
  /** Stops and deletes the data folder. */
  dispose(): Promise<void>;
}

export async function startTestServer(
  options: Partial<ServerOptions> = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(joinPath(tmpdir(), 'werkbank-test-'));
  const server = await startServer({
    port: 0,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    adminToken: 'test-admin-token',
    tokenSecret: 'test-secret',
    ...options,
    dataDir: dir,
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    ...server,
    dataDir: dir,
    stop,
    restart: async () => {
      await stop();
      return startTestServer({ ...options, port: server.port }, dir);
    },
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function api<T>(
  server: { url: string },
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(server.url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

export async function createWorkshop(
  server: Pick<RunningServer, 'url' | 'adminToken'>,
  title = 'Meer impact door samenwerking',
  language: 'nl' | 'en' = 'nl',
): Promise<CreateWorkshopResponse> {
  const res = await api<CreateWorkshopResponse>(server, '/api/workshops', {
    token: server.adminToken,
    body: { title, language },
  });
  if (res.status !== 201)
    throw new Error(`create workshop: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function join(
  server: { url: string },
  joinCode: string,
  name = 'Deelnemer',
  organisation = '',
): Promise<JoinResponse> {
  const res = await api<JoinResponse>(server, '/api/join', {
    body: { joinCode, name, organisation },
  });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Client {
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebsocketProvider;
  /** Close codes this client received. */
  closes: number[];
  /** Permission-denied reasons the server sent. */
  denied: string[];
  destroy(): void;
}

/** The stock WebsocketProvider with Node's `ws`, exactly as a browser would connect. */
export function connect(
  server: { url: string },
  room: string,
  token: string,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): Client {
  const doc = options.doc ?? new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new WebsocketProvider(server.url.replace(/^http/, 'ws') + '/sync', room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    awareness,
    connect: options.connect ?? true,
    disableBc: true,
  });
  const closes: number[] = [];
  const denied: string[] = [];
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push(event.code);
  });
  // Surface the y-protocols auth message (permission denied) instead of a console warning.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder));
  };
  return {
    doc,
    awareness,
    provider,
    closes,
    denied,
    destroy: () => {
      provider.destroy();
      awareness.destroy();
    },
  };
}

export function synced(client: Client, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('not synced in time')), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Polls `check` (or an asynchronous one: a database read) until it holds, or throws after `timeoutMs`. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Resolves once the server has handled everything this client sent before: it asks "what is
 * stored?" (MESSAGE.stored, docs/api.md), which the server answers on the same socket after every
 * earlier message of the connection — and after what it broadcast meanwhile to this socket. A
 * negative check ("nobody received it") after this is a fact, not a guess after a sleep.
 */
export function settled(client: Client, timeoutMs = 10_000): Promise<void> {
  const ws = client.provider.ws;
  if (!ws || ws.readyState !== ws.OPEN) return Promise.reject(new Error('client not connected'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer to the stored query')), timeoutMs);
    client.provider.messageHandlers[MESSAGE.stored] = () => {
      clearTimeout(timer);
      resolve();
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.stored);
    ws.send(encoding.toUint8Array(encoder));
  });
}

/** Whether a "stored" answer (a state vector) covers every clock of `wanted`. */
export function covers(stored: Map<number, number>, wanted: Map<number, number>): boolean {
  for (const [client, clock] of wanted) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}

/** Lets a stock client ask "what is stored?" and collects the answers (state vectors). */
export function storedAnswers(c: Client): { ask(): void; answers: Map<number, number>[] } {
  const answers: Map<number, number>[] = [];
  c.provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
    answers.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  return {
    answers,
    ask: () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.stored);
      c.provider.ws?.send(encoding.toUint8Array(encoder));
    },
  };
}

/**
 * Who a copy of a board says writes with Yjs client id `client`: the server's own record
 * (sync-server/sync/room.ts, `claimClients`), undefined while the copy does not have it.
 */
export function recordedOwner(doc: Y.Doc, client: number): unknown {
  const owners = doc.getMap<unknown>(HISTORY_KEY).get('owners');
  return owners instanceof Y.Map ? owners.get(String(client)) : undefined;
}

/** Two participants (Ann and Bo) joined by code and synced on one room. */
export async function joinedPair(
  server: { url: string },
  joinCode: string,
  room: string,
  open: (room: string, token: string) => Client,
): Promise<{ pa: JoinResponse; pb: JoinResponse; a: Client; b: Client }> {
  const [pa, pb] = await Promise.all([join(server, joinCode, 'Ann'), join(server, joinCode, 'Bo')]);
  const a = open(room, pa.token);
  const b = open(room, pb.token);
  await Promise.all([synced(a), synced(b)]);
  return { pa, pb, a, b };
}
