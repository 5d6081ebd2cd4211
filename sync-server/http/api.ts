/**
 * The JSON API (docs/api.md). Every handler validates its input and answers with a typed body
 * from workshops/contract.ts or an ApiError.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ConfigResponse,
  CreateWorkshopResponse,
  JoinResponse,
  ParticipantKind,
  RevokeResponse,
  Role,
  TicketResponse,
  TimeResponse,
  TokenClaims,
  WorkshopInfo,
  WorkshopListEntry,
} from '../../workshops';
import {
  API,
  PARTICIPANT_KINDS,
  STAGES,
  addParticipant,
  isLang,
  isParticipantRemoved,
  readBoards,
  seedBoardDoc,
  seedControlDoc,
  stripInvisible,
} from '../../workshops';
import type { TicketDesk } from '../auth/tickets';
import { TICKET_TTL_MS } from '../auth/tickets';
import type { TokenService } from '../auth/tokens';
import { isRevoked } from '../auth/tokens';
import { serverEnv } from '../env';
import type { Logger } from '../log';
import type { WorkshopEntry, WorkshopStore } from '../store/workshops';
import { randomJoinCode } from '../store/workshops';
import type { Rooms } from '../sync/rooms';
import type { JoinLimiter } from './ratelimit';
import { handleReport } from './report';
import { handleSnapshot } from './snapshot';
import { HttpError, bearer, clientAddress, readJson, sendJson } from './respond';

export interface ApiDeps {
  adminToken: string;
  tokens: TokenService;
  tickets: TicketDesk;
  workshops: WorkshopStore;
  rooms: Rooms;
  joinFailures: JoinLimiter;
  joinAttempts: JoinLimiter;
  /** Reverse proxies in front (see clientAddress). */
  trustProxy: number;
  /** How others reach this server (GET /api/config), or null. */
  publicUrl?: string | null;
  log: Logger;
  /** Closes the open connections of a role whose links were just revoked. */
  onRevoked(workshopId: string, role: Role): void;
  /** Runs work once no HTTP response is in flight (http/quiet.ts). */
  whenQuiet(work: () => void): void;
}

function text(body: Record<string, unknown>, key: string, max: number, required: boolean): string {
  const v = body[key];
  if (v === undefined || v === null || v === '') {
    if (required) throw new HttpError(400, 'invalid', `"${key}" is required`);
    return '';
  }
  if (typeof v !== 'string') throw new HttpError(400, 'invalid', `"${key}" must be a string`);
  const trimmed = stripInvisible(v).trim();
  if (required && !trimmed) throw new HttpError(400, 'invalid', `"${key}" is required`);
  if (trimmed.length > max)
    throw new HttpError(400, 'invalid', `"${key}" is longer than ${max} characters`);
  return trimmed;
}

function isAdmin(req: IncomingMessage, adminToken: string): boolean {
  const given = Buffer.from(bearer(req) ?? '');
  const expected = Buffer.from(adminToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function requireAdmin(req: IncomingMessage, deps: ApiDeps): void {
  if (!isAdmin(req, deps.adminToken))
    throw new HttpError(401, 'unauthorized', 'a valid admin token is required');
}

/** Facilitator and viewer links of the workshop's current generations. */
async function mintLinks(
  deps: ApiDeps,
  workshopId: string,
  generations: WorkshopEntry['generations'] = {},
): Promise<{ facilitatorToken: string; viewerToken: string }> {
  const sign = (role: 'facilitator' | 'viewer') =>
    deps.tokens.sign({
      workshopId,
      role,
      participantId: role,
      generation: generations[role] ?? 0,
    });
  const [facilitatorToken, viewerToken] = await Promise.all([sign('facilitator'), sign('viewer')]);
  return { facilitatorToken, viewerToken };
}

async function createWorkshop(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<void> {
  requireAdmin(req, deps);
  const body = await readJson(req);
  const title = text(body, 'title', 200, true);
  const language = body.language ?? 'nl';
  if (!isLang(language)) throw new HttpError(400, 'invalid', '"language" must be "nl" or "en"');
  const organisation = text(body, 'organisation', 200, false);

  let joinCode = randomJoinCode((n) => randomBytes(n));
  while (await deps.workshops.byJoinCode(joinCode))
    joinCode = randomJoinCode((n) => randomBytes(n));
  const entry: WorkshopEntry = {
    workshopId: serverEnv.newId(10),
    title,
    language,
    organisation,
    joinCode,
    createdAt: Date.now(),
  };

  // Seed on the server, once: two clients opening a new board at once can never seed it twice.
  const control = await deps.rooms.acquire({ kind: 'control', workshopId: entry.workshopId });
  try {
    seedControlDoc(control.doc, { title, language, organisation });
    for (const board of readBoards(control.doc)) {
      const room = await deps.rooms.acquire({
        kind: 'board',
        workshopId: entry.workshopId,
        boardId: board.id,
      });
      try {
        seedBoardDoc(room.doc, board.id, language, serverEnv);
        await room.flush();
      } finally {
        deps.rooms.release(room);
      }
    }
    await control.flush();
  } finally {
    deps.rooms.release(control);
  }
  await deps.workshops.create(entry);
  deps.log.info({ workshop: entry.workshopId }, 'workshop created');
  const response: CreateWorkshopResponse = {
    workshopId: entry.workshopId,
    joinCode,
    ...(await mintLinks(deps, entry.workshopId)),
  };
  sendJson(res, 201, response);
}

async function listWorkshops(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<void> {
  requireAdmin(req, deps);
  const list: WorkshopListEntry[] = [];
  for (const w of await deps.workshops.list()) {
    const { generations, ...entry } = w;
    list.push({ ...entry, ...(await mintLinks(deps, w.workshopId, generations)) });
  }
  sendJson(res, 200, { workshops: list });
}

async function join(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const address = clientAddress(req, deps.trustProxy);
  const wait = Math.max(
    await deps.joinFailures.retryAfter(address),
    await deps.joinAttempts.retryAfter(address),
  );
  if (wait > 0) {
    deps.log.warn({ address }, 'join rate limit');
    throw new HttpError(429, 'rate_limited', `too many join attempts; try again in ${wait} s`, {
      'retry-after': String(wait),
    });
  }
  await deps.joinAttempts.record(address);
  const body = await readJson(req);
  const joinCode = text(body, 'joinCode', 32, true);
  const name = text(body, 'name', 80, true);
  const organisation = text(body, 'organisation', 120, false);
  const kindRaw = body.kind;
  if (
    kindRaw !== undefined &&
    kindRaw !== null &&
    kindRaw !== '' &&
    !(PARTICIPANT_KINDS as readonly unknown[]).includes(kindRaw)
  ) {
    throw new HttpError(400, 'invalid', `"kind" must be one of ${PARTICIPANT_KINDS.join(', ')}`);
  }
  const workshop = await deps.workshops.byJoinCode(joinCode);
  if (!workshop) {
    await deps.joinFailures.record(address);
    deps.log.info({ address }, 'join with unknown code');
    throw new HttpError(404, 'unknown_code', 'no workshop has this join code');
  }
  const participantId = `p-${serverEnv.newId(10)}`;
  const control = await deps.rooms.acquire({ kind: 'control', workshopId: workshop.workshopId });
  try {
    addParticipant(control.doc, {
      id: participantId,
      name,
      organisation,
      joinedAt: Date.now(),
      ...(kindRaw ? { kind: kindRaw as ParticipantKind } : {}),
    });
    await control.flush();
  } finally {
    deps.rooms.release(control);
  }
  const token = await deps.tokens.sign({
    workshopId: workshop.workshopId,
    role: 'participant',
    participantId,
  });
  deps.log.info(
    { workshop: workshop.workshopId, participant: participantId },
    'participant joined',
  );
  const response: JoinResponse = { workshopId: workshop.workshopId, participantId, token };
  sendJson(res, 200, response);
}

async function claimsFor(
  req: IncomingMessage,
  deps: ApiDeps,
  workshopId: string,
): Promise<TokenClaims> {
  const claims = await deps.tokens.verify(bearer(req));
  if (!claims) throw new HttpError(401, 'unauthorized', 'a valid token is required');
  if (claims.workshopId !== workshopId)
    throw new HttpError(403, 'forbidden', 'this token is for another workshop');
  const workshop = await deps.workshops.get(workshopId);
  if (workshop && isRevoked(claims, workshop.generations))
    throw new HttpError(401, 'revoked', 'this link was revoked by the facilitator');
  return claims;
}

/** `POST /api/tickets`: the bearer token traded for a single-use WebSocket ticket. */
async function issueTicket(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<void> {
  const claims = await deps.tokens.verify(bearer(req));
  if (!claims) throw new HttpError(401, 'unauthorized', 'a valid token is required');
  await claimsFor(req, deps, claims.workshopId);
  const body: TicketResponse = { ticket: deps.tickets.issue(claims), expiresInMs: TICKET_TTL_MS };
  sendJson(res, 200, body);
}

/** `POST /api/workshops/<id>/revoke` (admin): a role's links so far stop working. */
async function revokeLinks(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
  workshopId: string,
): Promise<void> {
  requireAdmin(req, deps);
  const body = await readJson(req);
  const role = body.role;
  if (role !== 'facilitator' && role !== 'viewer')
    throw new HttpError(400, 'invalid', '"role" must be "facilitator" or "viewer"');
  if (!(await deps.workshops.get(workshopId)))
    throw new HttpError(404, 'not_found', 'no such workshop');
  const generation = await deps.workshops.revoke(workshopId, role);
  deps.onRevoked(workshopId, role);
  deps.log.info({ workshop: workshopId, role, generation }, 'links revoked');
  const entry = await deps.workshops.get(workshopId);
  const response: RevokeResponse = {
    role,
    generation,
    ...(await mintLinks(deps, workshopId, entry?.generations)),
  };
  sendJson(res, 200, response);
}

async function workshopInfo(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
  workshopId: string,
): Promise<void> {
  const claims = await claimsFor(req, deps, workshopId);
  const workshop = await deps.workshops.get(workshopId);
  if (!workshop) throw new HttpError(404, 'not_found', 'no such workshop');
  const control = await deps.rooms.acquire({ kind: 'control', workshopId });
  try {
    if (claims.role === 'participant' && isParticipantRemoved(control.doc, claims.participantId)) {
      throw new HttpError(403, 'removed', 'the facilitator removed this participant');
    }
    const boards = readBoards(control.doc).map((b) => b.id);
    const info: WorkshopInfo = {
      workshopId,
      title: workshop.title,
      language: workshop.language,
      organisation: workshop.organisation,
      boards: boards.length ? boards : [...STAGES],
      role: claims.role,
      participantId: claims.participantId,
      ...(claims.role === 'facilitator' ? { joinCode: workshop.joinCode } : {}),
    };
    sendJson(res, 200, info);
  } finally {
    deps.rooms.release(control);
  }
}

function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** Routes an /api request; returns false when no route matched. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  const method = req.method ?? 'GET';
  // Only JSON: a form or a text/plain POST from another site (no preflight) is refused.
  if (method === 'POST' && !isJson(req))
    throw new HttpError(415, 'unsupported_media_type', 'send Content-Type: application/json');
  if (pathname === API.tickets) {
    if (method !== 'POST')
      throw new HttpError(405, 'method_not_allowed', 'use POST', { allow: 'POST' });
    await issueTicket(req, res, deps);
    return true;
  }
  const revoke = /^\/api\/workshops\/([a-z0-9]{6,40})\/revoke$/.exec(pathname);
  if (revoke?.[1]) {
    if (method !== 'POST')
      throw new HttpError(405, 'method_not_allowed', 'use POST', { allow: 'POST' });
    await revokeLinks(req, res, deps, revoke[1]);
    return true;
  }
  if (pathname === '/api/time' && method === 'GET') {
    const body: TimeResponse = { now: Date.now() };
    sendJson(res, 200, body);
    return true;
  }
  if (pathname === API.config && method === 'GET') {
    const body: ConfigResponse = { publicUrl: deps.publicUrl ?? null };
    sendJson(res, 200, body);
    return true;
  }
  if (pathname === '/api/workshops') {
    if (method === 'POST') await createWorkshop(req, res, deps);
    else if (method === 'GET') await listWorkshops(req, res, deps);
    else
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here`, {
        allow: 'GET, POST',
      });
    return true;
  }
  if (pathname === '/api/join') {
    if (method !== 'POST')
      throw new HttpError(405, 'method_not_allowed', 'use POST', { allow: 'POST' });
    await join(req, res, deps);
    return true;
  }
  const match = /^\/api\/workshops\/([a-z0-9]{6,40})$/.exec(pathname);
  if (match?.[1] && method === 'GET') {
    await workshopInfo(req, res, deps, match[1]);
    return true;
  }
  if (await handleSnapshot(req, res, deps)) return true;
  if (await handleReport(req, res, deps)) return true;
  return false;
}
