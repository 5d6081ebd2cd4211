import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROBE_SOURCE } from './probe';

/** Debian's Chromium, as every browser test of the project launches it (never a downloaded one). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A fresh context as ANCHORS.md measures (1280×720, device scale 1) with the probe installed. */
export async function probedPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.addInitScript(PROBE_SOURCE);
  return { context, page };
}
