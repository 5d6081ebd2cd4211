/**
 * What the rendering suite drives: Werkbank's real board (server + built web app, board seeded
 * through a Node client) and the naive Konva baseline page. Both expose the same probe.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { moveElements, updateElement } from '../../../workshops/board/doc';
import { boardRoom } from '../../../workshops/rooms';
import { createWorkshop } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import type { BenchClient } from '../lib/client';
import type { ServerHandle } from '../sync/processes';
import { NAIVE_BOARD_SOURCE, naivePageHtml } from './naive-page';
import { PROBE_SOURCE } from './probe';
import type { BoardSeed } from './seed';
import { writeSeed } from './seed';

export interface Opened {
  /** Page start (or build start, for the baseline) to the board's first full view, ms. */
  firstRenderMs: number;
  /** Starts 20 edits/s into the open board; the returned function stops them. */
  stream(): () => Promise<void>;
  close(): Promise<void>;
}

export interface RenderTarget {
  name: string;
  open(page: Page, seed: BoardSeed): Promise<Opened>;
}

const EDITS_PER_SECOND = 20;

/** Ids of the stickies nearest the view centre: edits there are visible during the pans. */
function visibleIds(seed: BoardSeed, count: number): string[] {
  return [...seed.stickies]
    .sort((a, b) => Math.hypot(a.x - 560, a.y - 280) - Math.hypot(b.x - 560, b.y - 280))
    .slice(0, count)
    .map((s) => s.id);
}

function ticker(fn: (i: number) => void | Promise<void>): () => Promise<void> {
  let i = 0;
  let busy: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    busy = Promise.resolve(fn(i++)).catch(() => {});
  }, 1000 / EDITS_PER_SECOND);
  return async () => {
    clearInterval(timer);
    await busy;
  };
}

/**
 * Settled: the app's store holds at least `elements` elements (the whole board has arrived), the
 * canvas is drawn at the current camera, and the drawn node count has not changed for
 * SETTLED_FRAMES animation frames since. Evaluated in the page once per frame.
 */
const SETTLED_FRAMES = 30;
const settledSource = (elements: number) => `new Promise((resolve) => {
  let last = -1, same = 0;
  const step = () => {
    const wb = window.__werkbank;
    const s = wb && wb.board && wb.board.state;
    const complete = !wb || (s && s.elements.size >= ${elements} &&
      s.drawn.x === s.camera.x && s.drawn.y === s.camera.y && s.drawn.zoom === s.camera.zoom);
    const n = window.__bench ? window.__bench.nodes() : 0;
    if (complete && n > 0 && n === last) same++; else same = 0;
    last = n;
    if (same >= ${SETTLED_FRAMES}) resolve(n); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

export interface FullView {
  /** Page start to the first frame with ≥ 90 % of the settled node count, ms. */
  ninety: number;
  /** Page start to the first frame with every node of the settled view, ms. */
  all: number;
  nodes: number;
}

/** When the load timeline first reached 90 % (and 100 %) of the settled node count. */
export async function loadTimes(
  page: Page,
  elements: number,
  timeoutMs: number,
): Promise<FullView> {
  const settled = page.evaluate(settledSource(elements)) as Promise<number>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`the board did not settle with ${elements} elements in ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
  await page.evaluate('window.__benchLoad.stop = true');
  const timeline = (await page.evaluate('window.__benchLoad.timeline')) as Array<[number, number]>;
  const final = timeline.length ? (timeline[timeline.length - 1]?.[1] ?? 0) : 0;
  if (final <= 0) throw new Error('the board never rendered (no Konva nodes)');
  const at = (share: number) => timeline.find(([, n]) => n >= final * share)?.[0] ?? Number.NaN;
  return { ninety: at(0.9), all: at(1), nodes: final };
}

/** Resolves once the view is drawn and has not changed for SETTLED_FRAMES frames. */
export async function settledView(page: Page): Promise<void> {
  await page.evaluate(settledSource(0));
}

/** When the load timeline first reached 90 % of the settled node count. */
export async function firstFullView(
  page: Page,
  elements: number,
  timeoutMs: number,
): Promise<number> {
  return (await loadTimes(page, elements, timeoutMs)).ninety;
}

export const naiveTarget: RenderTarget = {
  name: 'naive Konva',
  async open(page, seed) {
    await page.setContent(naivePageHtml());
    // setContent is no navigation, so the init script may not have run in this document.
    await page.evaluate(`if (!window.__bench) {${PROBE_SOURCE}}`);
    // konva's exports map hides the UMD build: find it next to its package.json.
    const require = createRequire(import.meta.url);
    const konvaDir = dirname(require.resolve('konva/package.json'));
    await page.addScriptTag({ path: join(konvaDir, 'konva.min.js') });
    await page.evaluate(`window.__seed = ${JSON.stringify(seed)}`);
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      ${NAIVE_BOARD_SOURCE}
      requestAnimationFrame(() => resolve(performance.now() - t0));
    })`)) as number;
    await page.evaluate('window.__benchLoad.stop = true');
    const ids = visibleIds(seed, 200);
    return {
      firstRenderMs: ms,
      stream: () =>
        ticker(async (i) => {
          const id = ids[i % ids.length] ?? 's0';
          const s = seed.stickies.find((x) => x.id === id);
          if (!s) return;
          await page.evaluate(
            `window.__applyEdit(${JSON.stringify(id)}, ${s.x + ((i % 5) - 2) * 10}, ${s.y}, ${JSON.stringify(`bewerkt ${i}`)})`,
          );
        }),
      close: async () => {},
    };
  },
};

/** Builds dist/web when it is missing or older than the client's sources. */
export function ensureWebBuild(root: string): void {
  const index = join(root, 'dist/web/index.html');
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  const src = Math.max(newest(join(root, 'web')), newest(join(root, 'workshops')));
  if (existsSync(index) && statSync(index).mtimeMs >= src) return;
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Where the board is opened: the real app's route. */
export type BoardUrl = (args: {
  httpUrl: string;
  wsUrl: string;
  workshopId: string;
  room: string;
  token: string;
}) => string;

export const appRoute: BoardUrl = ({ httpUrl, workshopId, token }) =>
  `${httpUrl}/w/${workshopId}/ideate#token=${token}`;

export function werkbankTarget(server: ServerHandle, url: BoardUrl, name: string): RenderTarget {
  return {
    name,
    async open(page, seed) {
      const base = server.ready.httpUrl;
      const ws = await createWorkshop(server, `Render ${seed.stickies.length}`);
      const room = boardRoom(ws.workshopId, 'ideate');
      const writer: BenchClient = openClient(server.ready.wsUrl, room, ws.facilitatorToken);
      await writer.synced;
      for (const _ of writeSeed(writer.doc, seed)) await new Promise((r) => setTimeout(r, 5));
      await flushed(server.ready.wsUrl, room, writer.doc, ws.facilitatorToken, 120_000);

      await page.goto(
        url({
          httpUrl: base,
          wsUrl: server.ready.wsUrl,
          workshopId: ws.workshopId,
          room,
          token: ws.facilitatorToken,
        }),
      );
      const firstRenderMs = await firstFullView(
        page,
        seed.stickies.length + seed.connectors.length,
        120_000,
      );
      // The app fits the board into view on open; the motions start at 100 % with the view's
      // top-left at world (-100, -80), as the board's default camera (and the baseline) has it.
      await page.evaluate(
        'window.__werkbank && window.__werkbank.board.setCamera({ x: -100, y: -80, zoom: 1 })',
      );
      await settledView(page);
      const ids = visibleIds(seed, 200);
      return {
        firstRenderMs,
        stream: () =>
          ticker((i) => {
            const id = ids[i % ids.length] ?? 's0';
            const s = seed.stickies.find((x) => x.id === id);
            if (!s) return;
            writer.doc.transact(() => {
              moveElements(writer.doc, [{ id, x: s.x + ((i % 5) - 2) * 10, y: s.y }]);
              updateElement<'sticky'>(writer.doc, id, { text: `bewerkt ${i}` });
            });
          }),
        close: async () => writer.close(),
      };
    },
  };
}
