/**
 * The set-up of the tests where one person in Chromium meets stock y-websocket clients: the app's
 * server, Chromium and the person are started before the file's tests; the clients a test opens,
 * the person, Chromium and the server are closed after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ServerOptions } from '../../../sync-server/server';
import type { CreateWorkshopResponse } from '../../../workshops';
import { boardRoom } from '../../../workshops';
import { serverFixture } from '../../integration/helpers/fixture';
import type { Client } from '../../integration/helpers/server';
import type { Person } from './browser';
import { joinByCode, launchChromium, newPerson } from './browser';
import type { TestServer } from './server';
import { newWorkshop, startAppServer } from './server';

export interface OnePerson {
  readonly server: TestServer;
  readonly person: Person;
  /** A stock client on `room`, destroyed after the file's tests (or by `closeClients`). */
  open(room: string, token: string): Client;
  /** Destroys the stock clients opened so far. */
  closeClients(): void;
  /**
   * A new workshop that the person (Femke) joins by its code, and the board the join leads to:
   * its id and its room.
   */
  joinNewWorkshop(organisation?: string): Promise<{
    workshop: CreateWorkshopResponse;
    boardId: string;
    room: string;
  }>;
}

/** Registers the file's beforeAll and afterAll; `options` go to the app's server. */
export function onePerson(options: Partial<ServerOptions> = {}): OnePerson {
  const fx = serverFixture('file');
  let browser: Browser | undefined;
  let person: Person | undefined;

  beforeAll(async () => {
    fx.server = await startAppServer(options);
    browser = await launchChromium();
    person = await newPerson(browser);
  });
  // Runs before the fixture's own clean-up (the clients, then the server).
  afterAll(async () => {
    await person?.context.close();
    await browser?.close();
  });

  const app: OnePerson = {
    get server() {
      return fx.server;
    },
    get person() {
      if (!person) throw new Error('no person: the beforeAll has not run');
      return person;
    },
    open: (room, token) => fx.open(room, token),
    closeClients: () => fx.closeConnections(),
    async joinNewWorkshop(organisation) {
      const workshop = await newWorkshop(app.server);
      const { page } = app.person;
      await joinByCode(page, app.server, workshop.joinCode, 'Femke', organisation);
      const boardId = new URL(page.url()).pathname.split('/')[3] ?? '';
      return { workshop, boardId, room: boardRoom(workshop.workshopId, boardId) };
    },
  };
  return app;
}
