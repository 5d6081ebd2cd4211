/**
 * The one Node process: the built web app, the JSON API and WebSocket sync on one port.
 * `startServer` is what `npm start` (via main.ts), the tests and the benchmarks run.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Role, RoomRef, TokenClaims } from '../workshops';
import { API, CLOSE, LIMITS, isParticipantRemoved, parseRoomName } from '../workshops';
import { loadAdminToken } from './auth/admin';
import { TicketDesk } from './auth/tickets';
import { TokenService } from './auth/tokens';
import { handleApi } from './http/api';
import { HttpError, sendError, sendJson } from './http/respond';
import { StaticFiles } from './http/static';
import { QuietTimes } from './http/quiet';
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
import type { RoomRefusal } from './sync/open-room';
import { openRoomFor, releaseRooms } from './sync/open-room';

/** How a socket hears why it may not open a room (close code, reason). */
const SOCKET_REFUSALS: Record<RoomRefusal, [number, string]> = {
  'other-workshop': [CLOSE.forbidden, 'token is for another workshop'],
  'no-workshop': [CLOSE.notFound, 'no such workshop'],
  revoked: [CLOSE.unauthorized, 'link revoked'],
  removed: [CLOSE.forbidden, 'participant removed'],
  'no-board': [CLOSE.notFound, 'no such board'],
  unavailable: [CLOSE.tryAgainLater, 'room could not be opened'],
};

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
  /**
   * How many reverse proxies stand in front (0: none). The client address is then the entry that
   * many places from the right of X-Forwarded-For: the one the outermost trusted proxy appended.
   * `true` means 1.
   */
  trustProxy?: boolean | number;
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

/**
 * Sent with every HTTP response (docs/deploy.md, "Security headers"). Scripts only from our own
 * files (the built index.html has no inline script); style attributes are allowed because React
 * and Konva set inline styles on elements (attributes cannot run script); connections only to
 * our own origin (the WebSocket included); never framed; no Referer (links carry tokens in the
 * fragment, and ours must not leak what page someone was on).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  // Everything in the data folder is the server's alone: the folder 0700, its files 0600.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const log = options.logger ?? createLogger(options.logLevel);
  const limits: ConnectionLimits = {
    maxMessageBytes: options.limits?.maxMessageBytes ?? LIMITS.maxMessageBytes,
    messagesPerSecond: options.limits?.messagesPerSecond ?? LIMITS.messagesPerSecond,
    messageBurst: options.limits?.messageBurst ?? LIMITS.messageBurst,
    maxBufferedBytes: options.limits?.maxBufferedBytes ?? 64 * 1024 * 1024,
    bytesPerSecond: options.limits?.bytesPerSecond ?? LIMITS.bytesPerSecond,
    byteBurst: options.limits?.byteBurst ?? LIMITS.byteBurst,
    roomBytesPerSecond: options.limits?.roomBytesPerSecond ?? LIMITS.roomBytesPerSecond,
    roomByteBurst: options.limits?.roomByteBurst ?? LIMITS.roomByteBurst,
    maxDocumentBytes: options.limits?.maxDocumentBytes ?? LIMITS.maxDocumentBytes,
  };
  if (options.databaseUrl && !options.adminToken)
    throw new Error(
      'ADMIN_TOKEN is required with DATABASE_URL: every instance must accept the same admin token',
    );
  const admin = loadAdminToken(dataDir, options.adminToken);
  // The store is opened and checked by the backend: a damaged one stops the start
  // (StoreDamagedError), one that cannot open yet is retried and reported here.
  const backend = await openBackend(
    {
      ...options,
      dataDir,
      roomBytes: { bytesPerSecond: limits.roomBytesPerSecond, burst: limits.roomByteBurst },
    },
    log,
  );
  const { store, workshops } = backend;
  const storeHealth = () => store.health?.() ?? { ready: true, warnings: [] };
  const storeReady = () => storeHealth().ready;
  const tokens = new TokenService(backend.secret);
  const tickets = new TicketDesk();
  const rooms = new Rooms(store, log, options.idleUnloadMs ?? 30_000, backend.hooks);
  const staticFiles = new StaticFiles(options.staticDir ?? resolve('dist/web'));
  void staticFiles.warm();
  const connections = new Set<Connection>();
  const policyFor = options.writePolicy ?? writePolicy;
  /** Refused sockets waiting out their close (destroyed at shutdown). */
  const refused = new Set<Socket>();
  let accepting = true;

  const quiet = new QuietTimes();
  const apiDeps = {
    whenQuiet: (work: () => void) => quiet.then(work),
    adminToken: admin.token,
    tokens,
    workshops,
    rooms,
    joinFailures: backend.limiter(
      'failures',
      options.limits?.joinFailuresPerMinute ?? LIMITS.joinAttemptsPerMinute,
    ),
    joinAttempts: backend.limiter(
      'attempts',
      options.limits?.joinAttemptsPerMinute ?? LIMITS.joinAttemptsPerMinute * 10,
    ),
    trustProxy: Number(options.trustProxy ?? 0),
    publicUrl: options.publicUrl ?? null,
    log,
    tickets,
    onRevoked: (workshopId: string, role: Role) => {
      for (const conn of connections)
        if (conn.claims.workshopId === workshopId && conn.claims.role === role)
          conn.close(CLOSE.unauthorized, 'link revoked');
    },
  };

  const http = createServer((req, res) => {
    quiet.started(res);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    void (async () => {
      try {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        try {
          decodeURIComponent(path);
        } catch {
          throw new HttpError(400, 'bad_url', 'the URL is not validly encoded');
        }
        if (path === API.health) {
          const health = storeHealth();
          const ok = accepting && health.ready;
          sendJson(res, ok ? 200 : 503, {
            ok,
            ...(ok ? {} : { reason: accepting ? health.reason : 'shutting down' }),
            ...(health.warnings.length ? { warnings: health.warnings } : {}),
          });
          return;
        }
        if (path.startsWith('/api/')) {
          if (!storeReady())
            throw new HttpError(503, 'not_ready', storeHealth().reason ?? 'store not ready', {
              'retry-after': '5',
            });
          if (!(await handleApi(req, res, apiDeps)))
            throw new HttpError(404, 'not_found', `no route for ${req.method} ${path}`);
          return;
        }
        if ((req.method === 'GET' || req.method === 'HEAD') && staticFiles.serve(req, res)) return;
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
    socket.on('error', (err) => log.debug({ err }, 'socket error before upgrade'));
    upgrade(req, socket as Socket, head).catch((err: unknown) => {
      log.error({ err }, 'upgrading a connection failed');
      socket.destroy();
    });
  });

  /**
   * Authorises a socket before its WebSocket handshake completes: until then the client cannot
   * send a frame, and a refused socket gets its close code with no message listener behind it
   * (nothing it sends is kept). No document byte goes out before the token and room are checked.
   */
  async function upgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!accepting || !path.startsWith(`${API.syncPrefix}/`)) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    const decision = await authorise(req);
    if (!accepting || !socket.readable || !socket.writable) {
      if ('ref' in decision) release(decision.ref, decision.room, decision.control);
      socket.destroy();
      return;
    }
    let called = false;
    wss.handleUpgrade(req, socket, head, (ws) => {
      called = true;
      ws.on('error', (err) => log.debug({ err }, 'socket error'));
      if ('refuse' in decision) {
        // Nothing the refused socket sends is read: paused, the close frame, then our FIN (the
        // client sees its close code at once; the socket is gone after ws's close timeout).
        ws.pause();
        ws.close(decision.refuse.code, decision.refuse.reason);
        socket.end();
        refused.add(socket);
        socket.once('close', () => refused.delete(socket));
        return;
      }
      attach(ws, decision.ref, decision.room, decision.control, decision.claims);
    });
    // ws answered the handshake itself (a malformed one) without a socket for us.
    if (!called && 'ref' in decision) release(decision.ref, decision.room, decision.control);
  }

  type Decision =
    | { refuse: { code: number; reason: string } }
    | { ref: RoomRef; room: Room; control: Room; claims: TokenClaims };

  /** Checks the token and the room, and opens the room; never throws. */
  async function authorise(req: IncomingMessage): Promise<Decision> {
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
      return { refuse: { code, reason } };
    };

    const ref = parseRoomName(roomParam);
    if (!ref) return refuse(CLOSE.badRequest, 'bad room name');
    // The app's single-use ticket, or a stock client's token.
    const ticket = url.searchParams.get('ticket');
    const claims = ticket
      ? tickets.redeem(ticket)
      : await tokens.verify(url.searchParams.get('token'));
    if (!claims) return refuse(CLOSE.unauthorized, 'missing, invalid or expired token or ticket');
    if (!storeReady()) return refuse(CLOSE.tryAgainLater, 'the document store is not ready');
    const access = await openRoomFor(rooms, workshops, claims, ref);
    if (!access.ok) {
      if (access.error)
        log.error({ err: access.error, room: roomParam.slice(0, 120) }, 'opening a room failed');
      const [code, reason] = SOCKET_REFUSALS[access.refusal];
      return refuse(code, reason, {
        ...(access.refusal === 'revoked' ? { role: claims.role } : {}),
        ...(access.refusal === 'removed' ? { participant: claims.participantId } : {}),
      });
    }
    const { room, control } = access;
    return { ref, room, control, claims };
  }

  function release(_ref: RoomRef, room: Room, control: Room): void {
    releaseRooms(rooms, { room, control });
  }

  function attach(
    ws: WebSocket,
    ref: RoomRef,
    room: Room,
    control: Room,
    claims: TokenClaims,
  ): void {
    if (ws.readyState !== ws.OPEN) {
      release(ref, room, control);
      return;
    }
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
        for (const socket of refused) socket.destroy();
        await rooms.closeAll();
        await backend.close();
        await httpClosed;
        log.info('werkbank stopped; every room flushed');
      })();
      return closing;
    },
  };
}
