/**
 * Document persistence, one `{load, storeUpdate, compact}` interface (cf. y-websocket's
 * `{bindState, writeState}`), so PostgreSQL can replace LevelDB in the scale-out mode.
 * Embedded default: y-leveldb in DATA_DIR/docs.
 */
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { LeveldbPersistence, getLevelUpdatesKeys } from 'y-leveldb';
import * as Y from 'yjs';

export interface DocStore {
  /**
   * Whether an idle board may be replaced by a fresh copy without its history. A store shared by
   * several instances says no: another instance may still hold the room (sync-server/store/pg.ts).
   */
  readonly canDropHistory?: boolean;
  /** The stored state of a room (an empty doc for a new room). */
  load(room: string): Promise<Y.Doc>;
  storeUpdate(room: string, update: Uint8Array): Promise<void>;
  /** Merges a room's stored updates into one (called when a room goes idle). */
  compact(room: string): Promise<void>;
  /**
   * Replaces everything stored for a room by `update`, atomically: a crash leaves either the old
   * document or the new one, never both (used to drop a board's history, see compaction.ts).
   */
  replace(room: string, update: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export class LeveldbDocStore implements DocStore {
  private readonly db: LeveldbPersistence;

  /** `Level`: the level class to open the folder with (tests pass a subclass to reach the db). */
  constructor(dataDir: string, options: { Level?: unknown } = {}) {
    this.db = new LeveldbPersistence(join(dataDir, 'docs'), options);
  }

  load(room: string): Promise<Y.Doc> {
    return this.db.getYDoc(room);
  }

  async storeUpdate(room: string, update: Uint8Array): Promise<void> {
    // y-leveldb logs a failed write and resolves null instead of rejecting: make it a failure.
    const clock = await this.db.storeUpdate(room, update);
    if (clock === null) throw new Error(`storing an update of ${room} failed`);
  }

  async compact(room: string): Promise<void> {
    // Resolves undefined when merged, null when the merge failed (nothing lost: the updates stay).
    if ((await this.db.flushDocument(room)) === null)
      throw new Error(`merging the stored updates of ${room} failed`);
  }

  async replace(room: string, update: Uint8Array): Promise<void> {
    // y-leveldb has no atomic replace: one LevelDB batch deletes the room's stored updates and
    // writes the new one and its state vector, in y-leveldb's own key layout (v1, stable since
    // 0.1.0): ['v1', room, 'update', clock] and ['v1_sv', room] = varUint clock, state vector.
    const done = await this.db._transact(async (db) => {
      const keys = await getLevelUpdatesKeys(db, room);
      const last = keys.at(-1)?.[3];
      const clock = typeof last === 'number' ? last + 1 : 0;
      const sv = encoding.createEncoder();
      encoding.writeVarUint(sv, clock);
      encoding.writeVarUint8Array(sv, Y.encodeStateVectorFromUpdate(update));
      await db.batch([
        ...keys.map((key) => ({ type: 'del' as const, key })),
        { type: 'put', key: ['v1', room, 'update', clock], value: Buffer.from(update) },
        { type: 'put', key: ['v1_sv', room], value: Buffer.from(encoding.toUint8Array(sv)) },
      ]);
      return true;
    });
    if (done !== true) throw new Error(`replacing the stored document of ${room} failed`);
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
