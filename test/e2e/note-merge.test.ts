/**
 * Issue 12, point 7, end to end: two people edit the text of one note in Chromium through the
 * in-place editor — one offline, one online — and once the first is back both edits are in the
 * note, for both. And someone typing in a note while another's edit of it arrives keeps typing
 * where their caret was, the other's words kept. Read from the engine's state and the Konva scene.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './helpers/browser';
import { screenshot, waitForScene, worldToPage } from './helpers/browser';
import type { Pair } from './helpers/pair';
import { openPair } from './helpers/pair';

let room: Pair;
let anna: Person;
let bram: Person;
let base = { x: 0, y: 0 };

/** The text of note `id` as the engine holds it. */
const noteText = (page: Page, id: string): Promise<string | null> =>
  page.evaluate((nid) => {
    const el = window.__werkbank?.board.state.elements.get(nid);
    return el && el.type === 'sticky' ? el.text : null;
  }, id);

/** Opens the note at (wx, wy) in the in-place editor, the caret at its start or end. */
async function openNote(page: Page, wx: number, wy: number, caret: 'start' | 'end') {
  const p = await worldToPage(page, wx, wy);
  await page.mouse.dblclick(p.x, p.y);
  const editor = page.locator('textarea.wb-text-editor');
  await editor.waitFor();
  await page.keyboard.press(caret === 'start' ? 'Control+Home' : 'Control+End');
  return editor;
}

async function closeEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('textarea.wb-text-editor').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  room = await openPair({ zoom: 0.5, margin: 60 });
  ({ anna, bram, base } = room);
});

afterAll(() => room?.dispose({ lastViews: 'note-merge' }));

describe('two people editing one note', () => {
  let id = '';
  const at = () => ({ x: base.x + 80, y: base.y + 80 });

  it('one offline, one online: after the reconnect both edits are in the note, for both', async () => {
    await anna.page.keyboard.press('n');
    const p = await worldToPage(anna.page, at().x, at().y);
    await anna.page.mouse.click(p.x, p.y);
    await anna.page.locator('textarea.wb-text-editor').pressSequentially('Wij helpen ondernemers');
    await closeEditor(anna.page);
    id = await anna.page.evaluate(
      () =>
        [...(window.__werkbank?.board.state.elements.values() ?? [])].find(
          (e) => e.type === 'sticky' && e.text === 'Wij helpen ondernemers',
        )?.id ?? '',
    );
    expect(id).not.toBe('');
    await expect
      .poll(() => noteText(bram.page, id), { timeout: 10_000 })
      .toBe('Wij helpen ondernemers');

    await bram.context.setOffline(true);
    await bram.page.locator('[data-state="offline"]').first().waitFor({ timeout: 15_000 });
    await openNote(bram.page, at().x, at().y, 'start');
    await bram.page.keyboard.type('Samen: ');
    await closeEditor(bram.page);
    await openNote(anna.page, at().x, at().y, 'end');
    await anna.page.keyboard.type(' in de regio');
    await closeEditor(anna.page);
    expect(await noteText(bram.page, id)).toBe('Samen: Wij helpen ondernemers');
    expect(await noteText(anna.page, id)).toBe('Wij helpen ondernemers in de regio');

    await bram.context.setOffline(false);
    const merged = 'Samen: Wij helpen ondernemers in de regio';
    await expect.poll(() => noteText(bram.page, id), { timeout: 30_000 }).toBe(merged);
    await expect.poll(() => noteText(anna.page, id), { timeout: 30_000 }).toBe(merged);
    await waitForScene(
      anna.page,
      (s) => (s.get(id)?.texts.join(' ') ?? '').includes('Samen:'),
      'the merged note drawn for Anna',
    );
    await screenshot(anna.page, 'note-merge-after-reconnect');
  });

  it("typing while another's edit of the note arrives: the caret keeps its place", async () => {
    const before = 'Samen: Wij helpen ondernemers in de regio';
    const editor = await openNote(anna.page, at().x, at().y, 'start');
    await anna.page.keyboard.type('Ja. ');
    await openNote(bram.page, at().x, at().y, 'end');
    await bram.page.keyboard.type(', nu');
    await closeEditor(bram.page);
    // Bram's words reach Anna's open editor; her caret stays after what she typed.
    await expect.poll(() => editor.inputValue(), { timeout: 10_000 }).toBe(`Ja. ${before}, nu`);
    await anna.page.keyboard.type('Graag! ');
    const merged = `Ja. Graag! ${before}, nu`;
    await expect.poll(() => editor.inputValue()).toBe(merged);
    await closeEditor(anna.page);
    await expect.poll(() => noteText(bram.page, id), { timeout: 10_000 }).toBe(merged);
    expect(await noteText(anna.page, id)).toBe(merged);
    await screenshot(bram.page, 'note-merge-typing');
  });
});
