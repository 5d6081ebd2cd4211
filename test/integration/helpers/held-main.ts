/**
 * A server in a process of its own, as `npm start` runs it (LevelDB in DATA_DIR, on PORT), whose
 * store writes the parent holds (held-store.ts) through the IPC channel: it answers `hold` and
 * `release` once done, and says `held` whenever a write starts to wait. The parent kills it with
 * SIGKILL while a write is held: what the store never got is lost, as in a crash. SIGTERM stops it
 * cleanly (every room flushed), as `npm start`'s entry point does.
 */
import { startServer } from '../../../sync-server/server';
import { HeldStore } from './held-store';

const dataDir = process.env.DATA_DIR ?? '';
const store = new HeldStore(dataDir);
store.onHeld = () => process.send?.('held');
const server = await startServer({
  port: Number(process.env.PORT),
  dataDir,
  docStore: store,
  adminToken: process.env.ADMIN_TOKEN,
  tokenSecret: process.env.TOKEN_SECRET,
  logLevel: 'silent',
});
process.on('message', (message) => {
  if (message === 'hold') store.hold();
  if (message === 'release') store.release();
  process.send?.(message);
});
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.send?.({ ready: server.port });
