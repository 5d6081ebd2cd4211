/**
 * Helpers for the scale-out tests: a database of its own per test on this machine's real
 * PostgreSQL, a Redis key prefix of its own, the server's own entry point (`sync-server/main.ts`)
 * as child processes (so one can be killed with SIGKILL), a loopback TCP proxy that spreads
 * connections round-robin and can cut a service off and let it back (a service going away), and a
 * redis-server of a test's own that can be stopped and started again (a Redis restart).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { freePort } from './main';
import type { Server, Socket } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

export { freePort };

const ROOT = resolve(import.meta.dirname, '../../..');
export const PG_ADMIN_URL =
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new, empty database on the machine's PostgreSQL; `drop()` removes it. */
export async function freshDatabase(): Promise<TestDatabase> {
  const name = `werkbank_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export const freshPrefix = () => `werkbank-test:${randomBytes(4).toString('hex')}:`;

/** Deletes every key under `prefix` (the limiters' and budgets' keys a test left behind). */
export async function dropKeys(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * A redis-server of the test's own on a free loopback port, without persistence: `stop()` ends it
 * (SIGTERM, as a service manager's restart does) and `start()` brings it up again on the same port,
 * empty — a real Redis restart, not only a cut connection.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    await saysReady(child, 'Ready to accept connections', 'redis-server', 10_000);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    await exited;
  }
}

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  /** What it printed (logs at LOG_LEVEL). */
  output(): string;
  /** SIGKILL: no flush, no goodbye. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown of `npm start`. */
  stop(): Promise<void>;
}

/**
 * Resolves once `child` prints `marker`, with a reader of everything it has printed (stdout and
 * stderr); fails when it exits first, or says nothing of the kind within `deadlineMs` (a hang
 * detector, not a pause: it resolves the moment the line appears).
 */
function saysReady(
  child: ChildProcess,
  marker: string,
  what: string,
  deadlineMs: number,
): Promise<() => string> {
  let out = '';
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`${what} did not start: ${out}`)), deadlineMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(marker)) {
        clearTimeout(timer);
        ok(() => out);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}): ${out}`));
    });
  });
}

/** `node --import tsx sync-server/main.ts` with the given environment, once it says it is ready. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = await saysReady(child, 'Werkbank is ready', 'instance', 30_000);
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output,
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A TCP proxy on a free loopback port: each new connection goes to the next target that accepts
 * it (round-robin, skipping targets that refuse). `cut()` drops every open connection and refuses
 * new ones until `restore()`: the service behind it is, for its clients, gone.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private next = 0;
  private down = false;
  port = 0;

  constructor(private targets: number[]) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setTargets(targets: number[]): void {
    this.targets = targets;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (this.down) {
        client.destroy();
        return;
      }
      this.track(client);
      client.pause();
      this.dial(client, 0);
    });
    await new Promise<void>((ok) => this.server?.listen(0, '127.0.0.1', ok));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  private dial(client: Socket, tries: number): void {
    if (tries >= this.targets.length || client.destroyed) {
      client.destroy();
      return;
    }
    const port = this.targets[this.next++ % this.targets.length] ?? 0;
    const upstream = tcpConnect(port, '127.0.0.1');
    upstream.once('error', () => {
      if (!upstream.readyState.startsWith('open')) this.dial(client, tries + 1);
      else client.destroy();
    });
    upstream.once('connect', () => {
      this.track(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.resume();
    });
  }

  private track(s: Socket): void {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
  }

  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }
}
