/**
 * RoomSync's states against a small in-memory y-websocket peer (the y-protocols sync handshake
 * on a server-side Y.Doc, and our "what is stored" answer). The real server is exercised by the
 * integration and e2e tests; this pins down what "saved", "refused" and "denied" mean.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, DENIED, MESSAGE } from '../../../workshops';
import { RoomSync } from '../../../web/sync/room';

/** The server side of every socket opened in a test. */
const peer = {
  doc: new Y.Doc(),
  hold: false,
  held: [] as Uint8Array[],
  /** The store is failing: "stored" answers wait (sync goes on). */
  storeDown: false,
  waiting: [] as (() => void)[],
  sockets: [] as FakeSocket[],
};

/** A WebSocket as RoomSync's provider uses one (it reads the instance's constants). */
class FakeSocket {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  bufferedAmount = 0;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {
    peer.sockets.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
      // The server opens with its own sync step 1, as ours does.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeSyncStep1(encoder, peer.doc);
      this.deliver(encoding.toUint8Array(encoder));
    }, 0);
  }

  send(data: Uint8Array): void {
    if (peer.hold) peer.held.push(data);
    else this.answer(data);
  }

  answer(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const kind = decoding.readVarUint(decoder);
    if (kind === MESSAGE.stored) {
      // Answered once "written", with the state vector of when it was asked (as the server).
      const stored = encoding.createEncoder();
      encoding.writeVarUint(stored, MESSAGE.stored);
      encoding.writeVarUint8Array(stored, Y.encodeStateVector(peer.doc));
      const answer = () => this.deliver(encoding.toUint8Array(stored));
      if (peer.storeDown) peer.waiting.push(answer);
      else answer();
    }
    if (kind !== MESSAGE.sync) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.readSyncMessage(decoder, encoder, peer.doc, 'client');
    if (encoding.length(encoder) > 1) this.deliver(encoding.toUint8Array(encoder));
  }

  deliver(bytes: Uint8Array): void {
    setTimeout(() => {
      if (this.readyState === 1) this.onmessage?.({ data: bytes.slice().buffer });
    }, 0);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }
}

const rooms: RoomSync[] = [];
function open(): RoomSync {
  const room = new RoomSync('abc123def/empathise', 'token', {
    persist: false,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
  rooms.push(room);
  return room;
}

/** A room that has synced with the peer. */
async function openSynced(): Promise<RoomSync> {
  const room = open();
  await until(() => room.state.getState().synced, 'synced');
  return room;
}

/** The peer says "permission denied", with `reason`, on the latest socket. */
function deny(reason: string): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  peer.sockets.at(-1)?.deliver(encoding.toUint8Array(encoder));
}

async function until(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 3000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(() => {
  for (const r of rooms.splice(0)) r.destroy();
  peer.doc = new Y.Doc();
  peer.hold = false;
  peer.held = [];
  peer.storeDown = false;
  peer.waiting = [];
  peer.sockets = [];
});

describe('RoomSync', () => {
  it('connects, syncs, and reads saved with nothing pending', async () => {
    peer.doc.getMap('elements').set('a', 1);
    const room = open();
    expect(room.state.getState().status).toBe('connecting');
    await until(() => room.state.getState().synced, 'synced');
    await until(() => !room.state.getState().pending, 'stored answer');
    expect(room.state.getState()).toMatchObject({ status: 'connected', pending: false });
    expect(room.doc.getMap('elements').get('a')).toBe(1);
  });

  it('counts a local edit as saved only once the server has answered after it', async () => {
    const room = await openSynced();
    peer.hold = true;
    room.doc.getMap('elements').set('b', 2);
    expect(room.state.getState().pending).toBe(true);
    // The server has the edit but has not answered: still pending.
    await until(() => peer.held.length > 0, 'the edit at the server');
    expect(room.state.getState().pending).toBe(true);
    peer.hold = false;
    const socket = peer.sockets.at(-1);
    for (const message of peer.held.splice(0)) socket?.answer(message);
    await until(() => !room.state.getState().pending, 'saved');
    expect(peer.doc.getMap('elements').get('b')).toBe(2);
  });

  it('goes offline with the browser and keeps edits until it is back', async () => {
    const room = await openSynced();
    window.dispatchEvent(new Event('offline'));
    expect(room.state.getState().status).toBe('offline');
    room.doc.getMap('elements').set('c', 3);
    expect(room.state.getState().pending).toBe(true);
    window.dispatchEvent(new Event('online'));
    await until(() => room.state.getState().status === 'connected', 'reconnected');
    await until(() => !room.state.getState().pending, 'saved after reconnect');
    expect(peer.doc.getMap('elements').get('c')).toBe(3);
  });

  it('reads refused, with the code, after a final close', async () => {
    const room = await openSynced();
    peer.sockets.at(-1)?.close(CLOSE.unauthorized, 'expired');
    await until(() => room.state.getState().status === 'refused', 'refused');
    expect(room.state.getState().closeCode).toBe(CLOSE.unauthorized);
  });

  it('surfaces a permission-denied message with its reason', async () => {
    const room = await openSynced();
    deny(DENIED.boardLocked);
    await until(() => room.state.getState().denied !== null, 'denied');
    expect(room.state.getState().denied?.reason).toBe('board-locked');
  });

  it('is never saved while the server has not answered that the edit is stored', async () => {
    const room = await openSynced();
    peer.storeDown = true;
    room.doc.getMap('elements').set('d', 4);
    // Received and applied by the server (a sync round trip would have said "saved") …
    await until(() => peer.doc.getMap('elements').get('d') === 4, 'applied');
    await until(() => peer.waiting.length > 0, 'asked what is stored');
    expect(room.state.getState().pending).toBe(true);
    // … saved once the store has written it and answers.
    peer.storeDown = false;
    for (const answer of peer.waiting.splice(0)) answer();
    await until(() => !room.state.getState().pending, 'saved once stored');
  });

  it('after a refused write: not accepted, and the copy must start over', async () => {
    const room = await openSynced();
    deny(DENIED.boardLocked);
    await until(() => room.state.getState().restart !== null, 'restart');
    expect(room.state.getState()).toMatchObject({ restart: 'refused', notAccepted: true });
  });
});
