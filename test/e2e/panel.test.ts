/**
 * Issue 12, points 8 and 9: the facilitator's panel is a compact side panel with folding
 * sections that the board makes room for (fit, zoom controls, minimap, redo stay clear of it),
 * collapsible, with the join code always in view; and the smaller things around it: the help's
 * shortcuts, Escape on the instructions popover, the timer following an activity's minutes,
 * restarting a finished session asks first, the lock as an icon, idle cursor labels fade.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SANNE, workshopInChromium } from './helpers/workshop';
import { PHONE, openLink, screenshot } from './helpers/browser';

const app = workshopInChromium();

let fac: Page;
let participant: Page;

type Box = { x: number; y: number; width: number; height: number };
async function box(p: Page, selector: string): Promise<Box> {
  const b = await p.locator(selector).first().boundingBox();
  if (!b) throw new Error(`no box for ${selector}`);
  return b;
}
const right = (b: Box) => b.x + b.width;

/** The element at the centre of `selector` is (inside) that element: nothing lies over it. */
async function uncovered(p: Page, selector: string): Promise<boolean> {
  return p.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!top && (top === el || el.contains(top));
  }, selector);
}

beforeAll(async () => {
  fac = await app.page();
  participant = await app.page();
  await openLink(fac, app.boardLink('ideate'));
  await app.join(participant, SANNE);
});

describe('the facilitator’s panel', () => {
  it('sits beside the board: the board’s controls and its fit use what the panel leaves', async () => {
    const panel = await box(fac, 'aside.fp');
    const canvas = await box(fac, '.wb-canvas');
    expect(right(canvas)).toBeLessThanOrEqual(panel.x + 1);
    const zoom = await box(fac, '.wb-zoom');
    expect(right(zoom)).toBeLessThanOrEqual(panel.x);
    // One row of buttons (a rule in the wrong stylesheet once stretched it from top to bottom,
    // a white column over the board).
    expect(zoom.height).toBeLessThan(64);
    for (const sel of ['.wb-zoom button', '.wb-toolbar'])
      expect(await uncovered(fac, sel)).toBe(true);
    const redo = fac.locator('.wb-toolbar button').last();
    const r = await redo.boundingBox();
    expect(r && right(r)).toBeLessThanOrEqual(panel.x);
    // Fit shows the whole board inside the visible area, none of it under the panel.
    await fac.locator('.wb-canvas').focus();
    await fac.keyboard.press('Shift+1');
    const viewport = await fac.evaluate(() => window.__werkbank?.board.state.viewport);
    expect(viewport?.w).toBeCloseTo(canvas.width, 0);
    await expect
      .poll(async () =>
        fac.evaluate(() => {
          const b = window.__werkbank?.board;
          if (!b) return false;
          const { camera, viewport: vp } = b.state;
          let maxX = -Infinity;
          for (const e of b.state.elements.values()) maxX = Math.max(maxX, e.x + e.w);
          return (maxX - camera.x) * camera.zoom <= vp.w + 1;
        }),
      )
      .toBe(true);
    await screenshot(fac, 'screens/roomui-panel-open');
  });

  it('shows the join code, and its sections fold', async () => {
    await expect.poll(() => fac.getByTestId('join-code').textContent()).toBe(app.workshop.joinCode);
    const voting = fac.locator('.fp-fold[data-fold="voting"] .fp-fold-head');
    expect(await voting.getAttribute('aria-expanded')).toBe('true');
    await voting.click();
    expect(await voting.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => fac.getByRole('button', { name: 'Stemronde starten' }).count()).toBe(0);
    await voting.click();
  });

  it('collapses to a rail that keeps the join code; the board grows', async () => {
    const before = await box(fac, '.wb-canvas');
    await fac.getByRole('button', { name: 'Regie inklappen' }).click();
    await fac.locator('aside.fp-collapsed').waitFor();
    await expect
      .poll(async () => (await box(fac, '.wb-canvas')).width)
      .toBeGreaterThan(before.width + 200);
    expect(await fac.getByTestId('join-code').textContent()).toBe(app.workshop.joinCode);
    await expect
      .poll(() => fac.evaluate(() => window.__werkbank?.board.state.viewport.w ?? 0))
      .toBeGreaterThan(before.width + 200);
    await screenshot(fac, 'screens/roomui-panel-collapsed');
    await fac.locator('aside.fp-collapsed .fp-open').click();
    await fac.locator('aside.fp:not(.fp-collapsed)').waitFor();
  });
});

describe('the facilitator on a phone', () => {
  it('starts with the panel folded to a tab with the join code, and opens it over the board', async () => {
    const phone = await app.page({ viewport: PHONE, touch: true });
    await openLink(phone, app.boardLink('ideate'));
    await phone.locator('aside.fp-collapsed').waitFor();
    await expect
      .poll(() => phone.getByTestId('join-code').textContent())
      .toBe(app.workshop.joinCode);
    await screenshot(phone, 'screens/roomui-panel-phone-folded');
    await phone.locator('aside.fp-collapsed .fp-open').tap();
    await phone.locator('aside.fp:not(.fp-collapsed)').waitFor();
    await screenshot(phone, 'screens/roomui-panel-phone-open');
    await phone.context().close();
  });
});

describe('smaller things', () => {
  it('the help shows every key, and long ones stay in their column', async () => {
    await fac.locator('.wb-canvas').focus();
    await fac.keyboard.press('?');
    const help = fac.locator('.wb-help');
    await help.waitFor();
    expect(await help.textContent()).not.toContain('undefined');
    const fits = await fac.evaluate(() =>
      [...document.querySelectorAll('.wb-help dl div')].every((row) => {
        const r = row.getBoundingClientRect();
        return [...row.querySelectorAll('kbd')].every(
          (k) => k.getBoundingClientRect().right <= r.right + 0.5,
        );
      }),
    );
    expect(fits).toBe(true);
    expect(await help.locator('kbd', { hasText: /^\+$/ }).count()).toBeGreaterThan(0);
    await screenshot(fac, 'screens/roomui-help');
    await fac.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('Escape closes the “What do we do?” popover', async () => {
    await fac
      .locator('.fp-session', { hasText: /Ideeën/ })
      .getByRole('button', { name: /^Start$/ })
      .click();
    await participant.waitForURL(/\/ideate$/);
    const info = participant.locator('.sb-activity');
    await info.click();
    await participant.locator('.sb-info').waitFor();
    await participant.keyboard.press('Escape');
    await participant.locator('.sb-info').waitFor({ state: 'detached' });
  });

  it('changing the running activity’s minutes changes the timer', async () => {
    const remaining = async (p: Page) =>
      Number(await p.locator('[role="timer"]').getAttribute('data-remaining'));
    expect(await remaining(participant)).toBeGreaterThan(5 * 60 - 30);
    const current = fac.locator('.fp-agenda li.is-current .fp-minutes');
    await current.fill('2');
    await expect.poll(() => remaining(participant)).toBeLessThanOrEqual(120);
    await expect.poll(() => remaining(fac)).toBeLessThanOrEqual(120);
  });

  it('restarting a finished session asks first', async () => {
    await fac.getByRole('button', { name: 'Sessie beëindigen' }).click();
    const item = fac.locator('.fp-session', { hasText: /Ideeën/ });
    const again = item.getByRole('button', { name: 'Opnieuw' });
    await again.waitFor();
    const asked: string[] = [];
    fac.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await again.click();
    expect(asked[0]).toContain('al afgerond');
    expect(await fac.evaluate(() => window.__werkbankControl?.live().sessionId ?? null)).toBeNull();
    fac.once('dialog', (d) => void d.accept());
    await again.click();
    await expect
      .poll(() => fac.evaluate(() => window.__werkbankControl?.live().sessionId ?? null))
      .not.toBeNull();
  });

  it('a locked board shows a drawn lock, not an emoji', async () => {
    await fac.getByRole('button', { name: 'Bord vergrendelen' }).click();
    const lock = participant.locator('.tabs button[data-board="ideate"] .lock svg');
    await lock.waitFor();
    expect(await participant.locator('.tabs').textContent()).not.toContain('🔒');
    await fac.getByRole('button', { name: 'Bord ontgrendelen' }).click();
  });

  it('an idle cursor’s name fades', async () => {
    const canvas = await box(participant, '.wb-canvas');
    await participant.mouse.move(canvas.x + 200, canvas.y + 200);
    await participant.mouse.move(canvas.x + 260, canvas.y + 240, { steps: 4 });
    const cursor = fac.locator('.wb-cursor', { hasText: 'Sanne Bakker' });
    await cursor.waitFor();
    await fac.waitForFunction(
      () => document.querySelector('.wb-cursor')?.classList.contains('is-idle') === true,
      undefined,
      { timeout: 15_000 },
    );
    await participant.mouse.move(canvas.x + 300, canvas.y + 260, { steps: 2 });
    await fac.waitForFunction(
      () => document.querySelector('.wb-cursor')?.classList.contains('is-idle') === false,
    );
  });
});
