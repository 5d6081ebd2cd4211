/**
 * Issue 12, point 3: dot voting that works by touch. Each voter sees their own dots (in their
 * colour) while the results are hidden, and how many votes they have left; a tap adds a vote,
 * another tap takes it back (no modifier keys); the facilitator's tally is live; after the reveal
 * everyone gets the ranked results. The facilitator, a participant on a laptop, one on a phone
 * (390×844, touch) and one in English.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardStickies, myVotes } from './helpers/board';
import { EMMA, JOOST, SANNE, workshopInChromium } from './helpers/workshop';
import {
  DESKTOP,
  PHONE,
  openLink,
  screenshot,
  viewSettled,
  worldToPage,
  waitUntil,
} from './helpers/browser';

const app = workshopInChromium();

let fac: Page;
let laptop: Page;
let phone: Page;
let english: Page;

const noteId = async (page: Page, text: string) => {
  const n = (await boardStickies(page)).find((s) => s.text === text);
  if (!n) throw new Error(`no note "${text}"`);
  return n.id;
};
/** Own-vote dots drawn inside a note's group on the Konva stage. */
const ownDots = (page: Page, id: string) =>
  page.evaluate((sid) => {
    interface KNode {
      find(s: string): KNode[];
    }
    const w = window as unknown as { Konva?: { stages: Array<{ findOne(s: string): KNode }> } };
    return w.Konva?.stages[0]?.findOne(`#${sid}`)?.find('.own-vote').length ?? 0;
  }, id);
const votesLeft = async (page: Page) =>
  Number(await page.locator('.sb-votes').getAttribute('data-left'));

/** Taps (touch) or clicks a note, and waits until this person's count on it changed. */
async function tapNote(page: Page, text: string, touch = false) {
  const id = await noteId(page, text);
  const before = await myVotes(page, id);
  await page.evaluate((el) => window.__werkbank?.board.centreOn(el), id);
  await viewSettled(page);
  const n = (await boardStickies(page)).find((s) => s.id === id);
  if (!n) throw new Error('note gone');
  const at = await worldToPage(page, n.x + n.w / 2, n.y + n.h / 3);
  if (touch) await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
  await waitUntil(page, async () => (await myVotes(page, id)) !== before, `vote change on ${text}`);
  return myVotes(page, id);
}

async function addNote(page: Page, text: string, dx: number) {
  const box = await page.locator('.wb-canvas').boundingBox();
  await page.keyboard.press('n');
  await page.mouse.click((box?.x ?? 0) + 140 + dx, (box?.y ?? 0) + (box?.height ?? 600) - 200);
  const editor = page.locator('textarea.wb-text-editor');
  await editor.waitFor();
  await editor.fill(text);
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
}

beforeAll(async () => {
  fac = await app.page({ viewport: DESKTOP });
  laptop = await app.page();
  phone = await app.page({ viewport: PHONE, touch: true });
  english = await app.page({ english: true });
  await openLink(fac, app.boardLink('ideate'));
  await app.join(laptop, SANNE);
  await app.join(phone, JOOST);
  await app.join(english, EMMA);
  await fac.getByRole('button', { name: 'Iedereen hierheen' }).click();
  for (const p of [laptop, phone, english]) await p.waitForURL(/\/ideate$/, { timeout: 15_000 });
  await addNote(fac, 'Leerlijn voor de sector', 0);
  await addNote(fac, 'Samen inkopen', 220);
  await addNote(fac, 'Stageplekken delen', 440);
  for (const p of [laptop, phone, english])
    await waitUntil(p, async () => (await boardStickies(p)).length === 3, 'three notes everywhere');
});

describe('dot voting by tap', () => {
  it('voters see their own dots and what they have left while results are hidden', async () => {
    await fac.locator('.fp-inline input[type="number"]').fill('2');
    await fac.getByRole('button', { name: 'Stemronde starten' }).click();
    for (const p of [laptop, phone, english]) await p.locator('.sb-votes').waitFor();
    await expect.poll(() => laptop.locator('.sb-votes').textContent()).toContain('nog 2 van 2');
    await expect.poll(() => english.locator('.sb-votes').textContent()).toContain('2 of 2 votes');

    expect(await tapNote(laptop, 'Samen inkopen')).toBe(1);
    const samen = await noteId(laptop, 'Samen inkopen');
    await waitUntil(laptop, async () => (await ownDots(laptop, samen)) === 1, 'own dot drawn');
    expect(await laptop.evaluate(() => window.__werkbank?.board.state.votesHidden)).toBe(true);
    await expect.poll(() => votesLeft(laptop)).toBe(1);
    await expect.poll(() => laptop.locator('.sb-votes').textContent()).toContain('nog 1 van 2');
    await screenshot(laptop, 'screens/roomui-voting-own-dot');
  });

  it('the facilitator’s tally is live (no reopening)', async () => {
    await expect.poll(() => fac.locator('.fp-results li').first().textContent()).toContain('Samen');
    expect(await tapNote(english, 'Leerlijn voor de sector')).toBe(1);
    await expect.poll(() => fac.locator('.fp-results li').count()).toBe(2);
  });

  it('on a phone: tap to vote, tap again to take it back, no modifier keys', async () => {
    expect(await tapNote(phone, 'Stageplekken delen', true)).toBe(1);
    const id = await noteId(phone, 'Stageplekken delen');
    await waitUntil(phone, async () => (await ownDots(phone, id)) === 1, 'own dot on the phone');
    await screenshot(phone, 'screens/roomui-voting-phone');
    expect(await tapNote(phone, 'Stageplekken delen', true)).toBe(0);
    await expect.poll(() => votesLeft(phone)).toBe(2);
    expect(await tapNote(phone, 'Samen inkopen', true)).toBe(1);
    expect(await tapNote(phone, 'Leerlijn voor de sector', true)).toBe(1);
    await expect.poll(() => votesLeft(phone)).toBe(0);
    // Out of votes: a tap on one's own dot's note takes it back.
    expect(await tapNote(phone, 'Samen inkopen', true)).toBe(0);
    expect(await tapNote(phone, 'Samen inkopen', true)).toBe(1);
  });

  it('after the reveal everyone gets the ranked results', async () => {
    expect(await tapNote(laptop, 'Leerlijn voor de sector')).toBe(1);
    await expect
      .poll(() => fac.locator('.fp-fold[data-fold="voting"]').textContent())
      .toContain('5 stemmen');
    await fac.getByRole('button', { name: 'Uitslag tonen' }).click();
    for (const p of [laptop, phone, english]) {
      await p.locator('.sb-results-toggle').click();
      await p.locator('.sb-results li').first().waitFor();
    }
    const ranked = await english.locator('.sb-results li').allTextContents();
    expect(ranked[0]).toMatch(/^1\.Leerlijn voor de sector3$/);
    expect(ranked[1]).toMatch(/^2\.Samen inkopen2$/);
    await screenshot(english, 'screens/roomui-voting-results-en');
    await screenshot(phone, 'screens/roomui-voting-results-phone');
    await screenshot(fac, 'screens/roomui-voting-facilitator');
  });
});
