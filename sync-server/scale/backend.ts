/**
 * Where a server keeps its state: the embedded default (LevelDB and files in DATA_DIR, one
 * process), or PostgreSQL + Redis (`DATABASE_URL`, `REDIS_URL`: any number of instances behind a
 * load balancer, no sticky sessions). The rest of the server sees only the interfaces.
 */
import { chmodSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log';
import { loadSecret } from '../auth/tokens';
import type { DocStore } from '../store/docs';
import { LeveldbDocStore } from '../store/docs';
import { PgDatabase, PgDocStore, PgWorkshopStore } from '../store/pg';
import type { WorkshopStore } from '../store/workshops';
import { FileWorkshopStore, RegistryDamagedError } from '../store/workshops';
import type { RoomHooks } from '../sync/rooms';
import type { JoinLimiter } from '../http/ratelimit';
import { WindowLimiter } from '../http/ratelimit';
import { RedisBus } from './bus';
import { RedisWindowLimiter } from './limits';

export interface BackendOptions {
  dataDir: string;
  tokenSecret?: string;
  /** PostgreSQL for documents, workshops and the token secret. */
  databaseUrl?: string;
  /** Redis for fan-out between instances (needs `databaseUrl`). */
  redisUrl?: string;
  /** Prefixes every Redis key and channel (several deployments on one Redis). */
  redisPrefix?: string;
  /** Scale-out: how often open rooms read what other instances stored (ms). */
  pullMs?: number;
  /** Each room's byte budget, shared by all instances in scale-out mode. */
  roomBytes?: { bytesPerSecond: number; burst: number };
  /** Embedded mode: the document store (default LevelDB in DATA_DIR/docs); fault tests pass their own. */
  docStore?: DocStore;
}

export interface Backend {
  kind: 'embedded' | 'scale-out';
  store: DocStore;
  workshops: WorkshopStore;
  secret: Uint8Array;
  hooks: RoomHooks | null;
  /** A join limiter: per process, or shared through Redis in scale-out mode. */
  limiter(name: string, limit: number): JoinLimiter;
  close(): Promise<void>;
}

/**
 * Opens the embedded store before anything is served: a damaged one never serves as if it were
 * whole (StoreDamagedError stops the start), one that cannot open yet is retried and reported by
 * its `health`; a registry missing beside stored documents is refused (RegistryDamagedError).
 */
async function openEmbedded(
  store: DocStore,
  registry: FileWorkshopStore,
  dataDir: string,
  log: Logger,
): Promise<void> {
  await store.open?.();
  const health = store.health?.() ?? { ready: true, warnings: [] };
  const dir = join(dataDir, 'docs');
  for (const warning of health.warnings)
    log.error({ dataDir: dir }, `document store damaged: ${warning}`);
  if (!health.ready) {
    log.error({ reason: health.reason }, 'document store not ready; retrying');
    return;
  }
  restrictFiles(dir);
  if (!registry.exists && (await store.holdsDocuments?.())) {
    await store.close();
    throw new RegistryDamagedError(
      join(dataDir, 'workshops.json'),
      `it is missing while ${dir} holds documents`,
    );
  }
}

/** The LevelDB folder 0700 and its files 0600 (LevelDB creates them with the process umask). */
function restrictFiles(dir: string): void {
  if (!existsSync(dir)) return;
  chmodSync(dir, 0o700);
  for (const f of readdirSync(dir, { withFileTypes: true }))
    if (f.isFile()) chmodSync(join(dir, f.name), 0o600);
}

export async function openBackend(options: BackendOptions, log: Logger): Promise<Backend> {
  if (!options.databaseUrl) {
    if (options.redisUrl)
      throw new Error('REDIS_URL needs DATABASE_URL: instances share their documents there');
    const registry = new FileWorkshopStore(options.dataDir);
    const store = options.docStore ?? new LeveldbDocStore(options.dataDir);
    await openEmbedded(store, registry, options.dataDir, log);
    return {
      kind: 'embedded',
      store,
      workshops: registry,
      secret: loadSecret(options.dataDir, options.tokenSecret),
      hooks: null,
      limiter: (_name, limit) => new WindowLimiter(limit),
      close: () => store.close(),
    };
  }

  const db = new PgDatabase(options.databaseUrl, (err) =>
    log.warn({ err: err.message }, 'PostgreSQL connection lost; retrying on the next query'),
  );
  try {
    const version = await db.migrate();
    log.info({ schema: version }, 'PostgreSQL ready');
  } catch (err) {
    await db.close().catch(() => {});
    throw new Error(`PostgreSQL at DATABASE_URL could not be opened: ${(err as Error).message}`);
  }
  const docs = new PgDocStore(db);
  let bus: RedisBus | null = null;
  if (options.redisUrl) {
    bus = new RedisBus({
      url: options.redisUrl,
      prefix: options.redisPrefix ?? 'werkbank:',
      store: docs,
      log,
      ...(options.pullMs ? { pullMs: options.pullMs } : {}),
      ...(options.roomBytes ? { roomBytes: options.roomBytes } : {}),
    });
    // An instance (re)started while Redis is away serves its own clients, as one that loses
    // Redis later does; the log says so loudly, since a wrong REDIS_URL looks the same.
    await bus
      .ready()
      .catch((err: Error) =>
        log.error(
          { err: err.message },
          'Redis does not answer at start: serving this instance’s own clients; rooms converge through PostgreSQL until it answers (check REDIS_URL if this lasts)',
        ),
      );
  } else {
    log.warn('DATABASE_URL without REDIS_URL: run a single instance (nothing fans updates out)');
  }
  const live = bus;
  return {
    kind: 'scale-out',
    store: docs,
    workshops: new PgWorkshopStore(db),
    secret: await db.secret(options.tokenSecret),
    hooks: live
      ? { opened: (room) => live.attach(room), unloaded: (room) => live.detach(room) }
      : null,
    limiter: (name, limit) =>
      live
        ? new RedisWindowLimiter(
            live.commands,
            `${options.redisPrefix ?? 'werkbank:'}join:${name}`,
            limit,
          )
        : new WindowLimiter(limit),
    async close() {
      await live?.close();
      await db.close();
    },
  };
}
