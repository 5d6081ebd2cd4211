/**
 * Issue 12, point 1: people roam freely between boards; the facilitator's "bring everyone here"
 * moves everyone once (with a notice and the way back), follow mode is each person's choice.
 * Five people at once: the facilitator, a participant on a laptop who roams (tabs, a typed
 * address, a reload), a participant on a phone (390×844, touch, the board menu), one in English
 * and a viewer.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMMA, JOOST, SANNE, workshopInChromium } from './helpers/workshop';
import { DESKTOP, PHONE, openLink, screenshot, waitForBoard } from './helpers/browser';

const app = workshopInChromium();

let fac: Page;
let roamer: Page;
let phone: Page;
let english: Page;
let viewer: Page;
const toasts: Record<string, string[]> = {};

const boardOf = (p: Page) => new URL(p.url()).pathname.split('/')[3] ?? '';
const base = () => `${app.server.url}/w/${app.workshop.workshopId}`;

/** Watches every alert toast a page shows (a false alarm must fail the test). */
async function recordToasts(p: Page, who: string) {
  toasts[who] = [];
  await p.exposeFunction(`__toast_${who}`, (text: string) => toasts[who]?.push(text));
  await p.addInitScript((name) => {
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.toast[role="alert"]')) {
        if ((el as HTMLElement).dataset.seen) continue;
        (el as HTMLElement).dataset.seen = '1';
        (window as unknown as Record<string, (t: string) => void>)[name]?.(el.textContent ?? '');
      }
    }).observe(document, { childList: true, subtree: true });
  }, `__toast_${who}`);
}

/** Waits until the facilitator's latest live-state change has reached `p` (its version). */
async function caughtUp(p: Page) {
  const version = await fac.evaluate(() => JSON.stringify(window.__werkbankControl?.live()));
  await p.waitForFunction((v) => JSON.stringify(window.__werkbankControl?.live()) === v, version, {
    timeout: 15_000,
  });
}

/** The tabs on a laptop, the board menu on a phone. */
async function clickTab(p: Page, boardId: string) {
  if (p === phone) await p.locator('select.tabs-select').selectOption(boardId);
  else await p.locator(`.tabs button[data-board="${boardId}"]`).click();
  await p.waitForURL(new RegExp(`/${boardId}$`));
  await waitForBoard(p);
}

beforeAll(async () => {
  fac = await app.page({ viewport: DESKTOP });
  roamer = await app.page();
  phone = await app.page({ viewport: PHONE, touch: true });
  english = await app.page({ english: true });
  viewer = await app.page();
  await recordToasts(roamer, 'roamer');
  await recordToasts(viewer, 'viewer');
  await openLink(fac, app.boardLink('empathise'));
  await app.join(roamer, SANNE);
  await app.join(phone, JOOST);
  await app.join(english, EMMA);
  await openLink(viewer, `${base()}#token=${app.workshop.viewerToken}`);
});

const everyoneElse = () => [roamer, phone, english, viewer];

describe('free roaming, summons as events', () => {
  it('starting a session brings everyone to its board once', async () => {
    await fac
      .locator('.fp-session', { hasText: /Definiëren/ })
      .getByRole('button', { name: /^Start$/ })
      .click();
    for (const p of [fac, ...everyoneElse()]) await p.waitForURL(/\/define$/, { timeout: 15_000 });
  });

  it('a participant roams with the tabs, a typed address and a reload, and stays', async () => {
    await clickTab(roamer, 'ideate');
    await roamer.goto(`${base()}/prototype`);
    await waitForBoard(roamer);
    await roamer.reload();
    await waitForBoard(roamer);
    // The facilitator moves on meanwhile: the next activity, a lock; none pulls anyone back.
    await fac.getByRole('button', { name: 'Volgende activiteit' }).click();
    await caughtUp(roamer);
    expect(boardOf(roamer)).toBe('prototype');
  });

  it('the phone roams with its board menu, the viewer with the tabs', async () => {
    await clickTab(phone, 'empathise');
    await clickTab(viewer, 'ideate');
    await fac.getByRole('button', { name: 'Pauze' }).click();
    for (const p of [phone, viewer]) await caughtUp(p);
    expect(boardOf(phone)).toBe('empathise');
    expect(boardOf(viewer)).toBe('ideate');
  });

  it('ending the session leaves everyone where they are', async () => {
    await fac.getByRole('button', { name: 'Sessie beëindigen' }).click();
    for (const p of everyoneElse()) await caughtUp(p);
    expect(everyoneElse().map(boardOf)).toEqual(['prototype', 'empathise', 'define', 'ideate']);
  });

  it('"bring everyone here" moves everyone once, with a notice and the way back', async () => {
    await clickTab(fac, 'test');
    await fac.getByRole('button', { name: 'Iedereen hierheen' }).click();
    for (const p of everyoneElse()) await p.waitForURL(/\/test$/, { timeout: 15_000 });
    const notice = roamer.locator('.toast-summon');
    await expect.poll(() => notice.textContent()).toContain('De begeleider heeft je hierheen');
    await expect
      .poll(() => english.locator('.toast-summon').textContent())
      .toContain('The facilitator brought you here');
    await screenshot(roamer, 'screens/roomui-roaming-brought');
    // On the phone the way back is a whole button inside the screen, its label not cut off.
    const back = phone.locator('.toast-summon .btn');
    await back.waitFor();
    const fits = await back.evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.left >= 0 && r.right <= window.innerWidth && b.scrollWidth <= b.clientWidth;
    });
    await screenshot(phone, 'screens/roomui-roaming-brought-phone');
    expect(fits).toBe(true);
    await notice.getByRole('button').click();
    await roamer.waitForURL(/\/prototype$/);
    await waitForBoard(roamer);
    // And from there on free again.
    await clickTab(phone, 'ideate');
    await fac.getByRole('button', { name: 'Bord vergrendelen' }).click();
    for (const p of [roamer, phone]) await caughtUp(p);
    expect(boardOf(roamer)).toBe('prototype');
    expect(boardOf(phone)).toBe('ideate');
  });

  it('follow mode takes along who follows; leaving it is each person’s choice', async () => {
    await fac.getByRole('checkbox', { name: 'Volg mij' }).check();
    for (const p of [roamer, phone, english]) await p.waitForURL(/\/test$/, { timeout: 15_000 });
    await roamer.getByRole('button', { name: 'Niet meer volgen' }).click();
    await clickTab(roamer, 'define');
    await clickTab(fac, 'ideate');
    for (const p of [phone, english]) await p.waitForURL(/\/ideate$/, { timeout: 15_000 });
    await caughtUp(roamer);
    expect(boardOf(roamer)).toBe('define');
    await screenshot(phone, 'screens/roomui-roaming-phone-following');
  });

  it('no false alarms: nobody was told a write failed', async () => {
    // The viewer goes back to boards it has a copy of on the device, the roamer reloads again.
    await clickTab(viewer, 'define');
    await clickTab(viewer, 'test');
    await roamer.reload();
    await waitForBoard(roamer);
    await fac.getByRole('button', { name: 'Bord vergrendelen' }).click();
    for (const p of [roamer, viewer]) await caughtUp(p);
    expect(toasts).toEqual({ roamer: [], viewer: [] });
  });
});
