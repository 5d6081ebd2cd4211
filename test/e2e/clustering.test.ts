/**
 * Issue 12, point 5, and issue 15 in the browser: on the ideate board, with two challenges
 * pulled in from session 2 and a note already placed by hand in a lane, the facilitator asks
 * for category suggestions and accepts them all. Only the session's ideas move, into a tidy grid
 * in their lane below its hint; the carried challenges, the hand-placed note and the idea the
 * suggester is unsure of stay where they were; no two notes overlap.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP,
  PHONE,
  openLink,
  screenshot,
  viewSettled,
  waitForBoard,
  waitUntil,
} from './helpers/browser';
import { workshopInChromium } from './helpers/workshop';

const app = workshopInChromium();

let fac: Page;

interface Note {
  id: string;
  type: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  category?: string;
  templateId?: string;
  source?: { boardId: string };
  lane?: string;
}

const elements = (page: Page) =>
  page.evaluate(
    () => [...(window.__werkbank?.board.state.elements.values() ?? [])] as unknown as Note[],
  );
const notes = async (page: Page) =>
  (await elements(page)).filter((e) => e.type === 'sticky' && !e.templateId);
const overlap = (a: Note, b: Note) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const centreIn = (a: Note, b: Note) =>
  a.x + a.w / 2 >= b.x &&
  a.x + a.w / 2 <= b.x + b.w &&
  a.y + a.h / 2 >= b.y &&
  a.y + a.h / 2 <= b.y + b.h;

/** Adds stickies through the facilitator's own board engine (as a paste would). */
const addNotes = (
  page: Page,
  list: Array<{ text: string; x: number; y: number; votes?: Record<string, number> }>,
) =>
  page.evaluate((items) => {
    for (const item of items) window.__werkbank?.board.add('sticky', item);
  }, list);

const IDEAS = {
  knowledge: ['samen lunchen en ervaringen delen', 'wie heeft tips voor het inwerken?'],
  chain: ['Metaal BV koopt in bij Groenwerk', 'koffie uit de werkplaats halen'],
  ecosystem: ['gemeente moet vaker langskomen', 'regels UWV te ingewikkeld!!'],
} as const;
const UNSURE = 'Vrijdag borrel!';
const BY_HAND = 'buddy voor elke nieuwe collega';

beforeAll(async () => {
  fac = await app.page({ viewport: LAPTOP });
});

describe('clustering: accept all', () => {
  let before: Note[] = [];

  it('session 2’s challenges are pulled into the ideate board, ideas are written', async () => {
    await openLink(fac, app.boardLink('define'));
    await addNotes(fac, [
      { text: 'Hoe vinden we passende werkplekken?', x: 200, y: 200, votes: { a: 3 } },
      { text: 'Hoe inspireren we andere ondernemers?', x: 420, y: 200, votes: { b: 2 } },
    ]);
    await waitUntil(fac, async () => (await notes(fac)).length === 2, 'challenges on define');
    await openLink(fac, app.boardLink('ideate'));
    await fac.getByRole('button', { name: 'Ophalen uit vorige sessie' }).click();
    await waitUntil(
      fac,
      async () => (await notes(fac)).filter((n) => n.source).length === 2,
      'two challenges carried in',
    );
    const lanes = (await elements(fac)).filter((e) => e.type === 'frame' && e.lane);
    const knowledge = lanes.find((l) => l.lane === 'knowledge') as Note;
    const ideas = [...Object.values(IDEAS).flat(), UNSURE];
    await addNotes(fac, [
      ...ideas.map((text, i) => ({
        text,
        x: 1120 + (i % 5) * 220,
        y: 780 + Math.floor(i / 5) * 200,
      })),
      // Placed by hand where the grid's first cell would be: the grid goes around it.
      { text: BY_HAND, x: knowledge.x + 30, y: knowledge.y + 150 },
    ]);
    await waitUntil(fac, async () => (await notes(fac)).length === ideas.length + 3, 'ideas added');
    before = await notes(fac);
    expect(before.find((n) => n.text === BY_HAND)?.category).toBe('knowledge');
  });

  it('suggests every idea, the unsure one apart, with reasons in words', async () => {
    await fac.getByRole('button', { name: 'Stel categorieën voor' }).click();
    const panel = fac.locator('section[aria-label="Clusteren in drie categorieën"]');
    const unsure = panel.locator('.fp-unsure li');
    await unsure.first().waitFor();
    await expect.poll(() => unsure.count()).toBe(1);
    expect(await unsure.first().textContent()).toContain(UNSURE);
    expect(await unsure.first().textContent()).toMatch(/Onzeker: misschien/);
    const confident = panel.locator('.fp-suggestions:not(.fp-unsure) li[data-certainty]');
    expect(await confident.count()).toBe(6);
    const metaal = confident.filter({ hasText: 'Metaal BV' });
    expect(await metaal.textContent()).toMatch(/(Duidelijk|Waarschijnlijk): keten/);
    expect(await metaal.textContent()).toMatch(/‘koopt’/);
    expect(await panel.textContent()).toMatch(/Leert van 1 idee/);
    // The carried challenges are not ideas: nothing is suggested for them.
    expect(await panel.textContent()).not.toMatch(/passende/);
    await unsure.first().scrollIntoViewIfNeeded();
    await screenshot(fac, 'screens/suggest-panel');
  });

  it('moves only the ideas, into a grid in their lanes, overlapping nothing', async () => {
    await fac.getByRole('button', { name: /Alles accepteren/ }).click();
    await waitUntil(
      fac,
      async () => (await notes(fac)).filter((n) => n.category).length === 7,
      'six ideas accepted',
    );
    const all = await elements(fac);
    const after = all.filter((e) => e.type === 'sticky' && !e.templateId);
    // What was not accepted stayed exactly where it was.
    for (const n of before.filter((b) => b.source || b.text === UNSURE || b.text === BY_HAND)) {
      const now = after.find((a) => a.id === n.id);
      expect({ x: now?.x, y: now?.y, category: now?.category }).toEqual({
        x: n.x,
        y: n.y,
        category: n.category,
      });
    }
    for (const [lane, texts] of Object.entries(IDEAS)) {
      const frame = all.find((e) => e.type === 'frame' && e.lane === lane) as Note;
      const hint = all.find(
        (e) => e.type === 'text' && e.templateId === `lane-${lane}-hint`,
      ) as Note;
      expect(hint).toBeDefined();
      for (const text of texts) {
        const n = after.find((a) => a.text === text) as Note;
        expect(n.category).toBe(lane);
        expect(centreIn(n, frame)).toBe(true);
        expect(overlap(n, hint)).toBe(false);
        expect(n.y).toBeGreaterThanOrEqual(hint.y + hint.h);
      }
    }
    for (const [i, a] of after.entries())
      for (const b of after.slice(i + 1))
        expect(overlap(a, b), `"${a.text}" overlaps "${b.text}"`).toBe(false);

    await fac.evaluate(() => window.__werkbank?.board.zoomToFit());
    await viewSettled(fac);
    await screenshot(fac, 'screens/suggest-board-after-accept-all');
    await fac.evaluate(() => window.__werkbank?.board.setCamera({ x: -40, y: 1500, zoom: 0.42 }));
    await viewSettled(fac);
    await screenshot(fac, 'screens/suggest-lanes-after-accept-all');
  });

  it('on a phone: what is left is suggested again, still for the facilitator to decide', async () => {
    const phone = await app.page({ viewport: PHONE, touch: true });
    await phone.goto(app.boardLink('ideate'));
    // On a phone the panel starts folded (it would cover the board): one tap opens it. Tapped as
    // soon as it shows, before the board has synced: the cluster section must still come once
    // the lanes arrive (FacilitatorPanel.tsx).
    const open = phone.getByRole('button', { name: 'Regie', exact: true });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    await open.tap();
    await phone.getByRole('button', { name: 'Regie inklappen' }).waitFor();
    await waitForBoard(phone);
    await phone.getByRole('button', { name: 'Stel categorieën voor' }).click();
    const left = phone.locator('li[data-certainty]');
    await left.first().waitFor();
    expect(await left.count()).toBe(1);
    expect(await left.first().textContent()).toContain(UNSURE);
    expect(await left.first().getAttribute('data-certainty')).toBe('unsure');
    const panel = phone.locator('section[aria-label="Clusteren in drie categorieën"]');
    expect(await panel.textContent()).toMatch(/Leert van 7 ideeën/);
    await left.first().scrollIntoViewIfNeeded();
    await screenshot(phone, 'screens/suggest-phone-unsure');
    await phone.context().close();
  });

  it('offers look-alike ideas to be stacked', async () => {
    const a = 'Stageplekken delen tussen onze bedrijven';
    const b = 'stageplekken delen tussen de bedrijven';
    await addNotes(fac, [
      { text: a, x: 1120, y: 1180 },
      { text: b, x: 1560, y: 1180 },
    ]);
    await fac.getByRole('button', { name: 'Opnieuw voorstellen' }).click();
    const panel = fac.locator('section[aria-label="Clusteren in drie categorieën"]');
    const group = panel
      .locator('li', { hasText: 'Stageplekken delen tussen onze bedrijven' })
      .filter({
        has: fac.getByRole('button', { name: 'Op elkaar stapelen' }),
      });
    await group.waitFor();
    await group.getByRole('button', { name: 'Op elkaar stapelen' }).click();
    await waitUntil(
      fac,
      async () => {
        const ns = await notes(fac);
        const [na, nb] = [ns.find((n) => n.text === a), ns.find((n) => n.text === b)];
        return !!na && !!nb && nb.x === na.x + 12 && nb.y === na.y + 12;
      },
      'the look-alike stacked on the first',
    );
    await group.waitFor({ state: 'detached' });
  });
});
