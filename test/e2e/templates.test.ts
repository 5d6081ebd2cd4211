/**
 * Issue 4's end-to-end test: each of the five stage boards, opened by the facilitator in
 * Chromium, draws its template (every frame of the template is in the Konva scene graph, and
 * the test board's rating and survey widgets too). A screenshot per board is kept in
 * test-results/ (templates-<stage>.png) to look at.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../workshops';
import {
  BOARD_TEMPLATES,
  RATING_CRITERIA,
  STAGES,
  SURVEY_STATEMENTS,
  addElement,
  boardRoom,
  pullForward,
  widgetLayout,
  readElement,
  setAnswer,
  templateElementId,
} from '../../workshops';
import { connect, synced } from '../integration/helpers/server';
import type { Person } from './helpers/browser';
import {
  joinByCode,
  launchChromium,
  newPerson,
  readScene,
  screenshot,
  viewSettled,
  waitForBoard,
  waitForLiveBoardWith,
  waitForScene,
  worldToPage,
} from './helpers/browser';
import type { TestServer } from './helpers/server';
import { boardLink, join, newWorkshop, startAppServer, waitFor } from './helpers/server';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

let server: TestServer;
let workshop: CreateWorkshopResponse;
let browser: Browser;
let facilitator: Person;

// Big enough that the whole board is drawn in full detail (above the level-of-detail zoom).
const VIEWPORT = { width: 2400, height: 1900 };
const CAMERA = { x: -80, y: -100, zoom: 0.44 };

beforeAll(async () => {
  server = await startAppServer();
  workshop = await newWorkshop(server);
  browser = await launchChromium();
  facilitator = await newPerson(browser, { viewport: VIEWPORT });
});

afterAll(async () => {
  await facilitator?.context.close();
  await browser?.close();
  await server?.stop();
});

/**
 * What a session produces, written the way the app writes it (stock provider, real server):
 * six participants rate the canvas and answer the survey; the facilitator builds a design on the
 * prototype board and pulls it forward onto the test board.
 */
async function fillTestBoard(): Promise<void> {
  const facil = connect(server, boardRoom(workshop.workshopId, 'test'), workshop.facilitatorToken);
  const proto = connect(
    server,
    boardRoom(workshop.workshopId, 'prototype'),
    workshop.facilitatorToken,
  );
  await Promise.all([synced(facil), synced(proto)]);
  const area = readElement(proto.doc, templateElementId('prototype', 'design-1'))!;
  const self = addElement(
    proto.doc,
    'block',
    { x: area.x + 360, y: area.y + 260, w: 170, h: 170, kind: 'social-enterprise' },
    { author: 'fac', env },
  );
  const uwv = addElement(
    proto.doc,
    'block',
    { x: area.x + 660, y: area.y + 280, w: 140, h: 140, kind: 'eco-uwv' },
    { author: 'fac', env },
  );
  addElement(
    proto.doc,
    'connector',
    { x: 0, y: 0, from: self, to: uwv, label: 'jobcoaching', value: 'interaction' },
    { author: 'fac', env },
  );
  addElement(
    proto.doc,
    'sticky',
    { x: area.x + 40, y: area.y + 80, text: 'Bakkerij De Korst' },
    {
      author: 'fac',
      env,
    },
  );
  expect(pullForward(proto.doc, facil.doc, 'test', { lang: 'nl', clock: env }).added).toHaveLength(
    1,
  );

  const rating = templateElementId('test', 'rating-widget');
  const survey = templateElementId('test', 'survey-widget');
  const people = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(async (i) => {
      const me = await join(server, workshop.joinCode, `Deelnemer ${i}`);
      const c = connect(server, boardRoom(workshop.workshopId, 'test'), me.token);
      await synced(c);
      RATING_CRITERIA.forEach((crit, k) =>
        setAnswer(c.doc, rating, 'scores', me.participantId, crit.id, 1 + ((i + k) % 5)),
      );
      SURVEY_STATEMENTS.forEach((st, k) =>
        setAnswer(c.doc, survey, 'answers', me.participantId, st.id, 1 + ((i * 2 + k) % 5)),
      );
      return c;
    }),
  );
  // Every answer reached the server and back to the facilitator's replica.
  await waitFor(
    () => {
      const el = readElement(facil.doc, rating);
      return el?.type === 'rating' && Object.keys(el.scores).length === 6;
    },
    10_000,
    'six people’s scores',
  );
  for (const c of [...people, facil, proto]) c.destroy();
}

describe('stage board templates in the browser', () => {
  for (const stage of STAGES) {
    it(`draws the ${stage} template`, async () => {
      const { page } = facilitator;
      await page.goto(boardLink(server, workshop, stage));
      if (stage === 'test') await fillTestBoard();
      await waitForBoard(page);
      await page.evaluate((cam) => window.__werkbank?.board.setCamera(cam), CAMERA);

      const template = BOARD_TEMPLATES[stage];
      const expected = template.items
        .filter((i) => i.type === 'frame' || i.type === 'rating' || i.type === 'survey')
        .map((i) => ({ id: templateElementId(stage, i.key), type: i.type }));
      const deadline = Date.now() + 20_000;
      let scene = await readScene(page);
      while (expected.some((e) => !scene.has(e.id)) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        scene = await readScene(page);
      }
      const missing = expected.filter((e) => scene.get(e.id)?.type !== e.type).map((e) => e.id);
      expect(missing, `${stage}: frames not drawn`).toEqual([]);
      // Texts are drawn in the workshop's language (Dutch here).
      const all = [...scene.values()].flatMap((n) => n.texts).join('\n');
      expect(all).toContain('Over deze sessie');
      if (stage === 'test') {
        // Live results: six people's scores, and a design carried over from the prototype board.
        const rating = scene.get(templateElementId('test', 'rating-widget'))?.texts.join(' ');
        expect(rating).toContain('Herkenbaarheid');
        expect(rating).toContain('6 deelnemers');
        expect(rating).toContain('2.8'); // herkenbaarheid: 2,3,4,5,1,2
        const card = [...scene.values()].find((n) => n.id.startsWith('from-prototype-'));
        expect(card?.texts.join(' ')).toContain('Bakkerij De Korst');
      }
      await viewSettled(page);
      await screenshot(page, `templates-${stage}`);
      expect(facilitator.errors).toEqual([]);
    });
  }

  it('lets a participant click a score on the rating widget', async () => {
    const fleur = await newPerson(browser, { viewport: VIEWPORT });
    try {
      const { page } = fleur;
      await joinByCode(page, server, workshop.joinCode, 'Fleur', 'Bakkerij De Korst');
      await page.locator('nav.tabs button', { hasText: '5. Testen' }).click();
      const id = templateElementId('test', 'rating-widget');
      await waitForLiveBoardWith(page, id);
      await page.evaluate((cam) => window.__werkbank?.board.setCamera(cam), {
        x: 1700,
        y: 1600,
        zoom: 1,
      });
      const el = await page.evaluate((wid) => window.__werkbank?.board.get(wid), id);
      expect(el?.type).toBe('rating');
      if (el?.type !== 'rating') return;
      // Usability (the fourth row), score 5: aim at the centre of the drawn button.
      const button = widgetLayout(el).rows[3]!.buttons[4]!.box;
      const at = await worldToPage(
        page,
        el.x + button.x + button.w / 2,
        el.y + button.y + button.h / 2,
      );
      await page.mouse.click(at.x, at.y);
      await waitForScene(
        page,
        (s) => (s.get(id)?.texts.join(' ') ?? '').includes('7 deelnemers'),
        'Fleur’s score in the widget',
      );
      // The facilitator sees it too, live.
      await waitForScene(
        facilitator.page,
        (s) => (s.get(id)?.texts.join(' ') ?? '').includes('7 deelnemers'),
        'Fleur’s score on the facilitator’s screen',
      );
      await screenshot(page, 'templates-test-rating-click');
      expect(fleur.errors).toEqual([]);
    } finally {
      await fleur.context.close();
    }
  });
});
