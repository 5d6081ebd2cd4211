/**
 * The set-up of the tests around one workshop: the app's server, a fresh workshop on it and
 * Chromium, started before the file's tests and closed after them; the people come from `page`
 * and join by the workshop's code as one of the cast below.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { DeviceOptions } from './browser';
import { joinByCode, launchChromium, newPerson } from './browser';
import type { TestServer } from './server';
import { boardLink, newWorkshop, startAppServer } from './server';

/** Who a participant says they are on the join form. */
export interface Participant {
  name: string;
  organisation: string;
  kind: 'social' | 'regular' | 'partner';
}

export const SANNE: Participant = {
  name: 'Sanne Bakker',
  organisation: 'Groenwerk',
  kind: 'social',
};
export const JOOST: Participant = {
  name: 'Joost de Vries',
  organisation: 'Bouw & Co',
  kind: 'regular',
};
/** Joins in English (her device is set to English). */
export const EMMA: Participant = {
  name: 'Emma Clarke',
  organisation: 'Northwind',
  kind: 'partner',
};

export interface WorkshopInChromium {
  readonly server: TestServer;
  readonly workshop: CreateWorkshopResponse;
  readonly browser: Browser;
  /** The page of a new person (their own context; `options` as newPerson takes them). */
  page(options?: DeviceOptions): Promise<Page>;
  /** `page` joins the workshop by its code as `who`, and waits for the board. */
  join(page: Page, who: Participant): Promise<void>;
  /** The link to `board` with `token`: the facilitator's unless given. */
  boardLink(board: string, token?: string): string;
}

/** Registers the file's beforeAll and afterAll; `title` is the workshop's. */
export function workshopInChromium(title?: string): WorkshopInChromium {
  let server: TestServer | undefined;
  let workshop: CreateWorkshopResponse | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startAppServer();
    workshop = await newWorkshop(server, title);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('not started: the beforeAll has not run');
    return value;
  };
  const app: WorkshopInChromium = {
    get server() {
      return ready(server);
    },
    get workshop() {
      return ready(workshop);
    },
    get browser() {
      return ready(browser);
    },
    async page(options) {
      return (await newPerson(app.browser, options)).page;
    },
    join: (page, who) =>
      joinByCode(page, app.server, app.workshop.joinCode, who.name, who.organisation, who.kind),
    boardLink: (board, token) => boardLink(app.server, app.workshop, board, token),
  };
  return app;
}
