/**
 * Two participants on one fresh workshop's first board, each in their own browser context: the
 * set-up most board tests start from. `base` is an empty spot right of the template, where a
 * test works without touching the template's frames.
 */
import type { Browser, Page } from 'playwright-core';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { Person } from './browser';
import { joinByCode, launchChromium, newPerson, screenshot, viewSettled } from './browser';
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
  /**
   * Closes the browser and the server; with `lastViews`, each person's last view is saved first
   * (`<lastViews>-anna-last.png`), for a look when something failed.
   */
  dispose(options?: { lastViews?: string }): Promise<void>;
}

/** Opens the pair with both cameras on `base` (`look` with `view`'s zoom and margin). */
export async function openPair(view: { zoom?: number; margin?: number } = {}): Promise<Pair> {
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
  await look(anna.page, view.zoom, view.margin);
  await look(bram.page, view.zoom, view.margin);
  return {
    server,
    workshop,
    browser,
    anna,
    bram,
    base,
    look,
    async dispose({ lastViews } = {}) {
      if (lastViews) {
        await screenshot(anna.page, `${lastViews}-anna-last`).catch(() => undefined);
        await screenshot(bram.page, `${lastViews}-bram-last`).catch(() => undefined);
      }
      await browser.close();
      await server.dispose();
    },
  };
}
