/**
 * The cold open as a participant meets it: a board of N stickies (the render suite's board, each
 * note written in its own transaction, as people add them) on the real server, which then
 * restarts (the room is read back from LevelDB); a participant who joined with the workshop's
 * code opens it in a fresh Chromium context (empty IndexedDB, empty cache), and the time runs from
 * navigation to the frame that shows everything in view.
 *
 * Run on its own with a Chrome CPU profile of the open (the functions with most self time):
 *   npx tsx test/bench/render/cold-board.ts 10000 [/tmp/cold.cpuprofile]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { addElement } from '../../../workshops/board/doc';
import type { JoinResponse } from '../../../workshops/contract';
import { API } from '../../../workshops/contract';
import { boardRoom } from '../../../workshops/rooms';
import { STICKY_COLORS } from '../../../workshops/elements/sticky';
import { createWorkshop, post } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import type { SuiteContext } from '../lib/types';
import type { ServerHandle } from '../sync/processes';
import { startServerChild } from '../sync/processes';
import { launchChromium, probedPage } from './chromium';
import { makeSeed } from './seed';
import { ensureWebBuild, loadTimes } from './targets';
import type { FullView } from './targets';

export interface ColdBoard {
  /** Navigation to every node in view drawn (and to 90 % of them), ms. */
  view: FullView;
  /** In-page marks (performance.now(), ms from navigation) the app leaves, if any. */
  marks: Record<string, number>;
  heapMB: number;
  /** Bytes the page received over its sockets (the board's first sync). */
  wsBytes: number;
  /**
   * When the page had its app chunk, its font and the snapshot (responseEnd, ms from navigation),
   * and when it asked for the snapshot: where the time before the first picture went.
   */
  timeline: Record<string, number>;
  /**
   * Where the server took the board's snapshot from (`Server-Timing: picture;desc=…`): 'stored'
   * (the picture kept at compaction), 'live' (the loaded room), or null when none was fetched.
   */
  picture: string | null;
  elements: number;
}

interface Seeded {
  readonly server: ServerHandle;
  /** The participant's board page on the running server. */
  readonly url: string;
  elements: number;
  /** Stops and starts the server on the same data (every room cold again). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A board of `n` stickies written one per transaction, then the server restarted (room cold). */
export async function seedColdBoard(ctx: SuiteContext, n: number): Promise<Seeded> {
  ensureWebBuild(ctx.root);
  const dataDir = join(ctx.tmpDir, `cold-board-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  let server = await startServerChild('ours', dataDir, ctx.root);
  let url: string;
  const seed = makeSeed(n);
  try {
    const base = server.ready.httpUrl;
    const ws = await createWorkshop(server, 'Cold board');
    const room = boardRoom(ws.workshopId, 'ideate');
    const writer = openClient(server.ready.wsUrl, room, ws.facilitatorToken);
    await writer.synced;
    for (const [i, s] of seed.stickies.entries()) {
      addElement(
        writer.doc,
        'sticky',
        { x: s.x, y: s.y, text: s.text, color: STICKY_COLORS[i % 6] ?? 'yellow' },
        // Explicit z keys: topZ() scans the whole board, which would make seeding quadratic.
        { author: 'bench', id: s.id, z: `a${i.toString(36).padStart(5, '0')}`, createdAt: 0 },
      );
      if (i % 250 === 0) await new Promise((r) => setImmediate(r));
    }
    await flushed(server.ready.wsUrl, room, writer.doc, ws.facilitatorToken, 180_000);
    writer.close();
    const joined = await post<JoinResponse>(base + API.join, {
      joinCode: ws.joinCode,
      name: 'Deelnemer koud',
      organisation: 'Bench BV',
    });
    url = `/w/${ws.workshopId}/ideate#token=${joined.token}`;
  } finally {
    await server.stop();
  }
  server = await startServerChild('ours', dataDir, ctx.root);
  return {
    get server() {
      return server;
    },
    get url() {
      return server.ready.httpUrl + url;
    },
    elements: seed.stickies.length,
    async restart() {
      await server.stop();
      server = await startServerChild('ours', dataDir, ctx.root);
    },
    stop: () => server.stop(),
  };
}

/** One cold open in a fresh context; with `profileFile`, a CPU profile of it is written there. */
export async function openColdBoard(
  browser: Browser,
  board: Seeded,
  profileFile?: string,
): Promise<ColdBoard> {
  const { context, page } = await probedPage(browser);
  try {
    const cdp = await context.newCDPSession(page);
    let wsBytes = 0;
    await cdp.send('Network.enable');
    cdp.on(
      'Network.webSocketFrameReceived',
      (e: { response: { payloadData: string; opcode: number } }) => {
        // Binary frames arrive base64-encoded.
        wsBytes +=
          e.response.opcode === 2
            ? (e.response.payloadData.length * 3) / 4
            : e.response.payloadData.length;
      },
    );
    if (profileFile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await cdp.send('Profiler.start');
    }
    await page.goto(board.url);
    const view = await loadTimes(page, board.elements, 120_000);
    // The view may settle on the board's snapshot (read-only) before the document is in.
    await page.waitForFunction(
      () => performance.getEntriesByName('werkbank:board-live').length > 0,
      undefined,
      { timeout: 120_000 },
    );
    if (profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
    }
    const marks = (await page.evaluate(
      'Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("werkbank:")).map((m) => [m.name, m.startTime]))',
    )) as Record<string, number>;
    const served = (await page.evaluate(
      'performance.getEntriesByType("resource").flatMap((r) => r.name.endsWith("/snapshot") ? r.serverTiming.filter((t) => t.name === "picture").map((t) => ({ picture: t.description, ms: t.duration })) : [])[0] ?? null',
    )) as { picture: string; ms: number } | null;
    const picture = served?.picture ?? null;
    const resources = (await page.evaluate(
      'performance.getEntriesByType("resource").map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd }))',
    )) as Array<{ name: string; start: number; end: number }>;
    const timeline: Record<string, number> = {};
    for (const r of resources) {
      const path = new URL(r.name).pathname;
      if (path.endsWith('/snapshot')) {
        timeline['snapshot asked'] = r.start;
        timeline['snapshot in'] = r.end;
      } else if (/\/start-[^/]*\.js$/.test(path)) timeline['app chunk in'] = r.end;
      else if (/\.(woff2?|ttf)$/.test(path))
        timeline['font in'] = Math.max(timeline['font in'] ?? 0, r.end);
    }
    if (served) timeline['snapshot on the server'] = served.ms;
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return {
      view,
      marks,
      heapMB: usedSize / 2 ** 20,
      wsBytes,
      timeline,
      picture,
      elements: board.elements,
    };
  } finally {
    await context.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const n = Number(process.argv[2] ?? 10000);
  const profileFile = process.argv[3];
  const root = join(import.meta.dirname, '../../..');
  const tmp = mkdtempSync(join(tmpdir(), 'wb-cold-'));
  const ctx: SuiteContext = { quick: false, log: (l) => console.error(l), tmpDir: tmp, root };
  const board = await seedColdBoard(ctx, n);
  const browser = await launchChromium();
  try {
    const got = await openColdBoard(browser, board, profileFile);
    console.log(JSON.stringify(got, null, 2));
  } finally {
    await browser.close();
    await board.stop();
  }
  process.exit(0);
}
