/**
 * IPC between the sync suite (parent) and its child processes: one server child (ours or the
 * reference) and one or more client workers. Servers and clients run in separate processes so
 * the server's CPU and RSS are measured apart from the simulated participants.
 */

/** What every server child reports once listening. */
export interface ServerReady {
  type: 'ready';
  /** Base WebSocket URL for the stock provider, e.g. `ws://127.0.0.1:4321/sync`. */
  wsUrl: string;
  /** HTTP base URL (ours only: used for the API). */
  httpUrl: string;
  adminToken?: string;
}

export interface ServerStats {
  type: 'stats';
  /** process.cpuUsage() of the server process, µs. */
  userMicros: number;
  systemMicros: number;
  rssBytes: number;
  /** Peak RSS so far (process.resourceUsage().maxRSS), bytes. */
  maxRssBytes: number;
}

export type ToServer = { type: 'stats' } | { type: 'stop' };
export type FromServer = ServerReady | ServerStats | { type: 'error'; message: string };

export interface RoomPlan {
  room: string;
  /** One token per client (ours); empty for the unauthenticated reference. */
  tokens: string[];
}

export interface WorkerPlan {
  type: 'plan';
  wsUrl: string;
  rooms: RoomPlan[];
  clientsPerRoom: number;
  /** Edits per second per client. */
  editRate: number;
  /** Cursor (awareness) updates per second per client. */
  cursorHz: number;
  /**
   * `stock`: the stock provider re-sends every awareness change it receives (O(n²) traffic).
   * `app`: the app's own provider (web/sync/provider.ts), which sends only its own awareness.
   */
  awareness: 'stock' | 'app';
  /** Cursors carry their send time; receipts of them are timed (cursorLatencies). */
  timeCursors?: boolean;
  /** Load window, ms. */
  durationMs: number;
  /** How long arrivals may pause after the load before what is missing counts as dropped, ms. */
  settleMs: number;
  /** Connections opened per tick while connecting, to avoid a thundering herd. */
  connectBatch: number;
}

export type ToWorker = WorkerPlan | { type: 'go' } | { type: 'stop' };

export interface WorkerResult {
  type: 'result';
  /** Edit-to-receipt latencies, ms (one per edit and receiving client). */
  latencies: number[];
  edits: number;
  expectedReceipts: number;
  receipts: number;
  /** Rooms whose clients ended with different state vectors or contents. */
  divergedRooms: number;
  /** Cursor updates sent by all clients. */
  cursorUpdates: number;
  /** Clients that lost their connection during the load. */
  disconnects: number;
  /** Connection closes seen by the clients, by close code (`local`: the provider's watchdog). */
  closes: Record<string, number>;
  /** Mean client-side CPU use of the worker over the load window, percent of one core. */
  cpuPercent: number;
  /** Cursor send-to-receipt latencies, ms (with plan.timeCursors). */
  cursorLatencies: number[];
  /** WebSocket messages and payload bytes all clients sent and received in the load window. */
  wire: WireCounts;
  /** Length of the load window, ms. */
  windowMs: number;
}

export interface WireCounts {
  sentMessages: number;
  sentBytes: number;
  receivedMessages: number;
  receivedBytes: number;
}

export type FromWorker =
  | { type: 'connected'; clients: number; ms: number }
  | WorkerResult
  | { type: 'error'; message: string }
  | { type: 'log'; line: string };
