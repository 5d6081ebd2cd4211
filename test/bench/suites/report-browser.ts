/**
 * The browser side of the report figures (issue 13): the app's own board export in Chromium —
 * PNG (1×), SVG and PDF of a board with 2,000 notes and 200 connectors (a board of the five-board
 * workshop the server-side `report` suite exports), through the real dialog (the export command's
 * event, the format, the submit button) until the browser receives the file. Time is click to
 * download; memory is the peak of the page's JS heap (sampled over CDP every 50 ms) over the heap
 * before the click. The series report itself is made by the server (`report` suite): the
 * browser's Rapport dialog downloads it from the endpoint. Fails when the app does not open.
 */
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { boardRoom } from '../../../workshops/rooms';
import { createWorkshop } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import { row } from '../lib/types';
import type { Row, Suite } from '../lib/types';
import { launchChromium, probedPage } from '../render/chromium';
import { makeSeed, writeSeed } from '../render/seed';
import { ensureWebBuild, loadTimes } from '../render/targets';
import { startServerChild } from '../sync/processes';

const FORMATS = ['png', 'svg', 'pdf'] as const;

export const reportBrowserSuite: Suite = {
  name: 'report-browser',
  description:
    "board export in Chromium (the app's PNG/SVG/PDF dialog): time and heap, 2,000 notes",
  async run(ctx) {
    const n = ctx.quick ? 100 : 2000;
    ensureWebBuild(ctx.root);
    const dataDir = join(ctx.tmpDir, `report-browser-${Date.now()}`);
    mkdirSync(dataDir, { recursive: true });
    const server = await startServerChild('ours', dataDir, ctx.root);
    const browser = await launchChromium();
    try {
      const ws = await createWorkshop(server, 'Export');
      const room = boardRoom(ws.workshopId, 'ideate');
      const seed = makeSeed(n);
      const writer = openClient(server.ready.wsUrl, room, ws.facilitatorToken);
      await writer.synced;
      for (const _ of writeSeed(writer.doc, seed)) await new Promise((r) => setImmediate(r));
      await flushed(server.ready.wsUrl, room, writer.doc, ws.facilitatorToken, 120_000);
      writer.close();

      const { context, page } = await probedPage(browser);
      const cdp = await context.newCDPSession(page);
      const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
      await page.goto(
        `${server.ready.httpUrl}/w/${ws.workshopId}/ideate#token=${ws.facilitatorToken}`,
      );
      // Throws (the suite fails) when the app does not show the whole board.
      await loadTimes(page, seed.stickies.length + seed.connectors.length, 120_000);
      const rows: Row[] = [];
      for (const format of FORMATS) {
        ctx.log(`report-browser: ${format}`);
        await page.evaluate('window.dispatchEvent(new Event("werkbank:export-board"))');
        const form = page.locator('.rp-backdrop form');
        await form.locator('input[name="format"]').nth(FORMATS.indexOf(format)).check();
        await cdp.send('HeapProfiler.collectGarbage');
        const base = await heap();
        let peak = base;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, await heap());
            await new Promise((r) => setTimeout(r, 50));
          }
        })();
        const download = page.waitForEvent('download', { timeout: 300_000 });
        const t0 = performance.now();
        await form.locator('button[type="submit"]').click();
        const file = await download;
        const ms = performance.now() - t0;
        sampling = false;
        await sampler;
        const path = await file.path();
        const { size } = await stat(path);
        // The dialog closes itself once the file is out.
        await page.locator('.rp-backdrop').waitFor({ state: 'detached' });
        const scen = `board of ${n.toLocaleString('en-US')} notes, ${format} (${file.suggestedFilename()})`;
        rows.push(
          row('report-browser', scen, 'time (click to file)', Math.round(ms), 'ms'),
          row('report-browser', scen, 'JS heap peak over baseline', Math.round(peak - base), 'MB'),
          row('report-browser', scen, 'file size', Math.round(size / 1024), 'KiB'),
        );
      }
      await context.close();
      return rows;
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
