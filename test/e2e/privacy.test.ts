/**
 * Issue 13 point 4, the AVG in the browser: the facilitator exports everything stored about one
 * participant (the downloaded JSON parsed and checked), then forgets two participants — one
 * keeping what they wrote, one removing it. Afterwards a second facilitator's browser (its panel
 * and its live report preview, names shown) and a participant's browser on the board hold the
 * pseudonym and never the name; the removed note is gone there, the kept one stays; the server's
 * report agrees; the forgotten person's link stops working.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { JoinResponse } from '../../workshops';
import type { ParticipantExport } from '../../workshops/report';
import {
  addElement,
  isWidget,
  readElements,
  recordWidgetAnswer,
  widgetQuestions,
} from '../../workshops';
import { connect, synced, waitFor } from '../integration/helpers/server';
import { LAPTOP, newPerson, openLink, waitForBoard } from './helpers/browser';
import { shot } from './helpers/a11y';
import { join } from './helpers/server';
import { workshopInChromium } from './helpers/workshop';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const ANNA = { name: 'Anna van Dijk', org: 'Stichting Buurtwerk Anna' };
const BRAM = { name: 'Bram Kuipers', org: 'Kuipers Metaal' };
const ANNA_NOTE = 'Anna: samen opleiden op de werkvloer';
const BRAM_NOTE = 'Bram: een gedeelde werkplaats';

const app = workshopInChromium('Privacy in de praktijk');

let anna: JoinResponse;
let bram: JoinResponse;
let fac: Page;
let fac2: Page;
let watcher: Page;
let annaPage: Page;

const texts = (page: Page) =>
  page.evaluate(() =>
    [...(window.__werkbank?.board.state.elements.values() ?? [])].map((e) =>
      'text' in e ? e.text : '',
    ),
  );

/** Writes a note on the first board and answers every question of a test-stage widget. */
async function contribute(who: JoinResponse, note: string, kind: 'rating' | 'survey') {
  const first = connect(app.server, `${app.workshop.workshopId}/empathise`, who.token);
  const test = connect(app.server, `${app.workshop.workshopId}/test`, who.token);
  await Promise.all([synced(first), synced(test)]);
  addElement(
    first.doc,
    'sticky',
    { x: 200, y: 300, text: note },
    { author: who.participantId, env },
  );
  const widget = readElements(test.doc).find((e) => e.type === kind);
  if (!isWidget(widget)) throw new Error(`no ${kind}`);
  for (const q of widgetQuestions(widget))
    recordWidgetAnswer(test.doc, widget, { questionId: q, score: 4 }, who.participantId);
  // Stored on the server: a fresh client reads both back.
  const check = connect(
    app.server,
    `${app.workshop.workshopId}/empathise`,
    app.workshop.facilitatorToken,
  );
  await synced(check);
  await waitFor(
    () => readElements(check.doc).some((e) => e.type === 'sticky' && e.text === note),
    10_000,
    'the note stored',
  );
  check.destroy();
  first.destroy();
  test.destroy();
}

async function openReport(page: Page) {
  await page.getByRole('button', { name: 'Rapport', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Rapport van de (werksessie|workshop)$/ });
  await dialog.waitFor();
  return dialog;
}

beforeAll(async () => {
  anna = await join(app.server, app.workshop.joinCode, ANNA.name, ANNA.org);
  bram = await join(app.server, app.workshop.joinCode, BRAM.name, BRAM.org);
  await contribute(anna, ANNA_NOTE, 'rating');
  await contribute(bram, BRAM_NOTE, 'survey');
  fac = (await newPerson(app.browser, { viewport: LAPTOP })).page;
  fac2 = (await newPerson(app.browser, { viewport: LAPTOP })).page;
  watcher = (await newPerson(app.browser, { viewport: LAPTOP })).page;
  annaPage = (await newPerson(app.browser, { viewport: LAPTOP })).page;
  const chloe = await join(app.server, app.workshop.joinCode, 'Chloé Jansen', 'Jansen Zorg');
  await Promise.all([
    openLink(fac, app.boardLink('empathise')),
    openLink(fac2, app.boardLink('empathise')),
    openLink(watcher, app.boardLink('empathise', chloe.token)),
    openLink(annaPage, app.boardLink('empathise', anna.token)),
  ]);
  for (const p of [fac, fac2]) p.on('dialog', (d) => void d.accept());
});

describe('privacy (AVG): one participant', () => {
  it('exports all data of one participant as a JSON file', async () => {
    const dialog = await openReport(fac);
    const privacy = dialog.locator('fieldset.rp-privacy');
    await privacy.locator('select').selectOption({ label: ANNA.name });
    const exportButton = privacy.getByRole('button', { name: 'Alle gegevens exporteren (JSON)' });
    await expect.poll(() => exportButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([fac.waitForEvent('download'), exportButton.click()]);
    const file = joinPath(tmpdir(), `privacy-${app.workshop.workshopId}.json`);
    await download.saveAs(file);
    const data = JSON.parse(readFileSync(file, 'utf8')) as ParticipantExport;
    expect(data.participant).toMatchObject({
      id: anna.participantId,
      name: ANNA.name,
      organisation: ANNA.org,
    });
    expect(data.wrote.map((w) => w.text)).toContain(ANNA_NOTE);
    expect(data.wrote.some((w) => w.text === BRAM_NOTE)).toBe(false);
    expect(data.answers).toHaveLength(4); // the four rating criteria, each 4
    expect(data.answers.every((a) => a.score === 4)).toBe(true);
    await shot(fac, 'privacy-dialog');
  });

  it('forgets one keeping their writing and one removing it: pseudonyms everywhere, live', async () => {
    // The second facilitator watches the live preview with names shown.
    const preview2 = await openReport(fac2);
    await preview2.getByLabel(/Namen tonen/).check();
    await preview2.locator('.rp-preview', { hasText: ANNA.name }).waitFor({ timeout: 30_000 });
    await expect.poll(() => texts(watcher)).toEqual(expect.arrayContaining([ANNA_NOTE, BRAM_NOTE]));

    const dialog = fac.getByRole('dialog', { name: /^Rapport van de (werksessie|workshop)$/ });
    const privacy = dialog.locator('fieldset.rp-privacy');
    const forget = privacy.getByRole('button', { name: 'Deelnemer vergeten' });
    // Anna: her note stays (under her random id, which names nobody).
    await privacy.locator('select').selectOption({ label: ANNA.name });
    await privacy.getByLabel('Ook verwijderen wat deze persoon schreef').uncheck();
    await forget.click();
    await privacy.getByRole('status').filter({ hasText: 'Vergeten' }).waitFor();
    // Bram: his note goes too.
    await privacy.locator('select').selectOption({ label: BRAM.name });
    await privacy.getByLabel('Ook verwijderen wat deze persoon schreef').check();
    await forget.click();
    await expect.poll(() => privacy.locator('option').allTextContents()).toEqual(['Chloé Jansen']);

    // The participant's board, live: Bram's note gone, Anna's kept.
    await expect.poll(() => texts(watcher), { timeout: 15_000 }).not.toContain(BRAM_NOTE);
    expect(await texts(watcher)).toContain(ANNA_NOTE);
    // Nobody's presence list or page names them.
    for (const page of [watcher, fac2]) {
      await expect
        .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
        .not.toMatch(/Anna van Dijk|Bram Kuipers|Buurtwerk|Kuipers Metaal/);
    }
    // The second facilitator's preview, names on: pseudonyms in numbered join order.
    const who = preview2.locator('.rp-preview');
    await expect.poll(() => who.innerText(), { timeout: 15_000 }).toMatch(/Deelnemer 1/);
    expect(await who.innerText()).toMatch(/Deelnemer 2/);
    expect(await who.innerText()).toMatch(/Chloé Jansen/);
    await shot(fac2, 'privacy-second-browser');
    // Their panel too.
    await preview2.getByRole('button', { name: 'Sluiten' }).click();
    await expect
      .poll(() => fac2.locator('.fp-people').innerText(), { timeout: 15_000 })
      .toMatch(/Deelnemer 1[\s\S]*Deelnemer 2/);

    // Anna's own browser was disconnected, and her link no longer opens a board.
    await annaPage.reload();
    await expect(waitForBoard(annaPage, 5_000)).rejects.toThrow();
  });

  it('the server’s report and answers hold no name and none of their answers', async () => {
    const get = async (path: string) => {
      const res = await fetch(
        `${app.server.url}/api/workshops/${app.workshop.workshopId}/${path}`,
        {
          headers: { authorization: `Bearer ${app.workshop.facilitatorToken}` },
        },
      );
      expect(res.status).toBe(200);
      return res;
    };
    const zip = unzipSync(new Uint8Array(await (await get('report.md.zip?names=1')).arrayBuffer()));
    const md = Object.entries(zip)
      .filter(([name]) => name.endsWith('.md'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
    expect(md).toMatch(/Deelnemer 1/);
    expect(md).not.toMatch(/Anna van Dijk|Bram Kuipers/);
    const csv = await (await get('report.csv?table=answers&names=1')).text();
    // Chloé gave no answers; the two forgotten people's answers are deleted.
    expect(csv.trim().split('\n').length).toBe(1);
    const notes = await (await get('report.csv?names=1')).text();
    expect(notes).toContain(ANNA_NOTE);
    expect(notes).not.toContain(BRAM_NOTE);
  });
});
