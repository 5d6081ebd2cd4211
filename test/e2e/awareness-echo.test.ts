/**
 * Issue 11 (small): the app's provider sends only its own awareness state. The stock provider
 * re-sends every remote change it receives, so in a room of n people each cursor move came back
 * to the server n times.
 */
import { describe, expect, it } from 'vitest';
import { synced } from '../integration/helpers/server';
import { onePerson } from './helpers/one-person';
import { join } from './helpers/server';

const app = onePerson();

describe('awareness', () => {
  it('the app does not echo other people’s presence back to the server', async () => {
    const { page } = app.person;
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
    const { workshop, room } = await app.joinNewWorkshop();
    const others = await Promise.all(
      ['Ann', 'Bo', 'Cas'].map(async (name) => {
        const p = await join(app.server, workshop.joinCode, name);
        const c = app.open(room, p.token);
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
