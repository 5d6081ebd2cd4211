/**
 * One synced document: the stock y-websocket provider to the server and y-indexeddb on the
 * device, so a reload or a dropped network loses nothing and re-syncs on reconnect. Its state
 * (connecting, connected, offline, refused, saving/saved, refused writes) lives in a small store.
 *
 * "Saved" means stored: after local edits the app asks the server what is stored (our own
 * MESSAGE.stored, docs/api.md) and compares the answer, a state vector taken once the server's
 * store has written everything it had applied, with its own state vector of that moment.
 *
 * A copy that cannot go on must be replaced by a fresh Y.Doc (`useRoomSync` does it):
 * - stale (4409): the server dropped the board's history since this copy was made;
 * - refused: the server refused one of its writes. Every later edit of this Yjs client depends
 *   on the refused one and would never apply; a fresh doc has a new client id.
 * `startOver()` keeps the old copy in IndexedDB (a store of its own, `werkbank-rescue`), clears
 * the device's copy; the next RoomSync loads the room anew and carries over what the old copy
 * changed that the server never had (`rescueUnsynced`) — after a refusal only when it was refused
 * for a lock that is gone now, else it is dropped and the person told. The kept copy is deleted once the
 * server answers that the carried-over changes are stored.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as idb from 'lib0/indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import { ticketSocket } from '../app/ticketSocket';
import { createRoomProvider } from './provider';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DeniedReason } from '../../workshops';
import {
  API,
  CLOSE,
  DENIED,
  MESSAGE,
  elementsMap,
  isFinalClose,
  rescueUnsynced,
} from '../../workshops';

export type SyncStatus = 'connecting' | 'connected' | 'offline' | 'refused';
export type RestartKind = 'stale' | 'refused';

export interface RoomSyncState {
  status: SyncStatus;
  /** The close code of a final refusal (4401, 4403, 4404, 4413 …). */
  closeCode: number | null;
  /** First sync with the server done. */
  synced: boolean;
  /** Local edits the server has not confirmed as stored yet (kept on the device meanwhile). */
  pending: boolean;
  /** The local IndexedDB copy is loaded. */
  storedLocally: boolean;
  /** The last write the server refused, and when. */
  denied: { reason: DeniedReason | string; at: number } | null;
  /** This copy cannot go on: replace it by a new RoomSync after startOver() (useRoomSync). */
  restart: RestartKind | null;
  /** A change of this person was not accepted; until a later edit of theirs is stored. */
  notAccepted: boolean;
  /** Loaded anew after a restart: what became of the earlier copy's changes. */
  renewed: { kind: RestartKind; reason: string | null; carried: number; dropped: boolean } | null;
}

/** An earlier copy of a room, kept until the server has stored what it carried over. */
interface Rescue {
  update: Uint8Array;
  kind: RestartKind;
  reason: string | null;
  /** The state vector right after the changes were carried over (null: not yet applied). */
  applied: Uint8Array | null;
}

export function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API.syncPrefix}`;
}

/** How long a local IndexedDB copy may take to load before the socket connects anyway. */
const LOCAL_LOAD_TIMEOUT_MS = 1500;
/** Local edits are confirmed in one round trip per burst, not one per keystroke. */
const ACK_DEBOUNCE_MS = 120;
/** Asked again after an answer that did not cover everything (e.g. a store write retried). */
const ACK_RETRY_MS = 1000;

export interface RoomSyncOptions {
  doc?: Y.Doc;
  persist?: boolean;
  WebSocketPolyfill?: typeof WebSocket;
  /** Whether this person may write this room now (checked before carrying refused edits over). */
  mayWrite?: () => boolean;
  /**
   * A participant's id: what is carried over from an earlier copy holds only elements they may
   * create (their own); a new element of anyone else would have the whole carry-over refused.
   */
  participant?: string;
  /** Why the previous copy of this room was replaced (set by useRoomSync). */
  after?: { kind: RestartKind; reason: string | null };
  /**
   * Connect only once this settles too (a board's picture on screen first, web/sync/
   * board-snapshot.ts); at the latest after LOCAL_LOAD_TIMEOUT_MS, like the device's copy.
   */
  holdConnect?: Promise<unknown>;
}

export class RoomSync {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence | null;
  readonly state: StoreApi<RoomSyncState>;
  /** Local edits since the last "what is stored?" question / since this copy was made. */
  private dirty = false;
  private edited = false;
  /** Our state vector when we last asked, and the stored state vector the server answered. */
  private wanted: Map<number, number> | null = null;
  private stored = new Map<number, number>();
  private asking = false;
  private askTimer: ReturnType<typeof setTimeout> | null = null;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  /** The earlier copy to carry over (loaded from IndexedDB), and the state vector it reached. */
  private rescue: Promise<Rescue | null>;
  private rescueTarget: Map<number, number> | null = null;

  constructor(
    readonly room: string,
    token: string,
    private readonly options: RoomSyncOptions = {},
  ) {
    this.doc = options.doc ?? new Y.Doc();
    this.state = createStore<RoomSyncState>(() => ({
      status: 'connecting',
      closeCode: null,
      synced: false,
      pending: false,
      storedLocally: false,
      denied: null,
      restart: null,
      notAccepted: options.after?.kind === 'refused',
      renewed: null,
    }));
    this.rescue = options.persist === false ? Promise.resolve(null) : loadRescue(room);
    this.local = options.persist === false ? null : openLocal(room, this.doc);
    // Connect only once the device's copy is loaded: what it holds then goes to the server in
    // the sync handshake (the client's step 2), not as a stray update that a read-only
    // connection would have refused.
    // The token never goes into the URL: every (re)connect trades it for a one-use ticket.
    this.provider = createRoomProvider(syncUrl(), room, this.doc, {
      maxBackoffTime: 5000,
      connect: false,
      ...(options.WebSocketPolyfill
        ? { params: { token }, WebSocketPolyfill: options.WebSocketPolyfill }
        : { WebSocketPolyfill: ticketSocket(token) }),
    });
    const connect = () => {
      if (this.loadTimer) clearTimeout(this.loadTimer);
      this.loadTimer = null;
      if (this.destroyed || this.provider.shouldConnect) return;
      if (navigator.onLine === false) this.state.setState({ status: 'offline' });
      else this.provider.connect();
    };
    const loaded = this.local
      ? this.local.whenSynced.then(() => this.state.setState({ storedLocally: true }))
      : null;
    if (loaded || options.holdConnect) {
      void Promise.all([loaded, options.holdConnect]).then(connect, connect);
      this.loadTimer = setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);
    } else connect();

    // A refused write (the y-protocols auth message): told, and this copy is replaced — every
    // later edit of its Yjs client would depend on the refused one.
    this.provider.messageHandlers[MESSAGE.auth] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) !== 0) return;
      const reason = decoding.readVarString(decoder);
      this.state.setState({
        denied: { reason, at: Date.now() },
        notAccepted: true,
        restart: this.state.getState().restart ?? 'refused',
      });
    };
    // The answer to "what is stored?": a state vector the server's store holds in full.
    this.provider.messageHandlers[MESSAGE.stored] = (_encoder, decoder) => {
      const answer = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      for (const [client, clock] of answer)
        if (clock > (this.stored.get(client) ?? 0)) this.stored.set(client, clock);
      this.asking = false;
      this.settle();
    };
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.state.getState().status === 'refused') return;
      if (status === 'connected') this.state.setState({ status: 'connected', closeCode: null });
      // Retries after a drop stay "offline" (edits are kept); only the first attempt, or the
      // one after the network came back, reads "connecting".
      else if (status === 'disconnected') this.state.setState({ status: 'offline' });
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      this.asking = false;
      if (event?.code === CLOSE.stale)
        this.state.setState({ restart: 'stale', status: 'connecting' });
      else if (event?.code === CLOSE.resync)
        this.state.setState({ restart: this.state.getState().restart ?? 'refused' });
      else if (event && isFinalClose(event.code))
        this.state.setState({ status: 'refused', closeCode: event.code });
    });
    this.provider.on('sync', (synced: boolean) => {
      this.state.setState({ synced });
      if (!synced) return;
      void this.carryOver();
      // Edits made offline went to the server in the handshake: ask whether they are stored.
      this.dirty = true;
      this.settle();
    });
    this.doc.on('update', this.onUpdate);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  /** Applies the earlier copy kept by startOver (once; or never, when it may not be written). */
  private async carryOver(): Promise<void> {
    const rescue = await this.rescue;
    if (!rescue || this.destroyed || this.state.getState().renewed) return;
    const applied = rescue.applied ? Y.decodeStateVector(rescue.applied) : null;
    let carried = 0;
    let dropped = false;
    if (applied && covers(Y.decodeStateVector(Y.encodeStateVector(this.doc)), applied)) {
      // Carried over before the tab closed; this device's copy holds it: only await "stored".
      this.rescueTarget = applied;
    } else if (
      rescue.kind === 'refused' &&
      // Only a lock goes away by itself; resending what was refused for anything else would be
      // refused again (and start over again, and again).
      (rescue.reason !== DENIED.boardLocked || this.options.mayWrite?.() === false)
    ) {
      dropped = true;
      void dropRescue(this.room);
    } else {
      const old = new Y.Doc();
      Y.applyUpdate(old, rescue.update);
      if (this.options.participant) dropOthersNewElements(old, this.doc, this.options.participant);
      // Applied as local edits: they go to the server and count as "saving" until stored.
      carried = rescueUnsynced(old, this.doc);
      old.destroy();
      const sv = Y.encodeStateVector(this.doc);
      this.rescueTarget = Y.decodeStateVector(sv);
      void saveRescue(this.room, { ...rescue, applied: sv });
    }
    this.state.setState({
      renewed: { kind: rescue.kind, reason: rescue.reason, carried, dropped },
      notAccepted: dropped || (rescue.kind === 'refused' && carried === 0),
    });
    this.settle();
  }

  /**
   * Before this copy is replaced (state.restart): keeps it aside in IndexedDB for the next
   * RoomSync of the room and deletes the device's copy. Call destroy() and create a new RoomSync
   * once it resolves.
   */
  async startOver(): Promise<void> {
    const { restart, denied } = this.state.getState();
    const kind = restart ?? 'stale';
    const old = await this.rescue;
    // A copy that itself still waits to be carried over (never applied) stays the one kept.
    const keep =
      old && !old.applied
        ? old
        : { update: Y.encodeStateAsUpdate(this.doc), kind, reason: null, applied: null };
    await saveRescue(this.room, {
      ...keep,
      kind,
      reason: kind === 'refused' ? (denied?.reason ?? null) : null,
    });
    this.provider.disconnect();
    await this.local?.clearData();
  }

  /** "Saved" = the server's store holds everything this copy had when it last asked. */
  private settle(): void {
    const pending = this.dirty || this.wanted === null || !covers(this.stored, this.wanted);
    const s = this.state.getState();
    const patch: Partial<RoomSyncState> = {};
    if (pending !== s.pending) patch.pending = pending;
    // A later edit of this person stored: what was not accepted before is behind them.
    if (!pending && this.edited && s.notAccepted && !s.restart) patch.notAccepted = false;
    if (Object.keys(patch).length > 0) this.state.setState(patch);
    if (!pending && this.rescueTarget && covers(this.stored, this.rescueTarget)) {
      this.rescueTarget = null;
      void dropRescue(this.room);
    }
    if (pending) this.scheduleAsk(this.dirty ? ACK_DEBOUNCE_MS : ACK_RETRY_MS);
  }

  private scheduleAsk(delay: number): void {
    if (this.askTimer || this.asking) return;
    this.askTimer = setTimeout(() => {
      this.askTimer = null;
      const ws = this.provider.ws;
      if (!this.provider.synced || !ws || ws.readyState !== WebSocket.OPEN) return;
      // Asked after our edits on the same socket: the server has applied them when it reads this.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.stored);
      this.wanted = Y.decodeStateVector(Y.encodeStateVector(this.doc));
      this.dirty = false;
      this.asking = true;
      ws.send(encoding.toUint8Array(encoder));
    }, delay);
  }

  private readonly onUpdate = (_u: Uint8Array, origin: unknown) => {
    // Updates from the server or loaded from the device are not local edits.
    if (origin === this.provider || (this.local && origin === this.local)) return;
    this.dirty = true;
    this.edited = true;
    this.settle();
  };

  // The browser knows before the socket does: stop at once, keep editing locally, and
  // reconnect (which re-syncs both ways) when the network is back.
  private readonly onOffline = () => {
    if (this.state.getState().status === 'refused') return;
    this.provider.disconnect();
    this.state.setState({ status: 'offline' });
  };
  private readonly onOnline = () => {
    if (this.state.getState().status === 'refused') return;
    this.state.setState({ status: 'connecting' });
    this.provider.connect();
  };

  destroy(): void {
    this.destroyed = true;
    if (this.askTimer) clearTimeout(this.askTimer);
    if (this.loadTimer) clearTimeout(this.loadTimer);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    // The provider leaves its awareness alive (with a timer): this room is gone, so is it.
    this.provider.awareness.destroy();
    void this.local?.destroy();
  }
}

/**
 * The RoomSync of a room, replaced by a fresh one (new Y.Doc) whenever it must start over
 * (stale copy, refused write). Everything built on `sync.doc` must depend on the returned value.
 */
export function useRoomSync(
  room: string,
  token: string,
  mayWrite: () => boolean,
  participant?: string,
  holdConnect?: Promise<unknown>,
): RoomSync {
  const may = useRef(mayWrite);
  may.current = mayWrite;
  const [generation, setGeneration] = useState<{
    n: number;
    after?: RoomSyncOptions['after'];
  }>({ n: 0 });
  const sync = useMemo(
    () =>
      new RoomSync(room, token, {
        mayWrite: () => may.current(),
        ...(participant ? { participant } : {}),
        ...(generation.after ? { after: generation.after } : {}),
        // Only the first copy waits: a restarted one replaces a board already on screen.
        ...(holdConnect && generation.n === 0 ? { holdConnect } : {}),
      }),
    [room, token, participant, generation, holdConnect],
  );
  useEffect(
    () =>
      sync.state.subscribe((s, prev) => {
        if (!s.restart || prev.restart) return;
        const after = { kind: s.restart, reason: s.denied?.reason ?? null };
        void sync.startOver().then(() => setGeneration((g) => ({ n: g.n + 1, after })));
      }),
    [sync],
  );
  useEffect(() => () => sync.destroy(), [sync]);
  return sync;
}

/**
 * Removes from an earlier copy the elements the server does not have (`fresh` lacks them) that
 * `participant` did not create: the server takes new elements from a participant only with
 * themselves as author (sync-server/sync/policy.ts), and one foreign element would have it refuse
 * the carry-over as a whole, the person's own edits with it. (Such elements reach a copy only
 * from the server, which has since lost them.)
 */
function dropOthersNewElements(old: Y.Doc, fresh: Y.Doc, participant: string): void {
  const there = elementsMap(fresh);
  const elements = elementsMap(old);
  for (const [id, el] of [...elements.entries()])
    if (!there.has(id) && !(el instanceof Y.Map && el.get('author') === participant))
      elements.delete(id);
}

/** Whether `have` holds every clock of `want`. */
function covers(have: Map<number, number>, want: Map<number, number>): boolean {
  for (const [client, clock] of want) if ((have.get(client) ?? 0) < clock) return false;
  return true;
}

/** The device copy, or none where IndexedDB is unavailable (some private modes). */
function openLocal(room: string, doc: Y.Doc): IndexeddbPersistence | null {
  try {
    return new IndexeddbPersistence(`werkbank:${room}`, doc);
  } catch {
    return null;
  }
}

// ---- Kept copies (IndexedDB `werkbank-rescue`, one record per room) -------------------------

const RESCUE_DB = 'werkbank-rescue';
const RESCUE_STORE = 'rescues';
/** Where IndexedDB is unavailable: kept for this tab only. */
const inMemory = new Map<string, Rescue>();
let rescueDb: Promise<IDBDatabase> | null = null;

function rescueStore(): Promise<IDBObjectStore> {
  rescueDb ??= idb.openDB(RESCUE_DB, (db) => idb.createStores(db, [[RESCUE_STORE]]));
  return rescueDb.then((db) => {
    const [store] = idb.transact(db, [RESCUE_STORE]);
    if (!store) throw new Error('no rescue store');
    return store;
  });
}

async function saveRescue(room: string, rescue: Rescue): Promise<void> {
  inMemory.set(room, rescue);
  try {
    await idb.put(await rescueStore(), rescue as unknown as string, room);
  } catch {
    // Kept in memory only (private mode): the tab must stay open, as before.
  }
}

async function loadRescue(room: string): Promise<Rescue | null> {
  try {
    const found = (await idb.get(await rescueStore(), room)) as unknown;
    if (isRescue(found)) return found;
  } catch {
    // Fall back to this tab's memory.
  }
  return inMemory.get(room) ?? null;
}

async function dropRescue(room: string): Promise<void> {
  inMemory.delete(room);
  try {
    await idb.del(await rescueStore(), room);
  } catch {
    // Nothing kept there.
  }
}

function isRescue(value: unknown): value is Rescue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Rescue).update instanceof Uint8Array &&
    ((value as Rescue).kind === 'stale' || (value as Rescue).kind === 'refused')
  );
}
