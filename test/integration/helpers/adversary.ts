/**
 * A hostile client with an ordinary token: it syncs like the stock client, then sends Yjs
 * updates and awareness frames crafted on a copy of what the server holds (any content, any
 * author, any client id), and records what the server answered (permission denied, closes).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CLOSE, MESSAGE } from '../../../workshops';
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
  const path = `/sync/${room}?token=${encodeURIComponent(token)}`;
  const doc = new Y.Doc();
  const denied: string[] = [];
  let steps2 = 0;
  let raw: RawClient;
  let seen = 0;
  /** This socket was refused a write: the server applies nothing more from it (docs/api.md). */
  let deniedHere = false;
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
        deniedHere = true;
      }
    }
  };
  /**
   * A refused write with new items gets the connection closed for a re-sync (4003, docs/api.md
   * "A refused write"): like the stock client, connect again and go on.
   */
  const dial = (): RawClient => {
    const next = rawConnect(server.url, path);
    seen = 0;
    deniedHere = false;
    next.ws.on('message', read);
    void next.closed.then(({ code }) => {
      if (code !== CLOSE.resync || raw !== next || closing) return;
      raw = dial();
      // Re-sync as the stock client does: whoever waits for an answer (refresh) gets it here.
      void raw.opened.then(() => raw.send(step1()));
    });
    return next;
  };
  let closing = false;
  const step1 = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    return encoding.toUint8Array(encoder);
  };
  raw = dial();

  const craft = (write: (d: Y.Doc) => void, clientId = nextClient++) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    // Set after the state: Yjs gives a doc a fresh id when an update holds its own, and a forger
    // writing with someone else's id wants exactly that id, at its next clocks.
    copy.clientID = clientId;
    const before = Y.encodeStateVector(copy);
    write(copy);
    const update = Y.encodeStateAsUpdate(copy, before);
    copy.destroy();
    return update;
  };
  const send = (update: Uint8Array) => raw.send(updateFrame(update));
  const refresh = async () => {
    await raw.opened;
    const answered = steps2;
    raw.send(step1());
    await waitFor(() => steps2 > answered, 10_000, 'sync step 2');
  };
  await raw.opened;
  await refresh();
  return {
    get raw() {
      return raw;
    },
    doc,
    denied,
    send,
    craft,
    refresh,
    async write(fn, clientId) {
      // After a refusal the server applies nothing more from that socket until it re-syncs:
      // a fresh connection (as a new tab would) goes on at once.
      if (deniedHere) {
        const old = raw;
        raw = dial();
        old.ws.close();
        await refresh();
      }
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
    close: () => {
      closing = true;
      raw.ws.close();
    },
  };
}
