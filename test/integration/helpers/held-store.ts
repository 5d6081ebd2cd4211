/**
 * The server's real LevelDB document store, with its writes held on request: after `hold()` every
 * write waits (it reaches LevelDB only after `release()`), and `waiting` counts the writes held.
 * For tests of what the server does while its store does not have a write yet; `held-main.ts`
 * runs a server on it in a process of its own, to be killed with a write held.
 */
import { LeveldbDocStore } from '../../../sync-server/store/docs';

export class HeldStore extends LeveldbDocStore {
  private gate: Promise<void> | null = null;
  private letThrough: () => void = () => {};
  /** Writes waiting for `release()`. */
  waiting = 0;
  /** Called whenever a write starts to wait. */
  onHeld: () => void = () => {};

  hold(): void {
    this.gate ??= new Promise((resolve) => (this.letThrough = resolve));
  }

  release(): void {
    this.gate = null;
    this.letThrough();
  }

  override async storeUpdate(room: string, update: Uint8Array): Promise<void> {
    for (let gate = this.gate; gate; gate = this.gate) {
      this.waiting++;
      this.onHeld();
      await gate;
      this.waiting--;
    }
    await super.storeUpdate(room, update);
  }
}
