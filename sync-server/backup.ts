/**
 * `npm run backup -- <dir>` and `npm run restore -- <dir>`: every workshop out of, or into, the
 * store the environment names (DATA_DIR, or DATABASE_URL), as `npm start` would open it. Run it
 * against a stopped server for the embedded store (LevelDB allows one process at a time).
 */
import { resolve } from 'node:path';
import { createLogger } from './log';
import { backup, restore } from './scale/backup';

const [command, dir] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !dir) {
  process.stderr.write('usage: npm run backup -- <dir>   |   npm run restore -- <dir>\n');
  process.exit(2);
}
const log = createLogger(process.env.LOG_LEVEL ?? 'info');
const options = {
  dataDir: resolve(process.env.DATA_DIR ?? './data'),
  tokenSecret: process.env.TOKEN_SECRET || undefined,
  databaseUrl: process.env.DATABASE_URL || undefined,
};
try {
  const manifest = await (command === 'backup' ? backup : restore)(options, resolve(dir), log);
  const rooms = manifest.workshops.reduce((n, w) => n + w.rooms.length, 0);
  process.stdout.write(
    `${command === 'backup' ? 'Backed up' : 'Restored'} ${manifest.workshops.length} workshop(s), ${rooms} document(s) ${command === 'backup' ? 'into' : 'from'} ${resolve(dir)}\n`,
  );
} catch (err) {
  process.stderr.write(`${command} failed: ${(err as Error).message}\n`);
  process.exit(1);
}
