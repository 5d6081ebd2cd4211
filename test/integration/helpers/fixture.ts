/**
 * The set-up most server tests share: the real server with a fresh workshop, stock clients and
 * crafted connections (helpers/adversary.ts) opened against it, and all of it ended after each
 * test (or, with scope 'file', after the file's tests).
 */
import { afterAll, afterEach } from 'vitest';
import type * as Y from 'yjs';
import type { ServerOptions } from '../../../sync-server/server';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { Adversary } from './adversary';
import { adversary } from './adversary';
import type { Client, TestServer } from './server';
import { connect, createWorkshop, startTestServer, synced } from './server';

export interface ServerFixture {
  /** The server `start` started (a test may put a server of its own in its place). */
  server: TestServer;
  /** The workshop `start` created on it. */
  readonly workshop: CreateWorkshopResponse;
  /**
   * Starts a server and creates a workshop on it (a server started before is disposed first);
   * resolves with the workshop.
   */
  start(options?: Partial<ServerOptions>, title?: string): Promise<CreateWorkshopResponse>;
  /** A stock client on `server`, destroyed when the test ends. */
  open(room: string, token: string, options?: { doc?: Y.Doc }): Client;
  /** `open`, resolved once the client has synced. */
  openSynced(room: string, token: string): Promise<Client>;
  /** A crafted connection on `server`, closed when the test ends. */
  hostile(room: string, token: string): Promise<Adversary>;
  /** Ends every client and crafted connection opened so far. */
  closeConnections(): void;
  /** What a fresh client (the facilitator's) reads of `room` from the store after a restart. */
  afterRestart(room: string): Promise<Y.Doc>;
}

/** Registers the clean-up (after each test, or after the file) and returns the fixture. */
export function serverFixture(scope: 'test' | 'file' = 'test'): ServerFixture {
  let server: TestServer | undefined;
  let workshop: CreateWorkshopResponse | undefined;
  const clients: Client[] = [];
  const adversaries: Adversary[] = [];

  const closeConnections = () => {
    for (const a of adversaries.splice(0)) a.close();
    for (const c of clients.splice(0)) c.destroy();
  };
  (scope === 'file' ? afterAll : afterEach)(async () => {
    closeConnections();
    await server?.dispose();
    server = undefined;
    workshop = undefined;
  });

  const fixture: ServerFixture = {
    get server() {
      if (!server) throw new Error('no server: call start() first');
      return server;
    },
    set server(s) {
      server = s;
    },
    get workshop() {
      if (!workshop) throw new Error('no workshop: call start() first');
      return workshop;
    },
    async start(options = {}, title) {
      await server?.dispose();
      server = await startTestServer(options);
      workshop = await createWorkshop(server, title);
      return workshop;
    },
    open(room, token, options = {}) {
      const c = connect(fixture.server, room, token, options);
      clients.push(c);
      return c;
    },
    async openSynced(room, token) {
      const c = fixture.open(room, token);
      await synced(c);
      return c;
    },
    async hostile(room, token) {
      const a = await adversary(fixture.server, room, token);
      adversaries.push(a);
      return a;
    },
    closeConnections,
    async afterRestart(room) {
      closeConnections();
      server = await fixture.server.restart();
      return (await fixture.openSynced(room, fixture.workshop.facilitatorToken)).doc;
    },
  };
  return fixture;
}
