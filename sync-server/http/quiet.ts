/**
 * Work that may wait until the server has no response in flight: loading a board's room right
 * after its snapshot was answered from the stored picture (http/snapshot.ts). Decoding a big room
 * holds the one thread for a moment, and a page asks for its app chunk and font at the same time
 * as the snapshot: those go out first. Waits at most `maxWaitMs` (a long download must not hold
 * a room's load back for good).
 */
import type { ServerResponse } from 'node:http';

export class QuietTimes {
  private open = 0;
  private waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly maxWaitMs = 1000) {}

  /** A response begins; it counts until it has closed. */
  started(res: ServerResponse): void {
    this.open++;
    res.once('close', () => {
      this.open--;
      if (this.open === 0) setImmediate(() => this.runIfQuiet());
    });
  }

  /** Runs `work` once no response is in flight (or after `maxWaitMs`). */
  then(work: () => void): void {
    this.waiting.push(work);
    setImmediate(() => this.runIfQuiet());
    if (!this.timer) {
      this.timer = setTimeout(() => this.run(), this.maxWaitMs);
      this.timer.unref();
    }
  }

  private runIfQuiet(): void {
    if (this.open === 0) this.run();
  }

  private run(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const work of this.waiting.splice(0)) work();
  }
}
