/**
 * Document persistence, one `{load, storeUpdate, compact}` interface (cf. y-websocket's
 * `{bindState, writeState}`), so PostgreSQL can replace LevelDB in the scale-out mode.
 * Embedded default: y-leveldb in DATA_DIR/docs.
 */
import { join } from 'node:path';
import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';

export interface DocStore {
  /** The stored state of a room (an empty doc for a new room). */
  load(room: string): Promise<Y.Doc>;
  storeUpdate(room: string, update: Uint8Array): Promise<void>;
  /** Merges a room's stored updates into one (called when a room goes idle). */
  compact(room: string): Promise<void>;
  close(): Promise<void>;
}

export class LeveldbDocStore implements DocStore {
  private readonly db: LeveldbPersistence;

  constructor(dataDir: string) {
    this.db = new LeveldbPersistence(join(dataDir, 'docs'));
  }

  load(room: string): Promise<Y.Doc> {
    return this.db.getYDoc(room);
  }

  async storeUpdate(room: string, update: Uint8Array): Promise<void> {
    await this.db.storeUpdate(room, update);
  }

  async compact(room: string): Promise<void> {
    await this.db.flushDocument(room);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Whether an update changes nothing (the stock client's empty sync step 2 is 2 bytes). Only short
 * updates are decoded: an update with content is never this small, and decoding every update
 * twice (here and in the write policy) would cost the hot path.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  if (update.length <= 2) return true;
  if (update.length > 24) return false;
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    return structs.length === 0 && ds.clients.size === 0;
  } catch {
    return false;
  }
}
