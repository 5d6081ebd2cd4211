/**
 * `npm run backup` / `npm run restore` move a workshop between the two backends: written on the
 * embedded LevelDB store, backed up, restored into an empty PostgreSQL database and served from
 * there (the participant's old link still works), then backed up from PostgreSQL and restored
 * into a new LevelDB folder — the same board every time. The CLI is run as people run it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addElement, boardRoom, readElements } from '../../../workshops';
import type { Client, TestServer } from '../helpers/server';
import {
  connect,
  createWorkshop,
  join as joinWorkshop,
  startTestServer,
  synced,
  waitFor,
} from '../helpers/server';
import type { TestDatabase } from '../helpers/scale';
import { freshDatabase } from '../helpers/scale';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const ROOT = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
const servers: TestServer[] = [];
const clients: Client[] = [];
const dbs: TestDatabase[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.dispose();
  for (const d of dbs.splice(0)) await d.drop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const temp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `werkbank-${name}-`));
  dirs.push(d);
  return d;
};

/** `npm run backup|restore -- <dir>` with the given store environment. */
function cli(command: 'backup' | 'restore', dir: string, env: Record<string, string>): string {
  return execFileSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['sync-server/backup.ts', command, dir],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', ...env } },
  );
}

const ideas = (doc: Y.Doc) =>
  readElements(doc)
    .filter((e) => e.type === 'sticky' && e.text.startsWith('idee'))
    .map((e) => (e.type === 'sticky' ? e.text : ''))
    .sort();

async function readBoard(server: TestServer, room: string, token: string): Promise<string[]> {
  const c = connect(server, room, token);
  clients.push(c);
  await synced(c);
  await waitFor(() => ideas(c.doc).length === 3, 10_000, 'the restored ideas');
  return ideas(c.doc);
}

describe('backup and restore', () => {
  it('move a workshop from LevelDB to PostgreSQL and back, links and all', async () => {
    // Written on the embedded store (no TOKEN_SECRET: the generated one must travel along).
    const leveldbDir = temp('source');
    const source = await startTestServer({ tokenSecret: undefined }, leveldbDir);
    servers.push(source);
    const ws = await createWorkshop(source, 'Sessie met ë en é');
    const p = await joinWorkshop(source, ws.joinCode, 'Ann');
    const room = boardRoom(ws.workshopId, 'ideate');
    const c = connect(source, room, p.token);
    clients.push(c);
    await synced(c);
    for (const text of ['idee één', 'idee twee', 'idee drie'])
      addElement(c.doc, 'sticky', { x: 0, y: 0, text }, { author: p.participantId, env });
    // The server has them once someone else sees them.
    const check = connect(source, room, ws.facilitatorToken);
    clients.push(check);
    await synced(check);
    await waitFor(() => ideas(check.doc).length === 3, 10_000, 'the server has the ideas');
    c.destroy();
    await source.stop();

    const first = join(temp('backup1'), 'out');
    expect(cli('backup', first, { DATA_DIR: leveldbDir })).toContain('Backed up 1 workshop');
    expect(statSync(first).mode & 0o777).toBe(0o700);
    expect(existsSync(join(first, ws.workshopId, 'ideate.ybin'))).toBe(true);
    // The readable copy holds the text as written.
    expect(readFileSync(join(first, ws.workshopId, 'ideate.json'), 'utf8')).toContain('idee één');

    const db = await freshDatabase();
    dbs.push(db);
    expect(cli('restore', first, { DATABASE_URL: db.url })).toContain('Restored 1 workshop');
    // Restoring twice is refused, and changes nothing.
    expect(() => cli('restore', first, { DATABASE_URL: db.url })).toThrow();

    const onPg = await startTestServer({
      databaseUrl: db.url,
      tokenSecret: undefined,
      adminToken: 'test-admin-token',
    });
    servers.push(onPg);
    // The participant's link from before the move still opens the board.
    expect(await readBoard(onPg, room, p.token)).toEqual(['idee drie', 'idee twee', 'idee één']);
    const again = await joinWorkshop(onPg, ws.joinCode, 'Bo');
    expect(again.workshopId).toBe(ws.workshopId);
    await onPg.stop();

    const second = join(temp('backup2'), 'out');
    cli('backup', second, { DATABASE_URL: db.url });
    const backHome = temp('home');
    cli('restore', second, { DATA_DIR: backHome });
    const onLeveldb = await startTestServer({ tokenSecret: undefined }, backHome);
    servers.push(onLeveldb);
    expect(await readBoard(onLeveldb, room, p.token)).toEqual([
      'idee drie',
      'idee twee',
      'idee één',
    ]);
  }, 90_000);

  it('refuses a folder that is not a backup, and a non-empty target folder', () => {
    const empty = temp('not-a-backup');
    expect(() => cli('restore', empty, { DATA_DIR: temp('x') })).toThrow(/manifest/);
    const full = temp('full');
    cli('backup', join(full, 'a'), { DATA_DIR: temp('y') });
    expect(() => cli('backup', full, { DATA_DIR: temp('z') })).toThrow(/not empty/);
  }, 60_000);

  it('refuses a DATA_DIR a running server holds, and writes nothing there', async () => {
    const running = await startTestServer({}, temp('running'));
    servers.push(running);
    const ws = await createWorkshop(running);
    const out = join(temp('locked'), 'out');
    // LevelDB admits one process: said so, instead of a backup without documents.
    expect(() => cli('backup', out, { DATA_DIR: running.dataDir })).toThrow(/Stop it first/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);

    await running.stop();
    const backup = join(temp('backup3'), 'out');
    cli('backup', backup, { DATA_DIR: running.dataDir });
    const target = await startTestServer({}, temp('target'));
    servers.push(target);
    expect(() => cli('restore', backup, { DATA_DIR: target.dataDir })).toThrow(/Stop it first/);
    const registry = join(target.dataDir, 'workshops.json');
    expect(existsSync(registry) ? readFileSync(registry, 'utf8') : '').not.toContain(ws.workshopId);
  }, 60_000);
});
