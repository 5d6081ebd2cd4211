/**
 * The board snapshot (`GET /api/workshops/<id>/boards/<boardId>/snapshot`) on the real server
 * with stock y-websocket clients writing the board: it holds what the room holds, each record
 * decodes as the document's does, a change shows in the next one, it is the same read back cold
 * after a restart, it is gzipped when asked, and it is refused to exactly those the board's
 * socket refuses (no token, another workshop's, a revoked link, a removed participant, a board
 * that does not exist, a write method).
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../../../workshops';
import { decodeSnapshot } from '../../../web/sync/board-snapshot';
import type { Client, TestServer } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

const env = testEnv();
import {
  api,
  connect,
  createWorkshop,
  join,
  settled,
  startTestServer,
  synced,
} from '../helpers/server';

let server: TestServer;
let ws: CreateWorkshopResponse;
let ann: JoinResponse;
const clients: Client[] = [];

function open(room: string, token: string): Client {
  const c = connect(server, room, token);
  clients.push(c);
  return c;
}

const snapshotPath = (boardId = 'ideate', workshopId = ws.workshopId) =>
  API.boardSnapshot(workshopId, boardId);

async function snapshot(token: string, boardId = 'ideate'): Promise<BoardSnapshotResponse> {
  const res = await api<BoardSnapshotResponse>(server, snapshotPath(boardId), { token });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  server = await startTestServer();
  ws = await createWorkshop(server, 'Snapshot');
  ann = await join(server, ws.joinCode, 'Ann');
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

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.dispose();
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

  it('shows a change in the next snapshot', async () => {
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
    const next = await snapshot(ann.token);
    expect(decodeSnapshot(next)?.find((e) => e.id === id)).toMatchObject({
      text: 'Nieuw na de eerste',
    });
  });

  it('is gzipped when asked, plain otherwise', async () => {
    const zipped = await fetch(server.url + snapshotPath(), {
      headers: { authorization: `Bearer ${ann.token}`, 'accept-encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    // fetch inflates it; the raw bytes are checked through node's http below.
    const inflated = (await zipped.json()) as BoardSnapshotResponse;
    const { request } = await import('node:http');
    const raw = await new Promise<Buffer>((resolve, reject) => {
      const req = request(
        server.url + snapshotPath(),
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
          server.url + snapshotPath(),
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

  it('is the same read back cold after a restart', async () => {
    const before = await snapshot(ann.token);
    server = await server.restart();
    const after = await snapshot(ann.token);
    expect(after).toEqual(before);
  });

  it('is refused to whoever may not open the board', async () => {
    const other = await createWorkshop(server, 'Andere workshop');
    const cases: Array<[string, string | undefined, string, number]> = [
      ['no token', undefined, snapshotPath(), 401],
      ['a forged token', 'eyJhbGciOiJIUzI1NiJ9.e30.nope', snapshotPath(), 401],
      ["another workshop's token", other.facilitatorToken, snapshotPath(), 403],
      ['a board that does not exist', ann.token, snapshotPath('nergens'), 404],
      ['a workshop that does not exist', ann.token, snapshotPath('ideate', 'zzzzzzzzzz'), 403],
    ];
    for (const [what, token, path, status] of cases) {
      const res = await api<{ error: string }>(server, path, token ? { token } : {});
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body).not.toHaveProperty('elements');
    }
    const post = await api(server, snapshotPath(), { token: ann.token, body: {} });
    expect(post.status).toBe(405);
  });

  it('is refused to a removed participant and a revoked link, as the socket is', async () => {
    const bo = await join(server, ws.joinCode, 'Bo');
    expect((await api(server, snapshotPath(), { token: bo.token })).status).toBe(200);
    const control = open(controlRoom(ws.workshopId), ws.facilitatorToken);
    await synced(control);
    setParticipantRemoved(control.doc, bo.participantId, true);
    await settled(control);
    // settled: the server has applied the removal.
    const refused = await api<{ error: string }>(server, snapshotPath(), { token: bo.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('removed');
    const viewer = ws.viewerToken;
    expect((await api(server, snapshotPath(), { token: viewer })).status).toBe(200);
    const revoked = await api<RevokeResponse>(server, API.revoke(ws.workshopId), {
      token: server.adminToken,
      body: { role: 'viewer' },
    });
    expect(revoked.status).toBe(200);
    const res = await api<{ error: string }>(server, snapshotPath(), { token: viewer });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('revoked');
    expect((await api(server, snapshotPath(), { token: revoked.body.viewerToken })).status).toBe(
      200,
    );
  });
});
