/**
 * The y-websocket protocol against the real server with the stock WebsocketProvider:
 * convergence, awareness, persistence across a restart, late joiners.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import {
  MESSAGE,
  addElement,
  boardRoom,
  readElements,
  readMeta,
  updateElement,
} from '../../../workshops';
import { serverFixture } from '../helpers/fixture';
import { rawConnect } from '../helpers/raw';
import type { Client } from '../helpers/server';
import { join, joinedPair, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const { open } = fx;
beforeEach(() => fx.start());

describe('sync', () => {
  it('serves the seeded board before anything else: meta is there on first sync', async () => {
    const p = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const a = open(boardRoom(fx.workshop.workshopId, 'ideate'), p.token);
    await synced(a);
    expect(readMeta(a.doc).boardId).toBe('ideate');
    expect(readMeta(a.doc).seededAt).toBeGreaterThan(0);
  });

  it('two participants converge on one board', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const { pa, pb, a, b } = await joinedPair(fx.server, fx.workshop.joinCode, room, open);
    const id = addElement(
      a.doc,
      'sticky',
      { x: 10, y: 20, text: 'Stage bij elkaar' },
      { author: pa.participantId, env },
    );
    addElement(
      b.doc,
      'sticky',
      { x: 300, y: 20, text: 'Samen inkopen' },
      { author: pb.participantId, env },
    );
    await waitFor(
      // Stickies only: the board also holds its seeded template (frames, headings).
      () =>
        readElements(a.doc).filter((e) => e.type === 'sticky').length >= 2 &&
        readElements(b.doc).filter((e) => e.type === 'sticky').length >= 2,
      5000,
      'both stickies on both',
    );
    updateElement(b.doc, id, { text: 'Stageplekken bij elkaar' });
    await waitFor(() =>
      readElements(a.doc).some((e) => e.type === 'sticky' && e.text === 'Stageplekken bij elkaar'),
    );
    const texts = (c: Client) =>
      readElements(c.doc)
        .map((e) => (e.type === 'sticky' ? e.text : ''))
        .sort();
    expect(texts(a)).toEqual(texts(b));
  });

  it('awareness reaches the other client', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'define');
    const { a, b } = await joinedPair(fx.server, fx.workshop.joinCode, room, open);
    a.awareness.setLocalStateField('user', { name: 'Ann' });
    a.awareness.setLocalStateField('cursor', { x: 5, y: 6 });
    await waitFor(() =>
      [...b.awareness.getStates().values()].some(
        (s) => (s.user as { name?: string } | undefined)?.name === 'Ann',
      ),
    );
    const state = b.awareness.getStates().get(a.doc.clientID);
    expect(state?.cursor).toEqual({ x: 5, y: 6 });
  });

  it('a restart serves exactly what was stored, and a late joiner receives everything', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'empathise');
    const pa = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const a = open(room, pa.token);
    await synced(a);
    for (let i = 0; i < 50; i++)
      addElement(
        a.doc,
        'sticky',
        { x: i * 10, y: 0, text: `idee ${i}` },
        { author: pa.participantId, env },
      );
    const before = readElements(a.doc).length;
    // The server acknowledges by echoing its state: wait until a second client sees everything.
    const check = open(room, fx.workshop.facilitatorToken);
    await waitFor(() => readElements(check.doc).length === before, 5000, 'server has all edits');
    fx.closeConnections();

    fx.server = await fx.server.restart();
    const late = open(room, fx.workshop.facilitatorToken);
    await synced(late);
    expect(readElements(late.doc).length).toBe(before);
    expect(
      readElements(late.doc).filter((e) => e.type === 'sticky' && e.text.startsWith('idee '))
        .length,
    ).toBe(50);
  });

  it('idle rooms are unloaded and reload from the store with every edit', async () => {
    await fx.start({ idleUnloadMs: 50 });
    const room = boardRoom(fx.workshop.workshopId, 'test');
    const a = open(room, fx.workshop.facilitatorToken);
    await synced(a);
    addElement(a.doc, 'text', { x: 0, y: 0, text: 'bewaard' }, { author: 'facilitator', env });
    await waitFor(() => fx.server.stats().rooms >= 2);
    const b = open(room, fx.workshop.facilitatorToken);
    await waitFor(() => readElements(b.doc).some((e) => e.type === 'text' && e.text === 'bewaard'));
    fx.closeConnections();
    await waitFor(() => fx.server.stats().rooms === 0, 5000, 'rooms unloaded');
    const c = open(room, fx.workshop.facilitatorToken);
    await synced(c);
    expect(readElements(c.doc).some((e) => e.type === 'text' && e.text === 'bewaard')).toBe(true);
  });

  it('the heartbeat drops a peer that stopped answering, never one that keeps talking', async () => {
    await fx.start({ heartbeatMs: 100 });
    const room = boardRoom(fx.workshop.workshopId, 'empathise');
    const path = `/sync/${room}?token=${encodeURIComponent(fx.workshop.facilitatorToken)}`;
    // A laptop gone to sleep: its socket stays open but reads nothing, so no pong comes back.
    const asleep = rawConnect(fx.server.url, path);
    await asleep.opened;
    (asleep.ws as unknown as { _socket: Socket })._socket.pause();
    // A busy peer that reads nothing either (its pongs would sit behind a backlog) but keeps
    // sending: a query for awareness every 20 ms.
    const busy = rawConnect(fx.server.url, path);
    await busy.opened;
    (busy.ws as unknown as { _socket: Socket })._socket.pause();
    const query = new Uint8Array([MESSAGE.queryAwareness]);
    const talk = setInterval(() => busy.send(query), 20);
    try {
      await waitFor(() => fx.server.stats().connections === 1, 5000, 'the sleeper dropped');
      // A second sleeper, opened now, is dropped by later heartbeats: the busy peer has lived
      // through them (a condition to wait on, not a guess at how long a heartbeat takes).
      const later = rawConnect(fx.server.url, path);
      await later.opened;
      (later.ws as unknown as { _socket: Socket })._socket.pause();
      await waitFor(() => fx.server.stats().connections === 2, 5000, 'the second sleeper counted');
      await waitFor(() => fx.server.stats().connections === 1, 5000, 'the second sleeper dropped');
      later.ws.terminate();
      expect(busy.ws.readyState).toBe(busy.ws.OPEN);
    } finally {
      clearInterval(talk);
      busy.ws.close();
      asleep.ws.terminate();
    }
  });
});
