/**
 * The one place for the HTTP and WebSocket contract between web/ and sync-server/
 * (DESIGN.md, "HTTP and WebSocket contract"). Both sides import these types and constants.
 */
import type { RawElement } from './elements/base';
import type { Lang } from './i18n';

export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a signed token carries (HMAC via jose; `exp` is set by the signer). */
export interface TokenClaims {
  workshopId: string;
  role: Role;
  /** The participant id for participants; `facilitator` / `viewer` for the others. */
  participantId: string;
  /**
   * Facilitator and viewer links: the link generation they were issued in (absent: 0). Revoking
   * a role's links raises its generation; older tokens are refused (4401 / 401).
   */
  generation?: number;
}

export const PARTICIPANT_KINDS = ['social', 'regular', 'partner'] as const;
/** Social enterprise, regular enterprise, or partner (DOMAIN.md, "The people"). */
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

// ---- HTTP -------------------------------------------------------------------------------

export const API = {
  health: '/healthz',
  time: '/api/time',
  config: '/api/config',
  workshops: '/api/workshops',
  join: '/api/join',
  workshop: (workshopId: string) => `/api/workshops/${workshopId}`,
  revoke: (workshopId: string) => `/api/workshops/${workshopId}/revoke`,
  tickets: '/api/tickets',
  boardSnapshot: (workshopId: string, boardId: string) =>
    `/api/workshops/${workshopId}/boards/${boardId}/snapshot`,
  syncPrefix: '/sync',
} as const;

/** `POST /api/workshops` with `Authorization: Bearer <admin token>`. */
export interface CreateWorkshopRequest {
  title: string;
  language: Lang;
  organisation?: string;
}
export interface CreateWorkshopResponse {
  workshopId: string;
  facilitatorToken: string;
  joinCode: string;
  viewerToken: string;
}

/** `POST /api/join`. */
export interface JoinRequest {
  joinCode: string;
  name: string;
  organisation?: string;
  kind?: ParticipantKind;
}
export interface JoinResponse {
  workshopId: string;
  participantId: string;
  token: string;
}

/** `GET /api/workshops/<id>` with any valid token of that workshop. */
export interface WorkshopInfo {
  workshopId: string;
  title: string;
  language: Lang;
  organisation: string;
  boards: string[];
  role: Role;
  participantId: string;
  /** The join code, for the facilitator only (shown in the facilitator's panel). */
  joinCode?: string;
}

/**
 * `GET /api/config`: how others reach this server (`PUBLIC_URL`, or the LAN address when it
 * listens on all interfaces); null: the address the browser used is the one to share.
 */
export interface ConfigResponse {
  publicUrl: string | null;
}

/**
 * `POST /api/tickets` with `Authorization: Bearer <token>`: a single-use ticket for opening one
 * WebSocket (`/sync/<room>?ticket=…`) within `expiresInMs`, so the long-lived token never sits in
 * a URL a proxy logs.
 */
export interface TicketResponse {
  ticket: string;
  expiresInMs: number;
}

/**
 * `GET /api/workshops/<id>/boards/<boardId>/snapshot` with any token that may open the board's
 * room: its elements as plain JSON (the element map as `Y.Map.toJSON` gives it, keyed by id), for
 * drawing a board before its document has arrived and been decoded. A picture, not a copy: the
 * app shows it read-only until the room has synced, and decodes each record as it decodes the
 * document's (`decodeElement`). gzip-encoded when asked.
 */
export interface BoardSnapshotResponse {
  elements: Record<string, RawElement>;
}

/** `POST /api/workshops/<id>/revoke` (admin): every link of `role` issued so far stops working. */
export interface RevokeRequest {
  role: 'facilitator' | 'viewer';
}
/** The new generation and fresh links for both roles. */
export interface RevokeResponse {
  role: 'facilitator' | 'viewer';
  generation: number;
  facilitatorToken: string;
  viewerToken: string;
}

/** `GET /api/time`: the server clock, for the countdown's clock offset. */
export interface TimeResponse {
  now: number;
}

/** Every HTTP error body. */
export interface ApiError {
  error: string;
  message: string;
}

// ---- WebSocket ---------------------------------------------------------------------------

/**
 * y-websocket message kinds (the first varUint of every frame). 0–3 are the stock protocol.
 * `stored` is ours (docs/api.md, "What is stored"): the app sends it without payload to ask
 * what is durably stored; the server answers with the same kind and a state vector (varUint8Array)
 * once everything the room had applied when asked is written. A stock client never asks, so it
 * never receives one.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stored: 100,
} as const;

/**
 * Close codes. 4400–4499 are final: the stock y-websocket 3.x client stops reconnecting after
 * them. Everything a retry can fix uses a code outside that range.
 */
export const CLOSE = {
  /** Server is shutting down; reconnect later. */
  goingAway: 1001,
  /** Overloaded or rate-limited; reconnect later. */
  tryAgainLater: 1013,
  /**
   * A write of this connection was refused (after the permission-denied message): reconnect and
   * sync again. Retryable, so the stock client reconnects by itself (docs/api.md).
   */
  resync: 4003,
  /** Malformed frame, bad room name, protocol violation. */
  badRequest: 4400,
  /** Missing, badly signed or expired token. */
  unauthorized: 4401,
  /** Token valid, but for another workshop (or a removed participant). */
  forbidden: 4403,
  /** No such workshop or board. */
  notFound: 4404,
  /**
   * The client's copy of a board is from before the server dropped the board's history
   * (compaction.ts): fetch the board anew and carry over what was changed offline.
   */
  stale: 4409,
  /** A single message over the size limit. */
  tooLarge: 4413,
  /** The board (or control document) reached its maximum stored size: it takes no more. */
  documentFull: 4422,
  /** This connection sent more bytes per second than its quota (a flood, not typing). */
  tooFast: 4429,
  /** The room as a whole takes more bytes per second than its quota: reconnect a bit later. */
  roomBusy: 4529,
} as const;
export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

export function isFinalClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Reasons sent with the y-protocols auth message (permission denied) when a write is dropped. */
export const DENIED = {
  readOnlyRole: 'read-only-role',
  boardLocked: 'board-locked',
  controlFacilitatorOnly: 'control-facilitator-only',
  othersVotes: 'others-votes',
  /** Outside what the role may write (docs/api.md, "What each role may write"). */
  notAllowed: 'not-allowed',
  /** A template item: only the facilitator moves, edits or deletes it. */
  templateItem: 'template-item',
  /** No voting round runs on this board, the sticky is not on its ballot, or the votes are used up. */
  voteCap: 'vote-cap',
} as const;
export type DeniedReason = (typeof DENIED)[keyof typeof DENIED];

/** Default limits, overridable by env on the server. */
export const LIMITS = {
  maxMessageBytes: 2 * 1024 * 1024,
  /** Messages per second per connection (token bucket). Stock clients echo awareness: allow it. */
  messagesPerSecond: 600,
  messageBurst: 1200,
  joinAttemptsPerMinute: 20,
  /** Bytes per second per connection (a token bucket holding `byteBurst`). */
  bytesPerSecond: 512 * 1024,
  byteBurst: 8 * 1024 * 1024,
  /** Bytes per second into one room, from all its connections together. */
  roomBytesPerSecond: 2 * 1024 * 1024,
  roomByteBurst: 16 * 1024 * 1024,
  /** The largest a stored document may grow (its encoded state). */
  maxDocumentBytes: 64 * 1024 * 1024,
} as const;

/** `GET /api/workshops` (admin): every workshop with freshly signed facilitator/viewer tokens. */
export interface WorkshopListEntry extends CreateWorkshopResponse {
  title: string;
  language: Lang;
  organisation: string;
  createdAt: number;
}
