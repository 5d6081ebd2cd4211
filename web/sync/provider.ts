/**
 * The app's connection to a room: the stock y-websocket provider, with one change — it sends only
 * its own client's awareness. Kept free of the DOM (no window, no global WebSocket) so the bench
 * (test/bench/sync/client-worker.ts) runs this very code in Node for its "app client" rooms.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MESSAGE } from '../../workshops/contract';

/** WebSocket.OPEN; read as a number so this file needs no global WebSocket (Node 20 has none). */
const OPEN = 1;

export interface RoomProviderOptions {
  /** The socket class: the app's ticketSocket in the browser, `ws` in Node. */
  WebSocketPolyfill: typeof WebSocket;
  /** Query parameters of the socket URL (the bench's token; the app passes none). */
  params?: Record<string, string>;
  connect?: boolean;
  maxBackoffTime?: number;
}

export function createRoomProvider(
  url: string,
  room: string,
  doc: Y.Doc,
  options: RoomProviderOptions,
): WebsocketProvider {
  const provider = new WebsocketProvider(url, room, doc, {
    disableBc: true,
    ...(options.maxBackoffTime !== undefined ? { maxBackoffTime: options.maxBackoffTime } : {}),
    ...(options.connect !== undefined ? { connect: options.connect } : {}),
    ...(options.params ? { params: options.params } : {}),
    WebSocketPolyfill: options.WebSocketPolyfill,
  });
  sendOnlyOwnAwareness(provider);
  return provider;
}

/**
 * The stock provider sends every awareness change it sees, remote ones included: in a room of
 * 40 that is 40² messages per round of cursor moves. Ours sends only its own client's state (the
 * server relays the others); the stock protocol on the wire is unchanged.
 */
function sendOnlyOwnAwareness(provider: WebsocketProvider): void {
  const { awareness } = provider;
  awareness.off('update', provider._awarenessUpdateHandler);
  provider._awarenessUpdateHandler = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === provider) return;
    const own = awareness.clientID;
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
  };
  awareness.on('update', provider._awarenessUpdateHandler);
}
