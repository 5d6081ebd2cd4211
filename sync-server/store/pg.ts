/**
 * PostgreSQL persistence for the scale-out mode (`DATABASE_URL`): board and control documents as
 * appended Yjs updates, the workshop registry and the token secret — so any number of instances
 * can serve any room, and a fresh instance on an empty disk serves every room from here alone.
 *
 * Documents: one row per stored batch in `werkbank_updates`, ordered by `seq`. Compaction merges
 * a room's rows into one inside a transaction (rows appended meanwhile by another instance are not
 * among those it locked, and stay). Other instances follow a room by reading the rows they have not
 * read yet (`updatesSince`, by the transactions that wrote them: `ReadMark`), which is how they
 * catch up after a Redis blip or a late start.
 *
 * Dropping a board's history (a fresh copy with new client ids, see workshops/board/compaction.ts)
 * needs to know that no other instance still holds the room; this store does not know that, so
 * it declines (`canDropHistory = false`) and idle boards are only merged. Schema changes are
 * numbered migrations, applied once under an advisory lock, so instances may start together.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import * as Y from 'yjs';
import type { Role } from '../../workshops';
import type { DocStore, PictureOf } from './docs';
import { applyAll } from './docs';
import type { WorkshopEntry, WorkshopStore } from './workshops';
import { normaliseJoinCode } from './workshops';

/** Numbered schema steps; a step is never edited once shipped, only followed by another. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE werkbank_updates (
     seq bigserial PRIMARY KEY,
     room text NOT NULL,
     update bytea NOT NULL,
     stored_at timestamptz NOT NULL DEFAULT now()
   );
   CREATE INDEX werkbank_updates_room_seq ON werkbank_updates (room, seq);
   CREATE TABLE werkbank_workshops (
     workshop_id text PRIMARY KEY,
     join_code text NOT NULL UNIQUE,
     created_at bigint NOT NULL,
     entry jsonb NOT NULL
   );
   CREATE TABLE werkbank_settings (
     key text PRIMARY KEY,
     value text NOT NULL
   );`,
  // A board's picture, kept at compaction (DocStore.picture): current while the room's rows are
  // exactly the one it was made from.
  `CREATE TABLE werkbank_pictures (
     room text PRIMARY KEY,
     seq bigint NOT NULL,
     picture bytea NOT NULL
   );`,
  // The transaction that wrote each row: an instance catching up reads by it (`ReadMark`), since a
  // row's seq is taken before its transaction commits and may show up after a higher one was read.
  `ALTER TABLE werkbank_updates ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
   CREATE INDEX werkbank_updates_room_txid ON werkbank_updates (room, txid);`,
];

/**
 * Where an instance's reading of a room stands: every row written by a transaction before
 * `before` (a PostgreSQL transaction id) has been read, and of the rows of later transactions,
 * those in `seen`. A seq alone cannot say it: seqs are taken when a row is inserted, so a
 * transaction still open may commit a lower seq after a higher one was read (two instances
 * storing the same room at once), and a reader that went on from the highest seq would miss that
 * row for good. A transaction id below the oldest one still running (`pg_snapshot_xmin`) is
 * settled: no row of it can appear any more.
 */
export interface ReadMark {
  before: bigint;
  seen: ReadonlySet<string>;
}

/** Nothing read yet. */
export const START: ReadMark = { before: 0n, seen: new Set() };

/** Any 64-bit number of our own: serialises migrations between instances starting at once. */
const MIGRATION_LOCK = 7_351_402_919;

export class PgDatabase {
  readonly pool: pg.Pool;

  constructor(connectionString: string, onError: (err: Error) => void) {
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5000 });
    // An idle client that loses its server emits here; without a listener it ends the process.
    this.pool.on('error', onError);
  }

  /** Creates or upgrades the schema. Returns the version now in force. */
  async migrate(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS werkbank_migrations (
           version int PRIMARY KEY,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await client.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM werkbank_migrations',
      );
      let version = rows[0]?.v ?? 0;
      for (; version < MIGRATIONS.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[version] ?? '');
          await client.query('INSERT INTO werkbank_migrations (version) VALUES ($1)', [
            version + 1,
          ]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      return version;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  /** The token secret: `TOKEN_SECRET` when given, else one generated by the first instance. */
  async secret(fromEnv?: string): Promise<Uint8Array> {
    if (fromEnv) return new TextEncoder().encode(fromEnv);
    await this.pool.query(
      `INSERT INTO werkbank_settings (key, value) VALUES ('token-secret', $1)
       ON CONFLICT (key) DO NOTHING`,
      [randomBytes(32).toString('base64url')],
    );
    const { rows } = await this.pool.query<{ value: string }>(
      `SELECT value FROM werkbank_settings WHERE key = 'token-secret'`,
    );
    const value = rows[0]?.value;
    if (!value) throw new Error('the token secret could not be read from PostgreSQL');
    return new TextEncoder().encode(value);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export class PgDocStore implements DocStore {
  readonly canDropHistory = false;
  /** Where each loaded room's reading stands (where `updatesSince` goes on from). */
  private readonly marks = new Map<string, ReadMark>();

  constructor(private readonly db: PgDatabase) {}

  async load(room: string): Promise<Y.Doc> {
    const doc = new Y.Doc();
    await this.loadInto(room, doc);
    return doc;
  }

  async loadInto(room: string, doc: Y.Doc, origin?: unknown): Promise<Uint8Array | null> {
    const { updates, mark } = await this.updatesSince(room, START);
    this.marks.set(room, mark);
    if (updates.length === 0) return null;
    applyAll(doc, updates, origin);
    return updates.length === 1 ? (updates[0] as Uint8Array) : null;
  }

  /** Where a loaded room's reading stopped (`START` when it was never loaded here). */
  mark(room: string): ReadMark {
    return this.marks.get(room) ?? START;
  }

  /**
   * The stored batches of `room` not read yet by a reader at `mark`, in seq order, and the mark
   * after them. Rows of transactions that are not settled yet are read again next time (by seq
   * they are skipped: only their seqs travel twice, not their updates).
   */
  async updatesSince(
    room: string,
    mark: ReadMark,
  ): Promise<{ updates: Uint8Array[]; mark: ReadMark }> {
    const { rows } = await this.db.pool.query<{
      horizon: string;
      seq: string | null;
      txid: string | null;
      update: Buffer | null;
    }>(
      // One statement, one snapshot: its horizon holds for the rows it sees.
      `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon)
       SELECT h.horizon, u.seq, u.txid::text AS txid,
              CASE WHEN u.seq = ANY($3::bigint[]) THEN NULL ELSE u.update END AS update
         FROM h LEFT JOIN werkbank_updates u ON u.room = $1 AND u.txid >= $2::xid8
        ORDER BY u.seq`,
      [room, mark.before.toString(), [...mark.seen]],
    );
    const horizon = BigInt(rows[0]?.horizon ?? mark.before.toString());
    const updates: Uint8Array[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.seq === null || r.txid === null) continue;
      if (r.update && !mark.seen.has(r.seq)) updates.push(new Uint8Array(r.update));
      if (BigInt(r.txid) >= horizon) seen.add(r.seq);
    }
    return { updates, mark: { before: horizon, seen } };
  }

  /** Appends a batch (a failed write is retried by the room, sync-server/sync/room.ts). */
  async storeUpdate(room: string, update: Uint8Array): Promise<void> {
    await this.db.pool.query('INSERT INTO werkbank_updates (room, update) VALUES ($1, $2)', [
      room,
      Buffer.from(update),
    ]);
  }

  async compact(room: string, picture?: PictureOf): Promise<void> {
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ seq: string; update: Buffer }>(
        'SELECT seq, update FROM werkbank_updates WHERE room = $1 ORDER BY seq FOR UPDATE',
        [room],
      );
      if (!picture) await client.query('DELETE FROM werkbank_pictures WHERE room = $1', [room]);
      const only = rows.length === 1 ? rows[0] : undefined;
      // One row is merged already: it is decoded only for a picture it does not have yet.
      const done =
        rows.length === 0 ||
        (only !== undefined && (!picture || (await this.pictured(client, room, only.seq))));
      if (done) return;
      // Through a document, not `Y.mergeUpdates`: that keeps the content of deleted items, and a
      // forgotten participant's name, answers and removed notes must not stay in storage
      // (sync-server/sync/forget.ts). A document garbage-collects them.
      const doc = new Y.Doc({ gc: true });
      try {
        for (const r of rows) Y.applyUpdate(doc, new Uint8Array(r.update));
        const seq = only?.seq ?? (await this.mergeRows(client, room, rows, doc));
        if (picture) await this.keepPicture(client, room, seq, await picture(doc));
      } finally {
        doc.destroy();
      }
    });
    this.marks.delete(room);
  }

  async replace(room: string, update: Uint8Array, picture?: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM werkbank_updates WHERE room = $1', [room]);
      const seq = await this.insert(client, room, update);
      if (picture) await this.keepPicture(client, room, seq, picture);
      else await client.query('DELETE FROM werkbank_pictures WHERE room = $1', [room]);
    });
  }

  /**
   * The kept picture while the room's rows are exactly the one it was made from: a row appended
   * since by any instance (whatever its seq: sequences are handed out before commit) makes two.
   */
  async picture(room: string): Promise<Uint8Array | null> {
    const { rows } = await this.db.pool.query<{ picture: Buffer }>(
      `SELECT p.picture FROM werkbank_pictures p
        WHERE p.room = $1
          AND (SELECT array_agg(u.seq) FROM werkbank_updates u WHERE u.room = $1) = ARRAY[p.seq]`,
      [room],
    );
    const found = rows[0]?.picture;
    return found ? new Uint8Array(found) : null;
  }

  private async pictured(client: pg.PoolClient, room: string, seq: string): Promise<boolean> {
    const { rowCount } = await client.query(
      'SELECT 1 FROM werkbank_pictures WHERE room = $1 AND seq = $2',
      [room, seq],
    );
    return rowCount === 1;
  }

  private async keepPicture(
    client: pg.PoolClient,
    room: string,
    seq: string,
    picture: Uint8Array,
  ): Promise<void> {
    await client.query(
      `INSERT INTO werkbank_pictures (room, seq, picture) VALUES ($1, $2, $3)
       ON CONFLICT (room) DO UPDATE SET seq = EXCLUDED.seq, picture = EXCLUDED.picture`,
      [room, seq, Buffer.from(picture)],
    );
  }

  /** Replaces `rows` of the room by one row holding `doc`; returns its seq. */
  private async mergeRows(
    client: pg.PoolClient,
    room: string,
    rows: ReadonlyArray<{ seq: string }>,
    doc: Y.Doc,
  ): Promise<string> {
    await client.query('DELETE FROM werkbank_updates WHERE room = $1 AND seq = ANY($2)', [
      room,
      rows.map((r) => r.seq),
    ]);
    return this.insert(client, room, Y.encodeStateAsUpdate(doc));
  }

  /** Appends one row; returns its seq. */
  private async insert(client: pg.PoolClient, room: string, update: Uint8Array): Promise<string> {
    const { rows } = await client.query<{ seq: string }>(
      'INSERT INTO werkbank_updates (room, update) VALUES ($1, $2) RETURNING seq',
      [room, Buffer.from(update)],
    );
    const seq = rows[0]?.seq;
    if (!seq) throw new Error(`storing the merged document of ${room} returned no seq`);
    return seq;
  }

  /** Every room that has something stored (backup). */
  async rooms(prefix = ''): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ room: string }>(
      `SELECT DISTINCT room FROM werkbank_updates WHERE starts_with(room, $1) ORDER BY room`,
      [prefix],
    );
    return rows.map((r) => r.room);
  }

  forget(room: string): void {
    this.marks.delete(room);
  }

  async close(): Promise<void> {
    // The pool belongs to PgDatabase, closed by whoever opened it.
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN');
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}

export class PgWorkshopStore implements WorkshopStore {
  constructor(private readonly db: PgDatabase) {}

  async create(entry: WorkshopEntry): Promise<void> {
    await this.db.pool.query(
      `INSERT INTO werkbank_workshops (workshop_id, join_code, created_at, entry)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (workshop_id) DO UPDATE SET join_code = $2, entry = $4`,
      [entry.workshopId, entry.joinCode, entry.createdAt, JSON.stringify(entry)],
    );
  }

  async get(workshopId: string): Promise<WorkshopEntry | null> {
    const { rows } = await this.db.pool.query<{ entry: WorkshopEntry }>(
      'SELECT entry FROM werkbank_workshops WHERE workshop_id = $1',
      [workshopId],
    );
    return rows[0]?.entry ?? null;
  }

  async byJoinCode(joinCode: string): Promise<WorkshopEntry | null> {
    const { rows } = await this.db.pool.query<{ entry: WorkshopEntry }>(
      'SELECT entry FROM werkbank_workshops WHERE join_code = $1',
      [normaliseJoinCode(joinCode)],
    );
    return rows[0]?.entry ?? null;
  }

  async list(): Promise<WorkshopEntry[]> {
    const { rows } = await this.db.pool.query<{ entry: WorkshopEntry }>(
      'SELECT entry FROM werkbank_workshops ORDER BY created_at DESC',
    );
    return rows.map((r) => r.entry);
  }

  /** One statement: two instances revoking at once each get a generation of their own. */
  async revoke(workshopId: string, role: Role): Promise<number> {
    const { rows } = await this.db.pool.query<{ generation: number }>(
      `UPDATE werkbank_workshops
          SET entry = entry || jsonb_build_object('generations',
                coalesce(entry->'generations', '{}'::jsonb) ||
                jsonb_build_object($2::text, coalesce((entry->'generations'->>$2)::int, 0) + 1))
        WHERE workshop_id = $1
    RETURNING (entry->'generations'->>$2)::int AS generation`,
      [workshopId, role],
    );
    const generation = rows[0]?.generation;
    if (generation === undefined) throw new Error(`no workshop ${workshopId}`);
    return generation;
  }
}
