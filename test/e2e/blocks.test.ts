/**
 * Issue 12, point 2: session 4 (prototype with building blocks) end to end in Chromium. A
 * participant opens the building-block palette, picks one block of each family (by mouse, by
 * keyboard browsing and by search) into a design frame, joins them with two bridges, labels and
 * types them (label by Enter and by double-click on the line, what flows, value type and
 * direction by the inspector and by keys) — and another participant sees it all, in the scene and
 * in the document. The same palette as a bottom sheet on a 390×844 touch phone.
 *
 * Screenshots (test-results/screens/boardui-*.png): the palette on a laptop and a phone, the
 * design with labelled bridges of every value type.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateElementId } from '../../workshops';
import type { Person } from './helpers/browser';
import {
  PHONE,
  RESULTS_DIR,
  newPerson,
  screenshot,
  until,
  viewSettled,
  waitForLiveBoardWith,
  waitForScene,
  worldToPage,
} from './helpers/browser';
import { workshopInChromium } from './helpers/workshop';

interface Info {
  id: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  kind?: string;
  from?: string;
  to?: string;
  label?: string;
  flow?: string;
  value?: string;
  arrow?: string;
}

const app = workshopInChromium();

let anna: Person;
let bram: Person;
const DESIGN = templateElementId('prototype', 'design-1');

function elements(page: Page): Promise<Info[]> {
  return page.evaluate(
    () =>
      [...(window.__werkbank?.board.state.elements.values() ?? [])].map((e) => ({
        ...e,
      })) as unknown as Info[],
  );
}

async function openPrototype(page: Page): Promise<void> {
  const tabs = page.locator('nav.tabs button', { hasText: '4. ' });
  if (await tabs.isVisible()) await tabs.click();
  else await page.locator('select.tabs-select').selectOption('prototype');
  await waitForLiveBoardWith(page, DESIGN);
  await page.evaluate((id) => window.__werkbank?.board.centreOn(id), DESIGN);
  await viewSettled(page);
}

const centreOf = (e: Info) => ({ x: e.x + e.w / 2, y: e.y + e.h / 2 });

async function drawBridge(page: Page, from: Info, to: Info): Promise<Info> {
  const before = (await elements(page)).filter((e) => e.type === 'connector').length;
  await page.keyboard.press('c');
  const a = await worldToPage(page, centreOf(from).x, centreOf(from).y);
  const b = await worldToPage(page, centreOf(to).x, centreOf(to).y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  const all = await until(
    page,
    () => elements(page),
    (els) => els.filter((e) => e.type === 'connector').length > before,
    'a new bridge',
  );
  const line = all.filter((e) => e.type === 'connector' && e.from === from.id).at(-1);
  expect(line?.to).toBe(to.id);
  return line!;
}

/** A point on the line between two blocks' centres, `t` of the way, on the page. */
async function alongBridge(page: Page, from: Info, to: Info, t: number) {
  const a = centreOf(from);
  const b = centreOf(to);
  return worldToPage(page, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

/** Drags a block (select tool) so that its centre lands on `to`; returns it as stored then. */
async function moveBlock(page: Page, block: Info, to: { x: number; y: number }): Promise<Info> {
  const a = await worldToPage(page, centreOf(block).x, centreOf(block).y);
  const b = await worldToPage(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  const els = await until(
    page,
    () => elements(page),
    (els) => {
      const e = els.find((x) => x.id === block.id);
      return !!e && Math.abs(centreOf(e).x - to.x) < 3 && Math.abs(centreOf(e).y - to.y) < 3;
    },
    `block ${block.kind} moved`,
  );
  return els.find((x) => x.id === block.id)!;
}

beforeAll(async () => {
  mkdirSync(resolve(RESULTS_DIR, 'screens'), { recursive: true });
  anna = await newPerson(app.browser);
  bram = await newPerson(app.browser);
  await app.join(anna.page, { name: 'Anna', organisation: 'De Werkplaats', kind: 'social' });
  await app.join(bram.page, { name: 'Bram', organisation: 'Bakkerij Jansen', kind: 'regular' });
  await openPrototype(anna.page);
  await openPrototype(bram.page);
});

afterAll(async () => {
  if (anna) await screenshot(anna.page, 'screens/boardui-blocks-anna-last').catch(() => undefined);
});

describe('session 4: building blocks and bridges', () => {
  const blocks: Info[] = [];

  it('a participant picks one block of each family: by mouse, by keyboard, by search', async () => {
    const { page } = anna;
    const frame = (await elements(page)).find((e) => e.id === DESIGN)!;
    // B opens the palette beside the toolbar; nothing clips it.
    await page.keyboard.press('b');
    const palette = page.getByRole('dialog', { name: 'Bouwstenen' });
    await palette.waitFor();
    const box = (await palette.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.height).toBeGreaterThan(300);
    const options = palette.getByRole('option');
    expect(await options.count()).toBeGreaterThan(10);
    await screenshot(page, 'screens/boardui-palette-laptop');

    // Partners, by mouse: the customer (not the first option: the palette scrolls, nothing is clipped).
    await palette.getByRole('option', { name: 'Klant / opdrachtgever' }).click();
    // What flows, by keyboard: → to the next family, ↓ five times to Kennis, Enter.
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => palette.getByRole('tab', { selected: true }).textContent())
      .toBe('Wat er stroomt');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => palette.getByRole('option', { selected: true }).textContent())
      .toContain('Kennis');
    await page.keyboard.press('Enter');
    // Value and level, by search.
    await palette.getByRole('combobox').fill('transformatie');
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });

    const mine = await until(
      page,
      () => elements(page),
      (els) => els.filter((e) => e.type === 'block' && !('templateId' in e)).length === 3,
      'three blocks',
    );
    const placed = mine.filter((e) => e.type === 'block' && !('templateId' in e));
    expect(placed.map((b) => b.kind)).toEqual([
      'chain-customer',
      'res-knowledge',
      'level-transformation',
    ]);
    for (const b of placed) {
      // Inside the design frame the view is on, none on top of another.
      expect(b.x).toBeGreaterThanOrEqual(frame.x);
      expect(b.y).toBeGreaterThanOrEqual(frame.y);
      expect(b.x + b.w).toBeLessThanOrEqual(frame.x + frame.w);
      expect(b.y + b.h).toBeLessThanOrEqual(frame.y + frame.h);
    }
    // Laid out across the frame, as a participant arranges them.
    const spots = [
      { x: frame.x + 170, y: frame.y + 260 },
      { x: frame.x + 450, y: frame.y + 520 },
      { x: frame.x + 730, y: frame.y + 260 },
    ];
    for (const [i, b] of placed.entries()) blocks.push(await moveBlock(page, b, spots[i]!));
  });

  it('two bridges, labelled and typed by keyboard and by the inspector', async () => {
    const { page } = anna;
    const [customer, knowledge, level] = blocks as [Info, Info, Info];
    await page.keyboard.press('Escape');

    // Bridge 1: drawn, then Enter edits its label; the inspector sets what flows and the type;
    // A steps the direction.
    const first = await drawBridge(page, customer, knowledge);
    const inspector = page.getByRole('region', { name: 'Brug' });
    await inspector.waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.pressSequentially('opdrachten');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await inspector.getByLabel('Wat stroomt er?').fill('geld en werk');
    await inspector.getByLabel('Wat stroomt er?').press('Enter');
    await inspector.getByRole('radio', { name: 'transactie' }).click();
    await screenshot(page, 'screens/boardui-bridge-inspector');
    await page.locator('.wb-canvas').focus();
    await page.keyboard.press('a'); // end → start: the other way
    await until(
      page,
      () => elements(page),
      (els) => els.find((e) => e.id === first.id)?.arrow === 'start',
      'the first bridge points the other way',
    );

    // Bridge 2: inside the design frame, a double-click on the line edits the line's label (not
    // the frame's title), a click on it selects the line (not the frame).
    await page.keyboard.press('Escape');
    const second = await drawBridge(page, knowledge, level);
    await page.keyboard.press('Escape');
    const mid = await alongBridge(page, knowledge, level, 0.5);
    await page.mouse.dblclick(mid.x, mid.y);
    await editor.waitFor();
    expect(await page.evaluate(() => window.__werkbank?.board.state.editingId)).toBe(second.id);
    await editor.pressSequentially('kennisdeling');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    // On the line, off its label, a few pixels beside it: the line, not the frame beneath.
    const onLine = await alongBridge(page, knowledge, level, 0.3);
    await page.mouse.click(onLine.x + 4, onLine.y + 4);
    expect(
      await page.evaluate(() => [...(window.__werkbank?.board.state.selection ?? [])]),
    ).toEqual([second.id]);
    await inspector.getByLabel('Wat stroomt er?').fill('kennis');
    await inspector.getByRole('radio', { name: 'synergie' }).click();
    await inspector.getByRole('radio', { name: /Beide/ }).click();

    const doc = await until(
      page,
      () => elements(page),
      (els) => els.find((e) => e.id === second.id)?.arrow === 'both',
      'the second bridge, both ways',
    );
    expect(doc.find((e) => e.id === first.id)).toMatchObject({
      label: 'opdrachten',
      flow: 'geld en werk',
      value: 'transaction',
      arrow: 'start',
      from: customer.id,
      to: knowledge.id,
    });
    expect(doc.find((e) => e.id === second.id)).toMatchObject({
      label: 'kennisdeling',
      flow: 'kennis',
      value: 'synergy',
      arrow: 'both',
      from: knowledge.id,
      to: level.id,
    });
    expect(anna.errors).toEqual([]);
  });

  it('another participant sees the blocks and the bridges, labels and types', async () => {
    const { page } = bram;
    const scene = await waitForScene(
      page,
      (s) => {
        const texts = [...s.values()]
          .filter((n) => n.type === 'connector')
          .map((n) => n.texts.join(' | '));
        return (
          texts.includes('opdrachten | transactie · geld en werk') &&
          texts.includes('kennisdeling | synergie · kennis')
        );
      },
      'Bram sees both labelled bridges',
    );
    for (const b of blocks) expect(scene.get(b.id)?.type).toBe('block');
    const doc = await elements(page);
    expect(doc.filter((e) => e.type === 'connector')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'opdrachten', value: 'transaction', arrow: 'start' }),
        expect.objectContaining({ label: 'kennisdeling', value: 'synergy', arrow: 'both' }),
      ]),
    );

    // For the record: a bridge of every value type, as the whole room sees them.
    const [customer, knowledge, level] = blocks as [Info, Info, Info];
    const frame = (await elements(page)).find((e) => e.id === DESIGN)!;
    const extra = await anna.page.evaluate(
      ([a, b, c, x, y]) => {
        const board = window.__werkbank?.board;
        const uwv = board?.add('block', { x, y, w: 140, h: 140, kind: 'eco-uwv' }) ?? '';
        board?.add('connector', {
          x: 0,
          y: 0,
          from: a,
          to: c,
          label: 'zichtbaarheid',
          flow: 'verhalen',
          value: 'reputation',
          arrow: 'end',
        });
        board?.add('connector', {
          x: 0,
          y: 0,
          from: uwv,
          to: b,
          label: '',
          flow: 'overleg',
          value: 'interaction',
          arrow: 'none',
        });
        board?.select([]);
        return uwv;
      },
      [customer.id, knowledge.id, level.id, frame.x + 100, frame.y + 500] as const,
    );
    await waitForScene(
      page,
      (s) => [...s.values()].filter((n) => n.type === 'connector').length === 4,
      'four bridges',
    );
    const ids = [...blocks.map((b) => b.id), extra];
    await page.evaluate((sel) => {
      const board = window.__werkbank?.board;
      board?.select(sel);
      board?.zoomToSelection();
      board?.select([]);
    }, ids);
    await viewSettled(page);
    await screenshot(page, 'screens/boardui-bridges');
    expect(bram.errors).toEqual([]);
  });
});

describe('the palette on a phone', () => {
  it('is a bottom sheet at 390×844 with touch: browse, tap to place in view', async () => {
    const chris = await newPerson(app.browser, { viewport: PHONE, touch: true });
    try {
      const { page } = chris;
      await app.join(page, { name: 'Chris', organisation: 'Zorgboerderij', kind: 'partner' });
      await openPrototype(page);
      await page.locator('[data-tool="block"]').tap();
      const palette = page.getByRole('dialog', { name: 'Bouwstenen' });
      await palette.waitFor();
      const box = (await palette.boundingBox())!;
      // A sheet along the bottom, the full width of the phone.
      expect(box.x).toBeLessThanOrEqual(1);
      expect(box.width).toBeGreaterThanOrEqual(PHONE.width - 2);
      expect(Math.round(box.y + box.height)).toBeGreaterThanOrEqual(PHONE.height - 2);
      for (const tab of await palette.getByRole('tab').all()) {
        const t = (await tab.boundingBox())!;
        expect(t.x).toBeGreaterThanOrEqual(0);
        expect(t.x + t.width).toBeLessThanOrEqual(PHONE.width);
        expect(t.height).toBeGreaterThanOrEqual(44);
      }
      await palette.getByRole('tab', { name: 'Wat er stroomt' }).tap();
      await screenshot(page, 'screens/boardui-palette-phone');
      await palette.getByRole('option', { name: 'Munten' }).tap();
      await palette.waitFor({ state: 'detached' });
      const money = await until(
        page,
        () => elements(page),
        (els) => els.some((e) => e.kind === 'res-money' && !('templateId' in e)),
        'the money block',
      );
      const placed = money.find((e) => e.kind === 'res-money' && !('templateId' in e))!;
      // In view.
      const view = await page.evaluate(() => {
        const s = window.__werkbank!.board.state;
        return {
          x: s.camera.x,
          y: s.camera.y,
          w: s.viewport.w / s.camera.zoom,
          h: s.viewport.h / s.camera.zoom,
        };
      });
      expect(placed.x).toBeGreaterThanOrEqual(view.x);
      expect(placed.y).toBeGreaterThanOrEqual(view.y);
      expect(placed.x + placed.w).toBeLessThanOrEqual(view.x + view.w);
      expect(placed.y + placed.h).toBeLessThanOrEqual(view.y + view.h);
      await screenshot(page, 'screens/boardui-phone-placed');
      // A bridge selected on the phone: its inspector is a sheet across the screen's width.
      const bridge = await page.evaluate(() => {
        const board = window.__werkbank!.board;
        const line = [...board.state.elements.values()].find((e) => e.type === 'connector');
        if (line) {
          board.select([line.id]);
          board.zoomToSelection();
        }
        return line?.id ?? '';
      });
      expect(bridge).not.toBe('');
      const sheet = page.getByRole('region', { name: 'Brug' });
      await sheet.waitFor();
      const s = (await sheet.boundingBox())!;
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x + s.width).toBeLessThanOrEqual(PHONE.width);
      expect(s.y + s.height).toBeLessThanOrEqual(PHONE.height);
      await screenshot(page, 'screens/boardui-phone-inspector');
      expect(chris.errors).toEqual([]);
    } finally {
      await chris.context.close();
    }
  });
});
