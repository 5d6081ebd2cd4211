/**
 * Debian's Chromium through playwright-core (never a downloaded browser), people as browser
 * contexts, and the app driven through its real UI: the join form, the toolbar, the canvas.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export { launchChromium } from '../../fixtures/chromium';
export { startAppServer } from './server';

export const LAPTOP = { width: 1280, height: 800 };
/** The facilitator's larger screen. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export const RESULTS_DIR = resolve(import.meta.dirname, '../../../test-results');

export interface DeviceOptions {
  viewport?: { width: number; height: number };
  touch?: boolean;
  /** A phone's browser (Playwright's isMobile: the page's meta viewport counts). */
  mobile?: boolean;
  /** English, as the language switch remembers it on this device; Dutch otherwise. */
  english?: boolean;
}

/** A person's own browser context (own localStorage and IndexedDB), laptop-sized. */
export async function newContext(
  browser: Browser,
  options: DeviceOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? LAPTOP,
    deviceScaleFactor: 1,
    hasTouch: options.touch ?? false,
    isMobile: options.mobile ?? false,
    locale: options.english ? 'en-GB' : 'nl-NL',
  });
  if (options.english)
    await context.addInitScript(() => localStorage.setItem('werkbank:lang', 'en'));
  return context;
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (a test may assert there are none). */
  errors: string[];
}

/** A fresh person: own context (own localStorage and IndexedDB), one page. */
export async function newPerson(browser: Browser, options: DeviceOptions = {}): Promise<Person> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, errors };
}

/** Joins through the home page's form, as a participant would, and waits for the board. */
export async function joinByCode(
  page: Page,
  server: { url: string },
  joinCode: string,
  name: string,
  organisation?: string,
  kind?: 'social' | 'regular' | 'partner',
): Promise<void> {
  await page.goto(server.url + '/');
  await page.locator('#join-code').fill(joinCode);
  await page.locator('#join-name').fill(name);
  if (organisation) await page.locator('#join-org').fill(organisation);
  if (kind) await page.locator(`input[name="kind"][value="${kind}"]`).check();
  await page.locator('form button[type="submit"]').click();
  await waitForBoard(page);
}

/** Opens a facilitator or viewer link (`/w/<id>/<board>#token=…`) and waits for the board. */
export async function openLink(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForBoard(page);
}

/** Waits until the board engine and a Konva stage exist and the board has synced. */
export async function waitForBoard(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = window as unknown as {
        Konva?: { stages: unknown[] };
        __werkbank?: { board: unknown };
      };
      return !!w.__werkbank?.board && (w.Konva?.stages.length ?? 0) > 0;
    },
    undefined,
    { timeout },
  );
  await page
    .locator('[data-state="saved"], [data-state="locked"], [data-state="readonly"]')
    .first()
    .waitFor({ timeout });
}

/**
 * After a switch of boards: waits until the engine holds `elementId` (so it is the new board's)
 * and shows the board's document, not the snapshot picture drawn while it loads (read-only).
 */
export async function waitForLiveBoardWith(
  page: Page,
  elementId: string,
  timeout = 30_000,
): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const board = window.__werkbank?.board;
      return !!board?.get(id) && !board.state.preview;
    },
    elementId,
    { timeout },
  );
  await waitForBoard(page, timeout);
}

/**
 * Waits until the canvas is drawn at the board's camera: between redraws it is moved by CSS and
 * holds what was in view at the last one (web/board/canvas/drawn-view.ts).
 */
export async function viewSettled(page: Page, timeout = 5_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__werkbank?.board.state;
      return !!s && JSON.stringify(s.camera) === JSON.stringify(s.drawn);
    },
    undefined,
    { timeout },
  );
  // The redraw itself lands with the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

/** One element as the Konva scene graph draws it. */
export interface SceneNode {
  id: string;
  type: string;
  x: number;
  y: number;
  /** Every text drawn inside the element (sticky text, labels, titles). */
  texts: string[];
}

/** The elements on the first Konva stage (`window.Konva.stages`), by id. */
export async function readScene(page: Page): Promise<Map<string, SceneNode>> {
  const nodes = await page.evaluate(() => {
    interface KNode {
      id(): string;
      name(): string;
      x(): number;
      y(): number;
      className: string;
      text?: () => string;
      find?: (selector: string) => KNode[];
    }
    const w = window as unknown as { Konva?: { stages: Array<{ find(s: string): KNode[] }> } };
    const stage = w.Konva?.stages[0];
    if (!stage) return [];
    return stage.find('.element').map((n) => ({
      id: n.id(),
      type:
        n
          .name()
          .split(' ')
          .find((p) => p !== 'element') ?? '',
      x: n.x(),
      y: n.y(),
      // An element is a Group of shapes or, for plain text, a single Text node.
      texts: (typeof n.find === 'function' ? n.find('Text') : [n])
        .map((t) => (typeof t.text === 'function' ? t.text() : ''))
        .filter(Boolean),
    }));
  });
  return new Map(nodes.map((n) => [n.id, n]));
}

/** The scene as a list, each element with its kind and its texts joined (for text assertions). */
export async function sceneElements(
  page: Page,
): Promise<Array<SceneNode & { kind: string; text: string }>> {
  return [...(await readScene(page)).values()].map((n) => ({
    ...n,
    kind: n.type,
    text: n.texts.join(' '),
  }));
}

/** Polls the scene until `check` passes (each person's view converges at its own pace). */
export async function waitForScene(
  page: Page,
  check: (scene: Map<string, SceneNode>) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<Map<string, SceneNode>> {
  const start = Date.now();
  let scene = await readScene(page);
  while (!check(scene)) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(
        `timed out waiting for ${what}; scene: ${JSON.stringify([...scene.values()])}`,
      );
    }
    await page.waitForTimeout(100);
    scene = await readScene(page);
  }
  return scene;
}

/** Polls `read` until `check` passes; the error says what was last seen. */
export async function until<T>(
  page: Page,
  read: () => Promise<T>,
  check: (v: T) => boolean,
  what: string,
  timeout = 15_000,
): Promise<T> {
  const start = Date.now();
  let v = await read();
  while (!check(v)) {
    if (Date.now() - start > timeout)
      throw new Error(`timed out: ${what}; saw ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
    v = await read();
  }
  return v;
}

/** Polls `check` until it holds; the error says what was awaited and, given `seen`, what was seen. */
export async function waitUntil(
  page: Page,
  check: () => Promise<boolean>,
  what: string,
  timeout = 15_000,
  seen?: () => Promise<unknown>,
): Promise<void> {
  await until(page, check, (ok) => ok, what, timeout).catch(async (e: unknown) => {
    if (!seen) throw e;
    throw new Error(`timed out: ${what}; saw ${JSON.stringify(await seen())}`);
  });
}

/**
 * Resolves once the device copy (y-indexeddb) holds every update made so far: a read of its
 * store waits, by IndexedDB's own ordering, for the write transactions started before it.
 */
export async function deviceCopyWritten(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((d) => d.name ?? '')
      .filter((n) => n.startsWith('werkbank:'));
    if (!names.length) throw new Error('no device copy');
    for (const name of names) {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates', 'readonly').objectStore('updates').count();
          count.onsuccess = () => {
            db.close();
            resolve();
          };
          count.onerror = () => reject(count.error ?? new Error('count failed'));
        };
      });
    }
  });
}

/** Where a world point is on the page (through the board's camera and the canvas' offset). */
export async function worldToPage(
  page: Page,
  x: number,
  y: number,
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([wx, wy]) => {
      const w = window as unknown as {
        __werkbank?: { board: { state: { camera: { x: number; y: number; zoom: number } } } };
      };
      const cam = w.__werkbank?.board.state.camera ?? { x: 0, y: 0, zoom: 1 };
      const rect = document.querySelector('.wb-canvas')?.getBoundingClientRect();
      return {
        x: (rect?.left ?? 0) + (wx - cam.x) * cam.zoom,
        y: (rect?.top ?? 0) + (wy - cam.y) * cam.zoom,
      };
    },
    [x, y] as const,
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = resolve(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
