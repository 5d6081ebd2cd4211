/**
 * Issue 3's end-to-end test: two people in two Chromium contexts join one workshop by code and
 * work on one board through its real UI (keyboard shortcuts, mouse, the in-place text editor).
 * What each person sees is read from the Konva scene graph (`window.Konva.stages`); the board
 * engine (`window.__werkbank.board`) is read only to find ids and to point both cameras at the
 * same spot (the canvas draws only what is in view).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, SceneNode } from './helpers/browser';
import {
  readScene,
  screenshot,
  until,
  viewSettled,
  waitForBoard,
  waitForScene,
  worldToPage,
} from './helpers/browser';
import type { Pair } from './helpers/pair';
import { openPair } from './helpers/pair';

interface ElementInfo {
  id: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
  from?: string;
  to?: string;
}

let room: Pair;
let anna: Person;
let bram: Person;
/** A clear spot on the board, right of any template content, where the test works. */
let base = { x: 0, y: 0 };

/** The elements the engine holds (ids and geometry, for aiming the mouse). */
function elements(page: Page): Promise<ElementInfo[]> {
  return page.evaluate(() =>
    [...(window.__werkbank?.board.state.elements.values() ?? [])].map((e) => {
      const r = e as unknown as Record<string, unknown>;
      return {
        id: e.id,
        type: e.type,
        x: e.x,
        y: e.y,
        w: e.w,
        h: e.h,
        ...(typeof r.text === 'string' ? { text: r.text } : {}),
        ...(typeof r.from === 'string' ? { from: r.from } : {}),
        ...(typeof r.to === 'string' ? { to: r.to } : {}),
      };
    }),
  );
}

/** Both people look at the same part of the board, at 50 % so the whole scene fits. */
const look = (page: Page) => room.look(page, 0.5, 60);

async function click(page: Page, wx: number, wy: number, dbl = false): Promise<void> {
  const p = await worldToPage(page, wx, wy);
  if (dbl) await page.mouse.dblclick(p.x, p.y);
  else await page.mouse.click(p.x, p.y);
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const a = await worldToPage(page, from.x, from.y);
  const b = await worldToPage(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/**
 * Sticky tool (key N), a click, type into the in-place editor key by key without pauses (a
 * fast typist: several keys within one frame must all arrive), Escape. Returns the new id.
 */
async function addSticky(page: Page, wx: number, wy: number, text: string): Promise<string> {
  await page.keyboard.press('n');
  await click(page, wx, wy);
  const editor = page.locator('textarea.wb-text-editor');
  await editor.waitFor();
  await editor.pressSequentially(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  // The store takes the last keys with the next frame: wait for it, do not read once.
  const all = await until(
    page,
    () => elements(page),
    (els) => els.some((e) => e.type === 'sticky' && e.text === text),
    `the sticky "${text}"`,
  );
  const made = all.find((e) => e.type === 'sticky' && e.text === text);
  if (!made) throw new Error(`sticky "${text}" was not created`);
  return made.id;
}

const hasText = (scene: Map<string, SceneNode>, id: string, text: string) =>
  scene.get(id)?.texts.includes(text) ?? false;

beforeAll(async () => {
  room = await openPair({ zoom: 0.5, margin: 60 });
  ({ anna, bram, base } = room);
});

afterAll(() => room?.dispose({ lastViews: 'collab' }));

describe('two people on one board', () => {
  const ids: Record<string, string> = {};

  it('both land on the current board and see each other in the presence list', async () => {
    expect(new URL(anna.page.url()).pathname).toBe(new URL(bram.page.url()).pathname);
    expect(new URL(anna.page.url()).hash).toBe('');
    await anna.page.getByRole('button', { name: /Wie is er/ }).click();
    const list = anna.page.getByRole('dialog', { name: 'Wie is er' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => list.textContent()).toContain('Bakkerij Jansen');
    await anna.page.keyboard.press('Escape');
    await anna.page.mouse.click(5, 400);
  });

  it('a sticky added and then edited by one appears for the other', async () => {
    ids.first = await addSticky(anna.page, base.x + 80, base.y + 80, 'Samen een leerlijn opzetten');
    await waitForScene(
      bram.page,
      (s) => hasText(s, ids.first ?? '', 'Samen een leerlijn opzetten'),
      'Bram sees the new sticky',
    );
    await click(anna.page, base.x + 80, base.y + 80, true);
    const editor = anna.page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.fill('Samen een leerlijn opzetten met het ROC');
    await anna.page.keyboard.press('Escape');
    await waitForScene(
      bram.page,
      (s) => hasText(s, ids.first ?? '', 'Samen een leerlijn opzetten met het ROC'),
      'Bram sees the edit',
    );
  });

  it('a connector drawn between two stickies reaches the other, attached to both', async () => {
    ids.second = await addSticky(anna.page, base.x + 480, base.y + 80, 'Stageplekken delen');
    await anna.page.keyboard.press('c');
    await drag(anna.page, { x: base.x + 80, y: base.y + 80 }, { x: base.x + 480, y: base.y + 80 });
    const scene = await waitForScene(
      bram.page,
      (s) => [...s.values()].some((n) => n.type === 'connector'),
      'Bram sees the connector',
    );
    const connectorId = [...scene.values()].find((n) => n.type === 'connector')?.id ?? '';
    const connector = (await elements(bram.page)).find((e) => e.id === connectorId);
    expect(connector?.from).toBe(ids.first);
    expect(connector?.to).toBe(ids.second);
  });

  it('a frame moved by one carries its contents, for both', async () => {
    // A frame below the stickies (800×560 around the click), then a sticky inside it.
    await anna.page.keyboard.press('Escape');
    await anna.page.keyboard.press('f');
    await click(anna.page, base.x + 1700, base.y + 400);
    // The engine takes doc changes into its state once per frame: poll, do not read once.
    const frame = (
      await until(
        anna.page,
        () => elements(anna.page),
        (els) => els.some((e) => e.type === 'frame' && e.x > base.x - 10),
        'the new frame in the engine',
        5_000,
      )
    ).find((e) => e.type === 'frame' && e.x > base.x - 10);
    if (!frame) throw new Error('no frame');
    ids.frame = frame.id;
    await anna.page.keyboard.press('Escape');
    ids.inFrame = await addSticky(anna.page, frame.x + 140, frame.y + 200, 'In het kader');
    await anna.page.keyboard.press('Escape');
    const before = await waitForScene(
      bram.page,
      (s) => s.has(ids.frame ?? '') && hasText(s, ids.inFrame ?? '', 'In het kader'),
      'Bram sees the frame and its sticky',
    );
    const frameY = before.get(ids.frame)?.y ?? 0;
    const stickyY = before.get(ids.inFrame)?.y ?? 0;
    // Grab an empty spot of the frame and drag it 120 px down.
    const grab = { x: frame.x + 600, y: frame.y + 400 };
    await drag(anna.page, grab, { x: grab.x, y: grab.y + 120 });
    const after = await waitForScene(
      bram.page,
      (s) =>
        Math.abs((s.get(ids.frame ?? '')?.y ?? 0) - (frameY + 120)) < 1 &&
        Math.abs((s.get(ids.inFrame ?? '')?.y ?? 0) - (stickyY + 120)) < 1,
      'frame and its contents moved on Bram’s screen',
    );
    // The stickies outside the frame stayed where they were.
    expect(after.get(ids.first ?? '')?.y).toBe(before.get(ids.first ?? '')?.y);
  });

  it("undo in one does not undo the other's work", async () => {
    ids.bram = await addSticky(bram.page, base.x + 880, base.y + 80, 'Idee van Bram');
    await waitForScene(
      anna.page,
      (s) => hasText(s, ids.bram ?? '', 'Idee van Bram'),
      'Anna sees Bram’s sticky',
    );
    const frameY = (await readScene(anna.page)).get(ids.frame ?? '')?.y ?? 0;
    // Anna's undo takes back her own last change (the frame move), never Bram's sticky.
    await anna.page.keyboard.press('Control+z');
    await waitForScene(
      bram.page,
      (s) => Math.abs((s.get(ids.frame ?? '')?.y ?? 0) - (frameY - 120)) < 1,
      'the frame back in its old place for Bram',
    );
    for (const page of [anna.page, bram.page]) {
      expect(hasText(await readScene(page), ids.bram ?? '', 'Idee van Bram')).toBe(true);
    }
    await anna.page.keyboard.press('Control+Shift+z');
    await waitForScene(
      bram.page,
      (s) => Math.abs((s.get(ids.frame ?? '')?.y ?? 0) - frameY) < 1,
      'the move redone for Bram',
    );
  });

  it('one goes offline, edits, comes back, and both converge', async () => {
    await bram.context.setOffline(true);
    await bram.page.locator('[data-state="offline"]').first().waitFor({ timeout: 15_000 });
    ids.offline = await addSticky(bram.page, base.x + 880, base.y + 320, 'Offline bedacht');
    ids.online = await addSticky(
      anna.page,
      base.x + 1080,
      base.y + 320,
      'Terwijl Bram offline was',
    );
    // Anna's note is stored on the server: what Bram has not sent cannot have reached her, and
    // what she has sent cannot reach Bram while he is offline.
    await anna.page.locator('[data-state="saved"]').first().waitFor({ timeout: 15_000 });
    expect((await readScene(anna.page)).has(ids.offline)).toBe(false);
    expect((await readScene(bram.page)).has(ids.online)).toBe(false);

    await bram.context.setOffline(false);
    await waitForScene(
      anna.page,
      (s) => hasText(s, ids.offline ?? '', 'Offline bedacht'),
      'Anna gets the offline edit',
      30_000,
    );
    await waitForScene(
      bram.page,
      (s) => hasText(s, ids.online ?? '', 'Terwijl Bram offline was'),
      'Bram catches up',
      30_000,
    );
    await bram.page.locator('[data-state="saved"]').first().waitFor({ timeout: 15_000 });
    const summary = async (page: Page) =>
      (await elements(page)).map((e) => `${e.id}:${e.type}:${e.x},${e.y}:${e.text ?? ''}`).sort();
    expect(await summary(anna.page)).toEqual(await summary(bram.page));
  });

  it('a reload keeps everything', async () => {
    const before = [...(await readScene(anna.page)).values()]
      .map((n) => `${n.id}:${n.type}:${n.x},${n.y}:${n.texts.join('|')}`)
      .sort();
    expect(before.length).toBeGreaterThanOrEqual(8);
    await anna.page.reload();
    await waitForBoard(anna.page);
    await look(anna.page);
    const scene = await waitForScene(
      anna.page,
      (s) => s.size >= before.length,
      'everything back after reload',
    );
    const after = [...scene.values()]
      .map((n) => `${n.id}:${n.type}:${n.x},${n.y}:${n.texts.join('|')}`)
      .sort();
    expect(after).toEqual(before);
    await look(anna.page);
    await viewSettled(anna.page);
    await screenshot(anna.page, 'collab-final-board');
    expect(anna.errors.filter((e) => !/WebSocket|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
