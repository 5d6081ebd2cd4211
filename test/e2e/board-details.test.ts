/**
 * Issue 12, points 4, 6 and two of 9, in Chromium with two participants:
 * - silent brainstorm: another's hidden note is in neither the canvas (no note, no outline of
 *   their selection), the minimap nor a select-all — and shows once the round ends;
 * - text: the text tool's box grows with its text (wider, then wrapped and taller), nothing cut
 *   off; block labels break between words only;
 * - a paste lands where the person looks (the pointer, else the view's centre), a duplicate of
 *   something off screen too; the minimap shows on a small board and folds away.
 * Screenshots: test-results/screens/boardui-silent.png, boardui-text.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_FILL, blockKind, controlRoom, endSilent, startSilent } from '../../workshops';
import { connect, synced } from '../integration/helpers/server';
import type { Person } from './helpers/browser';
import {
  RESULTS_DIR,
  readScene,
  screenshot,
  until,
  viewSettled,
  worldToPage,
} from './helpers/browser';
import type { Pair } from './helpers/pair';
import { openPair } from './helpers/pair';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

let room: Pair;
let anna: Person;
let bram: Person;
let server: Pair['server'];
let workshop: Pair['workshop'];
/** An empty spot right of the template, where the tests work. */
let base = { x: 0, y: 0 };

const look = (page: Page, zoom = 1) => room.look(page, zoom);

const selection = (page: Page) =>
  page.evaluate(() => [...(window.__werkbank?.board.state.selection ?? [])]);

const element = (page: Page, id: string) =>
  page.evaluate((i) => {
    const e = window.__werkbank?.board.get(i);
    return e ? ({ ...e } as unknown as Record<string, unknown>) : null;
  }, id);

/** Lines a Konva Text node is drawn with (its own wrapping), for the text nodes of `id`. */
const drawnLines = (page: Page, id: string) =>
  page.evaluate((i) => {
    interface KText {
      className: string;
      textArr: Array<{ text: string }>;
    }
    interface KNode {
      className: string;
      find?: (s: string) => KText[];
    }
    const w = window as unknown as {
      Konva?: { stages: Array<{ findOne(s: string): KNode | undefined }> };
    };
    const node = w.Konva?.stages[0]?.findOne(`#${i}`);
    if (!node) return null;
    const texts =
      node.className === 'Text' ? [node as unknown as KText] : (node.find?.('Text') ?? []);
    return texts.map((t) => t.textArr.map((l) => l.text));
  }, id);

/** Whether the minimap holds a pixel of `hex` (its elements are drawn in their own colours). */
const minimapHas = (page: Page, hex: string) =>
  page.evaluate((colour) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.wb-minimap canvas');
    const c = canvas?.getContext('2d');
    if (!canvas || !c) return false;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const data = c.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) return true;
    return false;
  }, hex);

async function addSticky(page: Page, wx: number, wy: number, text: string): Promise<string> {
  await page.keyboard.press('n');
  const at = await worldToPage(page, wx, wy);
  await page.mouse.click(at.x, at.y);
  const editor = page.locator('textarea.wb-text-editor');
  await editor.waitFor();
  await editor.pressSequentially(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  // The store takes the last keys with the next frame: wait for it, do not read once.
  const id = await until(
    page,
    () =>
      page.evaluate(
        (t) =>
          [...(window.__werkbank?.board.state.elements.values() ?? [])].find(
            (e) => e.type === 'sticky' && e.text === t,
          )?.id ?? '',
        text,
      ),
    (found) => found !== '',
    `the sticky "${text}"`,
  );
  return id;
}

beforeAll(async () => {
  mkdirSync(resolve(RESULTS_DIR, 'screens'), { recursive: true });
  room = await openPair();
  ({ anna, bram, base, server, workshop } = room);
});

afterAll(() => room?.dispose());

describe('silent brainstorm: hidden is not drawn anywhere, not selected', () => {
  it('another’s hidden note is in neither the canvas, the minimap nor a select-all', async () => {
    const boardId = new URL(anna.page.url()).pathname.split('/')[3] ?? '';
    expect(boardId).not.toBe('');
    const before = await addSticky(anna.page, base.x + 100, base.y + 100, 'van voor de ronde');

    const control = connect(server, controlRoom(workshop.workshopId), workshop.facilitatorToken);
    await synced(control);
    startSilent(control.doc, boardId, env);
    for (const p of [anna.page, bram.page])
      await p.waitForFunction(() => !!window.__werkbank?.board.state.hiddenSilentRound);

    // Nothing pink on the board yet (the minimap check below looks for pink).
    expect(await minimapHas(bram.page, STICKY_FILL.pink)).toBe(false);
    // Anna writes a pink note in the round and keeps it selected (her selection is shared).
    await anna.page.keyboard.press('Escape');
    await anna.page.locator('.wb-swatch[aria-label="Roze"]').click();
    const hidden = await addSticky(anna.page, base.x + 500, base.y + 100, 'mijn stille idee');
    const at = await worldToPage(anna.page, base.x + 500, base.y + 100);
    await anna.page.mouse.click(at.x, at.y);
    expect(await selection(anna.page)).toEqual([hidden]);
    expect(await element(anna.page, hidden)).toMatchObject({ color: 'pink' });

    // Bram holds the note and knows Anna selected it…
    await bram.page.waitForFunction(
      (id) =>
        !!window.__werkbank?.board.get(id) &&
        !!window.__werkbank.board.state.peers.some((p) => p.selection.includes(id)),
      hidden,
      { timeout: 15_000 },
    );
    await viewSettled(bram.page);
    // …but draws neither the note nor an outline of Anna's selection.
    const scene = await readScene(bram.page);
    expect(scene.has(before)).toBe(true);
    expect(scene.has(hidden)).toBe(false);
    const outlines = await bram.page.evaluate(
      () =>
        (
          window as unknown as {
            Konva: { stages: Array<{ find(s: string): Array<{ dash(): number[] | undefined }> }> };
          }
        ).Konva.stages[0]!.find('Rect').filter((r) => (r.dash()?.length ?? 0) > 0).length,
    );
    expect(outlines).toBe(0);
    // The minimap: Anna's shows her pink note, Bram's has no pink at all.
    await until(
      anna.page,
      () => minimapHas(anna.page, STICKY_FILL.pink),
      Boolean,
      'pink on Anna’s map',
    );
    expect(await minimapHas(bram.page, STICKY_FILL.pink)).toBe(false);
    // Select-all takes Anna's earlier note, not the hidden one.
    await bram.page.locator('.wb-canvas').focus();
    await bram.page.keyboard.press('Control+a');
    const selected = await selection(bram.page);
    expect(selected).toContain(before);
    expect(selected).not.toContain(hidden);
    await screenshot(bram.page, 'screens/boardui-silent');

    // The round ends: the note shows for Bram, on the canvas and the minimap.
    endSilent(control.doc);
    await until(
      bram.page,
      () => readScene(bram.page),
      (s) => s.has(hidden),
      'the note after the round',
    );
    await until(
      bram.page,
      () => minimapHas(bram.page, STICKY_FILL.pink),
      Boolean,
      'pink on Bram’s map after the round',
    );
    control.destroy();
    await bram.page.keyboard.press('Escape');
    await anna.page.keyboard.press('Escape');
    expect(bram.errors).toEqual([]);
  });
});

describe('text grows with its content', () => {
  it('the text tool’s box grows while typing and shows every word after', async () => {
    const { page } = anna;
    const y = base.y + 400;
    await page.keyboard.press('t');
    const at = await worldToPage(page, base.x + 200, y);
    await page.mouse.click(at.x, at.y);
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    const start = (await editor.boundingBox())!.width;
    await editor.pressSequentially('Kernvraag: wie helpt wie?');
    await until(
      page,
      async () => (await editor.boundingBox())!.width,
      (w) => w > start + 40,
      'the editor grows while typing',
    );
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const id = await page.evaluate(
      () =>
        [...(window.__werkbank?.board.state.elements.values() ?? [])].find(
          (e) => e.type === 'text' && e.text.startsWith('Kernvraag'),
        )?.id ?? '',
    );
    const el = await until(
      page,
      () => element(page, id),
      (e) => e?.text === 'Kernvraag: wie helpt wie?',
      'the typed text stored',
    );
    expect(el!.w).toBeGreaterThan(240);
    // Drawn whole, on one line.
    const lines = await until(
      page,
      () => drawnLines(page, id),
      (l) => JSON.stringify(l) === JSON.stringify([['Kernvraag: wie helpt wie?']]),
      'the text drawn whole',
    );
    expect(lines).toEqual([['Kernvraag: wie helpt wie?']]);

    // A longer text wraps at the maximum width and the box grows taller; nothing is cut off.
    const long =
      'Kernvraag: wie helpt wie? Welke partners in de regio brengen mensen, kennis en opdrachten mee, en wat krijgen zij ervoor terug?';
    const p2 = await worldToPage(page, base.x + 210, y + 10);
    await page.mouse.dblclick(p2.x, p2.y);
    await editor.waitFor();
    await editor.fill(long);
    await page.keyboard.press('Escape');
    const grown = await until(
      page,
      () => element(page, id),
      (e) => e?.text === long,
      'the long text',
    );
    const wrapped = await until(
      page,
      () => drawnLines(page, id),
      (l) => (l?.[0]?.length ?? 0) > 1,
      'wrapped lines',
    );
    expect(wrapped![0]!.join(' ').replace(/\s+/g, ' ')).toBe(long);
    expect(grown!.h as number).toBeGreaterThanOrEqual(wrapped![0]!.length * 24 * 1.25);
    expect(grown!.w as number).toBeLessThanOrEqual(640);
    await screenshot(page, 'screens/boardui-text');
  });

  it('block labels break between words, never inside one', async () => {
    const { page } = anna;
    const ids = await page.evaluate(
      ({ x, y }) =>
        ['chain-customer', 'eco-social-org', 'people-candidates', 'eco-sector'].map(
          (kind, i) =>
            window.__werkbank?.board.add('block', {
              x: x + i * 170,
              y,
              w: 140,
              h: 140,
              kind,
            }) ?? '',
        ),
      { x: base.x, y: base.y + 700 },
    );
    await look(page);
    await page.evaluate(({ x, y }) => window.__werkbank?.board.setCamera({ x, y, zoom: 1 }), {
      x: base.x - 40,
      y: base.y + 600,
    });
    await viewSettled(page);
    for (const id of ids) {
      const texts = await until(
        page,
        () => drawnLines(page, id),
        (l) => !!l && l.length === 2,
        'a block drawn',
      );
      const kind = blockKind(((await element(page, id))?.kind as string) ?? '');
      // Konva drops the space where it wraps: joined by spaces, the lines give the label back
      // only when every break fell between words ("opdrachtgev" + "er" would not).
      expect(texts![1]!.join(' ')).toBe(kind?.label.nl);
    }
    await screenshot(page, 'screens/boardui-block-labels');
  });
});

describe('double-click inside a frame', () => {
  it('adds a note there for a participant; the frame and its title stay as they were', async () => {
    const page = anna.page;
    // A template frame and an empty spot inside it (nothing but the frame under the pointer).
    const spot = await page.evaluate(() => {
      const b = window.__werkbank?.board;
      if (!b) return null;
      const frames = [...b.state.elements.values()].filter((e) => e.type === 'frame');
      for (const f of frames)
        for (let y = f.y + 40; y < f.y + f.h - 40; y += 40)
          for (let x = f.x + 40; x < f.x + f.w - 40; x += 40)
            if (b.hitTest({ x, y }) === f.id)
              return { frame: f.id, title: 'title' in f ? f.title : '', x, y };
      return null;
    });
    if (!spot) throw new Error('no empty spot in a frame');
    await page.evaluate(
      ({ x, y }) => window.__werkbank?.board.setCamera({ x: x - 300, y: y - 200, zoom: 1 }),
      spot,
    );
    await viewSettled(page);
    const at = await worldToPage(page, spot.x, spot.y);
    await page.mouse.dblclick(at.x, at.y);
    const editor = page.locator('textarea.wb-text-editor.is-sticky');
    await editor.waitFor();
    await editor.pressSequentially('Een idee in het vak');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const note = await until(
      page,
      () =>
        page.evaluate(
          () =>
            [...(window.__werkbank?.board.state.elements.values() ?? [])].find(
              (e) => e.type === 'sticky' && e.text === 'Een idee in het vak',
            ) ?? null,
        ),
      (n) => n !== null,
      'the new note',
    );
    if (!note) throw new Error('no note');
    const frame = await element(page, spot.frame);
    expect(frame?.title).toBe(spot.title);
    const fx = Number(frame?.x);
    const fy = Number(frame?.y);
    expect(note.x + note.w / 2).toBeGreaterThan(fx);
    expect(note.x + note.w / 2).toBeLessThan(fx + Number(frame?.w));
    expect(note.y + note.h / 2).toBeGreaterThan(fy);
    expect(note.y + note.h / 2).toBeLessThan(fy + Number(frame?.h));
    await look(page);
  });
});

describe('paste and the minimap', () => {
  it('a paste lands at the pointer, or the view’s centre; a duplicate of something off screen too', async () => {
    const { page } = bram;
    await page.evaluate(({ x, y }) => window.__werkbank?.board.setCamera({ x, y, zoom: 1 }), {
      x: base.x - 100,
      y: base.y + 1000,
    });
    await viewSettled(page);
    const original = await addSticky(page, base.x + 100, base.y + 1200, 'plak mij');
    const atOriginal = await worldToPage(page, base.x + 100, base.y + 1200);
    await page.mouse.click(atOriginal.x, atOriginal.y);
    await page.keyboard.press('Control+c');
    // Far away from the original.
    await page.evaluate(({ x, y }) => window.__werkbank?.board.setCamera({ x, y, zoom: 1 }), {
      x: base.x + 4000,
      y: base.y + 4000,
    });
    await viewSettled(page);
    const box = (await page.locator('.wb-canvas').boundingBox())!;
    const pointer = { x: box.x + 300, y: box.y + 250 };
    await page.mouse.move(pointer.x, pointer.y);
    await page.keyboard.press('Control+v');
    const copies = () =>
      page.evaluate(() =>
        [...(window.__werkbank?.board.state.elements.values() ?? [])]
          .filter((e) => e.type === 'sticky' && e.text === 'plak mij')
          .map((e) => ({ id: e.id, x: e.x, y: e.y, w: e.w, h: e.h })),
      );
    const two = await until(page, copies, (c) => c.length === 2, 'the pasted copy');
    const pasted = two.find((c) => c.id !== original)!;
    const world = await page.evaluate(() => window.__werkbank!.board.state.camera);
    const expected = { x: base.x + 4000 + 300 / world.zoom, y: base.y + 4000 + 250 / world.zoom };
    expect(Math.abs(pasted.x + pasted.w / 2 - expected.x)).toBeLessThan(2);
    expect(Math.abs(pasted.y + pasted.h / 2 - expected.y)).toBeLessThan(2);

    // The pointer off the canvas (on the toolbar): the centre of the view.
    await page.locator('.wb-toolbar').hover();
    await page.keyboard.press('Control+v');
    const three = await until(page, copies, (c) => c.length === 3, 'the second copy');
    const centred = three.find((c) => c.id !== original && c.id !== pasted.id)!;
    const view = await page.evaluate(() => {
      const s = window.__werkbank!.board.state;
      return {
        x: s.camera.x + s.viewport.w / s.camera.zoom / 2,
        y: s.camera.y + s.viewport.h / s.camera.zoom / 2,
      };
    });
    expect(Math.abs(centred.x + centred.w / 2 - view.x)).toBeLessThan(2);
    expect(Math.abs(centred.y + centred.h / 2 - view.y)).toBeLessThan(2);

    // Duplicating the (off-screen) original: the copy lands in view as well.
    await page.evaluate((id) => window.__werkbank?.board.select([id]), original);
    await page.keyboard.press('Control+d');
    const four = await until(page, copies, (c) => c.length === 4, 'the duplicate');
    const dup = four.find((c) => ![original, pasted.id, centred.id].includes(c.id))!;
    expect(Math.abs(dup.x + dup.w / 2 - view.x)).toBeLessThan(2);
    expect(bram.errors).toEqual([]);
  });

  it('the minimap shows on a board with little on it, and folds away', async () => {
    const { page } = bram;
    // The ideate board starts with fewer than 30 elements (the minimap's old threshold).
    await page.locator('nav.tabs button', { hasText: '3. ' }).click();
    await page.waitForFunction(() => location.pathname.endsWith('/ideate'));
    await page.waitForFunction(() => (window.__werkbank?.board.state.elements.size ?? 0) > 0);
    const count = await page.evaluate(() => window.__werkbank!.board.state.elements.size);
    expect(count).toBeLessThan(30);
    const map = page.locator('.wb-minimap canvas');
    await map.waitFor();
    await page.getByRole('button', { name: 'Overzichtskaart verbergen' }).click();
    await map.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Overzichtskaart tonen' }).click();
    await map.waitFor();
  });
});
