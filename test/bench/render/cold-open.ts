/**
 * Cold open of a whole workshop: five boards of N stickies each with a history of drags, written
 * through the real server; then the server restarts (every room cold, read from LevelDB) and a
 * fresh Chromium context opens the first board. Time: page start to the board's first full view.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { moveElements } from '../../../workshops/board/doc';
import type { CreateWorkshopResponse } from '../../../workshops/contract';
import { STAGES, boardRoom } from '../../../workshops/rooms';
import { createWorkshop } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import type { SuiteContext } from '../lib/types';
import { startServerChild } from '../sync/processes';
import { launchChromium, probedPage } from './chromium';
import { makeSeed, writeSeed } from './seed';
import { ensureWebBuild, firstFullView } from './targets';

export interface ColdOpen {
  firstRenderMs: number;
  heapMB: number;
}

export async function coldOpenWorkshop(
  ctx: SuiteContext,
  elementsPerBoard: number,
  dragsPerBoard: number,
): Promise<ColdOpen> {
  ensureWebBuild(ctx.root);
  const dataDir = join(ctx.tmpDir, `cold-open-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  let server = await startServerChild('ours', dataDir, ctx.root);
  let ws: CreateWorkshopResponse;
  const seed = makeSeed(elementsPerBoard);
  try {
    ws = await createWorkshop(server, 'Cold open');
    for (const stage of STAGES) {
      const room = boardRoom(ws.workshopId, stage);
      const c = openClient(server.ready.wsUrl, room, ws.facilitatorToken);
      await c.synced;
      for (const _ of writeSeed(c.doc, seed)) await new Promise((r) => setTimeout(r, 5));
      for (let d = 0; d < dragsPerBoard; d++) {
        const s = seed.stickies[(d * 7919) % seed.stickies.length];
        if (s) moveElements(c.doc, [{ id: s.id, x: s.x + (d % 7), y: s.y }]);
        if (d % 500 === 0) await new Promise((r) => setTimeout(r, 1));
      }
      await flushed(server.ready.wsUrl, room, c.doc, ws.facilitatorToken, 120_000);
      c.close();
    }
  } finally {
    await server.stop();
  }
  server = await startServerChild('ours', dataDir, ctx.root);
  const browser = await launchChromium();
  try {
    const { context, page } = await probedPage(browser);
    await page.goto(
      `${server.ready.httpUrl}/w/${ws.workshopId}/${STAGES[0]}#token=${ws.facilitatorToken}`,
    );
    const firstRenderMs = await firstFullView(
      page,
      seed.stickies.length + seed.connectors.length,
      120_000,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { firstRenderMs, heapMB: usedSize / 2 ** 20 };
  } finally {
    await browser.close();
    await server.stop();
  }
}
