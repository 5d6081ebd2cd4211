/**
 * A hand-written WebSocket client for crafting frames the stock client would never send.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MESSAGE } from '../../../workshops';

export interface RawClient {
  ws: WebSocket;
  /** Binary messages received, in order. */
  received: Uint8Array[];
  opened: Promise<void>;
  /** Resolves with the close code. */
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array | string): void;
}

export function rawConnect(serverUrl: string, path: string): RawClient {
  const ws = new WebSocket(serverUrl.replace(/^http/, 'ws') + path);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString() }),
    ),
  );
  return { ws, received, opened, closed, send: (data) => ws.send(data) };
}

/** A sync-update frame carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An update that adds one map entry, made on a fresh doc. */
export function someUpdate(key = 'elements', field = 'x'): Uint8Array {
  const doc = new Y.Doc();
  const inner = new Y.Map<unknown>();
  doc.getMap(key).set(field, inner);
  inner.set('type', 'sticky');
  inner.set('text', 'ingeslopen');
  return Y.encodeStateAsUpdate(doc);
}
