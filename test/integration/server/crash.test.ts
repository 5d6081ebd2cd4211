/**
 * A server killed mid-session (SIGKILL, no flush) loses nothing: `npm start`'s own entry point
 * (sync-server/main.ts) runs in a child process and is killed right after it relayed a burst of
 * edits (inside its store batching window), while a participant keeps editing offline. Once it is
 * back on the same data folder, the stock clients reconnect by themselves and a newcomer sees
 * every edit, made before the crash and while the server was down.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addElement, boardRoom, readElements } from '../../../workshops';
import type { Client } from '../helpers/server';
import { freePort, startMain as startEntry } from '../helpers/main';
import { connect, createWorkshop, joinedPair, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const ADMIN = 'crash-test-admin-token';

const startMain = (port: number, dataDir: string) =>
  startEntry(port, dataDir, { ADMIN_TOKEN: ADMIN, TOKEN_SECRET: 'crash-test-secret' });

const killed = (child: ChildProcess) =>
  new Promise<void>((ok) => {
    child.once('exit', () => ok());
    child.kill('SIGKILL');
  });

const children: ChildProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a server killed mid-session', () => {
  it('loses no edit: clients resend what it had not stored, and what they made meanwhile', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'werkbank-crash-'));
    dirs.push(dataDir);
    children.push(await startMain(port, dataDir));
    const server = { url: `http://127.0.0.1:${port}`, adminToken: ADMIN };
    const workshop = await createWorkshop(server);
    const room = boardRoom(workshop.workshopId, 'ideate');
    const open = (r: string, token: string) => {
      const c = connect(server, r, token);
      clients.push(c);
      return c;
    };
    const { pa, a, b } = await joinedPair(server, workshop.joinCode, room, open);
    const addIdeas = (from: number, to: number) => {
      for (let i = from; i < to; i++)
        addElement(
          a.doc,
          'sticky',
          { x: i * 20, y: 0, text: `idee ${i}` },
          { author: pa.participantId, env },
        );
    };
    const ideas = (c: Client) =>
      readElements(c.doc).filter((e) => e.type === 'sticky' && e.text.startsWith('idee ')).length;

    // A burst of edits; the moment the other participant has them all, the server dies (its
    // store batches writes for 20 ms, so the last of them may not be on disk yet).
    addIdeas(0, 20);
    await waitFor(() => ideas(b) === 20, 5000, 'relayed to the other participant');
    await killed(children.splice(0)[0] as ChildProcess);

    // Offline: the participant keeps working.
    await waitFor(() => !a.provider.wsconnected, 5000, 'the client noticed');
    addIdeas(20, 25);

    children.push(await startMain(port, dataDir));
    await waitFor(() => a.provider.synced && b.provider.synced, 15_000, 'clients reconnected');
    await waitFor(() => ideas(b) === 25, 10_000, 'the other participant has the offline edits');
    // A newcomer reads it all from the server.
    const late = open(room, workshop.facilitatorToken);
    await synced(late);
    await waitFor(() => ideas(late) === 25, 10_000, 'the server has every edit');
    expect(ideas(late)).toBe(25);
  }, 60_000);
});
