/**
 * Issue 14's e2e helpers: screenshots under test-results/screens/, and axe-core runs that report
 * serious and critical violations in a readable form.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { Person } from './browser';
import { DESKTOP, RESULTS_DIR, newPerson, openLink } from './browser';
import { boardLink } from './server';

export const SCREENS_DIR = resolve(RESULTS_DIR, 'screens');

/** A screenshot at test-results/screens/<name>.png (to look at). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = resolve(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Serious and critical axe violations on the page (WCAG 2.x A/AA and best practice). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** A facilitator on a 1440×900 laptop with the workshop's first board open. */
export async function facilitatorOn(
  browser: Browser,
  server: { url: string },
  workshop: { workshopId: string; facilitatorToken: string },
): Promise<Person> {
  const fac = await newPerson(browser, { viewport: DESKTOP });
  await openLink(fac.page, boardLink(server, workshop, 'empathise'));
  return fac;
}
