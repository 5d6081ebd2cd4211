/**
 * Issue 14 on a 390×844 touch phone: join, the board opens readable, the toolbar fits, every
 * touch target is at least 44×44 px, follow fits the facilitator's view to the phone, and a
 * participant adds, edits, moves, votes on a note, rates and answers the survey — all by tap and
 * touch drag. Screenshots: test-results/screens/access-phone-*.png.
 */
import type { CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutWidget } from '../../workshops';
import type { Person } from './helpers/browser';
import { PHONE, newPerson, viewSettled, waitForBoard, worldToPage } from './helpers/browser';
import { facilitatorOn, seriousViolations, shot } from './helpers/a11y';
import { workshopInChromium } from './helpers/workshop';

const app = workshopInChromium();

let fac: Person;
let phone: Person;
let cdp: CDPSession;

interface El {
  id: string;
  type: string;
  text?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  votes?: Record<string, number>;
  criteria?: string[];
  statements?: string[];
  scores?: Record<string, Record<string, number>>;
  answers?: Record<string, Record<string, number>>;
  templateId?: string;
}
const elements = (page: Page) =>
  page.evaluate(
    () => [...(window.__werkbank?.board.state.elements.values() ?? [])] as unknown as El[],
  );
const camera = (page: Page) =>
  page.evaluate(() => {
    const b = window.__werkbank?.board;
    return { ...(b?.state.camera ?? { x: 0, y: 0, zoom: 1 }), ...(b?.state.viewport ?? {}) };
  });
const me = (page: Page) => page.evaluate(() => window.__werkbank?.board.options.user.id ?? '');

async function tap(page: Page, x: number, y: number) {
  await page.touchscreen.tap(Math.round(x), Math.round(y));
}
async function tapOn(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`not visible: ${selector}`);
  await tap(page, box.x + box.width / 2, box.y + box.height / 2);
}
/** A one-finger drag through Chromium's touch input (pointerType "touch"). */
async function touchDrag(from: { x: number; y: number }, to: { x: number; y: number }) {
  const point = (p: { x: number; y: number }) => [{ x: Math.round(p.x), y: Math.round(p.y) }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  for (let i = 1; i <= 8; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point({
        x: from.x + ((to.x - from.x) * i) / 8,
        y: from.y + ((to.y - from.y) * i) / 8,
      }),
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const rowPxOf = (h: number, w: number, zoom: number): string =>
  `${Math.round(w * zoom)}×${Math.round(h * zoom)} px`;

/** Visible interactive elements smaller than 44×44 px. */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const sel =
      'button, a[href], input, select, textarea, [role="button"], [role="radio"], [tabindex="0"]';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) continue;
      if (el.closest('.sr-only, [aria-hidden="true"]')) continue;
      // A checkbox or radio inside a label: the label is the target.
      const label = el.closest('label');
      const box =
        label && /checkbox|radio/.test((el as HTMLInputElement).type ?? '')
          ? label.getBoundingClientRect()
          : r;
      if (box.width < 43.5 || box.height < 43.5)
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    return out;
  });

beforeAll(async () => {
  phone = await newPerson(app.browser, { viewport: PHONE, touch: true });
  cdp = await phone.context.newCDPSession(phone.page);
  fac = await facilitatorOn(app.browser, app.server, app.workshop);
});

describe('a participant on a touch phone', () => {
  it('joins by tapping; the board opens readable; the toolbar fits; targets are 44 px', async () => {
    const { page } = phone;
    await page.goto(app.server.url + '/');
    await tapOn(page, '#join-code');
    await page.keyboard.type(app.workshop.joinCode);
    await tapOn(page, '#join-name');
    await page.keyboard.type('Sanne Bakker');
    await shot(page, 'access-phone-join');
    expect(await smallTargets(page)).toEqual([]);
    await tapOn(page, 'form button[type="submit"]');
    await waitForBoard(page);
    await viewSettled(page);
    const cam = await camera(page);
    // Template text (18 px and up) at least 12 px on screen.
    expect(cam.zoom * 18).toBeGreaterThanOrEqual(12 - 0.01);
    await shot(page, 'access-phone-board');
    const bar = await page.locator('.wb-toolbar').evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      right: el.getBoundingClientRect().right,
      left: el.getBoundingClientRect().left,
    }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    expect(bar.left).toBeGreaterThanOrEqual(0);
    expect(bar.right).toBeLessThanOrEqual(PHONE.width);
    expect(await smallTargets(page)).toEqual([]);
    // The rest of the tools and the colours are one tap away, in the sheet.
    await tapOn(page, '[data-tool="more"]');
    await page.locator('.wb-sheet').waitFor();
    await shot(page, 'access-phone-sheet');
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await tapOn(page, '.wb-sheet [role="radio"][aria-label="Blauw"]');
    await page.locator('.wb-sheet').waitFor({ state: 'detached' });
  });

  it('lands on the activity readable, and follow fits the facilitator’s view to the phone', async () => {
    const f = fac.page;
    const { page } = phone;
    await f
      .locator('.fp-session', { hasText: /Ideeën/ })
      .getByRole('button', { name: /^Start$/ })
      .click();
    await page.waitForURL(/\/ideate$/, { timeout: 15_000 });
    await waitForBoard(page);
    await expect
      .poll(async () => (await camera(page)).zoom * 18, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(11.99);
    await viewSettled(page);
    await shot(page, 'access-phone-activity');
    // The facilitator zooms out to 40 % over the lanes and turns on follow.
    await f.evaluate(() => {
      const b = window.__werkbank?.board;
      b?.setCamera({ x: 0, y: 0, zoom: 0.4 });
    });
    await f.getByLabel('Volg mij').check();
    const fc = await camera(f);
    const centre = { x: fc.x + (fc.w ?? 0) / 2 / fc.zoom, y: fc.y + (fc.h ?? 0) / 2 / fc.zoom };
    await expect
      .poll(
        async () => {
          const c = await camera(page);
          return Math.hypot(
            c.x + (c.w ?? 0) / 2 / c.zoom - centre.x,
            c.y + (c.h ?? 0) / 2 / c.zoom - centre.y,
          );
        },
        { timeout: 15_000 },
      )
      .toBeLessThan(2);
    const pc = await camera(page);
    // Not the facilitator's 40 % (6 px text on a phone): fitted, and readable.
    expect(pc.zoom).not.toBeCloseTo(0.4, 2);
    expect(pc.zoom * 18).toBeGreaterThanOrEqual(11.99);
    await viewSettled(page);
    await shot(page, 'access-phone-follow');
    await f.getByLabel('Volg mij').uncheck();
  });

  it('adds a note, edits it, drags it and votes on it — by touch', async () => {
    const { page } = phone;
    const f = fac.page;
    // Bring the participant back to the activity (bring-here fits the frame to the phone).
    await f.getByRole('button', { name: 'Iedereen hierheen' }).click();
    await viewSettled(page);
    const canvas = await page.locator('.wb-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await tapOn(page, '[data-tool="sticky"]');
    const spot = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await tap(page, spot.x, spot.y);
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await page.keyboard.type('Samen een leerwerkplek');
    // Tapping elsewhere ends the editing.
    await tap(page, canvas.x + 30, canvas.y + 60);
    await editor.waitFor({ state: 'detached' });
    // The store takes the last keys with the next frame: wait for it, do not read once.
    await expect
      .poll(async () => (await elements(page)).some((e) => e.text === 'Samen een leerwerkplek'))
      .toBe(true);
    let note = (await elements(page)).find((e) => e.text === 'Samen een leerwerkplek');
    expect(note).toBeTruthy();
    if (!note) return;
    await shot(page, 'access-phone-added');

    // Edit: a double tap on the note opens its text.
    const at = await worldToPage(page, note.x + note.w / 2, note.y + note.h / 2);
    await tap(page, at.x, at.y);
    await tap(page, at.x, at.y);
    await editor.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' met de gemeente');
    await tap(page, canvas.x + 30, canvas.y + 60);
    await editor.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await elements(page)).find((e) => e.id === note?.id)?.text)
      .toBe('Samen een leerwerkplek met de gemeente');

    // Drag it 80 px down by touch.
    const before = (await elements(page)).find((e) => e.id === note?.id);
    await touchDrag(at, { x: at.x, y: at.y + 80 });
    await expect
      .poll(async () => (await elements(page)).find((e) => e.id === note?.id)?.y ?? 0)
      .toBeGreaterThan((before?.y ?? 0) + 40);
    note = (await elements(page)).find((e) => e.id === note?.id) ?? note;

    // Vote: the facilitator starts a round; a tap on the note is a vote.
    await f.getByRole('button', { name: 'Stemronde starten' }).click();
    await page
      .locator('.session-bar')
      .getByText(/Stemronde/)
      .waitFor({ timeout: 15_000 });
    const instructions = (await page.locator('.session-bar').textContent()) ?? '';
    expect(instructions).not.toMatch(/\b(Alt|Shift|Ctrl)\b|⇧|⌥/);
    await viewSettled(page);
    const p2 = await worldToPage(page, note.x + note.w / 2, note.y + note.h / 2);
    await tap(page, p2.x, p2.y);
    const id = await me(page);
    await expect
      .poll(async () => (await elements(page)).find((e) => e.id === note?.id)?.votes?.[id] ?? 0)
      .toBe(1);
    await shot(page, 'access-phone-voted');
    await f.getByRole('button', { name: 'Stemronde afsluiten' }).click();
  });

  it('rates the canvas and answers the survey by tap: every target 44 px at the phone’s zoom', async () => {
    const { page } = phone;
    const f = fac.page;
    await f.locator('.tabs button', { hasText: /^5\./ }).click();
    await f.waitForURL(/\/test$/);
    await waitForBoard(f);
    await f.getByRole('button', { name: 'Iedereen hierheen' }).click();
    await page.waitForURL(/\/test$/, { timeout: 15_000 });
    await waitForBoard(page);
    await viewSettled(page);
    const id = await me(page);
    // The zoom the phone got (fitted and readable), kept: not a zoom of 1 set by the test.
    const zoom = (await camera(page)).zoom;
    expect(zoom * 18).toBeGreaterThanOrEqual(11.99);
    for (const type of ['rating', 'survey'] as const) {
      const widget = (await elements(page)).find((e) => e.type === type);
      if (!widget) throw new Error(`no ${type}`);
      const layout = layoutWidget({
        type,
        w: widget.w,
        h: widget.h,
        questions: (type === 'rating' ? widget.criteria : widget.statements) ?? [],
      });
      const row = layout.rows[1];
      const button = row?.buttons[3];
      if (!row || !button) throw new Error('no row');
      const wx = widget.x + button.box.x + button.box.w / 2;
      const wy = widget.y + button.box.y + button.box.h / 2;
      // Scroll the widget's second question into view at the same zoom.
      await page.evaluate(
        ([x, y]) => {
          const b = window.__werkbank?.board;
          if (!b) return;
          const { viewport: v, camera: c } = b.state;
          b.setCamera({ zoom: c.zoom, x: x - v.w / 2 / c.zoom, y: y - v.h / 2 / c.zoom });
        },
        [wx, wy] as const,
      );
      await viewSettled(page);
      const z = (await camera(page)).zoom;
      expect(z).toBeCloseTo(zoom, 5);
      // On screen, a drawn score button is smaller than a finger tip (issue 14: ~29 px) ...
      const buttonPx = Math.min(button.box.w, button.box.h) * z;
      console.info(
        `${type}: score button ${buttonPx.toFixed(1)} px, row ${rowPxOf(row.label.h, widget.w, z)} at zoom ${z.toFixed(3)}`,
      );
      // ... so the canvas target is the question's whole row, and a tap opens the answer sheet.
      const rowPx = { w: widget.w * z, h: row.label.h * z };
      expect(rowPx.h).toBeGreaterThanOrEqual(44);
      expect(rowPx.w).toBeGreaterThanOrEqual(44);
      const p = await worldToPage(page, wx, wy);
      await tap(page, p.x, p.y);
      const sheet = page.locator('.wq-sheet');
      if (buttonPx < 44) {
        await sheet.waitFor();
        // It opens at the tapped question, with that question's first score focused.
        const focused = await page.evaluate(() =>
          document.activeElement?.closest('[data-question]')?.getAttribute('data-question'),
        );
        expect(focused).toBe(row.questionId);
        const group = sheet.locator(`[data-question="${row.questionId}"] [role="group"]`);
        const four = group.getByRole('button', { name: '4' });
        const b = await four.boundingBox();
        if (!b) throw new Error('no score button in the sheet');
        expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(44);
        expect(await smallTargets(page)).toEqual([]);
        await tap(page, b.x + b.width / 2, b.y + b.height / 2);
        await expect.poll(() => four.getAttribute('aria-pressed')).toBe('true');
        await shot(page, `access-phone-${type}-sheet`);
        expect(await seriousViolations(page, '.wq-sheet')).toEqual([]);
      }
      await expect
        .poll(async () => {
          const w = (await elements(page)).find((e) => e.id === widget.id);
          const sheet = type === 'rating' ? w?.scores : w?.answers;
          return sheet?.[id]?.[row.questionId] ?? null;
        })
        .toBe(4);
      if (buttonPx < 44) {
        await tapOn(page, '.wq-done');
        await sheet.waitFor({ state: 'detached' });
        // Focus goes back where it was: the board, not the page's body.
        expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain(
          'wb-canvas',
        );
      }
      await viewSettled(page);
      await shot(page, `access-phone-${type}`);
    }
  });

  it('opens the list view with one tap and answers a survey statement there', async () => {
    const { page } = phone;
    await tapOn(page, '.outline-toggle');
    const outline = page.locator('[data-testid="outline"]');
    await outline.waitFor();
    // On a phone the list takes the whole screen.
    const box = await outline.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    const survey = outline.locator('li.is-survey');
    await survey.scrollIntoViewIfNeeded();
    const group = survey.getByRole('group').nth(1);
    await group.scrollIntoViewIfNeeded();
    const five = group.getByRole('button', { name: '5' });
    const b = await five.boundingBox();
    if (!b) throw new Error('no score button');
    await tap(page, b.x + b.width / 2, b.y + b.height / 2);
    await expect.poll(() => five.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'access-phone-outline');
    expect(await smallTargets(page)).toEqual([]);
    expect(await seriousViolations(page, '[data-testid="outline"]')).toEqual([]);
    await tapOn(page, '.outline-close');
    await outline.waitFor({ state: 'detached' });
  });
});
