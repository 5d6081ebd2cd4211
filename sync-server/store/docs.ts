/**
 * Document persistence, one `{load, storeUpdate, compact}` interface (cf. y-websocket's
 * `{bindState, writeState}`), so PostgreSQL can replace LevelDB in the scale-out mode.
 * Embedded default: y-leveldb in DATA_DIR/docs.
 */
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { LevelBatchOp, LevelDb, LevelKey } from 'y-leveldb';
import {
  LeveldbPersistence,
  PREFERRED_TRIM_SIZE,
  getCurrentUpdateClock,
  getLevelUpdates,
  getLevelUpdatesKeys,
} from 'y-leveldb';
import * as Y from 'yjs';
import { checkLeveldb } from './leveldb-check';

/** What classic-level rejects with (the LevelDB status is in `cause`). */
type LevelError = { code?: string; message?: string; cause?: { code?: string; message?: string } };

export interface DocStore {
  /**
   * Whether an idle board may be replaced by a fresh copy without its history. A store shared by
   * several instances says no: another instance may still hold the room (sync-server/store/pg.ts).
   */
  readonly canDropHistory?: boolean;
  /** The stored state of a room (an empty doc for a new room). */
  load(room: string): Promise<Y.Doc>;
  /**
   * Applies a room's stored updates to `doc` in one transaction and returns the single stored
   * update when there was only one (null otherwise, and for a new room): a room opens with one
   * decoding of what is stored, not a copy decoded, encoded and decoded again.
   */
  loadInto(room: string, doc: Y.Doc, origin?: unknown): Promise<Uint8Array | null>;
  storeUpdate(room: string, update: Uint8Array): Promise<void>;
  /**
   * Merges a room's stored updates into one, garbage-collected (called when a room goes idle, and
   * after a participant is forgotten). With `picture`, the room's picture is built from the merged
   * document and kept with it (`picture(room)`); without, a picture kept earlier is dropped, in the
   * same write: a forgotten participant's notes must not stay in an old picture.
   */
  compact(room: string, picture?: PictureOf): Promise<void>;
  /**
   * Replaces everything stored for a room by `update`, atomically: a crash leaves either the old
   * document or the new one, never both (used to drop a board's history, see compaction.ts).
   * `picture` is the picture of `update`'s document, kept with it; without, an older one is dropped.
   */
  replace(room: string, update: Uint8Array, picture?: Uint8Array): Promise<void>;
  /**
   * The picture kept at the room's last compaction, while nothing has been stored for the room
   * since (otherwise null: the picture no longer shows what is stored).
   */
  picture(room: string): Promise<Uint8Array | null>;
  close(): Promise<void>;
  /**
   * Opens the store before anything is served: throws StoreDamagedError for a store that must
   * not be served as if it were whole; a store that cannot open yet (locked, unreadable) is
   * retried and reported by `health`.
   */
  open?(): Promise<void>;
  health?(): StoreHealth;
  /** Whether the store holds any document (a registry missing beside it is then reported). */
  holdsDocuments?(): Promise<boolean>;
}

/** Builds the stored picture of a room's merged document (sync-server/sync/picture.ts). */
export type PictureOf = (doc: Y.Doc) => Promise<Uint8Array>;

export interface StoreHealth {
  ready: boolean;
  /** Why it is not ready. */
  reason?: string;
  /** Damage recovered from by dropping data (see leveldb-check.ts). */
  warnings: string[];
}

/** A store that must not be served: the message names the folder and how to restore it. */
export class StoreDamagedError extends Error {
  constructor(
    readonly dir: string,
    what: string,
  ) {
    super(
      `The document store in ${dir} is damaged: ${what}. Werkbank will not serve it as if it ` +
        `were whole. Stop the server, restore the data folder from your latest backup ` +
        `(docs/deploy.md, "Data, backups, logs"), and start again.`,
    );
    this.name = 'StoreDamagedError';
  }
}

/** How often a store that could not open is tried again. */
export const STORE_RETRY_MS = 2_000;

export class LeveldbDocStore implements DocStore {
  private readonly db: LeveldbPersistence;
  readonly dir: string;
  private state: StoreHealth = { ready: false, reason: 'opening', warnings: [] };
  private retry: NodeJS.Timeout | null = null;
  private closed = false;

  /** `Level`: the level class to open the folder with (tests pass a subclass to reach the db). */
  constructor(dataDir: string, options: { Level?: unknown } = {}) {
    this.dir = join(dataDir, 'docs');
    this.db = new LeveldbPersistence(this.dir, options);
  }

  async open(): Promise<void> {
    const check = checkLeveldb(this.dir);
    if (check.fatal) throw new StoreDamagedError(this.dir, check.fatal);
    this.state.warnings = check.warnings;
    const err = await this.db._transact(async (db) => {
      try {
        await db.open();
        return 'open';
      } catch (e) {
        return e as LevelError;
      }
    });
    if (err === 'open') {
      this.state = { ready: true, warnings: this.state.warnings };
      return;
    }
    const cause = err?.cause ?? err;
    if (cause?.code === 'LEVEL_CORRUPTION')
      throw new StoreDamagedError(this.dir, cause.message ?? 'LevelDB reports corruption');
    this.state = {
      ready: false,
      reason: `the document store in ${this.dir} cannot open: ${cause?.message ?? 'unknown error'}`,
      warnings: this.state.warnings,
    };
    if (!this.closed && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        this.open().catch((e: unknown) => {
          this.state = { ready: false, reason: (e as Error).message, warnings: [] };
        });
      }, STORE_RETRY_MS);
      this.retry.unref();
    }
  }

  health(): StoreHealth {
    return this.state;
  }

  async holdsDocuments(): Promise<boolean> {
    const found = await this.db._transact(async (db) => {
      for await (const key of db.keys({ limit: 1 })) return key !== undefined;
      return false;
    });
    return found === true;
  }

  async load(room: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    await this.loadInto(room, doc);
    return doc;
  }

  async loadInto(room: string, doc: Y.Doc, origin?: unknown): Promise<Uint8Array | null> {
    if (!this.state.ready)
      throw new Error(this.state.reason ?? `the document store in ${this.dir} is not open`);
    // y-leveldb's transactions log a failed read and resolve null: a room must never open as if
    // empty.
    const updates = await this.db._transact((db) => getLevelUpdates(db, room));
    if (!updates) throw new Error(`reading ${room} from the document store in ${this.dir} failed`);
    if (updates.length === 0) return null;
    applyAll(doc, updates, origin);
    // As y-leveldb's getYDoc does: many stored updates are merged into one.
    if (updates.length > PREFERRED_TRIM_SIZE) await this.compact(room);
    return updates.length === 1 ? (updates[0] as Uint8Array) : null;
  }

  async storeUpdate(room: string, update: Uint8Array): Promise<void> {
    // y-leveldb logs a failed write and resolves null instead of rejecting: make it a failure.
    const clock = await this.db.storeUpdate(room, update);
    if (clock === null) throw new Error(`storing an update of ${room} failed`);
  }

  async compact(room: string, picture?: PictureOf): Promise<void> {
    const done = await this.db._transact(async (db) => {
      const updates = await getLevelUpdates(db, room);
      if (updates.length === 0) return true;
      // Through a document (as y-leveldb's flushDocument): it garbage-collects deleted content.
      const doc = new Y.Doc();
      try {
        applyAll(doc, updates);
        const update = Y.encodeStateAsUpdate(doc);
        await db.batch(await this.replacing(db, room, update, picture && (await picture(doc))));
      } finally {
        doc.destroy();
      }
      return true;
    });
    // y-leveldb's transaction resolves null when the work threw (nothing lost: the updates stay).
    if (done !== true) throw new Error(`merging the stored updates of ${room} failed`);
  }

  async replace(room: string, update: Uint8Array, picture?: Uint8Array): Promise<void> {
    const done = await this.db._transact(async (db) => {
      await db.batch(await this.replacing(db, room, update, picture));
      return true;
    });
    if (done !== true) throw new Error(`replacing the stored document of ${room} failed`);
  }

  /**
   * One LevelDB batch that deletes the room's stored updates and writes `update` and its state
   * vector, in y-leveldb's own key layout (v1, stable since 0.1.0): ['v1', room, 'update', clock]
   * and ['v1_sv', room] = varUint clock, state vector; and the room's picture beside them
   * (`pictureKey`: the clock it shows, then the gzipped JSON) or, without one, none.
   */
  private async replacing(
    db: LevelDb,
    room: string,
    update: Uint8Array,
    picture: Uint8Array | undefined,
  ): Promise<LevelBatchOp[]> {
    const keys = await getLevelUpdatesKeys(db, room);
    const last = keys.at(-1)?.[3];
    const clock = typeof last === 'number' ? last + 1 : 0;
    const sv = encoding.createEncoder();
    encoding.writeVarUint(sv, clock);
    encoding.writeVarUint8Array(sv, Y.encodeStateVectorFromUpdate(update));
    const stamped = encoding.createEncoder();
    if (picture) {
      encoding.writeVarUint(stamped, clock);
      encoding.writeUint8Array(stamped, picture);
    }
    return [
      ...keys.map((key) => ({ type: 'del' as const, key })),
      { type: 'put', key: ['v1', room, 'update', clock], value: Buffer.from(update) },
      { type: 'put', key: ['v1_sv', room], value: Buffer.from(encoding.toUint8Array(sv)) },
      picture
        ? { type: 'put', key: pictureKey(room), value: Buffer.from(encoding.toUint8Array(stamped)) }
        : { type: 'del', key: pictureKey(room) },
    ];
  }

  async picture(room: string): Promise<Uint8Array | null> {
    if (!this.state.ready)
      throw new Error(this.state.reason ?? `the document store in ${this.dir} is not open`);
    const found = await this.db._transact(async (db) => {
      const [value] = await db.getMany([pictureKey(room)]);
      if (!value) return { picture: null };
      const decoder = decoding.createDecoder(value);
      const shows = decoding.readVarUint(decoder);
      // Current only while the update it was made with is still the room's last one.
      if ((await getCurrentUpdateClock(db, room)) !== shows) return { picture: null };
      return { picture: value.subarray(decoder.pos) };
    });
    if (!found) throw new Error(`reading the picture of ${room} from ${this.dir} failed`);
    return found.picture;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    await this.db.destroy();
  }
}

/** Where a room's picture is kept, beside y-leveldb's keys of the room. */
function pictureKey(room: string): LevelKey {
  return ['werkbank_picture', room];
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

/**
 * Whether applying an update would change nothing in `doc`: every struct already held, every
 * deletion already done. The stock client's sync step 2 always carries its copy's whole delete
 * set, so a viewer (or anyone on a locked board) coming back with a device copy sends one of these
 * on every connect: no write, nothing to refuse. Checked only for updates the policy refuses.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs)
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return false;
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.clock + range.len > state) return false;
      for (let clock = range.clock; clock < range.clock + range.len;) {
        const s = Y.getItem(doc.store, Y.createID(client, clock));
        if (s instanceof Y.Item && !s.deleted) return false;
        clock = s.id.clock + s.length;
      }
    }
  }
  return true;
}

/**
 * Applies stored updates to `doc` one by one in one transaction, as y-leveldb's getYDoc does
 * (one decoding each; merging them first costs a decoding more and gains nothing here).
 */
export function applyAll(doc: Y.Doc, updates: readonly Uint8Array[], origin?: unknown): void {
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  }, origin);
}
