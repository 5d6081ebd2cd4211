/**
 * Issue 14, keyboard only: a participant joins, finds the activity's frame and its items with Tab
 * (a visible focus ring on the canvas), adds a note through the list view, moves it with the
 * arrow keys, edits it with Enter, votes with Enter in a voting round, and hears (live region)
 * that the board was locked and that they were brought to the activity. Only Tab, Shift+Tab,
 * Enter, Escape, arrows and typing — no mouse on the participant's side.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './helpers/browser';
import { newPerson, viewSettled, waitForBoard } from './helpers/browser';
import { facilitatorOn, shot } from './helpers/a11y';
import { workshopInChromium } from './helpers/workshop';

const app = workshopInChromium();

let fac: Person;
let kim: Person;

interface Note {
  id: string;
  text: string;
  x: number;
  y: number;
  votes: Record<string, number>;
}
const note = (page: Page, text: RegExp) =>
  page.evaluate(
    (src) =>
      ([...(window.__werkbank?.board.state.elements.values() ?? [])].find(
        (e) => e.type === 'sticky' && new RegExp(src).test(e.text),
      ) ?? null) as Note | null,
    text.source,
  );
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      elId: el?.id ?? '',
      placeholder: el?.getAttribute('placeholder') ?? '',
      cls: el?.className ?? '',
      id: el?.dataset.id ?? '',
      label: el?.getAttribute('aria-label') ?? el?.textContent ?? '',
      tag: el?.tagName ?? '',
    };
  });

/** Presses Tab until focus is on what `match` accepts (at most `max` times). */
async function tabTo(
  page: Page,
  match: (a: Awaited<ReturnType<typeof active>>) => boolean,
  what: string,
  max = 120,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (match(await active(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

beforeAll(async () => {
  kim = await newPerson(app.browser);
  fac = await facilitatorOn(app.browser, app.server, app.workshop);
});

describe('a session with the keyboard alone', () => {
  it('joins by keyboard', async () => {
    const { page } = kim;
    await page.goto(app.server.url + '/');
    await page.locator('#join-code').waitFor();
    await tabTo(page, (a) => a.elId === 'join-code', 'the code field', 20);
    // The code field has focus (first field); type, Tab to the name, type, Enter submits.
    await page.keyboard.type(app.workshop.joinCode);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kim Verhoeven');
    await page.keyboard.press('Enter');
    await waitForBoard(page);
  });

  it('reaches the activity frame and its items by Tab, with a visible focus', async () => {
    const { page } = kim;
    await fac.page
      .locator('.fp-session', { hasText: /Ideeën/ })
      .getByRole('button', { name: /^Start$/ })
      .click();
    await page.waitForURL(/\/ideate$/, { timeout: 15_000 });
    await waitForBoard(page);
    await tabTo(page, (a) => a.cls.includes('wb-kbd-item'), 'a board element');
    const first = await active(page);
    expect(first.label).toMatch(/^Kader: /);
    await page.locator('.wb-kbd-ring').waitFor();
    // The focused element is selected on the canvas too.
    const selected = await page.evaluate(() => [
      ...(window.__werkbank?.board.state.selection ?? []),
    ]);
    expect(selected).toEqual([first.id]);
    // Shift+Tab goes back out of the elements; Tab comes back to the same first one.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect((await active(page)).id).toBe(first.id);
    await shot(page, 'access-keyboard-focus');
  });

  it('adds a note through the list, moves it with arrows and edits it with Enter', async () => {
    const { page } = kim;
    await page.keyboard.press('Shift+Tab');
    // Back to the top bar's list button.
    for (let i = 0; i < 80; i++) {
      const a = await active(page);
      if (/^Lijst/.test(a.label)) break;
      await page.keyboard.press('Shift+Tab');
    }
    expect((await active(page)).label).toMatch(/^Lijst/);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="outline"]').waitFor();
    // Past the tool bar (one button per tool) and every element of the keyboard layer.
    await tabTo(page, (a) => a.placeholder === 'Nieuwe notitie…', 'the first “new note” field', 80);
    await page.keyboard.type('Gezamenlijk opleiden');
    await page.keyboard.press('Enter');
    await expect.poll(() => note(page, /^Gezamenlijk opleiden$/)).not.toBeNull();
    const added = await note(page, /^Gezamenlijk opleiden$/);
    // Close the list (its close button) and walk to the new note on the board.
    await page.locator('[data-testid="outline"] .outline-close').focus();
    await page.keyboard.press('Enter');
    await tabTo(page, (a) => a.id === added?.id, 'the new note');
    expect((await active(page)).label).toMatch(/Notitie: Gezamenlijk opleiden/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(async () => {
        const n = await note(page, /^Gezamenlijk opleiden/);
        return n ? [n.x - (added?.x ?? 0), n.y - (added?.y ?? 0)] : null;
      })
      .toEqual([10, 20]);
    await page.keyboard.press('Enter');
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' met het ROC');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => note(page, /met het ROC$/)).not.toBeNull();
    // Focus came back to the note.
    await expect.poll(async () => (await active(page)).id).toBe(added?.id);
    await viewSettled(page);
    await shot(page, 'access-keyboard-edited');
  });

  it('votes with Enter, and hears the lock and being brought here', async () => {
    const { page } = kim;
    const id = await page.evaluate(() => window.__werkbank?.board.options.user.id ?? '');
    await fac.page.getByRole('button', { name: 'Stemronde starten' }).click();
    await page
      .locator('.session-bar')
      .getByText(/Stemronde/)
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await note(page, /met het ROC$/))?.votes[id] ?? 0).toBe(1);
    await fac.page.getByRole('button', { name: 'Stemronde afsluiten' }).click();

    await fac.page.getByRole('button', { name: 'Bord vergrendelen' }).click();
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toMatch(/vergrendeld/);
    // Locked: arrows move nothing.
    const before = await note(page, /met het ROC$/);
    await page.keyboard.press('ArrowLeft');
    await fac.page.getByRole('button', { name: 'Bord ontgrendelen' }).click();
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toMatch(/weer open/);
    expect((await note(page, /met het ROC$/))?.x).toBe(before?.x);

    await fac.page.getByRole('button', { name: 'Iedereen hierheen' }).click();
    await expect
      .poll(() => page.getByTestId('announcer').textContent(), { timeout: 15_000 })
      .toMatch(/hierheen gebracht/);
  });
});
