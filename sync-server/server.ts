/**
 * The one Node process: the built web app, the JSON API and WebSocket sync on one port.
 * `startServer` is what `npm start` (via main.ts), the tests and the benchmarks run.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { RoomRef, TokenClaims } from '../workshops';
import {
  API,
  CLOSE,
  LIMITS,
  isParticipantRemoved,
  parseRoomName,
  readBoards,
  readWorkshop,
  seedBoardDoc,
} from '../workshops';
import { loadAdminToken } from './auth/admin';
import { TokenService } from './auth/tokens';
import { handleApi } from './http/api';
import { WindowLimiter } from './http/ratelimit';
import { HttpError, sendError, sendJson } from './http/respond';
import { serveStatic } from './http/static';
import type { Logger } from './log';
import { createLogger } from './log';
import type { BackendOptions } from './scale/backend';
import { openBackend } from './scale/backend';
import type { ConnectionLimits } from './sync/connection';
import { Connection } from './sync/connection';
import type { WritePolicyFactory } from './sync/policy';
import { writePolicy } from './sync/policy';
import type { Room } from './sync/room';
import { Rooms } from './sync/rooms';

export interface ServerOptions extends Omit<BackendOptions, 'dataDir' | 'tokenSecret'> {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  dataDir: string;
  adminToken?: string;
  tokenSecret?: string;
  logLevel?: string;
  logger?: Logger;
  /** The built web app; default dist/web. */
  staticDir?: string;
  limits?: Partial<
    ConnectionLimits & { joinFailuresPerMinute: number; joinAttemptsPerMinute: number }
  >;
  /** How long an idle room stays in memory after its last connection closed. */
  idleUnloadMs?: number;
  /** How often connections are pinged; one that missed the last ping is dropped (30 s). */
  heartbeatMs?: number;
  /** Honour X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /**
   * Builds each connection's write policy (default: sync/policy.ts). Only the benchmark passes
   * another (test/bench/sync/ours-server.ts, to measure the policy's cost); main.ts never does.
   */
  writePolicy?: WritePolicyFactory;
  /** The address others use to reach this server (QR code, room screen); GET /api/config. */
  publicUrl?: string | null;
}

export interface RunningServer {
  url: string;
  port: number;
  adminToken: string;
  /** Whether this start generated the admin token (print the facilitator link once). */
  adminTokenCreated: boolean;
  adminTokenFile: string | null;
  /** Open rooms and connections, for tests and health. */
  stats(): { rooms: number; connections: number };
  /** Stops taking connections, flushes every room to disk, closes the store. */
  close(): Promise<void>;
}

const HEARTBEAT_MS = 30_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const log = options.logger ?? createLogger(options.logLevel);
  const limits: ConnectionLimits = {
    maxMessageBytes: options.limits?.maxMessageBytes ?? LIMITS.maxMessageBytes,
    messagesPerSecond: options.limits?.messagesPerSecond ?? LIMITS.messagesPerSecond,
    messageBurst: options.limits?.messageBurst ?? LIMITS.messageBurst,
    maxBufferedBytes: options.limits?.maxBufferedBytes ?? 64 * 1024 * 1024,
  };
  if (options.databaseUrl && !options.adminToken)
    throw new Error(
      'ADMIN_TOKEN is required with DATABASE_URL: every instance must accept the same admin token',
    );
  const admin = loadAdminToken(dataDir, options.adminToken);
  const backend = await openBackend({ ...options, dataDir }, log);
  const { store, workshops } = backend;
  const tokens = new TokenService(backend.secret);
  const rooms = new Rooms(store, log, options.idleUnloadMs ?? 30_000, backend.hooks);
  const staticDir = options.staticDir ?? resolve('dist/web');
  const connections = new Set<Connection>();
  const policyFor = options.writePolicy ?? writePolicy;
  let accepting = true;

  const apiDeps = {
    adminToken: admin.token,
    tokens,
    workshops,
    rooms,
    joinFailures: new WindowLimiter(
      options.limits?.joinFailuresPerMinute ?? LIMITS.joinAttemptsPerMinute,
    ),
    joinAttempts: new WindowLimiter(
      options.limits?.joinAttemptsPerMinute ?? LIMITS.joinAttemptsPerMinute * 10,
    ),
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl ?? null,
    log,
  };

  const http = createServer((req, res) => {
    void (async () => {
      try {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path === API.health) {
          sendJson(res, accepting ? 200 : 503, { ok: accepting });
          return;
        }
        if (path.startsWith('/api/')) {
          if (!(await handleApi(req, res, apiDeps)))
            throw new HttpError(404, 'not_found', `no route for ${req.method} ${path}`);
          return;
        }
        if ((req.method === 'GET' || req.method === 'HEAD') && serveStatic(staticDir, req, res))
          return;
        throw new HttpError(404, 'not_found', `nothing at ${path}`);
      } catch (err) {
        if (err instanceof HttpError) {
          if (err.status >= 500) log.error({ err }, 'request failed');
          sendError(res, err);
        } else {
          log.error({ err }, 'request failed');
          sendError(res, new HttpError(500, 'internal', 'internal server error'));
        }
      }
    })();
  });

  // Hard cap far above the protocol limit: bigger frames are cut by ws itself (close 1009);
  // frames between the two get our own final 4413 so the client does not resend them forever.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 4 });

  http.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!accepting || !path.startsWith(`${API.syncPrefix}/`)) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => void accept(ws, req));
  });

  /** Authorises a new socket and attaches it to its room. No document byte goes out before. */
  async function accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    const queued: Array<[Uint8Array, boolean]> = [];
    const queue = (data: Buffer, isBinary: boolean) =>
      queued.push([new Uint8Array(data), isBinary]);
    ws.on('message', queue);
    ws.on('error', (err) => log.debug({ err }, 'socket error'));
    const url = new URL(req.url ?? '/', 'http://x');
    let roomParam = '';
    try {
      roomParam = decodeURIComponent(url.pathname.slice(API.syncPrefix.length + 1));
    } catch {
      roomParam = '';
    }
    const refuse = (code: number, reason: string, extra: Record<string, unknown> = {}) => {
      log.warn(
        {
          room: roomParam.slice(0, 120),
          code,
          reason,
          address: req.socket.remoteAddress,
          ...extra,
        },
        'connection refused',
      );
      ws.close(code, reason);
    };

    const ref = parseRoomName(roomParam);
    if (!ref) return refuse(CLOSE.badRequest, 'bad room name');
    const claims = await tokens.verify(url.searchParams.get('token'));
    if (!claims) return refuse(CLOSE.unauthorized, 'missing, invalid or expired token');
    if (claims.workshopId !== ref.workshopId)
      return refuse(CLOSE.forbidden, 'token is for another workshop');
    if (!(await workshops.get(ref.workshopId))) return refuse(CLOSE.notFound, 'no such workshop');

    const control = await rooms.acquire({ kind: 'control', workshopId: ref.workshopId });
    let room: Room = control;
    try {
      if (
        claims.role === 'participant' &&
        isParticipantRemoved(control.doc, claims.participantId)
      ) {
        rooms.release(control);
        return refuse(CLOSE.forbidden, 'participant removed', {
          participant: claims.participantId,
        });
      }
      if (ref.kind === 'board') {
        if (!readBoards(control.doc).some((b) => b.id === ref.boardId)) {
          rooms.release(control);
          return refuse(CLOSE.notFound, 'no such board');
        }
        room = await rooms.acquire(ref);
        // Once per load: seeds a board added later, and brings an older template up to date
        // (a no-op for a current board; people's work is never touched).
        if (!room.templateChecked) {
          room.templateChecked = true;
          seedBoardDoc(room.doc, ref.boardId, readWorkshop(control.doc).language);
        }
      }
    } catch (err) {
      rooms.release(control);
      log.error({ err }, 'opening a room failed');
      ws.close(CLOSE.tryAgainLater, 'room could not be opened');
      return;
    }
    if (ws.readyState !== ws.OPEN) {
      release(ref, room, control);
      return;
    }
    attach(ws, ref, room, control, claims, queue, queued);
  }

  function release(ref: RoomRef, room: Room, control: Room): void {
    if (ref.kind === 'board') rooms.release(room);
    rooms.release(control);
  }

  function attach(
    ws: WebSocket,
    ref: RoomRef,
    room: Room,
    control: Room,
    claims: TokenClaims,
    queue: (data: Buffer, isBinary: boolean) => void,
    queued: Array<[Uint8Array, boolean]>,
  ): void {
    const conn = new Connection(
      ws,
      room,
      claims,
      policyFor(claims, ref, room.doc, control.doc),
      limits,
      log,
    );
    connections.add(conn);
    room.peers.add(conn);
    log.info(
      { room: room.name, role: claims.role, participant: claims.participantId },
      'connection open',
    );

    // A participant the facilitator removes is disconnected at once.
    const onControlUpdate = () => {
      if (isParticipantRemoved(control.doc, claims.participantId))
        conn.close(CLOSE.forbidden, 'participant removed');
    };
    if (claims.role === 'participant') control.doc.on('update', onControlUpdate);

    ws.off('message', queue);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      conn.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), isBinary);
    });
    ws.on('close', (code: number) => {
      connections.delete(conn);
      room.peers.delete(conn);
      conn.dispose();
      if (claims.role === 'participant') control.doc.off('update', onControlUpdate);
      release(ref, room, control);
      log.info({ room: room.name, participant: claims.participantId, code }, 'connection closed');
    });
    conn.start();
    for (const [data, isBinary] of queued) if (!conn.receive(data, isBinary)) break;
  }

  const heartbeat = setInterval(() => {
    for (const conn of connections) if (!conn.ping()) conn.ws.terminate();
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolveListen, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 1234, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ url, dataDir, backend: backend.kind }, 'werkbank listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port: address.port,
    adminToken: admin.token,
    adminTokenCreated: admin.created,
    adminTokenFile: admin.file,
    stats: () => ({ rooms: rooms.size, connections: connections.size }),
    close() {
      closing ??= (async () => {
        accepting = false;
        clearInterval(heartbeat);
        const httpClosed = new Promise<void>((r) => http.close(() => r()));
        for (const conn of connections) conn.close(CLOSE.goingAway, 'server shutting down');
        http.closeAllConnections();
        await rooms.closeAll();
        await backend.close();
        await httpClosed;
        log.info('werkbank stopped; every room flushed');
      })();
      return closing;
    },
  };
}
