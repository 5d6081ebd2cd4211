/**
 * GET /api/workshops/<id>/boards/<boardId>/snapshot — a board's elements as plain JSON, for the
 * app to draw a board before its Yjs document has arrived and been decoded (docs/api.md). Who may
 * ask is who may open the board's room (sync-server/sync/open-room.ts). The body is built once
 * per version of the room's document and kept, gzipped (`SnapshotBodies`): a room of forty
 * people opening the same board costs one encoding. It may show a server write the store does not
 * hold yet (sync-server/sync/room.ts holds those back from clients): a picture is plain JSON, no
 * Yjs item a client could build on, and the document replaces it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type * as Y from 'yjs';
import type { BoardSnapshotResponse, Clock } from '../../workshops';
import { elementsMap } from '../../workshops';
import type { RoomRefusal } from '../sync/open-room';
import { openRoomFor, releaseRooms } from '../sync/open-room';
import type { ApiDeps } from './api';
import { serverEnv } from '../env';
import { HttpError, bearer } from './respond';

const ROUTE = /^\/api\/workshops\/([a-z0-9]{6,40})\/boards\/([a-z][a-z0-9-]{0,39})\/snapshot$/;
const gzipAsync = promisify(gzip);

/** How an HTTP caller hears why it may not open a room. */
const HTTP_REFUSALS: Record<RoomRefusal, [number, string, string]> = {
  'other-workshop': [403, 'forbidden', 'this token is for another workshop'],
  'no-workshop': [404, 'not_found', 'no such workshop'],
  revoked: [401, 'revoked', 'this link was revoked by the facilitator'],
  removed: [403, 'removed', 'the facilitator removed this participant'],
  'no-board': [404, 'not_found', 'no such board'],
  unavailable: [503, 'unavailable', 'the board could not be opened'],
};

interface Body {
  json: Buffer;
  gzipped: Promise<Buffer>;
}

/**
 * The snapshot bodies of documents: built once per version of a document and kept until it
 * changes — and, after a change, still served for `reuseMs` from when they were built. A picture
 * up to a second old is still a fair picture (the document replaces it within moments), and a
 * participant who edits and asks again and again costs one encoding per second, not one each.
 */
export class SnapshotBodies {
  private readonly kept = new WeakMap<Y.Doc, Body & { at: number; changed: boolean }>();

  constructor(
    private readonly clock: Clock,
    private readonly reuseMs = 1000,
  ) {}

  of(doc: Y.Doc): Body {
    const kept = this.kept.get(doc);
    if (kept && (!kept.changed || this.clock.now() - kept.at < this.reuseMs)) return kept;
    const snapshot: BoardSnapshotResponse = {
      elements: elementsMap(doc).toJSON() as BoardSnapshotResponse['elements'],
    };
    const json = Buffer.from(JSON.stringify(snapshot));
    // Level 4: within a few per cent of the default's size at about half its time; in zlib's
    // thread pool, off the event loop.
    const body = {
      json,
      gzipped: gzipAsync(json, { level: 4 }),
      at: this.clock.now(),
      changed: false,
    };
    // Not awaited here: a failure surfaces where the gzipped body is read.
    body.gzipped.catch(() => undefined);
    this.kept.set(doc, body);
    doc.once('update', () => (body.changed = true));
    return body;
  }
}

const bodies = new SnapshotBodies(serverEnv);

/** Whether Accept-Encoding lists gzip with a weight above 0 (`gzip`, `gzip;q=0.8`, not `gzip;q=0`). */
function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Serves a snapshot request; returns false when the path is not a snapshot route. */
export async function handleSnapshot(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const match = ROUTE.exec(pathname);
  if (!match?.[1] || !match[2]) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', 'use GET', { allow: 'GET' });
  const claims = await deps.tokens.verify(bearer(req));
  if (!claims) throw new HttpError(401, 'unauthorized', 'a valid token is required');
  const access = await openRoomFor(deps.rooms, deps.workshops, claims, {
    kind: 'board',
    workshopId: match[1],
    boardId: match[2],
  });
  if (!access.ok) {
    if (access.error)
      deps.log.error({ err: access.error }, 'opening a board for its snapshot failed');
    const [status, code, message] = HTTP_REFUSALS[access.refusal];
    throw new HttpError(status, code, message);
  }
  try {
    const body = bodies.of(access.room.doc);
    const gzipped = acceptsGzip(req) ? await body.gzipped : null;
    const payload = gzipped ?? body.json;
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': payload.length,
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : payload);
  } finally {
    releaseRooms(deps.rooms, access);
  }
  return true;
}
