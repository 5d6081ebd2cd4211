import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROBE_SOURCE } from './probe';

export { launchChromium } from '../../fixtures/chromium';

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
