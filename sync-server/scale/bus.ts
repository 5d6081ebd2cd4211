/**
 * Fan-out between instances (`REDIS_URL`): every instance that has a room open subscribes to the
 * room's Redis channel; a client's update is published the moment it is applied (live, also while
 * PostgreSQL is away), awareness changes in batches. Every instance that holds a room stores what
 * it applies, also what came from a peer: an instance killed before its write committed then
 * loses nothing that reached another one (the cost: a room spread over n instances writes its
 * batches n times; compaction merges them). The server's own writes (sync-server/sync/room.ts,
 * `holdUntilStored`) are published only once stored, and marked so: the others relay them at once
 * and do not store them again, and no client on any instance holds one the store lacks.
 * PostgreSQL stays the truth: a room opened late, or an instance that missed messages while Redis
 * was away, reads the rows it has not read yet (`updatesSince`, by transaction, not by seq: see
 * `ReadMark` in sync-server/store/pg.ts) — at open, when Redis comes
 * back, and every `pullMs` as a safety net — applied as REMOTE (already stored, not stored
 * again). So no room diverges between instances, and while Redis is away each instance goes on
 * serving its own clients.
 *
 * Why pub/sub and not streams: an update is useful to peers only while they hold the room, and
 * missing one costs nothing but a catch-up read from PostgreSQL, which every instance needs anyway
 * (late start, restart). Streams would add a second log with its own trimming and consumer state,
 * duplicating what the updates table already is.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../log';
import type { PgDocStore, ReadMark } from '../store/pg';
import { OTHER_INSTANCE, REMOTE } from '../sync/room';
import { SharedRoomBytes } from './limits';
import type { Outgoing, Room } from '../sync/room';

/** A client's update, not known to be stored: relayed and stored by every instance. */
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
/** An update already stored (a server's own write): relayed, not stored again. */
const KIND_STORED = 2;
const INSTANCE_BYTES = 8;
/** Awareness changes gather this long before they go to the other instances (cursors). */
const AWARENESS_BATCH_MS = 50;

export interface BusOptions {
  url: string;
  prefix: string;
  store: PgDocStore;
  log: Logger;
  /** How often each open room reads what other instances stored (the safety net). */
  pullMs?: number;
  /** Each room's byte budget, shared by all instances (limits.ts). */
  roomBytes?: { bytesPerSecond: number; burst: number };
}

/** How often each instance adds its rooms' bytes to the shared budget. */
const BYTES_FLUSH_MS = 250;

interface Attached {
  room: Room;
  channel: string;
  /** Where the room's reading from PostgreSQL stands. */
  mark: ReadMark;
  pulling: Promise<void> | null;
  pendingAwareness: Set<number>;
  awarenessTimer: NodeJS.Timeout | null;
  detach(): void;
}

export class RedisBus {
  readonly instance = randomBytes(INSTANCE_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly rooms = new Map<string, Attached>();
  private readonly pullTimer: NodeJS.Timeout;
  private readonly bytesTimer: NodeJS.Timeout;
  private readonly shared: SharedRoomBytes | null;
  private down = false;
  private closed = false;

  constructor(private readonly options: BusOptions) {
    const common = {
      keyPrefix: undefined,
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    };
    // No offline queue for publishing: while Redis is away a publish fails at once and the
    // peers catch up from PostgreSQL instead of receiving a burst of stale messages later.
    this.pub = new Redis(options.url, { ...common, enableOfflineQueue: false });
    this.sub = new Redis(options.url, common);
    for (const [name, conn] of [
      ['publisher', this.pub],
      ['subscriber', this.sub],
    ] as const) {
      conn.on('error', (err: Error) => this.wentDown(name, err));
      conn.on('ready', () => this.cameBack(name));
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.onMessage(channel.toString(), message),
    );
    this.pullTimer = setInterval(() => {
      for (const a of this.rooms.values()) void this.pull(a);
    }, options.pullMs ?? 5000);
    this.pullTimer.unref();
    this.shared = options.roomBytes
      ? new SharedRoomBytes(
          this.pub,
          options.prefix,
          options.roomBytes.bytesPerSecond,
          options.roomBytes.burst,
        )
      : null;
    this.bytesTimer = setInterval(() => this.flushBytes(), BYTES_FLUSH_MS);
    this.bytesTimer.unref();
  }

  /** The Redis connection for commands (limits.ts), not the subscriber. */
  get commands(): Redis {
    return this.pub;
  }

  private flushBytes(): void {
    const { shared } = this;
    if (!shared) return;
    for (const a of this.rooms.values()) {
      const { room } = a;
      if (room.bytesIn === 0) continue;
      const n = room.bytesIn;
      room.bytesIn = 0;
      void shared.add(room.name, n).then((until) => {
        if (until > room.sharedBusyUntil) room.sharedBusyUntil = until;
      });
    }
  }

  /** Resolves once both connections are up; rejects after `timeoutMs` (they go on trying). */
  async ready(timeoutMs = 10_000): Promise<void> {
    const up = (c: Redis) =>
      c.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`Redis at ${this.options.url} did not answer`)),
              timeoutMs,
            );
            c.once('ready', () => {
              clearTimeout(timer);
              resolve();
            });
          });
    await Promise.all([up(this.pub), up(this.sub)]);
  }

  /** Follows a freshly loaded room: subscribe, catch up from PostgreSQL, publish what it does. */
  async attach(room: Room): Promise<void> {
    const channel = `${this.options.prefix}room:${room.name}`;
    const a: Attached = {
      room,
      channel,
      mark: this.options.store.mark(room.name),
      pulling: null,
      pendingAwareness: new Set(),
      awarenessTimer: null,
      detach: () => {},
    };
    const onOutgoing: Outgoing = (update, stored) => {
      if (this.pub.status !== 'ready') return;
      const frame = this.frame(stored ? KIND_STORED : KIND_UPDATE, update);
      void this.pub.publish(channel, frame).catch(() => {});
    };
    room.outgoing.add(onOutgoing);
    const onAwareness = (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      if (origin === REMOTE || origin === this) return;
      for (const id of [...added, ...updated, ...removed]) a.pendingAwareness.add(id);
      a.awarenessTimer ??= setTimeout(() => this.flushAwareness(a), AWARENESS_BATCH_MS);
    };
    room.awareness.on('update', onAwareness);
    a.detach = () => {
      room.outgoing.delete(onOutgoing);
      room.awareness.off('update', onAwareness);
      if (a.awarenessTimer) clearTimeout(a.awarenessTimer);
    };
    this.rooms.set(room.name, a);
    // Subscribe first, then read: whatever was stored between the load and the subscription
    // comes in through the read, whatever after it through the channel.
    await this.sub.subscribe(channel).catch((err: Error) => this.wentDown('subscriber', err));
    await this.pull(a);
  }

  detach(room: Room): void {
    const a = this.rooms.get(room.name);
    if (!a || a.room !== room) return;
    this.rooms.delete(room.name);
    a.detach();
    this.options.store.forget(room.name);
    void this.sub.unsubscribe(a.channel).catch(() => {});
  }

  private flushAwareness(a: Attached): void {
    a.awarenessTimer = null;
    if (a.pendingAwareness.size === 0 || this.pub.status !== 'ready') {
      a.pendingAwareness.clear();
      return;
    }
    const ids = [...a.pendingAwareness];
    a.pendingAwareness.clear();
    const update = awarenessProtocol.encodeAwarenessUpdate(a.room.awareness, ids);
    void this.pub.publish(a.channel, this.frame(KIND_AWARENESS, update)).catch(() => {});
  }

  private frame(kind: number, payload: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(1 + INSTANCE_BYTES + payload.length);
    out[0] = kind;
    this.instance.copy(out, 1);
    out.set(payload, 1 + INSTANCE_BYTES);
    return out;
  }

  private onMessage(channel: string, message: Buffer): void {
    const name = channel.slice(`${this.options.prefix}room:`.length);
    const a = this.rooms.get(name);
    if (!a || message.length < 1 + INSTANCE_BYTES) return;
    if (message.subarray(1, 1 + INSTANCE_BYTES).equals(this.instance)) return;
    const payload = new Uint8Array(message.subarray(1 + INSTANCE_BYTES));
    try {
      // A client's: relayed to this instance's peers and stored here too (see above).
      if (message[0] === KIND_UPDATE) Y.applyUpdate(a.room.doc, payload, OTHER_INSTANCE);
      else if (message[0] === KIND_STORED) Y.applyUpdate(a.room.doc, payload, REMOTE);
      else if (message[0] === KIND_AWARENESS)
        awarenessProtocol.applyAwarenessUpdate(a.room.awareness, payload, this);
    } catch (err) {
      this.options.log.warn({ room: name, err }, 'a message from another instance was unreadable');
    }
  }

  /** Applies what other instances stored for the room since the last read. */
  private pull(a: Attached): Promise<void> {
    a.pulling ??= (async () => {
      try {
        const { updates, mark } = await this.options.store.updatesSince(a.room.name, a.mark);
        if (this.rooms.get(a.room.name) !== a) return;
        if (updates.length > 0) Y.applyUpdate(a.room.doc, Y.mergeUpdates(updates), REMOTE);
        a.mark = mark;
      } catch (err) {
        this.options.log.warn({ room: a.room.name, err }, 'catching up from PostgreSQL failed');
      } finally {
        a.pulling = null;
      }
    })();
    return a.pulling;
  }

  private wentDown(which: string, err: Error): void {
    if (this.closed || this.down) return;
    this.down = true;
    this.options.log.warn(
      { redis: which, err: err.message },
      'Redis unavailable: serving this instance’s own clients; rooms converge through PostgreSQL until it is back',
    );
  }

  private cameBack(which: string): void {
    if (!this.down || this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    this.down = false;
    this.options.log.info({ redis: which }, 'Redis is back: catching up every open room');
    for (const a of this.rooms.values()) {
      // A room opened while Redis was away could not subscribe (the client resubscribes only
      // the channels it had); subscribing again to one it has is harmless.
      void this.sub.subscribe(a.channel).catch((err: Error) => this.wentDown('subscriber', err));
      void this.pull(a);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.pullTimer);
    clearInterval(this.bytesTimer);
    for (const a of this.rooms.values()) a.detach();
    this.rooms.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
