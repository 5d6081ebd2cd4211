/**
 * Backup and restore of every workshop, on either backend (`npm run backup -- <dir>`,
 * `npm run restore -- <dir>`; the backend is chosen by the environment as for `npm start`), so a
 * workshop moves from LevelDB to PostgreSQL and back.
 *
 * Layout of a backup folder (created 0700, files 0600):
 *   manifest.json                      format, when, which backend, the workshops
 *   token-secret                       so links handed out keep working after a move
 *   <workshopId>/workshop.json         the registry entry (title, language, join code …)
 *   <workshopId>/<room>.ybin           each document as one Yjs update (what restore reads)
 *   <workshopId>/<room>.json           the same document as readable JSON (for people)
 * Restore refuses a workshop that already exists in the target, and never overwrites.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { CONTROL_ROOM, boardRoom, controlRoom, readBoards } from '../../workshops';
import type { Logger } from '../log';
import { PgDatabase } from '../store/pg';
import type { WorkshopEntry } from '../store/workshops';
import type { BackendOptions } from './backend';
import { openBackend } from './backend';

export const BACKUP_FORMAT = 'werkbank-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  backend: 'embedded' | 'scale-out';
  workshops: { workshopId: string; title: string; rooms: string[] }[];
}

const FILE = { mode: 0o600 } as const;

/**
 * The store the environment names, opened for a one-off read or write: refused when it is not
 * ready — with DATA_DIR most often because a server still holds LevelDB's lock — instead of a
 * backup without documents or a restore that fails halfway. Only errors of the opening are
 * logged (the fan-out advice of a serving instance does not apply to a backup).
 */
async function openStore(options: Omit<BackendOptions, 'redisUrl'>, log: Logger) {
  const backend = await openBackend(options, log.child({}, { level: 'error' }));
  const health = backend.store.health?.();
  if (health && !health.ready) {
    await backend.close().catch(() => {});
    throw new Error(
      `${health.reason ?? 'the document store is not ready'} — is a server still running on this DATA_DIR? Stop it first (LevelDB admits one process)`,
    );
  }
  return backend;
}

export async function backup(
  options: Omit<BackendOptions, 'redisUrl'>,
  dir: string,
  log: Logger,
): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty: back up into a new folder`);
  const backend = await openStore(options, log);
  try {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      backend: backend.kind,
      workshops: [],
    };
    writeFileSync(join(dir, 'token-secret'), new TextDecoder().decode(backend.secret), FILE);
    for (const entry of await backend.workshops.list()) {
      const folder = join(dir, entry.workshopId);
      mkdirSync(folder, { mode: 0o700 });
      writeFileSync(join(folder, 'workshop.json'), JSON.stringify(entry, null, 2), FILE);
      const control = await backend.store.load(controlRoom(entry.workshopId));
      const rooms: [string, Y.Doc][] = [[CONTROL_ROOM, control]];
      for (const board of readBoards(control))
        rooms.push([board.id, await backend.store.load(boardRoom(entry.workshopId, board.id))]);
      for (const [name, doc] of rooms) {
        writeFileSync(join(folder, `${name}.ybin`), Y.encodeStateAsUpdate(doc), FILE);
        writeFileSync(join(folder, `${name}.json`), JSON.stringify(readable(doc), null, 2), FILE);
        doc.destroy();
      }
      manifest.workshops.push({
        workshopId: entry.workshopId,
        title: entry.title,
        rooms: rooms.map(([name]) => name),
      });
      log.info({ workshop: entry.workshopId, rooms: rooms.length }, 'workshop backed up');
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2), FILE);
    return manifest;
  } finally {
    await backend.close();
  }
}

export async function restore(
  options: Omit<BackendOptions, 'redisUrl'>,
  dir: string,
  log: Logger,
): Promise<BackupManifest> {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${dir} holds no manifest.json: not a backup`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new Error(`${dir} is a backup of another format (${String(manifest.format)})`);
  // The secret first: opening a store without one generates a new one.
  await adoptSecret(options, readFileSync(join(dir, 'token-secret'), 'utf8').trim());
  const backend = await openStore(options, log);
  try {
    for (const w of manifest.workshops) {
      if (await backend.workshops.get(w.workshopId))
        throw new Error(`workshop ${w.workshopId} already exists in the target: nothing restored`);
    }
    for (const w of manifest.workshops) {
      const folder = join(dir, w.workshopId);
      const entry = JSON.parse(
        readFileSync(join(folder, 'workshop.json'), 'utf8'),
      ) as WorkshopEntry;
      for (const name of w.rooms) {
        const update = new Uint8Array(readFileSync(join(folder, `${name}.ybin`)));
        const room =
          name === CONTROL_ROOM ? controlRoom(w.workshopId) : boardRoom(w.workshopId, name);
        await backend.store.storeUpdate(room, update);
      }
      // The registry entry last: a workshop is listed only once its documents are in.
      await backend.workshops.create(entry);
      log.info({ workshop: w.workshopId, rooms: w.rooms.length }, 'workshop restored');
    }
    return manifest;
  } finally {
    await backend.close();
  }
}

/** The backup's token secret becomes the target's, unless the target has one already. */
/**
 * The document as plain JSON. A loaded doc lists no root until someone asks for it by name, so
 * the names are read from the update; every root of ours is a map.
 */
function readable(doc: Y.Doc): Record<string, unknown> {
  const roots = new Set<string>();
  for (const s of Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs)
    if (s instanceof Y.Item && typeof s.parent === 'string') roots.add(s.parent);
  return Object.fromEntries([...roots].sort().map((name) => [name, doc.getMap(name).toJSON()]));
}

async function adoptSecret(options: Omit<BackendOptions, 'redisUrl'>, secret: string) {
  if (options.tokenSecret || !secret) return;
  if (!options.databaseUrl) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const file = join(options.dataDir, 'token-secret');
    if (!existsSync(file)) writeFileSync(file, secret, FILE);
    return;
  }
  const db = new PgDatabase(options.databaseUrl, () => {});
  try {
    await db.migrate();
    await db.pool.query(
      `INSERT INTO werkbank_settings (key, value) VALUES ('token-secret', $1)
       ON CONFLICT (key) DO NOTHING`,
      [secret],
    );
  } finally {
    await db.close();
  }
}
