/**
 * Points 5 and 6 of issue 2: every refusal is tried, and shown to change nothing in the store
 * or in other clients; the server and the other rooms go on unharmed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOSE,
  DENIED,
  addElement,
  boardRoom,
  controlRoom,
  elementsMap,
  readElements,
  readWorkshop,
  setBoardLocked,
  setParticipantRemoved,
  setAnswer,
  setVotes,
  startVoting,
  writeWorkshop,
} from '../../../workshops';
import { api, createWorkshop, join, joinedPair, settled, synced, waitFor } from '../helpers/server';
import { serverFixture } from '../helpers/fixture';
import { rawConnect, someUpdate, updateFrame } from '../helpers/raw';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const { open } = fx;
beforeEach(() =>
  fx.start({ limits: { maxMessageBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100 } }),
);

const syncPath = (room: string, token?: string) =>
  `/sync/${room}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/** A facilitator's view of a board: what the server holds (synced, not written). */
const observer = (room: string) => fx.openSynced(room, fx.workshop.facilitatorToken);

describe('tokens and rooms are checked before any document byte is sent', () => {
  const cases: Array<[string, () => string, number]> = [
    ['no token', () => syncPath(boardRoom(fx.workshop.workshopId, 'ideate')), CLOSE.unauthorized],
    [
      'a badly signed token',
      () =>
        syncPath(
          boardRoom(fx.workshop.workshopId, 'ideate'),
          `${fx.workshop.facilitatorToken.slice(0, -4)}AAAA`,
        ),
      CLOSE.unauthorized,
    ],
    [
      'garbage as token',
      () => syncPath(boardRoom(fx.workshop.workshopId, 'ideate'), 'not-a-token'),
      CLOSE.unauthorized,
    ],
    [
      'a room name with path tricks',
      () => syncPath(`${fx.workshop.workshopId}/../other/ideate`, fx.workshop.facilitatorToken),
      CLOSE.badRequest,
    ],
    [
      'a very long room name',
      () => syncPath(`${fx.workshop.workshopId}/${'a'.repeat(5000)}`, fx.workshop.facilitatorToken),
      CLOSE.badRequest,
    ],
    [
      'an unknown board',
      () => syncPath(boardRoom(fx.workshop.workshopId, 'nope'), fx.workshop.facilitatorToken),
      CLOSE.notFound,
    ],
  ];
  for (const [what, path, code] of cases) {
    it(`refuses ${what} with ${code}`, async () => {
      const raw = rawConnect(fx.server.url, path());
      const closed = await raw.closed;
      expect(closed.code).toBe(code);
      expect(raw.received).toHaveLength(0);
    });
  }

  it('refuses a token of another workshop with 4403', async () => {
    const other = await createWorkshop(fx.server, 'Ander');
    const raw = rawConnect(
      fx.server.url,
      syncPath(boardRoom(fx.workshop.workshopId, 'ideate'), other.facilitatorToken),
    );
    expect((await raw.closed).code).toBe(CLOSE.forbidden);
    expect(raw.received).toHaveLength(0);
  });

  it('refuses an expired token with 4401', async () => {
    const { TokenService } = await import('../../../sync-server/auth/tokens');
    const tokens = new TokenService(new TextEncoder().encode('test-secret'));
    const expired = await tokens.sign(
      { workshopId: fx.workshop.workshopId, role: 'facilitator', participantId: 'facilitator' },
      '-10s',
    );
    const raw = rawConnect(
      fx.server.url,
      syncPath(boardRoom(fx.workshop.workshopId, 'ideate'), expired),
    );
    expect((await raw.closed).code).toBe(CLOSE.unauthorized);
    expect(raw.received).toHaveLength(0);
  });

  it('the stock client stops retrying after a final refusal', async () => {
    const c = open(boardRoom(fx.workshop.workshopId, 'ideate'), 'not-a-token');
    await waitFor(() => c.closes.length > 0);
    // Once the provider gave up (shouldConnect false) it never dials again: one close, no retry.
    await waitFor(() => !c.provider.shouldConnect, 10_000, 'the provider gave up');
    expect(c.closes).toEqual([CLOSE.unauthorized]);
  });
});

describe('roles', () => {
  it('a participant cannot write the control doc: dropped, told, nobody else sees it', async () => {
    const p = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const room = controlRoom(fx.workshop.workshopId);
    const watcher = await observer(room);
    const participant = open(room, p.token);
    await synced(participant);
    writeWorkshop(participant.doc, { title: 'Gekaapt' });
    await waitFor(() => participant.denied.length > 0, 5000, 'permission denied');
    expect(participant.denied).toContain(DENIED.controlFacilitatorOnly);
    await settled(watcher);
    expect(readWorkshop(watcher.doc).title).toBe('Meer impact door samenwerking');
    // A fresh connection (the store) does not have it either. The refused update held new items,
    // so the participant is closed for a re-sync (docs/api.md, "A refused write") and reconnects.
    const fresh = await observer(room);
    expect(readWorkshop(fresh.doc).title).toBe('Meer impact door samenwerking');
    await waitFor(() => participant.closes.includes(CLOSE.resync), 5000, 'closed for a re-sync');
    await waitFor(() => participant.provider.wsconnected, 10_000, 'reconnected by itself');
  });

  it('a viewer writes nothing, but an empty sync step 2 is no offence', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const viewer = open(room, fx.workshop.viewerToken);
    await synced(viewer);
    await settled(viewer);
    expect(viewer.denied).toEqual([]);
    const watcher = await observer(room);
    const count = readElements(watcher.doc).length;
    addElement(viewer.doc, 'sticky', { x: 0, y: 0, text: 'kijker' }, { author: 'viewer', env });
    await waitFor(() => viewer.denied.includes(DENIED.readOnlyRole));
    await settled(watcher);
    expect(readElements(watcher.doc).length).toBe(count);
    expect(readElements((await observer(room)).doc).length).toBe(count);
  });

  it('a copy coming back with deletions the room holds already is no offence', async () => {
    // The stock client's sync step 2 carries its copy's whole delete set on every connect.
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const facilitator = await observer(room);
    const id = addElement(
      facilitator.doc,
      'sticky',
      { x: 0, y: 0, text: 'weg' },
      { author: 'facilitator', env },
    );
    elementsMap(facilitator.doc).delete(id);
    await settled(facilitator);
    const p = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const viewer = open(room, fx.workshop.viewerToken);
    const inControl = open(controlRoom(fx.workshop.workshopId), p.token);
    const facControl = await observer(controlRoom(fx.workshop.workshopId));
    writeWorkshop(facControl.doc, { title: 'Eerst dit' });
    writeWorkshop(facControl.doc, { title: 'Dan dat' });
    await settled(facControl);
    await Promise.all([synced(viewer), synced(inControl)]);
    await waitFor(() => elementsMap(viewer.doc).size === elementsMap(facilitator.doc).size);
    await waitFor(() => readWorkshop(inControl.doc).title === 'Dan dat');
    for (const c of [viewer, inControl]) {
      c.provider.disconnect();
      c.provider.connect();
      await synced(c);
      await settled(c);
    }
    expect([viewer.denied, inControl.denied]).toEqual([[], []]);
    expect([...viewer.closes, ...inControl.closes]).not.toContain(CLOSE.resync);
    // A deletion the room does not hold is still a write.
    const [kept] = [...elementsMap(viewer.doc).keys()];
    elementsMap(viewer.doc).delete(kept ?? '');
    await waitFor(() => viewer.denied.includes(DENIED.readOnlyRole));
  });

  it('nobody but the facilitator writes a locked board', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'define');
    const control = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
    await synced(control);
    setBoardLocked(control.doc, 'define', true);
    const p = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const participant = open(room, p.token);
    const facilitator = open(room, fx.workshop.facilitatorToken);
    await Promise.all([synced(participant), synced(facilitator)]);
    await settled(control); // the lock has reached the server
    addElement(
      participant.doc,
      'sticky',
      { x: 0, y: 0, text: 'te laat' },
      { author: p.participantId, env },
    );
    await waitFor(() => participant.denied.includes(DENIED.boardLocked));
    addElement(
      facilitator.doc,
      'sticky',
      { x: 0, y: 0, text: 'van de begeleider' },
      { author: 'facilitator', env },
    );
    const fresh = await observer(room);
    await waitFor(() =>
      readElements(fresh.doc).some((e) => e.type === 'sticky' && e.text === 'van de begeleider'),
    );
    expect(readElements(fresh.doc).some((e) => e.type === 'sticky' && e.text === 'te laat')).toBe(
      false,
    );

    // Unlocked, the participant writes again (new edits; the refused one stays refused).
    setBoardLocked(control.doc, 'define', false);
    await settled(control);
    const p2 = open(room, p.token);
    await synced(p2);
    addElement(
      p2.doc,
      'sticky',
      { x: 0, y: 0, text: 'weer open' },
      { author: p.participantId, env },
    );
    await waitFor(() =>
      readElements(fresh.doc).some((e) => e.type === 'sticky' && e.text === 'weer open'),
    );
  });

  it("a participant cannot change another participant's votes, but can vote", async () => {
    const room = boardRoom(fx.workshop.workshopId, 'define');
    // Votes count only while a voting round runs on the board (policy-forgery.test.ts).
    const control = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
    await synced(control);
    startVoting(
      control.doc,
      {
        boardId: 'define',
        frameId: '',
        votesPerPerson: 5,
        allowMultiplePerItem: true,
      },
      env,
    );
    const { pa, pb, a, b } = await joinedPair(fx.server, fx.workshop.joinCode, room, open);
    const id = addElement(
      a.doc,
      'sticky',
      { x: 0, y: 0, text: 'idee' },
      { author: pa.participantId, env },
    );
    await waitFor(() => elementsMap(b.doc).has(id));
    setVotes(a.doc, id, pa.participantId, 2);
    const watcher = await observer(room);
    await waitFor(
      () =>
        (elementsMap(watcher.doc).get(id)?.get('votes') as Y.Map<number> | undefined)?.get(
          pa.participantId,
        ) === 2,
    );

    setVotes(b.doc, id, pa.participantId, 0); // delete Ann's vote
    setVotes(b.doc, id, pb.participantId, 1); // Bo's own vote: allowed
    await waitFor(() => b.denied.includes(DENIED.othersVotes));
    // Bo's own vote in a separate update goes through.
    setVotes(b.doc, id, pb.participantId, 3);
    await waitFor(
      () =>
        (elementsMap(watcher.doc).get(id)?.get('votes') as Y.Map<number> | undefined)?.get(
          pb.participantId,
        ) === 3,
    );
    expect(
      (elementsMap(watcher.doc).get(id)?.get('votes') as Y.Map<number>).get(pa.participantId),
    ).toBe(2);

    // Overwriting Ann's count (a map overwrite, parent inferred from the replaced entry).
    const c = open(room, pb.token);
    await synced(c);
    setVotes(c.doc, id, pa.participantId, 9);
    await waitFor(() => c.denied.includes(DENIED.othersVotes));
    await settled(watcher);
    expect(
      (elementsMap(watcher.doc).get(id)?.get('votes') as Y.Map<number>).get(pa.participantId),
    ).toBe(2);
  });

  it("a participant cannot change another participant's widget scores", async () => {
    const room = boardRoom(fx.workshop.workshopId, 'test');
    const { pa, pb, a, b } = await joinedPair(fx.server, fx.workshop.joinCode, room, open);
    const rating = readElements(a.doc).find((e) => e.type === 'rating');
    expect(rating).toBeTruthy();
    const id = rating?.id ?? '';
    const scoreOf = (doc: Y.Doc, pid: string) =>
      ((elementsMap(doc).get(id)?.get('scores') as Y.Map<Y.Map<number>> | undefined)
        ?.get(pid)
        ?.toJSON() ?? {}) as Record<string, number>;
    setAnswer(a.doc, id, 'scores', pa.participantId, 'recognisability', 4);
    const watcher = await observer(room);
    await waitFor(() => Object.values(scoreOf(watcher.doc, pa.participantId)).includes(4));
    await waitFor(() => Object.values(scoreOf(b.doc, pa.participantId)).includes(4));
    setAnswer(b.doc, id, 'scores', pa.participantId, 'recognisability', 1);
    await waitFor(() => b.denied.includes(DENIED.othersVotes));
    setAnswer(b.doc, id, 'scores', pb.participantId, 'recognisability', 5);
    // Bo's own score in a later update: the refused one stays in Bo's doc, so a fresh client.
    const c = open(room, pb.token);
    await synced(c);
    setAnswer(c.doc, id, 'scores', pb.participantId, 'completeness', 3);
    await waitFor(() => Object.values(scoreOf(watcher.doc, pb.participantId)).includes(3));
    expect(Object.values(scoreOf(watcher.doc, pa.participantId))).toEqual([4]);
  });

  it('a removed participant is disconnected and refused', async () => {
    const p = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const participant = open(room, p.token);
    await synced(participant);
    const control = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
    await synced(control);
    setParticipantRemoved(control.doc, p.participantId, true);
    await waitFor(() => participant.closes.includes(CLOSE.forbidden));
    const raw = rawConnect(fx.server.url, syncPath(room, p.token));
    expect((await raw.closed).code).toBe(CLOSE.forbidden);
    const info = await api(fx.server, `/api/workshops/${fx.workshop.workshopId}`, {
      token: p.token,
    });
    expect(info.status).toBe(403);
  });
});

describe('bad input', () => {
  async function rawParticipant(room: string) {
    const p = await join(fx.server, fx.workshop.joinCode, 'Raw');
    const raw = rawConnect(fx.server.url, syncPath(room, p.token));
    await raw.opened;
    return raw;
  }

  async function boardUnharmed(room: string) {
    // Another room and the same room still work for others.
    const other = await observer(boardRoom(fx.workshop.workshopId, 'test'));
    addElement(
      other.doc,
      'text',
      { x: 0, y: 0, text: 'nog steeds' },
      { author: 'facilitator', env },
    );
    const same = await observer(room);
    expect(readElements(same.doc).some((e) => e.type === 'sticky' && e.text === 'ingeslopen')).toBe(
      false,
    );
    const check = await observer(boardRoom(fx.workshop.workshopId, 'test'));
    await waitFor(() =>
      readElements(check.doc).some((e) => e.type === 'text' && e.text === 'nog steeds'),
    );
  }

  it('a text frame closes with 4400', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const raw = await rawParticipant(room);
    raw.send('hallo');
    expect((await raw.closed).code).toBe(CLOSE.badRequest);
    await boardUnharmed(room);
  });

  it('a truncated frame closes with 4400 and applies nothing', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const raw = await rawParticipant(room);
    const frame = updateFrame(someUpdate());
    raw.send(frame.subarray(0, Math.floor(frame.length / 2)));
    expect((await raw.closed).code).toBe(CLOSE.badRequest);
    await boardUnharmed(room);
  });

  it('an unknown message kind closes with 4400', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const raw = await rawParticipant(room);
    raw.send(new Uint8Array([42, 1, 2, 3]));
    expect((await raw.closed).code).toBe(CLOSE.badRequest);
    await boardUnharmed(room);
  });

  it('a message over the size limit closes with 4413 and is not stored', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const raw = await rawParticipant(room);
    const doc = new Y.Doc();
    const big = new Y.Map<unknown>();
    doc.getMap('elements').set('big', big);
    big.set('type', 'sticky');
    big.set('text', 'ingeslopen' + 'x'.repeat(100 * 1024));
    raw.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    expect((await raw.closed).code).toBe(CLOSE.tooLarge);
    await boardUnharmed(room);
  });

  it('a flood of messages closes with a retryable 1013; others are unharmed', async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const raw = await rawParticipant(room);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 500 && raw.ws.readyState === raw.ws.OPEN; i++) raw.send(query);
    expect((await raw.closed).code).toBe(CLOSE.tryAgainLater);
    await boardUnharmed(room);
  });
});

describe('HTTP', () => {
  it('healthz, time, info', async () => {
    expect((await api<{ ok: boolean }>(fx.server, '/healthz')).body).toEqual({ ok: true });
    const t = await api<{ now: number }>(fx.server, '/api/time');
    expect(Math.abs(t.body.now - Date.now())).toBeLessThan(5000);
    const info = await api<{ title: string; boards: string[]; role: string }>(
      fx.server,
      `/api/workshops/${fx.workshop.workshopId}`,
      { token: fx.workshop.viewerToken },
    );
    expect(info.body).toMatchObject({
      title: 'Meer impact door samenwerking',
      role: 'viewer',
      boards: ['empathise', 'define', 'ideate', 'prototype', 'test'],
    });
  });

  it('a wrong admin token cannot create or list workshops', async () => {
    expect(
      (
        await api(fx.server, '/api/workshops', {
          token: 'wrong',
          body: { title: 'x', language: 'nl' },
        })
      ).status,
    ).toBe(401);
    expect((await api(fx.server, '/api/workshops', { token: 'wrong' })).status).toBe(401);
    expect(
      (await api(fx.server, '/api/workshops', { body: { title: 'x', language: 'nl' } })).status,
    ).toBe(401);
  });

  it('malformed bodies get a clear 400', async () => {
    const bad = await api<{ error: string; message: string }>(fx.server, '/api/workshops', {
      token: fx.server.adminToken,
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('bad_json');
    const noTitle = await api<{ message: string }>(fx.server, '/api/workshops', {
      token: fx.server.adminToken,
      body: { language: 'nl' },
    });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.message).toMatch(/title/);
    const badLang = await api(fx.server, '/api/workshops', {
      token: fx.server.adminToken,
      body: { title: 'x', language: 'de' },
    });
    expect(badLang.status).toBe(400);
    const noName = await api(fx.server, '/api/join', { body: { joinCode: fx.workshop.joinCode } });
    expect(noName.status).toBe(400);
  });

  it('join codes are case-insensitive, unambiguous, and wrong ones are 404 then rate-limited', async () => {
    expect(fx.workshop.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const lower = await api(fx.server, '/api/join', {
      body: { joinCode: fx.workshop.joinCode.toLowerCase(), name: 'Kees' },
    });
    expect(lower.status).toBe(200);
    let last = 0;
    for (let i = 0; i < 25; i++) {
      last = (await api(fx.server, '/api/join', { body: { joinCode: 'ZZZZZZ', name: 'Gok' } }))
        .status;
      if (last === 429) break;
    }
    expect(last).toBe(429);
    const limited = await api(fx.server, '/api/join', {
      body: { joinCode: fx.workshop.joinCode, name: 'Na de gok' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the admin list carries join codes and fresh links', async () => {
    const list = await api<{
      workshops: Array<{ workshopId: string; joinCode: string; facilitatorToken: string }>;
    }>(fx.server, '/api/workshops', { token: fx.server.adminToken });
    expect(list.body.workshops.map((w) => w.workshopId)).toContain(fx.workshop.workshopId);
    expect(list.body.workshops[0]?.facilitatorToken).toBeTruthy();
  });
});
