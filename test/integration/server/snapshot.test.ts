/**
 * The board snapshot (`GET /api/workshops/<id>/boards/<boardId>/snapshot`) on the real server
 * with stock y-websocket clients writing the board: it holds what the room holds, each record
 * decodes as the document's does, a change shows once the picture before it is a second old, a
 * cold read after a restart holds the stored board, it is gzipped when asked, and it is refused to exactly those the board's
 * socket refuses (no token, another workshop's, a revoked link, a removed participant, a board
 * that does not exist, a write method).
 */
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  BoardSnapshotResponse,
  CreateWorkshopResponse,
  JoinResponse,
  RevokeResponse,
} from '../../../workshops';
import {
  API,
  addElement,
  boardRoom,
  controlRoom,
  readElements,
  setParticipantRemoved,
  updateElement,
} from '../../../workshops';
import { decodeSnapshot } from '../../../web/sync/board-snapshot';
import { SnapshotBodies } from '../../../sync-server/http/snapshot';
import { serverFixture } from '../helpers/fixture';
import { api, createWorkshop, join, settled, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

let ws: CreateWorkshopResponse;
let ann: JoinResponse;

const fx = serverFixture('file');
const { open } = fx;

const snapshotPath = (boardId = 'ideate', workshopId = ws.workshopId) =>
  API.boardSnapshot(workshopId, boardId);

async function snapshot(token: string, boardId = 'ideate'): Promise<BoardSnapshotResponse> {
  const res = await api<BoardSnapshotResponse>(fx.server, snapshotPath(boardId), { token });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  ws = await fx.start({}, 'Snapshot');
  ann = await join(fx.server, ws.joinCode, 'Ann');
  const writer = open(boardRoom(ws.workshopId, 'ideate'), ann.token);
  await synced(writer);
  for (let i = 0; i < 50; i++)
    addElement(
      writer.doc,
      'sticky',
      { x: i * 180, y: 2000, text: `Idee ${i}: samen een leerwerkplek`, color: 'yellow' },
      { author: ann.participantId, env },
    );
  await settled(writer);
});

describe('board snapshot', () => {
  it('holds every element the room holds, each decoding as the document’s', async () => {
    const watcher = open(boardRoom(ws.workshopId, 'ideate'), ws.viewerToken);
    await synced(watcher);
    const body = await snapshot(ann.token);
    const fromSnapshot = decodeSnapshot(body);
    const fromDoc = readElements(watcher.doc);
    expect(fromSnapshot).not.toBeNull();
    expect(fromSnapshot?.length).toBe(fromDoc.length);
    const byId = new Map(fromDoc.map((e) => [e.id, e]));
    for (const el of fromSnapshot ?? []) expect(el).toEqual(byId.get(el.id));
    expect(fromDoc.filter((e) => e.type === 'sticky' && e.text.startsWith('Idee '))).toHaveLength(
      50,
    );
  });

  it('shows a change once the picture before it is a second old', async () => {
    await snapshot(ann.token);
    const writer = open(boardRoom(ws.workshopId, 'ideate'), ann.token);
    await synced(writer);
    const id = addElement(
      writer.doc,
      'sticky',
      { x: 0, y: 2400, text: 'Nieuw na de eerste', color: 'pink' },
      { author: ann.participantId, env },
    );
    await settled(writer);
    // A picture up to a second old may still be served (SnapshotBodies, tested below).
    await waitFor(
      async () => !!decodeSnapshot(await snapshot(ann.token))?.some((e) => e.id === id),
      10_000,
      'the new note in a snapshot',
    );
    expect(decodeSnapshot(await snapshot(ann.token))?.find((e) => e.id === id)).toMatchObject({
      text: 'Nieuw na de eerste',
    });
  });

  it('is gzipped when asked, plain otherwise', async () => {
    const zipped = await fetch(fx.server.url + snapshotPath(), {
      headers: { authorization: `Bearer ${ann.token}`, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    // fetch inflates it; the raw bytes are checked through node's http below.
    const inflated = (await zipped.json()) as BoardSnapshotResponse;
    const { request } = await import('node:http');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const req = request(
        fx.server.url + snapshotPath(),
        { headers: { authorization: `Bearer ${ann.token}`, 'accept-encoding': 'gzip' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(gunzipSync(raw).toString('utf8'))).toEqual(inflated);
    const plain = await new Promise<{ encoding: string | undefined; body: string }>(
      (resolve, reject) => {
        const req = request(
          fx.server.url + snapshotPath(),
          { headers: { authorization: `Bearer ${ann.token}`, 'accept-encoding': 'identity' } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.body)).toEqual(inflated);
  });

  it('holds the stored board when read back cold after a restart', async () => {
    fx.server = await fx.server.restart();
    const cold = decodeSnapshot(await snapshot(ann.token));
    const watcher = open(boardRoom(ws.workshopId, 'ideate'), ws.viewerToken);
    await synced(watcher);
    const stored = readElements(watcher.doc);
    expect(cold?.length).toBe(stored.length);
    expect(cold).toEqual(expect.arrayContaining(stored));
  });

  it('is refused to whoever may not open the board', async () => {
    const other = await createWorkshop(fx.server, 'Andere workshop');
    const cases: Array<[string, string | undefined, string, number]> = [
      ['no token', undefined, snapshotPath(), 401],
      ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.e30.nope', snapshotPath(), 401],
      ["another workshop's token", other.facilitatorToken, snapshotPath(), 403],
      ['a board that does not exist', ann.token, snapshotPath('nergens'), 404],
      ['a workshop that does not exist', ann.token, snapshotPath('ideate', 'zzzzzzzzzz'), 403],
    ];
    for (const [what, token, path, status] of cases) {
      const res = await api<{ error: string }>(fx.server, path, token ? { token } : {});
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body).not.toHaveProperty('elements');
    }
    const post = await api(fx.server, snapshotPath(), { token: ann.token, body: {} });
    expect(post.status).toBe(405);
  });

  it('is refused to a removed participant and a revoked link, as the socket is', async () => {
    const bo = await join(fx.server, ws.joinCode, 'Bo');
    expect((await api(fx.server, snapshotPath(), { token: bo.token })).status).toBe(200);
    const control = open(controlRoom(ws.workshopId), ws.facilitatorToken);
    await synced(control);
    setParticipantRemoved(control.doc, bo.participantId, true);
    await settled(control);
    // settled: the server has applied the removal.
    const refused = await api<{ error: string }>(fx.server, snapshotPath(), { token: bo.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('removed');
    const viewer = ws.viewerToken;
    expect((await api(fx.server, snapshotPath(), { token: viewer })).status).toBe(200);
    const revoked = await api<RevokeResponse>(fx.server, API.revoke(ws.workshopId), {
      token: fx.server.adminToken,
      body: { role: 'viewer' },
    });
    expect(revoked.status).toBe(200);
    const res = await api<{ error: string }>(fx.server, snapshotPath(), { token: viewer });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('revoked');
    expect((await api(fx.server, snapshotPath(), { token: revoked.body.viewerToken })).status).toBe(
      200,
    );
  });
});

describe('snapshot bodies', () => {
  const noteText = (body: Buffer, id: string) =>
    (JSON.parse(body.toString('utf8')) as BoardSnapshotResponse).elements[id]?.text;

  it('are built once per version, and kept for a second after a change', () => {
    let now = 1_000;
    const bodies = new SnapshotBodies({ now: () => now });
    const doc = new Y.Doc();
    const id = addElement(doc, 'sticky', { x: 0, y: 0, text: 'eerste' }, { author: 'p', env });
    const first = bodies.of(doc);
    expect(bodies.of(doc)).toBe(first);
    updateElement(doc, id, { text: 'tweede' });
    // Within the second: the same picture, however often it is asked for.
    now += 999;
    expect(bodies.of(doc)).toBe(first);
    expect(noteText(first.json, id)).toBe('eerste');
    // After it: built anew, with the change.
    now += 1;
    const second = bodies.of(doc);
    expect(second).not.toBe(first);
    expect(noteText(second.json, id)).toBe('tweede');
    // Unchanged since: kept however old it is.
    now += 60_000;
    expect(bodies.of(doc)).toBe(second);
  });

  it('gzip the same JSON', async () => {
    const bodies = new SnapshotBodies({ now: () => 0 });
    const doc = new Y.Doc();
    addElement(doc, 'sticky', { x: 0, y: 0, text: 'ingepakt' }, { author: 'p', env });
    const body = bodies.of(doc);
    expect(gunzipSync(await body.gzipped).equals(body.json)).toBe(true);
  });
});
