/**
 * Runs a report job in a worker thread and resolves with the file. At most `MAX_JOBS` run at
 * once (each holds a workshop's documents and pictures in memory); more wait their turn. An abort
 * (the client went away) terminates the worker.
 */
import { Worker } from 'node:worker_threads';
import type { ReportJob } from './build';
import type { WorkerMessage } from './worker';

const MAX_JOBS = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_JOBS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export async function runReportJob(job: ReportJob, options: RunOptions = {}): Promise<Uint8Array> {
  const release = await slot();
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      // The server runs TypeScript through tsx (scripts/start.mjs); the entry registers it in
      // the worker thread too, wherever the server was started from (npm start, vitest).
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: job,
      });
      const abort = (): void => {
        void worker.terminate();
        reject(new Error('report cancelled'));
      };
      if (options.signal?.aborted) return abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      let settled = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') options.onProgress?.(m.stage, m.done, m.total);
        else {
          settled = true;
          options.signal?.removeEventListener('abort', abort);
          void worker.terminate();
          if (m.type === 'done') resolve(new Uint8Array(m.bytes));
          else reject(new Error(m.message));
        }
      });
      worker.on('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`report worker stopped (${code})`));
      });
    });
  } finally {
    release();
  }
}
