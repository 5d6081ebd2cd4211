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

/** Resolves once the server has acknowledged everything `doc` sent (a fresh client sees it all). */
export async function flushed(
  wsUrl: string,
  room: string,
  doc: Y.Doc,
  token?: string,
  timeoutMs = 60_000,
): Promise<void> {
  const want = Y.encodeStateVector(doc);
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    const probe = openClient(wsUrl, room, token);
    try {
      await probe.synced;
      // Covered, not equal: the server writes too (e.g. its record of who writes with which
      // client id, history.owners), so the fresh copy may hold more than `doc` sent.
      const got = Y.decodeStateVector(Y.encodeStateVector(probe.doc));
      if ([...Y.decodeStateVector(want)].every(([c, clock]) => (got.get(c) ?? 0) >= clock)) return;
    } finally {
      probe.close();
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not receive all of ${room} in ${timeoutMs} ms`);
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
