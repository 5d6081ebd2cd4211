/**
 * Issue 5's end-to-end test: a facilitator and two participants. The facilitator starts
 * session 3; the participants land on ideate and add ideas; a vote runs and is revealed; the
 * facilitator accepts suggested categories and the ideas end up in the right lanes for everyone;
 * the timer shows the same remaining time in all three contexts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StickyElement } from '../../workshops';
import { boardStickies, myVotes } from './helpers/board';
import { SANNE, workshopInChromium } from './helpers/workshop';
import {
  DESKTOP,
  openLink,
  screenshot,
  viewSettled,
  waitForBoard,
  worldToPage,
  waitUntil,
} from './helpers/browser';

const app = workshopInChromium();

let fac: Page;
let p1: Page;
let p2: Page;

const lanes = (page: Page) =>
  page.evaluate(
    () =>
      [...(window.__werkbank?.board.state.elements.values() ?? [])].filter(
        (e) => e.type === 'frame' && 'lane' in e && e.lane,
      ) as unknown as Array<{ lane: string; x: number; y: number; w: number; h: number }>,
  );

async function addIdea(page: Page, text: string, dx: number) {
  // On an empty spot of the view: the canvas' lower left, above the toolbar.
  const box = await page.locator('.wb-canvas').boundingBox();
  await page.keyboard.press('n');
  await page.mouse.click((box?.x ?? 0) + 140 + dx, (box?.y ?? 0) + (box?.height ?? 600) - 170);
  const editor = page.locator('textarea.wb-text-editor');
  await editor.waitFor({ timeout: 5000 }).catch(async (err: unknown) => {
    await screenshot(page, 'facilitator-debug-add-idea');
    throw err;
  });
  await editor.fill(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

/** Clicks a sticky to vote and waits until the vote is on this person's board. */
async function voteOn(page: Page, id: string) {
  const before = await myVotes(page, id);
  const s = (await boardStickies(page)).find((x) => x.id === id);
  if (!s) throw new Error(`no sticky ${id}`);
  // As a person would: bring the note into view first (each device has its own camera).
  await page.evaluate((el) => window.__werkbank?.board.centreOn(el), id);
  await viewSettled(page);
  const at = await worldToPage(page, s.x + s.w / 2, s.y + s.h / 2);
  await page.mouse.click(at.x, at.y);
  await waitUntil(
    page,
    async () => (await myVotes(page, id)) > before,
    `own vote on ${s.text}`,
    5_000,
  );
}

beforeAll(async () => {
  fac = await app.page({ viewport: DESKTOP });
  p1 = await app.page();
  p2 = await app.page();
  await openLink(fac, app.boardLink('empathise'));
  await app.join(p1, SANNE);
  await app.join(p2, { name: 'Youssef El Amrani', organisation: 'Metaal BV', kind: 'regular' });
});

describe('a facilitator runs session 3', () => {
  it('sees who joined, with organisation and kind', async () => {
    await fac.locator('.fp-people li', { hasText: 'Sanne Bakker' }).waitFor();
    await expect
      .poll(() => fac.locator('.fp-people').textContent())
      .toMatch(/Sanne Bakker.*Groenwerk.*Sociaal/);
    await expect
      .poll(() => fac.locator('.fp-people').textContent())
      .toMatch(/Youssef El Amrani.*Metaal BV.*Regulier/);
  });

  it('starting session 3 brings both participants to the ideate board', async () => {
    const item = fac.locator('.fp-session', { hasText: /Ideeën/ });
    await item.getByRole('button', { name: /^Start$/ }).click();
    for (const p of [fac, p1, p2]) await p.waitForURL(/\/ideate$/, { timeout: 15_000 });
    for (const p of [p1, p2])
      await p
        .locator('.session-bar')
        .getByText(/Ideeën/)
        .first()
        .waitFor();
    // Each sees the activity's frame, centred, and keeps seeing it: the fit-into-view on opening
    // a board must not come afterwards and show the whole board at ~25 % instead.
    const zoomOf = (p: Page) => p.evaluate(() => window.__werkbank?.board.state.camera.zoom ?? 0);
    for (const p of [p1, p2]) {
      await waitUntil(p, async () => (await zoomOf(p)) > 0.4, 'view on the activity frame');
      // Opening is over (the drawn view is the camera, the chip says where the board is):
      // nothing may fit the whole board into view after that.
      await waitForBoard(p);
      await viewSettled(p);
      expect(await zoomOf(p)).toBeGreaterThan(0.4);
    }
  });

  it('the timer shows the same remaining time for all three (within 1 s)', async () => {
    const read = async (p: Page) =>
      Number(await p.locator('[role="timer"]').getAttribute('data-remaining'));
    const values = await Promise.all([read(fac), read(p1), read(p2)]);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(values[0]).toBeGreaterThan(60);
  });

  it('participants add ideas, everyone sees them', async () => {
    await addIdea(p1, 'Kennis delen over het begeleiden van nieuwe collega’s', 0);
    await addIdea(p2, 'Afspraken met de gemeente over loonkostensubsidie', 220);
    for (const p of [fac, p1, p2])
      await waitUntil(p, async () => (await boardStickies(p)).length === 2, 'two ideas everywhere');
  });

  it('a vote runs, hidden until the facilitator reveals it', async () => {
    await fac.locator('.fp-inline input[type="number"]').fill('2');
    await fac.getByRole('button', { name: 'Stemronde starten' }).click();
    // Each participant's device must know about the round before a click counts as a vote.
    for (const p of [p1, p2])
      await p
        .locator('.session-bar')
        .getByText(/Stemronde/)
        .waitFor();
    const ideas = await boardStickies(p1);
    const gemeente = ideas.find((s) => s.text.includes('gemeente'));
    const kennis = ideas.find((s) => s.text.includes('Kennis'));
    await voteOn(p1, gemeente?.id ?? '');
    await voteOn(p2, gemeente?.id ?? '');
    await voteOn(p2, kennis?.id ?? '');
    await waitUntil(
      fac,
      async () =>
        (await boardStickies(fac)).reduce(
          (n, s) => n + Object.values(s.votes).reduce((a, b) => a + b, 0),
          0,
        ) === 3,
      'three votes',
    );
    expect(await p1.evaluate(() => window.__werkbank?.board.state.votesHidden)).toBe(true);
    await fac.getByRole('button', { name: 'Uitslag tonen' }).click();
    await waitUntil(
      p1,
      async () => (await p1.evaluate(() => window.__werkbank?.board.state.votesHidden)) === false,
      'results revealed',
    );
    await expect
      .poll(() => fac.locator('.fp-results li').first().textContent())
      .toContain('gemeente');
  });

  it('accepted category suggestions put the ideas in the right lanes, for everyone', async () => {
    await fac.getByRole('button', { name: 'Stel categorieën voor' }).click();
    await fac.locator('.fp-suggestions li').first().waitFor();
    await fac.getByRole('button', { name: 'Alles accepteren' }).click();
    for (const p of [fac, p1, p2]) {
      await waitUntil(
        p,
        async () => {
          const [ss, ls] = [await boardStickies(p), await lanes(p)];
          const byText = (t: string) => ss.find((s) => s.text.includes(t));
          const inLane = (s: StickyElement | undefined, lane: string) => {
            const l = ls.find((x) => x.lane === lane);
            if (!s || !l) return false;
            const cx = s.x + s.w / 2;
            const cy = s.y + s.h / 2;
            return (
              s.category === lane && cx >= l.x && cx <= l.x + l.w && cy >= l.y && cy <= l.y + l.h
            );
          };
          return inLane(byText('Kennis'), 'knowledge') && inLane(byText('gemeente'), 'ecosystem');
        },
        `ideas in their lanes, for ${p === fac ? 'the facilitator' : p === p1 ? 'participant 1' : 'participant 2'}`,
        30_000,
        async () => ({ stickies: await boardStickies(p), lanes: await lanes(p) }),
      );
    }
    await screenshot(fac, 'facilitator-after-clustering');
    await screenshot(p1, 'facilitator-participant-view');
  });
});
