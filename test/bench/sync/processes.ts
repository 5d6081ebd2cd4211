/** Starting and talking to the sync suite's child processes (servers and client workers). */
import { fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type {
  FromServer,
  FromWorker,
  ServerReady,
  ServerStats,
  ToServer,
  ToWorker,
  WorkerResult,
} from './protocol';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function spawnChild(
  file: string,
  env: Record<string, string>,
  cwd: string,
  extraNodeArgs: string[] = [],
): ChildProcess {
  return fork(here(file), [], {
    cwd,
    execArgv: [
      '--import',
      'tsx',
      '--max-old-space-size=4096',
      ...extraNodeArgs,
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of every child, for finding where time goes.
      ...(process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
    ],
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'pipe' : 'ignore', 'pipe', 'ipc'],
  });
}

/** Collects a child's stderr tail for error messages. */
function tail(child: ChildProcess): () => string {
  let buf = '';
  child.stderr?.on('data', (d: Buffer) => {
    buf = (buf + d.toString()).slice(-4000);
  });
  return () => buf;
}

function nextMessage<T>(
  child: ChildProcess,
  pick: (m: unknown) => T | undefined,
  timeoutMs: number,
  what: string,
  stderr: () => string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      const msg = m as { type: string; message?: string };
      if (msg.type === 'error') {
        cleanup();
        reject(new Error(`${what}: ${msg.message ?? ''}`));
        return;
      }
      const got = pick(m);
      if (got !== undefined) {
        cleanup();
        resolve(got);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${what}: child exited (${code}) ${stderr()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: timed out after ${timeoutMs} ms ${stderr()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

async function stopChild(child: ChildProcess, msg: { type: 'stop' }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    child.send(msg);
  } catch {
    // already disconnected
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

export type ServerKind = 'ours' | 'reference';

export interface ServerHandle {
  kind: ServerKind;
  ready: ServerReady;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function startServerChild(
  kind: ServerKind,
  dataDir: string,
  cwd: string,
  /** More environment for our server (e.g. BENCH_WRITE_POLICY, read by ours-server.ts). */
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  const child =
    kind === 'reference'
      ? spawnChild('./ref-server.ts', { YPERSISTENCE: dataDir, HOST: '127.0.0.1' }, cwd)
      : spawnChild('./ours-server.ts', { ...env, BENCH_DATA_DIR: dataDir }, cwd);
  const stderr = tail(child);
  // BENCH_SERVER_LOG=<file>: keep the server's own log (stdout and stderr) for a post-mortem.
  const logFile = process.env.BENCH_SERVER_LOG;
  if (logFile) {
    const out = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  try {
    const ready = await nextMessage(
      child,
      (m) => ((m as FromServer).type === 'ready' ? (m as ServerReady) : undefined),
      60_000,
      `${kind} server start`,
      stderr,
    );
    return {
      kind,
      ready,
      stats: () => {
        const p = nextMessage(
          child,
          (m) => ((m as FromServer).type === 'stats' ? (m as ServerStats) : undefined),
          30_000,
          `${kind} server stats`,
          stderr,
        );
        child.send({ type: 'stats' } satisfies ToServer);
        return p;
      },
      stop: () => stopChild(child, { type: 'stop' }),
    };
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
}

export interface WorkerHandle {
  send(msg: ToWorker): void;
  connected(timeoutMs: number): Promise<{ clients: number; ms: number }>;
  result(timeoutMs: number): Promise<WorkerResult>;
  stop(): Promise<void>;
}

export function startWorker(cwd: string, log: (line: string) => void): WorkerHandle {
  // Load generators only (servers run with Node's defaults): a larger young generation cuts the
  // workers' garbage-collection time (27 % of their CPU with the default) so that more of the two
  // cores is left for the server under test.
  const child = spawnChild('./client-worker.ts', {}, cwd, ['--max-semi-space-size=64']);
  const stderr = tail(child);
  child.on('message', (m: FromWorker) => {
    if (m.type === 'log') log(m.line);
  });
  return {
    send: (msg) => child.send(msg),
    connected: (timeoutMs) =>
      nextMessage(
        child,
        (m) => {
          const msg = m as FromWorker;
          return msg.type === 'connected' ? { clients: msg.clients, ms: msg.ms } : undefined;
        },
        timeoutMs,
        'clients connect',
        stderr,
      ),
    result: (timeoutMs) =>
      nextMessage(
        child,
        (m) => ((m as FromWorker).type === 'result' ? (m as WorkerResult) : undefined),
        timeoutMs,
        'clients result',
        stderr,
      ),
    stop: () => stopChild(child, { type: 'stop' }),
  };
}
