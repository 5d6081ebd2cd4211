/**
 * The report worker (a worker_thread): builds one report file off the main thread, so a big
 * workshop never blocks the sync server's event loop. Posts `progress` messages, then `done`
 * with the bytes (transferred, not copied) or `error`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportJob } from './build';
import { buildReport } from './build';

export type WorkerMessage =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(m, transfer);
  buildReport(workerData as ReportJob, (stage, done, total) =>
    post({ type: 'progress', stage, done, total }),
  ).then(
    (bytes) => post({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]),
    (err: unknown) =>
      post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
}
