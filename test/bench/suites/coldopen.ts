/**
 * Cold open suite: a participant opens a 10,000-note board from the server in a fresh Chromium
 * context (nothing in IndexedDB or the cache), the room cold (read back from LevelDB), until
 * every node in view is drawn; then the same in a second fresh context with the room warm. The
 * same-run reference is the naive Konva page drawing the same notes from data already in the page
 * (no network, no document decoding: what drawing alone costs); Excalidraw's 2.1 s opening
 * 10,000 elements from a file (ANCHORS.md) is the static one. Fails when the app does not open.
 */
import { atMost, row } from '../lib/types';
import type { Suite } from '../lib/types';
import { launchChromium, probedPage } from '../render/chromium';
import type { ColdBoard } from '../render/cold-board';
import { openColdBoard, seedColdBoard } from '../render/cold-board';
import { makeSeed } from '../render/seed';
import { naiveTarget } from '../render/targets';

/** When the board became editable (the app's `werkbank:board-live` mark); fails without it. */
function liveAt(open: ColdBoard): number {
  const at = open.marks['werkbank:board-live'];
  if (at === undefined) throw new Error('the app left no werkbank:board-live mark');
  return at;
}

export const coldOpenSuite: Suite = {
  name: 'coldopen',
  description:
    'a participant opens a 10,000-note board from the server in a fresh Chromium profile',
  async run(ctx) {
    const n = ctx.quick ? 500 : 10_000;
    const scen = `${n.toLocaleString('en-US')} notes`;
    ctx.log(`coldopen: seeding ${n} notes`);
    const board = await seedColdBoard(ctx, n);
    const browser = await launchChromium();
    try {
      ctx.log('coldopen: cold room, fresh profile');
      const cold = await openColdBoard(browser, board);
      ctx.log('coldopen: warm room, fresh profile');
      const warm = await openColdBoard(browser, board);
      const { context, page } = await probedPage(browser);
      let naiveMs: number;
      try {
        const opened = await naiveTarget.open(page, { ...makeSeed(n), connectors: [] });
        naiveMs = opened.firstRenderMs;
        await opened.close();
      } finally {
        await context.close();
      }
      const ref = {
        reference: naiveMs,
        referenceLabel: 'naive Konva page, notes already in the page, same run',
      };
      return [
        row(
          'coldopen',
          `${scen} · cold room, fresh profile`,
          'all in view drawn',
          cold.view.all,
          'ms',
          {
            ...ref,
            goal: atMost(1000, 'ms'),
            note: `snapshot from the ${cold.picture ?? 'no'} picture; ${cold.view.nodes} Konva nodes in view; Excalidraw 0.18.1 from a file: 2,100 ms (ANCHORS.md)`,
          },
        ),
        row(
          'coldopen',
          `${scen} · cold room, fresh profile`,
          'editable (document synced and shown)',
          liveAt(cold),
          'ms',
          { note: 'until then the board is its server snapshot, read-only (docs/architecture.md)' },
        ),
        row(
          'coldopen',
          `${scen} · cold room, fresh profile`,
          '90 % of the view drawn',
          cold.view.ninety,
          'ms',
        ),
        row(
          'coldopen',
          `${scen} · cold room, fresh profile`,
          'received over the sockets',
          cold.wsBytes / 1024,
          'KiB',
        ),
        row(
          'coldopen',
          `${scen} · cold room, fresh profile`,
          'JS heap after load',
          cold.heapMB,
          'MB',
        ),
        row(
          'coldopen',
          `${scen} · warm room, fresh profile`,
          'all in view drawn',
          warm.view.all,
          'ms',
          { ...ref, note: `snapshot from the ${warm.picture ?? 'no'} picture` },
        ),
        row(
          'coldopen',
          `${scen} · warm room, fresh profile`,
          'editable (document synced and shown)',
          liveAt(warm),
          'ms',
        ),
      ];
    } finally {
      await browser.close();
      await board.stop();
    }
  },
};
