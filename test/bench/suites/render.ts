/**
 * Rendering suite: Debian's Chromium (playwright-core, software rendering, 1280×720, device scale
 * 1) opens a board of 1,000 / 5,000 / 10,000 stickies plus 10 % connectors and is driven with
 * real wheel events at 60/s (ANCHORS.md): a 600 px circle pan in 5 s at 100 %; ctrl+wheel zoom
 * 1×→2×→0.5×→1× twice in 5 s; the same pan zoomed out to fit everything; the pan again while a
 * Node client streams 20 edits/s into the board. Reports moving fps (frames that showed a new
 * view), first render and JS heap, for Werkbank's board and a naive Konva page, beside the
 * Excalidraw figures of ANCHORS.md.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { atLeast, atMost, row } from '../lib/types';
import type { Goal, Row, Suite, SuiteContext } from '../lib/types';
import { launchChromium, probedPage } from '../render/chromium';
import { calibrate, measure, panCircle, zoomPath, zoomTo } from '../render/driver';
import type { Motion } from '../render/driver';
import { PROBE_SOURCE } from '../render/probe';
import { makeSeed } from '../render/seed';
import {
  appRoute,
  ensureWebBuild,
  naiveTarget,
  settledView,
  werkbankTarget,
} from '../render/targets';
import type { RenderTarget } from '../render/targets';
import { startServerChild } from '../sync/processes';

/** Excalidraw 0.18.1 on a machine like this one (ANCHORS.md); midpoints of the ranges. */
const EXCALIDRAW: Record<number, { first: number; pan: number; zoom: number; fit: number }> = {
  1000: { first: 800, pan: 59, zoom: 57, fit: 43.5 },
  5000: { first: 1500, pan: 58, zoom: 47.5, fit: 8.5 },
  10000: { first: 2100, pan: 39.5, zoom: 31, fit: 5 },
};
const ANCHOR_LABEL = 'Excalidraw 0.18.1 (ANCHORS.md)';

/** Goals at 10,000 stickies: the (pan ≥ 50, fit ≥ 30) and ANCHORS.md's (first ≤ 1 s, zoom ≥ 45). */
const GOALS: Record<string, Goal> = {
  first: atMost(1000, 'ms'),
  pan: atLeast(50, 'fps'),
  zoom: atLeast(45, 'fps'),
  fit: atLeast(30, 'fps'),
};

interface Figures {
  firstRenderMs: number;
  heapMB: number;
  pan: Motion;
  zoom: Motion;
  fit: Motion;
  fitReached: number;
  stream: Motion;
}

const fps = (m: Motion) => (m.seconds > 0 ? m.moving / m.seconds : Number.NaN);

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function measureTarget(
  browser: Browser,
  target: RenderTarget,
  n: number,
  seconds: number,
): Promise<Figures> {
  const { context, page } = await probedPage(browser);
  try {
    const seed = makeSeed(n);
    const opened = await target.open(page, seed);
    try {
      const heap = await heapMB(page);
      await settledView(page);
      const pan = await measure(page, () => panCircle(page, seconds));
      const k = await calibrate(page);
      const zoom = await measure(page, () => zoomPath(page, [2, 0.5, 1, 2, 0.5, 1], seconds, k));
      const stop = opened.stream();
      const stream = await measure(page, () => panCircle(page, seconds));
      await stop();
      const fitScale = Math.min(1280 / seed.width, 720 / seed.height) * 0.97;
      const reached = await zoomTo(page, fitScale);
      const fit = await measure(page, () => panCircle(page, seconds));
      return {
        firstRenderMs: opened.firstRenderMs,
        heapMB: heap,
        pan,
        zoom,
        fit,
        fitReached: reached > 0 ? Math.min(1, fitScale / reached) : Number.NaN,
        stream,
      };
    } finally {
      await opened.close();
    }
  } finally {
    await context.close();
  }
}

function rowsFor(target: string, n: number, f: Figures): Row[] {
  const scen = `${n.toLocaleString('en-US')} stickies · ${target}`;
  const ours = target === 'werkbank';
  const ex = EXCALIDRAW[n];
  const ref = (v: number | undefined) =>
    ours && v !== undefined ? { reference: v, referenceLabel: ANCHOR_LABEL } : {};
  const goal = (k: string) => (ours && n === 10000 && GOALS[k] ? { goal: GOALS[k] } : {});
  return [
    row('render', scen, 'first render', f.firstRenderMs, 'ms', {
      ...ref(ex?.first),
      ...goal('first'),
    }),
    row('render', scen, 'JS heap after load', f.heapMB, 'MB'),
    row('render', scen, 'pan 100 %, moving fps', fps(f.pan), 'fps', {
      ...ref(ex?.pan),
      ...goal('pan'),
    }),
    row('render', scen, 'pan 100 %, rAF fps', f.pan.frames / f.pan.seconds, 'fps'),
    row('render', scen, 'pan 100 %, longest frame', f.pan.longestFrameMs, 'ms'),
    row('render', scen, 'zoom, moving fps', fps(f.zoom), 'fps', {
      ...ref(ex?.zoom),
      ...goal('zoom'),
      note: `scale reached ${f.zoom.minScale.toFixed(2)}–${f.zoom.maxScale.toFixed(2)} (asked 0.5–2)`,
    }),
    row('render', scen, 'pan, all visible, moving fps', fps(f.fit), 'fps', {
      ...ref(ex?.fit),
      ...goal('fit'),
      ...(f.fitReached < 0.99
        ? {
            note: `the board's minimum zoom shows ${(f.fitReached * 100).toFixed(0)} % of the fit scale`,
          }
        : {}),
    }),
    row('render', scen, 'pan + 20 edits/s, moving fps', fps(f.stream), 'fps'),
  ];
}

interface Werkbank {
  target: RenderTarget;
  stop(): Promise<void>;
}

/**
 * Werkbank's board through the real app (`/w/<id>/<board>#token=…`), served by the real server:
 * the product users run. When the app does not open a board, the suite fails with the reason; it
 * never measures something else in its place.
 */
async function startWerkbank(ctx: SuiteContext, browser: Browser): Promise<Werkbank> {
  ensureWebBuild(ctx.root);
  const dataDir = join(ctx.tmpDir, `render-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const server = await startServerChild('ours', dataDir, ctx.root);
  const app = werkbankTarget(server, appRoute, 'werkbank');
  const failure = await openFailure(browser, app);
  if (failure) {
    await server.stop();
    throw new Error(`the app did not open a board: ${failure}`);
  }
  return { target: app, stop: () => server.stop() };
}

/** Why the target shows no Konva board for a tiny seed within 60 s, or null when it does. */
async function openFailure(browser: Browser, target: RenderTarget): Promise<string | null> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE_SOURCE);
    const outcome = await Promise.race([
      target.open(page, makeSeed(20)).then(
        async (o) => {
          await o.close();
          return null;
        },
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      ),
      new Promise<string>((r) => {
        timer = setTimeout(() => r('no board drawn within 60 s'), 60_000);
      }),
    ]);
    return outcome;
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

export const renderSuite: Suite = {
  name: 'render',
  description:
    'moving fps (pan, zoom, fit, live edits), first render, heap in Chromium: 1k/5k/10k stickies',
  async run(ctx) {
    // BENCH_RENDER_SIZES=10000 and BENCH_RENDER_TARGETS=werkbank narrow a run while profiling.
    const sizes = process.env.BENCH_RENDER_SIZES
      ? process.env.BENCH_RENDER_SIZES.split(',').map(Number)
      : ctx.quick
        ? [200]
        : [1000, 5000, 10000];
    const only = process.env.BENCH_RENDER_TARGETS?.split(',');
    const seconds = ctx.quick ? 1 : 5;
    const rows: Row[] = [];
    const browser = await launchChromium();
    let werkbank: Werkbank | null = null;
    try {
      // Throws when the app does not open a board: the suite then fails, loudly.
      werkbank = await startWerkbank(ctx, browser);
      const targets: RenderTarget[] = [werkbank.target];
      targets.push(naiveTarget);
      for (const n of sizes) {
        for (const target of targets) {
          if (only && !only.includes(target.name)) continue;
          ctx.log(`render ${n} on ${target.name}…`);
          try {
            const got = rowsFor(target.name, n, await measureTarget(browser, target, n, seconds));
            rows.push(...got);
          } catch (err) {
            const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
            ctx.log(`  failed: ${msg}`);
            rows.push(
              row(
                'render',
                `${n.toLocaleString('en-US')} stickies · ${target.name}`,
                'first render',
                Number.NaN,
                'ms',
                {
                  note: `not measured: ${msg}`,
                },
              ),
            );
          }
        }
      }
    } finally {
      await browser.close();
      await werkbank?.stop();
    }
    return rows;
  },
};
