/**
 * Child process: Werkbank's sync server (sync-server/server.ts) with auth, roles and LevelDB
 * persistence on, as `npm start` runs it. Usage: BENCH_DATA_DIR=<dir> node --import tsx ours-server.ts
 */
import { reportError, serveStats } from './child';

/** The part of sync-server/server.ts the bench uses (DESIGN.md; the server owns the real type). */
interface StartedServer {
  url: string;
  port: number;
  adminToken: string;
  close(): Promise<void>;
}
interface ServerModule {
  startServer(opts: {
    host: string;
    port: number;
    dataDir: string;
    adminToken?: string;
    logLevel?: string;
    staticDir?: string;
    limits?: { joinAttemptsPerMinute?: number };
    databaseUrl?: string;
    redisUrl?: string;
    redisPrefix?: string;
    writePolicy?: () => () => null;
  }): Promise<StartedServer>;
}

try {
  // A computed specifier: the bench must type-check and run before the server exists.
  const specifier = '../../../sync-server/server.ts';
  const mod = (await import(specifier)) as ServerModule;
  const srv = await mod.startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: process.env.BENCH_DATA_DIR ?? 'data-bench',
    adminToken: 'bench-admin-token-0123456789abcdef',
    logLevel: 'warn',
    // Every simulated participant joins from 127.0.0.1: lift the per-address join limit (the
    // connection limits, which the clients meet, stay at their defaults).
    limits: { joinAttemptsPerMinute: 1_000_000 },
    // BENCH_WRITE_POLICY=off: every write allowed (the sync suite's policy-cost pair); read
    // only here, the server itself has no such switch.
    ...(process.env.BENCH_WRITE_POLICY === 'off' ? { writePolicy: () => () => null } : {}),
    // BENCH_STATIC_DIR: serve another build of the app (e.g. unminified, for profiling).
    ...(process.env.BENCH_STATIC_DIR ? { staticDir: process.env.BENCH_STATIC_DIR } : {}),
    // The scale suite: PostgreSQL + Redis, as with DATABASE_URL / REDIS_URL.
    ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
    ...(process.env.BENCH_REDIS_URL ? { redisUrl: process.env.BENCH_REDIS_URL } : {}),
    ...(process.env.BENCH_REDIS_PREFIX ? { redisPrefix: process.env.BENCH_REDIS_PREFIX } : {}),
  });
  const httpUrl = srv.url.replace(/\/$/, '');
  serveStats({
    ready: {
      type: 'ready',
      httpUrl,
      wsUrl: `${httpUrl.replace(/^http/, 'ws')}/sync`,
      adminToken: srv.adminToken,
    },
    stop: () => srv.close(),
  });
} catch (err) {
  reportError(err);
  process.exit(1);
}
