/**
 * Issue 13 end to end: the facilitator clicks "Rapport", sees the live preview with the ideas,
 * downloads the DOCX and the file opens (its XML holds the idea); the board export makes a PNG
 * that the browser drew from workshops/render's SVG. Screenshots: the dialog (laptop and phone),
 * the exported board picture, a PDF page (rendered by poppler's pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addElement, readElements, templateElementId } from '../../workshops';
import { connect, synced, waitFor } from '../integration/helpers/server';
import { LAPTOP, PHONE, RESULTS_DIR, newPerson, openLink } from './helpers/browser';
import { workshopInChromium } from './helpers/workshop';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const SCREENS = resolve(RESULTS_DIR, 'screens');
const IDEA = 'Gezamenlijke training voor werkbegeleiders in Enschedé';

const app = workshopInChromium('Inclusief samenwerken');

let fac: Page;

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENS, `report-${name}.png`) });
}

beforeAll(async () => {
  // Content through the stock client, as another device would write it.
  const c = connect(app.server, `${app.workshop.workshopId}/ideate`, app.workshop.facilitatorToken);
  await synced(c);
  const lane = readElements(c.doc).find(
    (e) => e.id === templateElementId('ideate', 'lane-knowledge'),
  )!;
  addElement(
    c.doc,
    'sticky',
    { x: lane.x + 60, y: lane.y + 200, text: IDEA },
    { author: 'facilitator', id: 'e2e-idea', env },
  );
  const back = connect(
    app.server,
    `${app.workshop.workshopId}/ideate`,
    app.workshop.facilitatorToken,
  );
  await synced(back);
  await waitFor(() => back.doc.getMap('elements').has('e2e-idea'), 10_000, 'the idea stored');
  back.destroy();
  c.destroy();
  fac = (await newPerson(app.browser, { viewport: LAPTOP })).page;
  await openLink(fac, app.boardLink('ideate'));
});

describe('the report in the browser', () => {
  it('"Rapport" shows a live preview and downloads a DOCX that opens', async () => {
    await fac.getByRole('button', { name: 'Rapport', exact: true }).click();
    const dialog = fac.getByRole('dialog', { name: /Rapport van de workshop/ });
    await dialog.waitFor();
    await dialog.locator('.rp-preview', { hasText: IDEA }).waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.locator('.rp-svg svg').count()).toBeGreaterThan(3);
    await shot(fac, 'dialog');
    const [download] = await Promise.all([
      fac.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Word (DOCX)' }).click(),
    ]);
    const file = join(tmpdir(), `report-${app.workshop.workshopId}.docx`);
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);
    expect(xml).toContain(IDEA);
    await dialog.getByRole('status').filter({ hasText: 'gedownload' }).waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
  });

  it('the PDF report: a page as a picture (poppler’s pdftoppm, installed by .ci/run)', async () => {
    const res = await fetch(
      `${app.server.url}/api/workshops/${app.workshop.workshopId}/report.pdf`,
      {
        headers: { authorization: `Bearer ${app.workshop.viewerToken}` },
      },
    );
    expect(res.status).toBe(200);
    const pdf = join(tmpdir(), `report-${app.workshop.workshopId}.pdf`);
    writeFileSync(pdf, new Uint8Array(await res.arrayBuffer()));
    const out = join(tmpdir(), `report-${app.workshop.workshopId}-page`);
    // Page 10: session 3's board picture and notes.
    execFileSync('/usr/bin/pdftoppm', [
      '-r',
      '70',
      '-f',
      '10',
      '-l',
      '10',
      '-png',
      '-singlefile',
      pdf,
      out,
    ]);
    mkdirSync(SCREENS, { recursive: true });
    copyFileSync(`${out}.png`, resolve(SCREENS, 'report-pdf-page.png'));
  });

  it('the board export draws a PNG in the browser', async () => {
    await fac.keyboard.press('Control+Shift+E');
    const dialog = fac.getByRole('dialog', { name: 'Bord exporteren' });
    await dialog.waitFor();
    await dialog.getByLabel('Het hele bord').check();
    await dialog.getByLabel('1×').check();
    await shot(fac, 'export-dialog');
    const [download] = await Promise.all([
      fac.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Exporteren' }).click(),
    ]);
    const file = resolve(SCREENS, 'report-board.png');
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width: the whole ideate board
  });

  it('the dialog fits a phone', async () => {
    await fac.setViewportSize(PHONE);
    await fac.getByRole('button', { name: 'Rapport', exact: true }).click();
    const dialog = fac.getByRole('dialog', { name: /Rapport van de workshop/ });
    await dialog.locator('.rp-preview', { hasText: IDEA }).waitFor({ timeout: 30_000 });
    await shot(fac, 'dialog-phone');
    const box = await dialog.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
  });
});
