/**
 * GET /api/workshops/<id>/boards/<boardId>/snapshot — a board's elements as plain JSON, for the
 * app to draw a board before its Yjs document has arrived and been decoded (docs/api.md). Who may
 * ask is who may open the board's room (sync-server/sync/open-room.ts).
 *
 * A board nobody has open here is answered with the picture the store kept when its room was last
 * compacted (sync-server/sync/picture.ts), while nothing was stored since: no decoding before the
 * answer. The room is then loaded in the background, ready for the socket that follows. Otherwise
 * the room is opened and the body built once per version of its document and kept, gzipped
 * (`SnapshotBodies`): a room of forty people opening the same board costs one encoding. A live
 * picture may show a server write the store does not hold yet (sync-server/sync/room.ts holds
 * those back from clients): a picture is plain JSON, no Yjs item a client could build on, and the
 * document replaces it. `Server-Timing: picture;desc=stored|live;dur=<ms>` says which was served
 and how long the server took.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import type { Clock, RoomRef } from '../../workshops';
import { roomName } from '../../workshops';
import type { RoomAccess, RoomRefusal } from '../sync/open-room';
import { mayOpen, openBoard, releaseRooms } from '../sync/open-room';
import { gzipPicture, pictureJson, unzipPicture } from '../sync/picture';
import type { ApiDeps } from './api';
import { serverEnv } from '../env';
import { HttpError, acceptsGzip, bearer } from './respond';

const ROUTE = /^\/api\/workshops\/([a-z0-9]{6,40})\/boards\/([a-z][a-z0-9-]{0,39})\/snapshot$/;

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
    const json = pictureJson(doc);
    const body = {
      json,
      gzipped: gzipPicture(json),
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
  const began = performance.now();
  const claims = await deps.tokens.verify(bearer(req));
  if (!claims) throw new HttpError(401, 'unauthorized', 'a valid token is required');
  const ref: Extract<RoomRef, { kind: 'board' }> = {
    kind: 'board',
    workshopId: match[1],
    boardId: match[2],
  };
  const access = refused(deps, await mayOpen(deps.rooms, deps.workshops, claims, ref));
  const { control } = access;
  let stored: Uint8Array | null;
  try {
    stored = await deps.rooms.storedPicture(roomName(ref));
  } catch (err) {
    deps.log.warn({ err, room: roomName(ref) }, 'reading a stored board picture failed');
    stored = null;
  }
  if (stored) {
    // Once the answer and the page's other files are out, the room is loaded for the socket
    // that follows (it keeps the control room held until then).
    res.once('close', () =>
      deps.whenQuiet(() => {
        void openBoard(deps.rooms, control, ref).then((opened) => {
          if (opened.ok) releaseRooms(deps.rooms, opened);
        });
      }),
    );
    send(req, res, acceptsGzip(req) ? { gzipped: stored } : { json: await unzipPicture(stored) }, {
      source: 'stored',
      began,
    });
    return true;
  }
  const opened = refused(deps, await openBoard(deps.rooms, control, ref));
  try {
    const body = bodies.of(opened.room.doc);
    send(req, res, acceptsGzip(req) ? { gzipped: await body.gzipped } : { json: body.json }, {
      source: 'live',
      began,
    });
  } finally {
    releaseRooms(deps.rooms, opened);
  }
  return true;
}

/** The opened rooms, or the HTTP error that says why not. */
function refused(deps: ApiDeps, access: RoomAccess): Extract<RoomAccess, { ok: true }> {
  if (access.ok) return access;
  if (access.error)
    deps.log.error({ err: access.error }, 'opening a board for its snapshot failed');
  const [status, code, message] = HTTP_REFUSALS[access.refusal];
  throw new HttpError(status, code, message);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  body: { gzipped: Uint8Array } | { json: Uint8Array },
  /** Which picture, and when the request began (its time on the server goes out as `dur`). */
  timing: { source: 'stored' | 'live'; began: number },
): void {
  const payload = 'gzipped' in body ? body.gzipped : body.json;
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': payload.length,
    'cache-control': 'no-store',
    vary: 'Accept-Encoding',
    'server-timing': `picture;desc=${timing.source};dur=${(performance.now() - timing.began).toFixed(1)}`,
    ...('gzipped' in body ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}
