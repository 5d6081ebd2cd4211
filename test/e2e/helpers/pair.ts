/**
 * Two participants on one fresh workshop's first board, each in their own browser context: the
 * set-up most board tests start from. `base` is an empty spot right of the template, where a
 * test works without touching the template's frames.
 */
import type { Browser, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { Person } from './browser';
import { joinByCode, launchChromium, newPerson, viewSettled } from './browser';
import type { TestServer } from './server';
import { newWorkshop, startAppServer } from './server';

export interface Pair {
  server: TestServer;
  workshop: CreateWorkshopResponse;
  browser: Browser;
  /** Anna de Vries of De Werkplaats, a social enterprise. */
  anna: Person;
  /** Bram of Bakkerij Jansen, a regular enterprise. */
  bram: Person;
  /** An empty spot 600 units right of everything the template drew. */
  base: { x: number; y: number };
  /** Puts `page`'s camera at `zoom` with `base` `margin` units from the view's top left. */
  look(page: Page, zoom?: number, margin?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function openPair(): Promise<Pair> {
  const server = await startAppServer();
  const workshop = await newWorkshop(server);
  const browser = await launchChromium();
  const anna = await newPerson(browser);
  const bram = await newPerson(browser);
  await joinByCode(
    anna.page,
    server,
    workshop.joinCode,
    'Anna de Vries',
    'De Werkplaats',
    'social',
  );
  await joinByCode(bram.page, server, workshop.joinCode, 'Bram', 'Bakkerij Jansen', 'regular');
  const bounds = await anna.page.evaluate(() => window.__werkbank?.board.contentBounds() ?? null);
  const base = bounds
    ? { x: Math.round(bounds.x + bounds.w + 600), y: Math.round(bounds.y) }
    : { x: 0, y: 0 };
  const look = async (page: Page, zoom = 1, margin = 100) => {
    await page.evaluate(({ x, y, zoom }) => window.__werkbank?.board.setCamera({ x, y, zoom }), {
      x: base.x - margin,
      y: base.y - margin,
      zoom,
    });
    await viewSettled(page);
  };
  return {
    server,
    workshop,
    browser,
    anna,
    bram,
    base,
    look,
    async dispose() {
      await browser.close();
      await server.dispose();
    },
  };
}
