/**
 * A hostile client with an ordinary token: it syncs like the stock client, then sends Yjs
 * updates and awareness frames crafted on a copy of what the server holds (any content, any
 * author, any client id), and records what the server answered (permission denied, closes).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE } from '../../../workshops';
import type { RawClient } from './raw';
import { rawConnect, updateFrame } from './raw';
import { waitFor } from './server';

export interface Adversary {
  raw: RawClient;
  /** What the server sent of the room (its sync step 2 and every update since). */
  doc: Y.Doc;
  /** Permission-denied reasons received. */
  denied: string[];
  /** Sends a Yjs update as a sync-update frame. */
  send(update: Uint8Array): void;
  /**
   * An update made by `write` on a copy of what the server holds, as a client with
   * `clientId` (random by default) would send it. Not sent.
   */
  craft(write: (doc: Y.Doc) => void, clientId?: number): Uint8Array;
  /**
   * `craft` and `send`, then asks the server for what `doc` lacks (a sync step 1 after it):
   * resolves with whether the server took the update and what it said.
   */
  write(
    write: (doc: Y.Doc) => void,
    clientId?: number,
  ): Promise<{ accepted: boolean; denied: string | undefined }>;
  /** Brings `doc` up to what the server holds now (a sync step 1 and its answer). */
  refresh(): Promise<void>;
  /**
   * Sends an awareness frame setting (or, with `null`, removing) states of any client ids;
   * `json` sends a state's text as given (escapes and all).
   */
  sendAwareness(
    entries: Array<{ clientId: number; clock: number; state?: unknown; json?: string }>,
  ): void;
  close(): void;
}

let nextClient = 1_000_000;

export async function adversary(
  server: { url: string },
  room: string,
  token: string,
): Promise<Adversary> {
  const raw = rawConnect(server.url, `/sync/${room}?token=${encodeURIComponent(token)}`);
  const doc = new Y.Doc();
  const denied: string[] = [];
  let steps2 = 0;
  let seen = 0;
  const read = () => {
    for (; seen < raw.received.length; seen++) {
      const decoder = decoding.createDecoder(raw.received[seen] as Uint8Array);
      const kind = decoding.readVarUint(decoder);
      if (kind === MESSAGE.sync) {
        const encoder = encoding.createEncoder();
        const type = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
        if (type === syncProtocol.messageYjsSyncStep2) steps2++;
      } else if (kind === MESSAGE.auth && decoding.readVarUint(decoder) === 0) {
        denied.push(decoding.readVarString(decoder));
      }
    }
  };
  raw.ws.on('message', read);

  const craft = (write: (d: Y.Doc) => void, clientId = nextClient++) => {
    const copy = new Y.Doc();
    copy.clientID = clientId;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    write(copy);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    return update;
  };
  const send = (update: Uint8Array) => raw.send(updateFrame(update));
  const refresh = async () => {
    const answered = steps2;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    raw.send(encoding.toUint8Array(encoder));
    await waitFor(() => steps2 > answered, 10_000, 'sync step 2');
  };
  await raw.opened;
  await refresh();
  return {
    raw,
    doc,
    denied,
    send,
    craft,
    refresh,
    async write(fn, clientId) {
      const update = craft(fn, clientId);
      const refusals = denied.length;
      send(update);
      await refresh();
      const target = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
      const accepted = [...target].every(
        ([client, clock]) => Y.getState(doc.store, client) >= clock,
      );
      return { accepted, denied: denied.length > refusals ? denied[denied.length - 1] : undefined };
    },
    sendAwareness(entries) {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, entries.length);
      for (const { clientId, clock, state, json } of entries) {
        encoding.writeVarUint(inner, clientId);
        encoding.writeVarUint(inner, clock);
        encoding.writeVarString(inner, json ?? JSON.stringify(state ?? null));
      }
      const outer = encoding.createEncoder();
      encoding.writeVarUint(outer, MESSAGE.awareness);
      encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
      raw.send(encoding.toUint8Array(outer));
    },
    close: () => raw.ws.close(),
  };
}
