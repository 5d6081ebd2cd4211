/**
 * Issue 10, point 5: storage faults. Each store file (CURRENT, MANIFEST, the write-ahead log,
 * workshops.json) is truncated or removed in a temporary DATA_DIR; the server refuses to serve
 * a damaged store as if whole, names the file and how to restore it, says what it recovered,
 * and no storage error ends the process.
 */
import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { LeveldbPersistence } from 'y-leveldb';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, addElement, boardRoom, controlRoom, readElements } from '../../../workshops';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { Client, TestServer } from '../helpers/server';
import { api, connect, createWorkshop, startTestServer, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const clients: Client[] = [];
const servers: TestServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data folder holding a workshop whose ideate board has `ideas` notes; the server stopped. */
async function storedWorkshop(
  ideas = 30,
): Promise<{ dataDir: string; workshop: CreateWorkshopResponse; server: TestServer }> {
  const server = await startTestServer();
  dirs.push(server.dataDir);
  const workshop = await createWorkshop(server);
  const c = connect(server, boardRoom(workshop.workshopId, 'ideate'), workshop.facilitatorToken);
  await synced(c);
  for (let i = 0; i < ideas; i++)
    addElement(
      c.doc,
      'sticky',
      { x: i * 10, y: 0, text: `idee ${i}` },
      { author: 'facilitator', env },
    );
  const check = connect(
    server,
    boardRoom(workshop.workshopId, 'ideate'),
    workshop.facilitatorToken,
  );
  await synced(check);
  await waitFor(() => notes(check) === ideas);
  c.destroy();
  check.destroy();
  await server.stop();
  return { dataDir: server.dataDir, workshop, server };
}

const notes = (c: Client) =>
  readElements(c.doc).filter((e) => e.type === 'sticky' && e.text.startsWith('idee ')).length;
const docsFile = (dataDir: string, match: (name: string) => boolean) => {
  const name = readdirSync(join(dataDir, 'docs')).find(match);
  if (!name) throw new Error('no such store file');
  return join(dataDir, 'docs', name);
};
const isWal = (n: string) => /^\d+\.log$/.test(n);

/** A logger whose lines the test reads. */
function capturingLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
  return { logger, lines };
}

describe('a damaged document store is not served as if whole', () => {
  const fatal: Array<[string, (dataDir: string) => void, RegExp]> = [
    [
      'a truncated MANIFEST',
      (d) =>
        truncateSync(
          docsFile(d, (n) => n.startsWith('MANIFEST-')),
          10,
        ),
      /MANIFEST/,
    ],
    [
      'a removed MANIFEST',
      (d) => rmSync(docsFile(d, (n) => n.startsWith('MANIFEST-'))),
      /MANIFEST/,
    ],
    ['a removed CURRENT', (d) => rmSync(join(d, 'docs', 'CURRENT')), /CURRENT is missing/],
    ['a truncated CURRENT', (d) => truncateSync(join(d, 'docs', 'CURRENT'), 4), /CURRENT/],
    ['a removed write-ahead log', (d) => rmSync(docsFile(d, isWal)), /write-ahead log .* missing/],
  ];
  for (const [what, damage, names] of fatal) {
    it(`${what}: the start is refused, naming the folder and how to restore`, async () => {
      const { dataDir } = await storedWorkshop();
      damage(dataDir);
      const start = startTestServer({}, dataDir);
      await expect(start).rejects.toThrow(names);
      await expect(start).rejects.toThrow(join(dataDir, 'docs'));
      await expect(start).rejects.toThrow(/restore the data folder from your latest backup/);
    });
  }

  it('a torn write-ahead log: served, and said in the log and on /healthz', async () => {
    const { dataDir, workshop } = await storedWorkshop();
    const wal = docsFile(dataDir, isWal);
    truncateSync(wal, statSync(wal).size - 25);
    const { logger, lines } = capturingLogger();
    const server = await startTestServer({ logger }, dataDir);
    servers.push(server);
    expect(lines.join('\n')).toMatch(/ends in an incomplete write/);
    const health = await api<{ ok: boolean; warnings?: string[] }>(server, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.warnings?.[0]).toMatch(/incomplete write/);
    const c = connect(server, boardRoom(workshop.workshopId, 'ideate'), workshop.facilitatorToken);
    clients.push(c);
    await synced(c);
    expect(notes(c)).toBeGreaterThan(0);
  });
});

describe('storage errors', () => {
  it('/healthz is 503 with a reason while the store cannot open; it opens once it can', async () => {
    const { dataDir, workshop } = await storedWorkshop(3);
    // Another process holds the store (LevelDB's lock).
    const holder = new ClassicLevel(join(dataDir, 'docs'));
    await holder.open();
    const server = await startTestServer({}, dataDir);
    servers.push(server);
    const health = await api<{ ok: boolean; reason?: string }>(server, '/healthz');
    expect(health.status).toBe(503);
    expect(health.body.reason).toMatch(/cannot open/);
    const refused = connect(
      server,
      boardRoom(workshop.workshopId, 'ideate'),
      workshop.facilitatorToken,
    );
    clients.push(refused);
    await waitFor(() => refused.closes.includes(CLOSE.tryAgainLater), 10_000, 'a retryable close');
    await holder.close();
    await waitFor(() => refused.provider.synced, 20_000, 'served once the store opened');
    expect(notes(refused)).toBe(3);
    expect((await api(server, '/healthz')).status).toBe(200);
  });

  it('a room the store cannot read is refused (retryable); the process and other workshops go on', async () => {
    const { dataDir, workshop, server: first } = await storedWorkshop(3);
    const restarted = await startTestServer({}, dataDir);
    const other = await createWorkshop(restarted, 'Andere werksessie');
    await restarted.stop();
    // A stored update that is not a Yjs update: reading the workshop's control doc fails (on
    // the accept path this was an unhandled rejection that ended the process).
    const db = new LeveldbPersistence(join(dataDir, 'docs'));
    await db.storeUpdate(controlRoom(workshop.workshopId), new Uint8Array([9, 9, 9, 9]));
    await db.destroy();
    const server = await startTestServer({ port: first.port }, dataDir);
    servers.push(server);
    const broken = connect(
      server,
      boardRoom(workshop.workshopId, 'ideate'),
      workshop.facilitatorToken,
    );
    clients.push(broken);
    await waitFor(() => broken.closes.includes(CLOSE.tryAgainLater), 10_000, 'a retryable close');
    const fine = connect(server, boardRoom(other.workshopId, 'ideate'), other.facilitatorToken);
    clients.push(fine);
    await synced(fine);
    expect((await api(server, '/healthz')).status).toBe(200);
  });
});

describe('the workshop registry', () => {
  it('a truncated workshops.json stops the start with an error that names it', async () => {
    const { dataDir } = await storedWorkshop(1);
    const file = join(dataDir, 'workshops.json');
    truncateSync(file, 20);
    const start = startTestServer({}, dataDir);
    await expect(start).rejects.toThrow(`The workshop registry ${file} is damaged`);
    await expect(start).rejects.toThrow(/Restore the file from your latest backup/);
  });

  it('a missing workshops.json beside stored documents is reported, not started empty', async () => {
    const { dataDir } = await storedWorkshop(1);
    rmSync(join(dataDir, 'workshops.json'));
    await expect(startTestServer({}, dataDir)).rejects.toThrow(
      /missing while .*docs holds documents/,
    );
  });

  it('is written atomically (no temp file left), files 0600 in a 0700 folder', async () => {
    const { dataDir } = await storedWorkshop(1);
    const server = await startTestServer({}, dataDir);
    servers.push(server);
    await createWorkshop(server, 'Tweede');
    expect(existsSync(join(dataDir, 'workshops.json.tmp'))).toBe(false);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'docs')).mode & 0o777).toBe(0o700);
    for (const f of ['workshops.json'])
      expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
    const stored = readdirSync(join(dataDir, 'docs')).filter((n) => n !== 'LOCK');
    for (const f of stored) expect(statSync(join(dataDir, 'docs', f)).mode & 0o077, f).toBe(0);
  });
});
