/**
 * Issue 11 (small): the app's provider sends only its own awareness state. The stock provider
 * re-sends every remote change it receives, so in a room of n people each cursor move came back
 * to the server n times.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardRoom } from '../../workshops';
import type { Client } from '../integration/helpers/server';
import { connect, startTestServer, synced } from '../integration/helpers/server';
import type { Person } from './helpers/browser';
import { joinByCode, launchChromium, newPerson } from './helpers/browser';
import type { TestServer } from './helpers/server';
import { STATIC_DIR, ensureBuilt, join, newWorkshop } from './helpers/server';

let server: TestServer;
let browser: Browser;
let person: Person;
const clients: Client[] = [];

beforeAll(async () => {
  ensureBuilt();
  server = await startTestServer({
    staticDir: STATIC_DIR,
    limits: { joinAttemptsPerMinute: 1000, joinFailuresPerMinute: 1000 },
  });
  browser = await launchChromium();
  person = await newPerson(browser);
});

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await person?.context.close();
  await browser?.close();
  await server?.dispose();
});

describe('awareness', () => {
  it('the app does not echo other people’s presence back to the server', async () => {
    const workshop = await newWorkshop(server);
    const { page } = person;
    // Counts the awareness frames (kind 1) the page sends on its board socket.
    await page.addInitScript(() => {
      const sent = { awareness: 0 };
      (window as unknown as { sent: typeof sent }).sent = sent;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data) {
        const bytes =
          data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array | string);
        if (typeof bytes !== 'string' && bytes[0] === 1 && !this.url.includes('/control'))
          sent.awareness++;
        return send.call(this, data);
      };
    });
    await joinByCode(page, server, workshop.joinCode, 'Femke');
    const boardId = new URL(page.url()).pathname.split('/')[3] ?? '';
    const room = boardRoom(workshop.workshopId, boardId);
    const others = await Promise.all(
      ['Ann', 'Bo', 'Cas'].map(async (name) => {
        const p = await join(server, workshop.joinCode, name);
        const c = connect(server, room, p.token);
        clients.push(c);
        await synced(c);
        return c;
      }),
    );
    const before = await page.evaluate(
      () => (window as unknown as { sent: { awareness: number } }).sent.awareness,
    );
    // Thirty cursor moves of the others, every one seen by the page.
    for (let i = 0; i < 10; i++)
      for (const [n, c] of others.entries())
        c.awareness.setLocalStateField('cursor', { x: i, y: n });
    const last = others.map((c) => c.awareness.clientID);
    await page.waitForFunction(
      (ids) => {
        const states = window.__werkbank?.board.awareness.getStates();
        return (
          !!states &&
          ids.every(
            (id) => (states.get(id) as { cursor?: { x: number } } | undefined)?.cursor?.x === 9,
          )
        );
      },
      last,
      { timeout: 10_000 },
    );
    const after = await page.evaluate(
      () => (window as unknown as { sent: { awareness: number } }).sent.awareness,
    );
    expect(after - before).toBe(0);
  });
});
