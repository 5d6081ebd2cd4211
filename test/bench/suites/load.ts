/**
 * Load suite: how long a server takes to bring a big board with a long edit history back from
 * LevelDB after a restart (a cold room), ours vs the reference. The history is written through
 * the real server by a stock client, the way the board writes: one transaction per new sticky,
 * per drop and per text edit, so the store holds one entry per edit until it compacts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addElement, elementsMap, moveElements, updateElement } from '../../../workshops/board/doc';
import { authorOf, flushed, openClient } from '../lib/client';
import { coldOpenWorkshop } from '../render/cold-open';
import { median } from '../lib/stats';
import { row } from '../lib/types';
import type { Row, Suite, SuiteContext } from '../lib/types';
import type { ServerKind } from '../sync/processes';
import { startServerChild } from '../sync/processes';
import { provisionRooms } from '../sync/provision';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

interface History {
  elements: number;
  drags: number;
  textEdits: number;
}

interface LoadResult {
  /** Elements on the board as written (ours seeds template frames into stage boards). */
  expected: number;
  coldMs: number;
  warmMs: number;
  loadedElements: number;
  writeMs: number;
}

async function measureLoad(ctx: SuiteContext, kind: ServerKind, h: History): Promise<LoadResult> {
  const dataDir = join(ctx.tmpDir, `load-${kind}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  let server = await startServerChild(kind, dataDir, ctx.root);
  let room = '';
  let token: string | undefined;
  let writeMs = 0;
  let expected = h.elements;
  try {
    const [plan] = (await provisionRooms(server, 1, 1)).rooms;
    if (!plan) throw new Error('no room');
    room = plan.room;
    token = plan.tokens[0];
    const t0 = performance.now();
    const writer = openClient(server.ready.wsUrl, room, token);
    await writer.synced;
    const { doc } = writer;
    const cols = Math.ceil(Math.sqrt(h.elements));
    for (let i = 0; i < h.elements; i++) {
      addElement(
        doc,
        'sticky',
        { x: (i % cols) * 200, y: Math.floor(i / cols) * 200, text: `idee ${i}` },
        {
          author: authorOf(token, 'bench'),
          id: `e${i}`,
          z: `a${i.toString(36).padStart(4, '0')}`,
          env,
        },
      );
    }
    for (let d = 0; d < h.drags; d++) {
      moveElements(doc, [{ id: `e${(d * 7919) % h.elements}`, x: d % 4000, y: (d * 3) % 3000 }]);
      // Yield now and then so the socket drains like a real session rather than one burst.
      if (d % 500 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    for (let t = 0; t < h.textEdits; t++) {
      updateElement<'sticky'>(doc, `e${(t * 104729) % h.elements}`, { text: `idee ${t} bewerkt` });
      if (t % 500 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await flushed(server.ready.wsUrl, room, doc, token, 120_000);
    writeMs = performance.now() - t0;
    expected = elementsMap(doc).size;
    writer.close();
  } finally {
    await server.stop();
  }

  // Cold: a fresh server process; the first client's open pays for reading the room from disk.
  server = await startServerChild(kind, dataDir, ctx.root);
  try {
    const times: number[] = [];
    let loadedElements = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const probe = openClient(server.ready.wsUrl, room, token, 120_000);
      await probe.synced;
      // The reference answers a cold room's sync at once with an empty doc and sends the stored
      // content as an update once LevelDB has read it: time until the client has everything.
      const map = elementsMap(probe.doc);
      const end = performance.now() + 60_000;
      while (map.size < expected && performance.now() < end) {
        await new Promise((r) => setTimeout(r, 2));
      }
      times.push(performance.now() - t0);
      loadedElements = map.size;
      probe.close();
    }
    return {
      expected,
      coldMs: times[0] ?? Number.NaN,
      warmMs: median(times.slice(1)),
      loadedElements,
      writeMs,
    };
  } finally {
    await server.stop();
  }
}

export const loadSuite: Suite = {
  name: 'load',
  description:
    'cold load of a 2,000-element board with a long history from LevelDB: ours vs reference',
  async run(ctx) {
    const h: History = ctx.quick
      ? { elements: 100, drags: 300, textEdits: 100 }
      : { elements: 2000, drags: 20_000, textEdits: 5000 };
    const scen = `board of ${h.elements.toLocaleString('en-US')} stickies, ${(h.elements + h.drags + h.textEdits).toLocaleString('en-US')} stored edits`;
    const rows: Row[] = [];
    let ref: LoadResult | undefined;
    for (const kind of ['reference', 'ours'] as const) {
      const who = kind === 'ours' ? 'werkbank' : 'reference';
      ctx.log(`load on ${kind}…`);
      let r: LoadResult;
      try {
        r = await measureLoad(ctx, kind, h);
      } catch (err) {
        const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        ctx.log(`  ${kind} failed: ${msg}`);
        rows.push(
          row('load', `${scen} · ${who}`, 'room open, cold (all content)', Number.NaN, 'ms', {
            note: `not measured: ${msg}`,
          }),
        );
        continue;
      }
      if (kind === 'reference') ref = r;
      const vs = (v: number | undefined) =>
        kind === 'ours' && v !== undefined
          ? { reference: v, referenceLabel: '@y/websocket-server 0.1.1 + LevelDB, same run' }
          : {};
      rows.push(
        row(
          'load',
          `${scen} · ${who}`,
          'room open, cold (all content)',
          r.coldMs,
          'ms',
          vs(ref?.coldMs),
        ),
      );
      rows.push(
        row('load', `${scen} · ${who}`, 'room open, warm', r.warmMs, 'ms', vs(ref?.warmMs)),
      );
      rows.push(
        row('load', `${scen} · ${who}`, 'elements loaded', r.loadedElements, 'count', {
          goal: { text: `= ${r.expected} written`, ok: (v) => v === r.expected },
        }),
      );
      rows.push(
        row('load', `${scen} · ${who}`, 'history written in', r.writeMs / 1000, 's', {
          note: 'one client sending edits as fast as it can: Werkbank limits a connection to 600 messages/s (LIMITS), so this is no speed comparison',
        }),
      );
    }

    // A whole workshop opened cold in Chromium, through the app users run.
    const perBoard = ctx.quick ? 100 : 2000;
    const wscen = `workshop of 5 boards × ${perBoard.toLocaleString('en-US')} stickies, cold · werkbank`;
    {
      ctx.log('load: cold workshop open in Chromium…');
      try {
        const r = await coldOpenWorkshop(ctx, perBoard, ctx.quick ? 100 : 5000);
        rows.push(row('load', wscen, 'first full view', r.firstRenderMs, 'ms'));
        rows.push(row('load', wscen, 'JS heap after load', r.heapMB, 'MB'));
      } catch (err) {
        const msg = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
        rows.push(
          row('load', wscen, 'first full view', Number.NaN, 'ms', { note: `failed: ${msg}` }),
        );
      }
    }
    return rows;
  },
};
