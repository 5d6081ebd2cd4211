// y-leveldb ships JavaScript without declarations; these are the parts the server uses.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  /** A key as y-leveldb's key encoding reads and writes it (e.g. ['v1', doc, 'update', 3]). */
  export type LevelKey = Array<string | number>;
  export interface LevelBatchOp {
    type: 'put' | 'del';
    key: LevelKey;
    value?: Uint8Array;
  }
  /** The level instance y-leveldb opened (with its key and value encodings). */
  export interface LevelDb {
    batch(ops: LevelBatchOp[]): Promise<void>;
    open(): Promise<void>;
    keys(options: { limit: number }): AsyncIterable<LevelKey>;
    /** The values of `keys`, undefined where a key is not stored. */
    getMany(keys: LevelKey[]): Promise<Array<Uint8Array | undefined>>;
  }

  export class LeveldbPersistence {
    constructor(location: string, options?: { Level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    /** The update's clock, or null when the write failed (y-leveldb logs and swallows it). */
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    /** Null when the merge failed. */
    flushDocument(docName: string): Promise<void | null>;
    getStateVector(docName: string): Promise<Uint8Array>;
    clearDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
    /**
     * Runs `f` after every earlier operation on this database ("private, might change"): the
     * only way to write several keys atomically. Resolves null when `f` threw (it logs).
     */
    _transact<T>(f: (db: LevelDb) => Promise<T>): Promise<T | null>;
  }
  export function getLevelUpdatesKeys(db: LevelDb, docName: string): Promise<LevelKey[]>;
  /** A room's stored updates, oldest first. */
  export function getLevelUpdates(db: LevelDb, docName: string): Promise<Uint8Array[]>;
  /** The clock of a room's last stored update, -1 when it has none. */
  export function getCurrentUpdateClock(db: LevelDb, docName: string): Promise<number>;
  /** Above this many stored updates, getYDoc merges them into one. */
  export const PREFERRED_TRIM_SIZE: number;
}
