/**
 * The quote card, the element type added through the registries (docs/architecture.md), in
 * Chromium with two participants: placed with its tool (key Q), its quote typed in place, its
 * attribution in its inspector; the other participant's board holds and draws both.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './helpers/browser';
import { readScene, until, worldToPage } from './helpers/browser';
import type { Pair } from './helpers/pair';
import { openPair } from './helpers/pair';

let room: Pair;
let anna: Person;
let bram: Person;
let base = { x: 0, y: 0 };

/** The quotes on a page's board, as plain records. */
const quotes = (page: Page) =>
  page.evaluate(() =>
    [...(window.__werkbank?.board.state.elements.values() ?? [])]
      .filter((e) => e.type === 'quote')
      .map((e) => ({ ...e }) as Record<string, unknown>),
  );

beforeAll(async () => {
  room = await openPair();
  ({ anna, bram, base } = room);
});

afterAll(() => room?.dispose());

describe('quote card', () => {
  it('is placed with its tool, written in place, attributed in its inspector, seen by others', async () => {
    const { page } = anna;
    await expect(page.locator('[data-tool="quote"]').count()).resolves.toBe(1);
    await page.keyboard.press('q');
    const at = await worldToPage(page, base.x + 200, base.y + 200);
    await page.mouse.click(at.x, at.y);
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.pressSequentially('Te duur voor ons');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    const by = page.locator('.wb-quote-inspector input[name="by"]');
    await by.waitFor();
    await by.fill('Bea, klant');

    const [q] = await until(
      bram.page,
      () => quotes(bram.page),
      (qs) => qs.some((x) => x.text === 'Te duur voor ons' && x.by === 'Bea, klant'),
      'the quote with its attribution on the other board',
    );
    // Drawn there too: its node holds the quote and the attribution.
    await until(
      bram.page,
      async () => (await readScene(bram.page)).get(String(q?.id))?.texts.join(' ') ?? '',
      (texts) => texts.includes('Te duur voor ons') && texts.includes('— Bea, klant'),
      'the quote drawn on the other board',
    );
  });
});
