/**
 * A room: one Y.Doc (a board or a workshop's control doc), its awareness, and the connections
 * on it. Its stored state is loaded before anyone is answered. A client's update is broadcast at
 * once with bytes encoded once for the whole room, and stored within STORE_BATCH_MS, merged with
 * the others of that window (one store write instead of one per keystroke or drop). The server's
 * own writes are stored at once and go out only once stored (`holdUntilStored`). A failed write
 * is retried with backoff until it succeeds (logged with the room each time); `flush()` — and so
 * the "what is stored" answer of connection.ts — waits for it.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as random from 'lib0/random';
import * as Y from 'yjs';
import type { RoomRef } from '../../workshops';
import { HISTORY_KEY, MESSAGE, compactedCopy, hasForeignRoots, readHistory } from '../../workshops';
import { encodeStateAsUpdateWithout } from '../../workshops/board/yjs-internals';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import { boardPicture } from './picture';

/**
 * The origin of updates that are already stored: applied from another instance or read back from
 * the shared store (scale-out mode, sync-server/scale/bus.ts). They go to this room's peers but
 * are not stored again.
 */
export const REMOTE = Object.freeze({ remote: true });

/**
 * The origin of a client's update that came through another instance, which relayed it at once
 * (scale-out mode, sync-server/scale/bus.ts): relayed to this room's peers and stored here too,
 * as a peer's is, but not handed on again.
 */
export const OTHER_INSTANCE = Object.freeze({ otherInstance: true });

/**
 * Hands an update on to the other instances (sync-server/scale/bus.ts): a client's at once,
 * the server's own once `stored`.
 */
export type Outgoing = (update: Uint8Array, stored: boolean) => void;

/** Who writes with the server's own Yjs client ids (see holdUntilStored). */
const SERVER_OWNER = 'server';

/** One of the server's own writes, under a Yjs client id of its own (see holdUntilStored). */
interface OwnWrite {
  update: Uint8Array;
  client: number;
  stored: boolean;
}

/** Anything a room can send bytes to (a WebSocket connection). */
export interface Peer {
  send(message: Uint8Array): void;
}

/** How long awareness changes gather before they go out as one message (cursors at ~20 Hz). */
export const AWARENESS_BATCH_MS = 50;
/**
 * How long updates gather before they are stored as one. A crash inside this window loses
 * nothing: the clients that sent those updates still hold them and send them again when they
 * reconnect (sync step 2). A clean shutdown or an unload stores them first.
 */
export const STORE_BATCH_MS = 20;
/** The first retry of a failed store write; the wait doubles up to STORE_RETRY_MAX_MS. */
export const STORE_RETRY_MS = 100;
export const STORE_RETRY_MAX_MS = 10_000;
/**
 * While a room unloads (idle or shutdown), a failing write is tried this many times in all, then
 * given up: logged, and the clients that sent those updates still hold them and send them again
 * on their next connection (sync step 2). Nobody was told they were stored.
 */
export const STORE_ATTEMPTS_ON_UNLOAD = 5;
/** Refusals of one person within this window close their connection later and later (below). */
const REFUSAL_WINDOW_MS = 60_000;
const REFUSAL_MAX_DELAY_MS = 30_000;

/** An idle board is compacted when its stored state is over this size… */
export const COMPACT_MIN_BYTES = 64 * 1024;
/** …and this many times the size of its content alone. */
export const COMPACT_RATIO = 2;

/** `history.owners`: Yjs client id → who writes with it (`role:participantId`). */
function ownersMap(doc: Y.Doc, create: boolean): Y.Map<unknown> | undefined {
  const history = doc.getMap<unknown>(HISTORY_KEY);
  const m = history.get(OWNERS_KEY);
  if (m instanceof Y.Map) return m as Y.Map<unknown>;
  if (!create) return undefined;
  const fresh = new Y.Map<unknown>();
  history.set(OWNERS_KEY, fresh);
  return fresh;
}
const OWNERS_KEY = 'owners';

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<Peer>();
  /** Other holders (a board room keeps its workshop's control room open). */
  holds = 0;
  readonly ready: Promise<void>;
  private pendingWrites = new Set<Promise<boolean>>();
  /** A write was given up (see STORE_ATTEMPTS_ON_UNLOAD): "stored" can no longer be answered. */
  private lost = false;
  private unloading = false;
  /** Recent refused writes per participant (see refusalDelay). */
  private refusals = new Map<string, { count: number; last: number }>();
  unloadTimer: NodeJS.Timeout | null = null;
  /** The board's template was checked (seeded or upgraded) since this load. */
  templateChecked = false;
  /** Who writes with each Yjs client id (see claimClients); boards keep it in `history`. */
  private readonly owners = new Map<number, string>();
  /** The server's own writes the store does not have yet, oldest first (see holdUntilStored). */
  private held: OwnWrite[] = [];
  /** Where updates go on to other instances (scale-out), besides this room's peers. */
  readonly outgoing = new Set<Outgoing>();

  /** The client ids to which `to` (an update's clock ranges) adds clocks this doc lacks. */
  newClients(to: Map<number, number>): number[] {
    const out: number[] = [];
    for (const [client, end] of to) if (end > Y.getState(this.doc.store, client)) out.push(client);
    return out;
  }

  ownerOf(client: number): string | undefined {
    const known = this.owners.get(client);
    if (known !== undefined || this.ref.kind !== 'board') return known;
    const stored = ownersMap(this.doc, false)?.get(String(client));
    return typeof stored === 'string' ? stored : undefined;
  }

  ownedByOthers(clients: number[], owner: string): boolean {
    return clients.some((c) => {
      const o = this.ownerOf(c);
      return o !== undefined && o !== owner;
    });
  }

  /**
   * The first writer of a Yjs client id owns it: anyone else adding clocks to it would make the
   * owner's own next items look like duplicates, dropped everywhere. Boards keep the record in
   * their `history` (the server's alone), so it holds after a restart; a clean-up that drops the
   * history retires those ids anyway (compaction.ts).
   */
  claimClients(clients: number[], owner: string): void {
    const fresh = clients.filter((c) => this.ownerOf(c) === undefined);
    if (fresh.length === 0) return;
    for (const c of fresh) this.owners.set(c, owner);
    if (this.ref.kind !== 'board') return;
    this.doc.transact(() => {
      const m = ownersMap(this.doc, true);
      for (const c of fresh) m?.set(String(c), owner);
    }, this);
  }

  /**
   * Scale-out: bytes taken since the shared budget was last told (sync-server/scale/bus.ts),
   * and until when all instances together are over this room's byte budget (0: not over).
   */
  bytesIn = 0;
  sharedBusyUntil = 0;
  /** Clients of the board's earlier epochs (a copy holding their items is stale). */
  retired = new Map<number, number>();
  /**
   * An upper bound of the document's encoded size: its size when loaded plus every update since
   * (the byte quota's document size; connection.ts measures it exactly only when it nears the
   * limit).
   */
  docBytes = 0;

  constructor(
    readonly name: string,
    readonly ref: RoomRef,
    private readonly store: DocStore,
    private readonly log: Logger,
  ) {
    // Awareness of the server's own client id is never used: the server has no presence.
    this.awareness.setLocalState(null);
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    // Straight into the room's doc: one decoding of what is stored (for a 10,000-note board a
    // copy decoded, encoded and decoded again cost the first participant seconds).
    const loaded = await this.store.loadInto(this.name, this.doc, 'storage');
    this.docBytes = loaded?.length ?? 0;
    this.loaded = loaded;
    if (this.dropPending()) {
      this.loaded = null;
      this.log.warn({ room: this.name }, 'stored updates with missing parts dropped on load');
    }
    if (this.ref.kind === 'board') this.retired = readHistory(this.doc).retired;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on('update', this.onAwareness);
  }

  /**
   * The whole state, while the doc has not changed since it was loaded or encoded: what a joiner
   * who holds nothing is sent (encoding a 10,000-note board for each joiner cost half a second).
   */
  private loaded: Uint8Array | null = null;

  /** Sync step 2's update for a client at `stateVector`: never an own write not yet stored. */
  stateAsUpdate(stateVector: Uint8Array): Uint8Array {
    if (this.held.length > 0)
      return encodeStateAsUpdateWithout(
        this.doc,
        stateVector,
        new Set(this.held.map((own) => own.client)),
      );
    if (Y.decodeStateVector(stateVector).size > 0)
      return Y.encodeStateAsUpdate(this.doc, stateVector);
    // Everything: encoded once for every joiner until the next change.
    this.loaded ??= Y.encodeStateAsUpdate(this.doc);
    return this.loaded;
  }

  private unstored: Uint8Array[] = [];
  private storeTimer: NodeJS.Timeout | null = null;

  /**
   * Forgets the parts of updates that could not be applied (their earlier parts never arrived):
   * Yjs keeps them pending and Y.encodeStateAsUpdate would serve them to every joiner and to
   * compaction. Returns whether there were any.
   */
  dropPending(): boolean {
    const { store } = this.doc;
    if (!store.pendingStructs && !store.pendingDs) return false;
    store.pendingStructs = null;
    store.pendingDs = null;
    return true;
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.loaded = null;
    this.docBytes += update.length;
    if (origin === REMOTE) {
      this.broadcast(updateMessage(update), origin);
      return;
    }
    this.unstored.push(update);
    if (origin !== OTHER_INSTANCE && !this.peers.has(origin as Peer)) {
      this.holdUntilStored(update);
      return;
    }
    if (!this.storeTimer) this.storeTimer = setTimeout(this.storeBatch, STORE_BATCH_MS);
    this.broadcast(updateMessage(update), origin);
    if (origin !== OTHER_INSTANCE) for (const handOn of this.outgoing) handOn(update, false);
  }

  /**
   * The server's own write (who owns a client id, a template, a participant joining) is stored at
   * once, not after the batch window, and goes to peers and other instances only once the store
   * has it, in the order written: a client holding a server item the store lost in a crash could
   * never send it back (nobody may write under the server's client ids), so its resent copies were
   * refused for good and the room stopped taking its edits. Clients' updates keep flowing
   * meanwhile: none can build on what no client has. A joiner gets the state without it
   * (`stateAsUpdate`); for that each own write has a Yjs client id of its own, which nobody else
   * may write with, and what is held back is whole client ids. Only its deletions of earlier items
   * may reach a joiner sooner (the doc drops deleted content at once, so such an item goes out
   * deleted); those are template upgrades and migrations, which a restart repeats from the same
   * stored state, and the room's opener lets nobody in before the store has them
   * (`ownWritesOut`, sync-server/sync/open-room.ts): a joiner never sees an item deleted whose
   * replacement it has not got.
   */
  private holdUntilStored(update: Uint8Array): void {
    const own: OwnWrite = { update, client: this.doc.clientID, stored: false };
    this.held.push(own);
    this.owners.set(own.client, SERVER_OWNER);
    this.doc.clientID = random.uint32();
    void this.storeBatch()?.then((stored) => {
      own.stored = stored;
      this.release();
    });
  }

  /** Sends on the own writes the store has, oldest first, up to the first it does not have. */
  private release(): void {
    for (let own = this.held[0]; own?.stored; own = this.held[0]) {
      this.held.shift();
      this.broadcast(updateMessage(own.update), null);
      for (const handOn of this.outgoing) handOn(own.update, true);
      for (const done of this.whenSent.get(own) ?? []) done();
      this.whenSent.delete(own);
    }
  }

  /** Who waits for an own write to be sent on (`ownWritesOut`). */
  private whenSent = new Map<OwnWrite, Array<() => void>>();

  /**
   * Resolves true once the own writes made so far are stored and sent on (later ones are not
   * waited for), or false after `timeoutMs`.
   * The room's opener waits for what a load wrote (a migration, a template upgrade): a joiner's
   * state leaves held writes out but not their deletions of older items, so a note migrated to
   * Y.Text would otherwise arrive without its text.
   */
  ownWritesOut(timeoutMs: number): Promise<boolean> {
    const last = this.held[this.held.length - 1];
    if (!last) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const waiting = this.whenSent.get(last) ?? [];
      waiting.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
      this.whenSent.set(last, waiting);
    });
  }

  /** Awareness changes waiting for the next batch (client ids). */
  private awarenessPending = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.awarenessCache = null;
    if (origin && typeof origin === 'object' && 'awarenessIds' in origin) {
      const ids = (origin as { awarenessIds: Set<number> }).awarenessIds;
      for (const id of added) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    for (const id of added) this.awarenessPending.add(id);
    for (const id of updated) this.awarenessPending.add(id);
    for (const id of removed) this.awarenessPending.add(id);
    // Cursors of a busy room arrive hundreds of times a second: send them as one message per
    // room per tick (each changed client once, latest state) instead of one per change.
    if (!this.awarenessTimer)
      this.awarenessTimer = setTimeout(this.flushAwareness, AWARENESS_BATCH_MS);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    if (this.awarenessPending.size === 0) return;
    const changed = [...this.awarenessPending];
    this.awarenessPending.clear();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    );
    this.broadcast(encoding.toUint8Array(encoder), null);
  };

  private awarenessCache: Uint8Array | null = null;

  /**
   * Every awareness state of the room as one message (null: nobody there), encoded once per
   * change and shared by every joiner and query-awareness answer.
   */
  awarenessMessage(): Uint8Array | null {
    if (this.awarenessCache) return this.awarenessCache;
    const states = this.awareness.getStates();
    if (states.size === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]),
    );
    this.awarenessCache = encoding.toUint8Array(encoder);
    return this.awarenessCache;
  }

  /** Sends one encoded message to every peer except `except`. */
  broadcast(message: Uint8Array, except: unknown): void {
    for (const peer of this.peers) if (peer !== except) peer.send(message);
  }

  /** Stores the updates of the current window as one. */
  private readonly storeBatch = (): Promise<boolean> | null => {
    if (this.storeTimer) clearTimeout(this.storeTimer);
    this.storeTimer = null;
    if (this.unstored.length === 0) return null;
    const batch = this.unstored.length === 1 ? this.unstored[0] : Y.mergeUpdates(this.unstored);
    const count = this.unstored.length;
    this.unstored = [];
    if (!batch) return null;
    const write = this.write(batch, count);
    this.pendingWrites.add(write);
    void write.finally(() => this.pendingWrites.delete(write));
    return write;
  };

  /** Stores one batch, retrying with backoff; false when given up while unloading. */
  private async write(batch: Uint8Array, updates: number): Promise<boolean> {
    let wait = STORE_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.storeUpdate(this.name, batch);
        if (attempt > 1) this.log.info({ room: this.name, attempt }, 'stored after retrying');
        return true;
      } catch (err) {
        const giveUp = this.unloading && attempt >= STORE_ATTEMPTS_ON_UNLOAD;
        this.log.error(
          {
            room: this.name,
            err,
            updates,
            bytes: batch.length,
            attempt,
            retryInMs: giveUp ? null : wait,
          },
          giveUp
            ? 'storing updates failed; given up (their clients send them again when they reconnect)'
            : 'storing updates failed; retrying',
        );
        if (giveUp) {
          this.lost = true;
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(wait * 2, STORE_RETRY_MAX_MS);
      }
    }
  }

  /**
   * Waits until every update received so far is on disk (failed writes retried meanwhile).
   * True when all of them are; false once a write was given up.
   */
  async flush(): Promise<boolean> {
    this.storeBatch();
    const written = await Promise.all([...this.pendingWrites]);
    return !this.lost && written.every(Boolean);
  }

  /**
   * How long to keep a connection whose write was just refused open (read-only) before closing it
   * for a re-sync (connection.ts): at once the first time, then doubling from a second up to 30 s
   * while the same person's writes keep being refused — a stock client still holding a refused
   * change would otherwise reconnect, resend it and be refused several times a second.
   */
  refusalDelay(participantId: string): number {
    const now = Date.now();
    for (const [id, r] of this.refusals)
      if (now - r.last > REFUSAL_WINDOW_MS) this.refusals.delete(id);
    const seen = this.refusals.get(participantId);
    const count = (seen?.count ?? 0) + 1;
    this.refusals.set(participantId, { count, last: now });
    return count === 1 ? 0 : Math.min(1000 * 2 ** (count - 2), REFUSAL_MAX_DELAY_MS);
  }

  /**
   * Flushes, merges the stored updates into one, and frees the doc. With `dropHistory` (an idle
   * room, not a shutdown: clients reconnecting after a restart should not all find their copy
   * stale), a board whose history outweighs its content is stored as a fresh copy instead.
   */
  async unload({ dropHistory = false }: { dropHistory?: boolean } = {}): Promise<void> {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.unloading = true;
    await this.flush();
    const compacted = dropHistory ? this.compactedIfBloated() : null;
    // A board keeps its picture with what is stored: the next person to open it while nobody
    // has it open is shown the board without the room being decoded (http/snapshot.ts).
    const board = this.ref.kind === 'board';
    if (compacted) {
      const picture = board ? await boardPicture(this.doc) : undefined;
      await this.store.replace(this.name, compacted.update, picture);
      this.log.info(
        { room: this.name, bytes: compacted.before, after: compacted.update.length },
        'board history dropped',
      );
    } else {
      // Merging the stored updates is tidying only: when it fails they stay as they are.
      await this.store
        .compact(this.name, board ? boardPicture : undefined)
        .catch((err: unknown) => this.log.warn({ room: this.name, err }, 'merging failed'));
    }
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** The board's content without its history, when that history is most of its size. */
  private compactedIfBloated(): { update: Uint8Array; before: number } | null {
    if (this.ref.kind !== 'board' || hasForeignRoots(this.doc)) return null;
    if (this.store.canDropHistory === false) return null;
    const before = Y.encodeStateAsUpdate(this.doc).length;
    if (before < COMPACT_MIN_BYTES) return null;
    const copy = compactedCopy(this.doc);
    const update = Y.encodeStateAsUpdate(copy);
    copy.destroy();
    return before > COMPACT_RATIO * update.length ? { update, before } : null;
  }

  get idle(): boolean {
    return this.peers.size === 0 && this.holds === 0;
  }
}

/** A sync update message (encoded once for all the peers it goes to). */
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
