/**
 * Issue 14, offline reload: the service worker (vite.config.ts, vite-plugin-pwa) caches the app
 * shell, so a participant who reloads without network gets the board from the device's copy,
 * marked offline; what they write then reaches another participant once the network is back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './helpers/browser';
import { joinByCode, launchChromium, newPerson, readScene, waitForScene } from './helpers/browser';
import { shot } from './helpers/a11y';
import type { TestServer } from './helpers/server';
import { newWorkshop, startAppServer } from './helpers/server';

let server: TestServer;
let browser: Browser;
let anna: Person;
let bram: Person;

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  anna = await newPerson(browser);
  bram = await newPerson(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('a reload without network', () => {
  it('shows the board from the device, marked offline, and syncs what was written later', async () => {
    const workshop = await newWorkshop(server);
    const { page, context } = anna;
    await joinByCode(page, server, workshop.joinCode, 'Anna de Vries', 'Buurtkracht');
    await joinByCode(bram.page, server, workshop.joinCode, 'Bram Jansen', 'Metaal BV');
    const boardUrl = page.url();

    // The shell is installed and controls the page (clientsClaim): the manifest is there too.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href') ?? '';
      return (await fetch(href)).json() as Promise<{ name: string; icons: unknown[] }>;
    });
    expect(manifest.name).toBe('Werkbank');
    expect(manifest.icons.length).toBeGreaterThan(1);
    const before = (await readScene(page)).size;
    expect(before).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.reload();
    // Not Chromium's "no internet" page: the app, with the board from IndexedDB.
    await page.locator('[data-state="offline"]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !!window.__werkbank?.board);
    await waitForScene(page, (s) => s.size >= before, 'the board from the device copy');
    expect(page.url()).toBe(boardUrl);
    await shot(page, 'access-offline-reload');

    // Written offline: a sticky with a text, through the toolbar and the canvas.
    const box = await page.locator('.wb-canvas').boundingBox();
    await page.locator('[data-tool="sticky"]').click();
    await page.mouse.click((box?.x ?? 0) + 160, (box?.y ?? 0) + (box?.height ?? 600) - 180);
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.fill('Offline bedacht: samen inkopen');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-state="offline"]').count()).toBe(1);

    await context.setOffline(false);
    await page.locator('[data-state="saved"]').waitFor({ timeout: 30_000 });
    await waitForScene(
      bram.page,
      (s) => [...s.values()].some((n) => n.texts.includes('Offline bedacht: samen inkopen')),
      'the offline sticky on the other participant’s board',
      30_000,
    );
  });
});
