/**
 * Document size suite: a board's stored size must grow with its elements, not with how often they
 * were dragged. Drags are written the way the board writes them (one `moveElements` transaction
 * per drop), by 20 participants taking turns; the reference is the naive layout that writes on
 * every pointer move (10 moves per drag). Sizes are `Y.encodeStateAsUpdate` bytes: what the
 * server stores after compaction and sends to a client that opens the board.
 */
import * as Y from 'yjs';
import { compactedCopy } from '../../../workshops/board/compaction';
import { addElement, moveElements } from '../../../workshops/board/doc';
import { atMost, row } from '../lib/types';
import type { Row, Suite } from '../lib/types';

const WORDS = ['klant', 'keten', 'idee', 'samen', 'waarde', 'partner', 'impact', 'data', 'lokaal'];

/** A board of `n` stickies laid out in a grid (3–6 words each, as the rendering suite uses). */
export function boardWith(n: number, seed = 1): Y.Doc {
  const doc = new Y.Doc();
  let s = seed;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const cols = Math.ceil(Math.sqrt(n));
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const words = 3 + Math.floor(rnd() * 4);
      const text = Array.from(
        { length: words },
        () => WORDS[Math.floor(rnd() * WORDS.length)],
      ).join(' ');
      addElement(
        doc,
        'sticky',
        { x: (i % cols) * 200, y: Math.floor(i / cols) * 200, text },
        {
          author: `p${i % 20}`,
          id: `e${i}`,
          z: `a${i.toString(36).padStart(4, '0')}`,
          createdAt: 0,
        },
      );
    }
  });
  return doc;
}

const PARTICIPANTS = 20;

/**
 * Replays `drags` drags on `doc`. `movesPerDrag` 1 is the board's write-on-drop; more is the naive
 * write-on-every-pointer-move. Each participant is another Yjs client id on the same (perfectly
 * synced) doc, which is what 20 people taking turns on one board produce.
 */
export function replayDrags(
  doc: Y.Doc,
  elements: number,
  drags: number,
  movesPerDrag: number,
): void {
  const ids = Array.from({ length: PARTICIPANTS }, (_, i) => 1_000_000 + i);
  let s = 7;
  for (let d = 0; d < drags; d++) {
    s = (s * 16807) % 2147483647;
    const el = `e${s % elements}`;
    doc.clientID = ids[d % PARTICIPANTS] ?? 1;
    for (let m = 1; m <= movesPerDrag; m++) {
      moveElements(doc, [{ id: el, x: (d * 7 + m * 3) % 4000, y: (d * 11 + m * 5) % 3000 }]);
    }
  }
}

export function sizeOf(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).byteLength;
}

export const sizeSuite: Suite = {
  name: 'size',
  description: 'board doc size after many drags: write-on-drop vs write-on-every-move',
  run: async (ctx) => {
    const elements = ctx.quick ? 50 : 1000;
    const drags = ctx.quick ? 2000 : 100_000;
    const movesPerDrag = 10;
    const rows: Row[] = [];
    const scen = `${elements.toLocaleString('en-US')} stickies`;

    const fresh = sizeOf(boardWith(elements));
    const t0 = performance.now();
    const dropDoc = boardWith(elements);
    replayDrags(dropDoc, elements, drags, 1);
    const dropMs = performance.now() - t0;
    const dropSize = sizeOf(dropDoc);
    const t1 = performance.now();
    const naiveDoc = boardWith(elements);
    replayDrags(naiveDoc, elements, drags, movesPerDrag);
    const naiveMs = performance.now() - t1;
    const naiveSize = sizeOf(naiveDoc);
    ctx.log(`size: write-on-drop ${dropMs.toFixed(0)} ms, naive ${naiveMs.toFixed(0)} ms`);
    // Twice the elements, same drags: the size must double, not the drags' share.
    const doubleDoc = boardWith(elements * 2);
    replayDrags(doubleDoc, elements * 2, drags, 1);
    const doubleSize = sizeOf(doubleDoc);

    const d = `${drags.toLocaleString('en-US')} drags`;
    rows.push(row('size', `${scen}, no drags`, 'doc size', fresh / 1024, 'KiB'));
    rows.push(row('size', `${scen}, no drags`, 'bytes per element', fresh / elements, 'B'));
    rows.push(
      row('size', `${scen}, ${d}, write on drop`, 'doc size', dropSize / 1024, 'KiB', {
        reference: naiveSize / 1024,
        referenceLabel: `naive: write on every pointer move (${movesPerDrag} per drag)`,
      }),
    );
    rows.push(
      row('size', `${scen}, ${d}, write on drop`, 'bytes per element', dropSize / elements, 'B', {
        reference: naiveSize / elements,
        referenceLabel: 'naive layout',
      }),
    );
    // Live, the history is there until the board goes idle: growth per drag, no goal.
    rows.push(
      row(
        'size',
        `${scen}, ${d}, write on drop`,
        'growth per drag, live',
        (dropSize - fresh) / drags,
        'B',
        {
          reference: (naiveSize - fresh) / drags,
          referenceLabel: 'naive layout',
        },
      ),
    );
    // Stored: the server drops an idle board's history (workshops/board/compaction.ts) once it
    // outweighs the content, so what is stored and downloaded on open follows the elements.
    const t2 = performance.now();
    const stored = sizeOf(compactedCopy(dropDoc));
    const compactMs = performance.now() - t2;
    const storedDouble = sizeOf(compactedCopy(doubleDoc));
    const storedFresh = sizeOf(compactedCopy(boardWith(elements)));
    const st = `${scen}, ${d}, stored (idle board compacted)`;
    rows.push(
      row('size', st, 'doc size', stored / 1024, 'KiB', {
        reference: dropSize / 1024,
        referenceLabel: 'live, with history',
      }),
    );
    rows.push(
      row('size', st, 'growth per drag', Math.max(0, stored - storedFresh) / drags, 'B', {
        goal: atMost(0.5, 'B'),
        note: 'stored size minus that of the same board never dragged (both compacted), per drag',
      }),
    );
    rows.push(
      row('size', st, 'size vs fresh board', stored / fresh, '×', { goal: atMost(2, '×') }),
    );
    rows.push(
      row(
        'size',
        `${(elements * 2).toLocaleString('en-US')} vs ${scen}, ${d}, stored`,
        'size ratio (2× elements)',
        storedDouble / stored,
        '×',
        {
          goal: { text: '≈ 2 (grows with elements)', ok: (v) => v > 1.8 && v < 2.2 },
        },
      ),
    );
    rows.push(
      row(
        'size',
        `${(elements * 2).toLocaleString('en-US')} vs ${scen}, ${d}, live`,
        'size ratio (2× elements)',
        doubleSize / dropSize,
        '×',
        {
          note: 'before compaction: the drags dominate',
        },
      ),
    );
    rows.push(row('size', st, 'compaction time', compactMs, 'ms'));
    rows.push(row('size', `${scen}, ${d}, write on drop`, 'replay time', dropMs / 1000, 's'));
    return rows;
  },
};
