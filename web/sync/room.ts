/**
 * One synced document: the stock y-websocket provider to the server and y-indexeddb on the
 * device, so a reload or a dropped network loses nothing and re-syncs on reconnect. Its state
 * (connecting, connected, offline, refused, saved, denied writes) lives in a small store.
 *
 * A board copy from before the server dropped the board's history is refused as stale (4409):
 * `startOver()` then keeps the copy aside and clears the device's; the next RoomSync of that
 * room loads the board anew and carries over what the old copy changed offline.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { ticketSocket } from '../app/ticketSocket';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DeniedReason } from '../../workshops';
import { API, CLOSE, MESSAGE, isFinalClose, rescueUnsynced } from '../../workshops';

export type SyncStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface RoomSyncState {
  status: SyncStatus;
  /** The close code of a final refusal (4401, 4403, 4404, 4413 …). */
  closeCode: number | null;
  /** First sync with the server done. */
  synced: boolean;
  /** Local edits the server has not confirmed yet (kept on the device meanwhile). */
  pending: boolean;
  /** The local IndexedDB copy is loaded. */
  storedLocally: boolean;
  /** The last write the server refused, and when. */
  denied: { reason: DeniedReason | string; at: number } | null;
  /** The server refused this copy as older than the board's last clean-up (see startOver). */
  stale: boolean;
  /** Loaded anew after a stale copy: how many offline changes were carried over (else null). */
  rescued: number | null;
}

/** Old copies of rooms whose next RoomSync carries over their offline changes. */
const pendingRescues = new Map<string, Uint8Array>();

export function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API.syncPrefix}`;
}

/** How long a local IndexedDB copy may take to load before the socket connects anyway. */
const LOCAL_LOAD_TIMEOUT_MS = 1500;
/** Local edits are confirmed in one round trip per burst, not one per keystroke. */
const ACK_DEBOUNCE_MS = 120;

export class RoomSync {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence | null;
  readonly state: StoreApi<RoomSyncState>;
  /** Local edits made so far, and how many of them the server has confirmed. */
  private localEdits = 0;
  private confirmed = 0;
  /** The edit count an ack probe in flight covers (null: none in flight). */
  private probing: number | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    readonly room: string,
    token: string,
    options: { doc?: Y.Doc; persist?: boolean; WebSocketPolyfill?: typeof WebSocket } = {},
  ) {
    this.doc = options.doc ?? new Y.Doc();
    this.state = createStore<RoomSyncState>(() => ({
      status: 'connecting',
      closeCode: null,
      synced: false,
      pending: false,
      storedLocally: false,
      denied: null,
      stale: false,
      rescued: null,
    }));
    const rescue = pendingRescues.get(room);
    pendingRescues.delete(room);
    this.local = options.persist === false ? null : openLocal(room, this.doc);
    // Connect only once the device's copy is loaded: what it holds then goes to the server in
    // the sync handshake (the client's step 2), not as a stray update that a read-only
    // connection would have refused.
    // The token never goes into the URL: every (re)connect trades it for a one-use ticket.
    this.provider = new WebsocketProvider(syncUrl(), room, this.doc, {
      disableBc: true,
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
    if (this.local) {
      void this.local.whenSynced.then(() => {
        this.state.setState({ storedLocally: true });
        connect();
      });
      this.loadTimer = setTimeout(connect, LOCAL_LOAD_TIMEOUT_MS);
    } else connect();

    // The server tells a refused write with the y-protocols auth message: show it, do not just log.
    this.provider.messageHandlers[2] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === 0)
        this.state.setState({
          denied: { reason: decoding.readVarString(decoder), at: Date.now() },
        });
    };
    // A sync step 2 that answers our probe confirms every edit sent before the probe: the
    // server handles one connection's messages in order.
    const handleSync = this.provider.messageHandlers[0];
    this.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, kind) => {
      const syncKind = decoding.readVarUint(decoding.clone(decoder));
      handleSync?.(encoder, decoder, provider, emitSynced, kind);
      if (syncKind === syncProtocol.messageYjsSyncStep2 && this.probing !== null) {
        this.confirmed = Math.max(this.confirmed, this.probing);
        this.probing = null;
        this.settle();
      }
    };
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.state.getState().status === 'refused') return;
      if (status === 'connected') this.state.setState({ status: 'connected', closeCode: null });
      // Retries after a drop stay "offline" (edits are kept); only the first attempt, or the
      // one after the network came back, reads "connecting".
      else if (status === 'disconnected') this.state.setState({ status: 'offline' });
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      this.probing = null;
      if (event?.code === CLOSE.stale) this.state.setState({ stale: true, status: 'connecting' });
      else if (event && isFinalClose(event.code))
        this.state.setState({ status: 'refused', closeCode: event.code });
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced && rescue && this.state.getState().rescued === null) {
        const old = new Y.Doc();
        Y.applyUpdate(old, rescue);
        // Applied as local edits: they go to the server and count as "saving" until confirmed.
        this.state.setState({ rescued: rescueUnsynced(old, this.doc) });
        old.destroy();
      }
      this.state.setState({ synced });
      // Edits made offline went to the server in the handshake; confirm them.
      if (synced) this.settle();
    });
    this.doc.on('update', this.onUpdate);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  /**
   * After a stale refusal: keeps this copy aside for the next RoomSync of the room (which loads
   * the board anew and carries over what this copy changed offline) and deletes the device's
   * copy. Call destroy() and create a new RoomSync once it resolves.
   */
  async startOver(): Promise<void> {
    pendingRescues.set(this.room, Y.encodeStateAsUpdate(this.doc));
    this.provider.disconnect();
    await this.local?.clearData();
  }

  /** "Saved" = every local edit confirmed by the server (and kept on the device meanwhile). */
  private settle(): void {
    const pending = this.confirmed < this.localEdits;
    if (pending !== this.state.getState().pending) this.state.setState({ pending });
    if (pending) this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.probeTimer || this.probing !== null) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      const ws = this.provider.ws;
      if (!this.provider.synced || !ws || ws.readyState !== WebSocket.OPEN) return;
      // Sync step 1 asks the server for what we lack; its answer comes after our edits.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.probing = this.localEdits;
      ws.send(encoding.toUint8Array(encoder));
    }, ACK_DEBOUNCE_MS);
  }

  private readonly onUpdate = (_u: Uint8Array, origin: unknown) => {
    // Updates from the server or loaded from the device are not local edits.
    if (origin === this.provider || (this.local && origin === this.local)) return;
    this.localEdits++;
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
    if (this.probeTimer) clearTimeout(this.probeTimer);
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

/** The device copy, or none where IndexedDB is unavailable (some private modes). */
function openLocal(room: string, doc: Y.Doc): IndexeddbPersistence | null {
  try {
    return new IndexeddbPersistence(`werkbank:${room}`, doc);
  } catch {
    return null;
  }
}
