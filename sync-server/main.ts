/**
 * `npm start`: configuration from the environment (README, "Configuration"), then the server.
 * SIGINT/SIGTERM stop taking connections, flush every room to disk and exit 0.
 */
import { networkInterfaces } from 'node:os';
import { createLogger } from './log';
import { LIMITS } from '../workshops';
import { startServer } from './server';
import { StoreDamagedError } from './store/docs';
import { RegistryDamagedError } from './store/workshops';

// Files the server creates (LevelDB's included) are readable by its own user only.
process.umask(0o077);
const log = createLogger();
const int = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

const host = process.env.HOST ?? '127.0.0.1';
const port = int('PORT', 1234);

/** The first non-internal IPv4 address: how phones in the same network reach this laptop. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}
// What others use to reach us: PUBLIC_URL, else the LAN address when listening on all
// interfaces; null = the address each browser used (the client then shows its own origin).
const lan = host === '0.0.0.0' ? lanAddress() : null;
const sharedUrl =
  process.env.PUBLIC_URL?.replace(/\/$/, '') || (lan ? `http://${lan}:${port}` : null);

const server = await startServer({
  publicUrl: sharedUrl,
  host,
  port,
  dataDir: process.env.DATA_DIR ?? './data',
  adminToken: process.env.ADMIN_TOKEN || undefined,
  tokenSecret: process.env.TOKEN_SECRET || undefined,
  logger: log,
  staticDir: process.env.STATIC_DIR || undefined,
  trustProxy: trustProxyHops(process.env.TRUST_PROXY),
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  redisPrefix: process.env.REDIS_PREFIX || undefined,
  idleUnloadMs: int('IDLE_UNLOAD_MS', 30_000),
  limits: {
    maxMessageBytes: int('MAX_MESSAGE_BYTES', 2 * 1024 * 1024),
    messagesPerSecond: int('MESSAGES_PER_SECOND', 600),
    joinFailuresPerMinute: int('JOIN_ATTEMPTS_PER_MINUTE', 20),
    bytesPerSecond: int('BYTES_PER_SECOND', LIMITS.bytesPerSecond),
    roomBytesPerSecond: int('ROOM_BYTES_PER_SECOND', LIMITS.roomBytesPerSecond),
    maxDocumentBytes: int('MAX_DOCUMENT_BYTES', LIMITS.maxDocumentBytes),
  },
}).catch((err: unknown) => {
  // A damaged store or registry: one clear message (it names the file and how to restore it).
  if (err instanceof StoreDamagedError || err instanceof RegistryDamagedError) {
    log.fatal({ err }, err.message);
    process.stderr.write(`\n  Werkbank did not start.\n  ${err.message}\n\n`);
    process.exit(1);
  }
  throw err;
});

const publicUrl = (
  sharedUrl ??
  (host === '127.0.0.1' || host === '0.0.0.0' ? `http://localhost:${server.port}` : server.url)
).replace(/\/$/, '');
// Who else can reach it: the shared address, or how to open it up to phones in the room.
const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
const others =
  sharedUrl || !loopback
    ? `  Participants join at ${sharedUrl ?? server.url}/join\n`
    : `  Only this computer can reach it. For phones in the room: HOST=0.0.0.0 PUBLIC_URL=http://<this-laptop's-ip>:${port} npm start\n`;
if (server.adminTokenCreated) {
  process.stdout.write(
    `\n  Werkbank is ready. Facilitator link (shown once — keep it; the token is in ${server.adminTokenFile}):\n\n    ${publicUrl}/admin#token=${server.adminToken}\n\n${others}\n`,
  );
} else {
  process.stdout.write(
    `\n  Werkbank is ready at ${publicUrl}  (facilitators: ${publicUrl}/admin, token in ${server.adminTokenFile ?? 'ADMIN_TOKEN'})\n${others}\n`,
  );
}

/** TRUST_PROXY: off, `1` (or `true`) for one proxy in front, N for N proxies in a row. */
function trustProxyHops(value: string | undefined): number {
  if (!value || value === '0' || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
