/** A stock y-websocket client in this process (Node `ws` as the WebSocket), for seeding and probes. */
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  close(): void;
}

export function openClient(
  wsUrl: string,
  room: string,
  token?: string,
  timeoutMs = 60_000,
): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  });
  const synced = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync timeout for ${room}`)), timeoutMs);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    doc,
    provider,
    synced,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/**
 * Resolves once the server holds everything `doc` sent: one probe client syncs from it and then
 * receives the room's updates as the server applies them; it resolves when its copy covers `doc`.
 */
export async function flushed(
  wsUrl: string,
  room: string,
  doc: Y.Doc,
  token?: string,
  timeoutMs = 60_000,
): Promise<void> {
  const want = Y.decodeStateVector(Y.encodeStateVector(doc));
  const probe = openClient(wsUrl, room, token, timeoutMs);
  // Covered, not equal: the server writes too (e.g. its record of who writes with which client
  // id, history.owners), so the server's copy may hold more than `doc` sent.
  const covered = () => {
    const got = Y.decodeStateVector(Y.encodeStateVector(probe.doc));
    return [...want].every(([c, clock]) => (got.get(c) ?? 0) >= clock);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onUpdate: (() => void) | undefined;
  try {
    await probe.synced;
    if (covered()) return;
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`server did not receive all of ${room} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      onUpdate = () => {
        if (covered()) resolve();
      };
      probe.doc.on('update', onUpdate);
    });
  } finally {
    clearTimeout(timer);
    if (onUpdate) probe.doc.off('update', onUpdate);
    probe.close();
  }
}

/**
 * The participant id a token was issued to: the only author the server accepts on what that
 * client creates (sync-server/sync/policy.ts). `fallback` without a token (the reference server).
 */
export function authorOf(token: string | undefined, fallback: string): string {
  const payload = token?.split('.')[1];
  if (!payload) return fallback;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  return typeof claims.participantId === 'string' ? claims.participantId : fallback;
}
