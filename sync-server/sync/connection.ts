/**
 * One WebSocket on one room: the y-websocket protocol (sync step 1/2, update, awareness,
 * query-awareness) with the role checks of docs/api.md ("Roles"). Message kinds dispatch through
 * a table.
 * A write the role does not allow is never applied; the sender gets the y-protocols auth
 * message "permission denied" with a reason. When the refused update held new items, every later
 * update of that Yjs client depends on them and could never be applied (the server would hold it as pending forever), so from
 * then on the connection applies no more updates and is closed with CLOSE.resync (retryable): the
 * client reconnects and re-syncs (docs/api.md, "A refused write").
 * Our own client may ask what is stored (MESSAGE.stored): answered after the room's flush.
 */
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { DeniedReason, TokenClaims } from '../../workshops';
import { CLOSE, DENIED, MESSAGE, holdsRetired, updateHoldsRetired } from '../../workshops';
import type { Logger } from '../log';
import { changesNothing, isEmptyUpdate } from '../store/docs';
import type { Peer, Room } from './room';

export interface ConnectionLimits {
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  /** Close a connection whose unsent bytes exceed this (a stuck or very slow client). */
  maxBufferedBytes: number;
  /** Byte quotas: per connection, per room (all its connections), and the document's size. */
  bytesPerSecond: number;
  byteBurst: number;
  roomBytesPerSecond: number;
  roomByteBurst: number;
  maxDocumentBytes: number;
}

/** A token bucket: `rate` per second, holding at most `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(n: number, now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

/** One byte bucket per room, shared by its connections (a room object lives for one load). */
const roomBuckets = new WeakMap<Room, TokenBucket>();
/** When a room's exact size was last measured (see `fits`). */
const measuredAt = new WeakMap<Room, number>();
/** A room's exact encoded size is measured at most this often (it costs a full encoding). */
const MEASURE_EVERY_MS = 10_000;
/** How often a connection's query-awareness is answered; more frequent queries are ignored. */
export const QUERY_AWARENESS_MS = 1_000;

/** Decides whether this connection may write `update` to its room right now. */
export type WritePolicy = (update: Uint8Array) => DeniedReason | null;

/** A message that closes the connection with a code of its own (not 4400). */
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Awareness fields only a facilitator's connection may set (follow mode: web/facilitator/SessionBar.tsx). */
const FACILITATOR_ONLY_AWARENESS = ['facilitatorView'];

const STALE_REASON = 'your copy of this board is older than its last clean-up: load it anew';

type Handler = (conn: Connection, decoder: decoding.Decoder, encoder: encoding.Encoder) => void;

/** The message table (y-websocket's `messageHandlers`): kind → handler. */
const HANDLERS: Record<number, Handler> = {
  [MESSAGE.sync]: (conn, decoder, encoder) => conn.onSync(decoder, encoder),
  [MESSAGE.awareness]: (conn, decoder) => conn.onAwareness(decoder),
  [MESSAGE.queryAwareness]: (conn) => conn.onQueryAwareness(),
  [MESSAGE.stored]: (conn) => conn.onStoredQuery(),
  // Clients never send auth messages that mean anything to us; ignore them.
  [MESSAGE.auth]: () => {},
};

export class Connection implements Peer {
  /** Awareness client ids this connection controls (removed when it closes). */
  readonly awarenessIds = new Set<number>();
  private tokens: number;
  private lastRefill = Date.now();
  private readonly bytes: TokenBucket;
  private readonly roomBytes: TokenBucket;
  private lastQuery = 0;
  /** The client's first sync step 1 was answered. */
  private greeted = false;
  private alive = true;
  private closed = false;
  /** Who this connection writes as, for the Yjs client ids it claims (room.ts, claimClients). */
  private get owner(): string {
    return `${this.claims.role}:${this.claims.participantId}`;
  }
  /** A write of this connection was refused: it applies no more updates (see deny). */
  private refused = false;
  private resyncTimer: NodeJS.Timeout | null = null;
  /** A "what is stored" answer is being prepared / another was asked for meanwhile. */
  private storedQuery: 'idle' | 'waiting' | 'again' = 'idle';

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    readonly claims: TokenClaims,
    private readonly policy: WritePolicy,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {
    this.tokens = limits.messageBurst;
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    let roomBytes = roomBuckets.get(room);
    if (!roomBytes) {
      roomBytes = new TokenBucket(limits.roomBytesPerSecond, limits.roomByteBurst);
      roomBuckets.set(room, roomBytes);
    }
    this.roomBytes = roomBytes;
    ws.on('pong', () => {
      this.alive = true;
    });
  }

  /** Starts the protocol: sync step 1 and the room's current awareness. */
  start(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.room.doc);
    this.send(encoding.toUint8Array(encoder));
    this.sendAwareness();
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CLOSE.tryAgainLater, 'too far behind');
      return;
    }
    this.ws.send(message, { binary: true }, this.onSent);
  }

  /** One callback for every send (not a closure per message: 19 per edit in a room of 20). */
  private readonly onSent = (err?: Error) => {
    if (err) this.close(CLOSE.goingAway, 'send failed');
  };

  /** Every awareness state of the room, from the room's one cached encoding. */
  sendAwareness(): void {
    const message = this.room.awarenessMessage();
    if (message) this.send(message);
  }

  /** query-awareness: answered at most once per QUERY_AWARENESS_MS, further ones ignored. */
  onQueryAwareness(): void {
    const now = Date.now();
    if (now - this.lastQuery < QUERY_AWARENESS_MS) return;
    this.lastQuery = now;
    this.sendAwareness();
  }

  /** Handles one frame. Returns false when the connection was closed because of it. */
  receive(data: Uint8Array, isBinary: boolean): boolean {
    // Anything from the peer proves it alive: a pong stuck behind a long backlog of ours must
    // not get a busy client dropped by the heartbeat (which would discard what is buffered).
    this.alive = true;
    if (!isBinary) return this.refuse(CLOSE.badRequest, 'text frames are not part of the protocol');
    if (data.byteLength > this.limits.maxMessageBytes) {
      return this.refuse(
        CLOSE.tooLarge,
        `message of ${data.byteLength} bytes over the limit of ${this.limits.maxMessageBytes}`,
      );
    }
    if (!this.take()) return this.refuse(CLOSE.tryAgainLater, 'rate limit exceeded');
    const quota = this.checkQuota(data);
    if (quota) return this.refuse(quota.code, quota.reason);
    const encoder = encoding.createEncoder();
    try {
      const decoder = decoding.createDecoder(data);
      const kind = decoding.readVarUint(decoder);
      const handler = HANDLERS[kind];
      if (!handler) return this.refuse(CLOSE.badRequest, `unknown message kind ${kind}`);
      handler(this, decoder, encoder);
    } catch (err) {
      if (err instanceof Refusal) return this.refuse(err.code, err.message);
      return this.refuse(CLOSE.badRequest, `malformed message: ${(err as Error).message}`);
    }
    if (encoding.length(encoder) > 1) {
      const reply = encoding.toUint8Array(encoder);
      // What a frame makes us send counts against the same byte quota (a flood of one-byte
      // sync step 1 frames would have the whole document encoded and sent for each) — except
      // the answer to the connection's first step 1: joining a large board is no flood.
      const handshake = data[0] === MESSAGE.sync && data[1] === 0 && !this.greeted;
      if (data[0] === MESSAGE.sync && data[1] === 0) this.greeted = true;
      if (!handshake && !this.bytes.take(reply.length))
        return this.refuse(CLOSE.tooFast, 'asks for more bytes per second than its quota');
      this.send(reply);
    }
    return true;
  }

  onSync(decoder: decoding.Decoder, encoder: encoding.Encoder): void {
    encoding.writeVarUint(encoder, MESSAGE.sync);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        // A copy from before the board's history was dropped must not merge back (it would
        // bring every old item along): refused before anything is sent to or taken from it.
        const { retired } = this.room;
        if (retired.size > 0 && holdsRetired(Y.decodeStateVector(stateVector), retired))
          throw new Refusal(CLOSE.stale, STALE_REASON);
        syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector);
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Truncated payloads throw inside readVarUint8Array; a decodable update that is empty is
        // the stock client's normal answer to our step 1 and no offence for a read-only role.
        if (isEmptyUpdate(update)) return;
        // After a refusal nothing of this client can apply any more (it would wait for the
        // refused clocks): dropped, never held as pending, stored or sent to anyone. (Updates
        // still in flight when the server shuts down are applied: the flush stores them.)
        if (this.refused) return;
        if (updateHoldsRetired(update, this.room.retired))
          throw new Refusal(CLOSE.stale, STALE_REASON);
        const { to } = Y.parseUpdateMeta(update);
        // New clocks of a Yjs client id someone else writes with would make that person's own
        // next items duplicates, dropped by every peer: nobody writes under another's id.
        const claims = this.room.newClients(to);
        const denied = this.room.ownedByOthers(claims, this.owner)
          ? DENIED.notAllowed
          : this.policy(update);
        if (denied) {
          // A copy's handshake repeats deletions the room already holds: no write at all.
          if (changesNothing(this.room.doc, update)) return;
          // Only new items (clocks) strand what follows; a refused deletion alone does not.
          this.deny(denied, to.size > 0);
          return;
        }
        Y.applyUpdate(this.room.doc, update, this);
        this.room.claimClients(claims, this.owner);
        // Parts whose earlier parts never arrived are never kept nor served (room.ts): ask the
        // client for what we lack instead (it answers our step 1 with a complete step 2).
        if (this.room.dropPending()) {
          encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
          encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.room.doc));
        }
        return;
      }
      default:
        throw new Error(`unknown sync message type ${type}`);
    }
  }

  onAwareness(decoder: decoding.Decoder): void {
    const allowed = this.ownAwareness(decoding.readVarUint8Array(decoder));
    if (allowed) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, allowed, this);
  }

  /**
   * The entries of an awareness update this connection may set (null: none). A connection sets
   * and removes only client ids it introduced: first come; an id another connection holds is
   * dropped, unless that connection is the same person's (a reconnect before the old socket was
   * noticed gone), which hands it over. Facilitator-only fields (FACILITATOR_ONLY_AWARENESS)
   * are stripped from anyone else's state; the rest of their presence goes through.
   */
  private ownAwareness(update: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: Array<{ id: number; clock: number; json: string }> = [];
    let changed = false;
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      let json = decoding.readVarString(decoder);
      if (!this.mayHoldAwareness(id, json !== 'null')) {
        changed = true;
        continue;
      }
      // Cheap test first: only a state that names the field (or escapes characters) is parsed.
      const suspect =
        json.includes('\\u') || FACILITATOR_ONLY_AWARENESS.some((f) => json.includes(f));
      if (this.claims.role !== 'facilitator' && suspect) {
        const state: unknown = JSON.parse(json);
        if (state && typeof state === 'object') {
          const fields = state as Record<string, unknown>;
          const forbidden = FACILITATOR_ONLY_AWARENESS.filter((f) => f in fields);
          for (const f of forbidden) delete fields[f];
          if (forbidden.length > 0) {
            json = JSON.stringify(fields);
            changed = true;
          }
        }
      }
      kept.push({ id, clock, json });
    }
    if (kept.length === 0) return null;
    if (!changed) return update;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, kept.length);
    for (const { id, clock, json } of kept) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    return encoding.toUint8Array(encoder);
  }

  /** Whether this connection may set (`setting`) or remove the awareness state of `id`. */
  private mayHoldAwareness(id: number, setting: boolean): boolean {
    if (this.awarenessIds.has(id)) return true;
    if (id === this.room.awareness.clientID) return false;
    for (const peer of this.room.peers) {
      if (peer === this || !(peer instanceof Connection) || !peer.awarenessIds.has(id)) continue;
      const samePerson =
        peer.claims.role === this.claims.role &&
        peer.claims.participantId === this.claims.participantId;
      if (!samePerson) return false;
      peer.awarenessIds.delete(id);
      this.awarenessIds.add(id);
      return true;
    }
    if (!setting) return false;
    this.awarenessIds.add(id);
    return true;
  }

  private deny(reason: DeniedReason, stranding: boolean): void {
    this.log.info(
      {
        room: this.room.name,
        role: this.claims.role,
        participant: this.claims.participantId,
        reason,
      },
      'write refused',
    );
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.auth);
    authProtocol.writePermissionDenied(encoder, reason);
    this.send(encoding.toUint8Array(encoder));
    if (this.refused || !stranding) return;
    this.refused = true;
    const delay = this.room.refusalDelay(this.claims.participantId);
    const resync = () => this.close(CLOSE.resync, `write refused (${reason}): sync again`);
    if (delay === 0) resync();
    else this.resyncTimer = setTimeout(resync, delay);
  }

  /**
   * "What is stored?": once every update the room has applied so far — this connection's all
   * included, since its messages are handled in order — is durably written, answers with the
   * state vector of that moment. Asked again while waiting: one more answer after this one.
   */
  onStoredQuery(): void {
    if (this.storedQuery !== 'idle') {
      this.storedQuery = 'again';
      return;
    }
    this.storedQuery = 'waiting';
    const stateVector = Y.encodeStateVector(this.room.doc);
    void this.room.flush().then((stored) => {
      const again = this.storedQuery === 'again';
      this.storedQuery = 'idle';
      if (stored) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE.stored);
        encoding.writeVarUint8Array(encoder, stateVector);
        this.send(encoding.toUint8Array(encoder));
      }
      if (again && !this.closed) this.onStoredQuery();
    });
  }

  /** The byte quotas: this connection's, its room's, and the document's size. */
  private checkQuota(data: Uint8Array): { code: number; reason: string } | null {
    const n = data.byteLength;
    if (!this.bytes.take(n))
      return { code: CLOSE.tooFast, reason: `over ${this.limits.bytesPerSecond} bytes per second` };
    this.room.bytesIn += n;
    if (!this.roomBytes.take(n) || Date.now() < this.room.sharedBusyUntil)
      return { code: CLOSE.roomBusy, reason: 'the room takes no more bytes this second' };
    // A sync frame other than step 1 (whose second byte is 0) may add to the document.
    const adds = data[0] === MESSAGE.sync && data[1] !== syncProtocol.messageYjsSyncStep1;
    if (adds && !this.fits(n))
      return {
        code: CLOSE.documentFull,
        reason: `the document reached its maximum of ${this.limits.maxDocumentBytes} bytes`,
      };
    return null;
  }

  /** Whether `n` more bytes keep the room's document within its maximum size. */
  private fits(n: number): boolean {
    const room = this.room;
    if (room.docBytes + n <= this.limits.maxDocumentBytes) return true;
    // The running count only grows (deletions shrink the real size): measure, now and then.
    const now = Date.now();
    if (now - (measuredAt.get(room) ?? 0) < MEASURE_EVERY_MS) return false;
    measuredAt.set(room, now);
    room.docBytes = Y.encodeStateAsUpdate(room.doc).length;
    return room.docBytes + n <= this.limits.maxDocumentBytes;
  }

  private take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(
      this.limits.messageBurst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.limits.messagesPerSecond,
    );
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refuse(code: number, reason: string): false {
    this.log.warn(
      { room: this.room.name, participant: this.claims.participantId, code, reason },
      'connection refused',
    );
    this.close(code, reason);
    return false;
  }

  /** Heartbeat: true while the peer answered the last ping. */
  ping(): boolean {
    if (!this.alive) return false;
    this.alive = false;
    this.ws.ping();
    return true;
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    this.ws.close(code, reason.slice(0, 120));
  }

  /** Removes this connection's awareness states (called when the socket closes). */
  dispose(): void {
    this.closed = true;
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    if (this.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], null);
    }
  }
}
