/**
 * One synced document: the stock y-websocket provider to the server and y-indexeddb on the
 * device, so a reload or a dropped network loses nothing and re-syncs on reconnect. Its state
 * (connecting, connected, offline, refused, saved, denied writes) lives in a small store.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { DeniedReason } from '../../workshops';
import { API, isFinalClose } from '../../workshops';

export type SyncStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface RoomSyncState {
  status: SyncStatus;
  /** The close code of a final refusal (4401, 4403, 4404, 4413 …). */
  closeCode: number | null;
  /** First sync with the server done. */
  synced: boolean;
  /** Local edits not yet confirmed sent to the server. */
  pending: boolean;
  /** The local IndexedDB copy is loaded. */
  storedLocally: boolean;
  /** The last write the server refused, and when. */
  denied: { reason: DeniedReason | string; at: number } | null;
}

export function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${API.syncPrefix}`;
}

export class RoomSync {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly local: IndexeddbPersistence | null;
  readonly state: StoreApi<RoomSyncState>;
  private pendingTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly room: string,
    token: string,
    options: { doc?: Y.Doc; persist?: boolean } = {},
  ) {
    this.doc = options.doc ?? new Y.Doc();
    this.state = createStore<RoomSyncState>(() => ({
      status: 'connecting',
      closeCode: null,
      synced: false,
      pending: false,
      storedLocally: false,
      denied: null,
    }));
    this.local =
      options.persist === false ? null : new IndexeddbPersistence(`werkbank:${room}`, this.doc);
    void this.local?.whenSynced.then(() => this.state.setState({ storedLocally: true }));
    this.provider = new WebsocketProvider(syncUrl(), room, this.doc, {
      params: { token },
      disableBc: true,
      maxBackoffTime: 5000,
    });

    // The server tells a refused write with the y-protocols auth message: show it, do not just log.
    this.provider.messageHandlers[2] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === 0)
        this.state.setState({
          denied: { reason: decoding.readVarString(decoder), at: Date.now() },
        });
    };
    this.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.state.setState({ status: 'connected', closeCode: null });
      else if (this.state.getState().status !== 'refused')
        this.state.setState({
          status:
            navigator.onLine === false
              ? 'offline'
              : status === 'connecting'
                ? 'connecting'
                : 'offline',
        });
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && isFinalClose(event.code))
        this.state.setState({ status: 'refused', closeCode: event.code });
    });
    this.provider.on('sync', (synced: boolean) => this.state.setState({ synced }));
    this.doc.on('update', this.onUpdate);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
  }

  private readonly onUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    this.state.setState({ pending: true });
    if (this.pendingTimer) return;
    // A local edit counts as saved once the socket has sent it (nothing buffered, connected).
    this.pendingTimer = setInterval(() => {
      const ws = this.provider.ws;
      if (this.provider.wsconnected && ws && ws.bufferedAmount === 0) {
        this.state.setState({ pending: false });
        if (this.pendingTimer) clearInterval(this.pendingTimer);
        this.pendingTimer = null;
      }
    }, 250);
  };

  // The browser knows before the socket does: stop at once, keep editing locally, and
  // reconnect (which re-syncs both ways) when the network is back.
  private readonly onOffline = () => {
    this.provider.disconnect();
    this.state.setState({ status: 'offline' });
  };
  private readonly onOnline = () => {
    if (this.state.getState().status === 'refused') return;
    this.state.setState({ status: 'connecting' });
    this.provider.connect();
  };

  destroy(): void {
    if (this.pendingTimer) clearInterval(this.pendingTimer);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
    void this.local?.destroy();
  }
}
