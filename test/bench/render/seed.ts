/**
 * The rendering suite's board: N stickies (160×160, 3–6 words) in a 16:9 grid centred on the
 * initial view (world 640,360), plus N/10 connectors between neighbours — the ANCHORS.md board.
 */
import type * as Y from 'yjs';
import { addElement } from '../../../workshops/board/doc';
import { STICKY_COLORS } from '../../../workshops/elements/sticky';

/** 160 px notes, 16 px apart: 10,000 of them still fit the board's minimum zoom (0.05). */
export const PITCH = 176;
const WORDS = [
  'klant',
  'keten',
  'idee',
  'samen',
  'waarde',
  'partner',
  'impact',
  'data',
  'lokaal',
  'vertrouwen',
  'netwerk',
  'kennis',
  'delen',
  'markt',
  'circulair',
  'regio',
  'talent',
  'groei',
  'zorg',
  'energie',
];

export interface SeedSticky {
  id: string;
  x: number;
  y: number;
  text: string;
}
export interface SeedConnector {
  id: string;
  from: string;
  to: string;
}
export interface BoardSeed {
  stickies: SeedSticky[];
  connectors: SeedConnector[];
  /** World bounds of the content. */
  width: number;
  height: number;
}

export function makeSeed(n: number): BoardSeed {
  let s = 42;
  const rnd = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const cols = Math.max(1, Math.round(Math.sqrt((n * 16) / 9)));
  const rows = Math.ceil(n / cols);
  const width = cols * PITCH;
  const height = rows * PITCH;
  const left = 640 - width / 2;
  const top = 360 - height / 2;
  const stickies: SeedSticky[] = [];
  for (let i = 0; i < n; i++) {
    const words = 3 + Math.floor(rnd() * 4);
    const text = Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(
      ' ',
    );
    stickies.push({
      id: `s${i}`,
      x: left + (i % cols) * PITCH,
      y: top + Math.floor(i / cols) * PITCH,
      text,
    });
  }
  const connectors: SeedConnector[] = [];
  for (let i = 0; i < Math.floor(n / 10); i++) {
    const from = i * 10;
    const to = from + 1 < n ? from + 1 : from - 1;
    connectors.push({ id: `c${i}`, from: `s${from}`, to: `s${Math.max(0, to)}` });
  }
  return { stickies, connectors, width, height };
}

/** Writes the seed into a board doc through the accessors, in transactions of `batch` elements. */
export function* writeSeed(doc: Y.Doc, seed: BoardSeed, batch = 500): Generator<void> {
  const all = [
    ...seed.stickies.map((s) => ({ kind: 'sticky' as const, s })),
    ...seed.connectors.map((c) => ({ kind: 'connector' as const, c })),
  ];
  for (let start = 0; start < all.length; start += batch) {
    doc.transact(() => {
      for (let i = start; i < Math.min(all.length, start + batch); i++) {
        const item = all[i];
        if (!item) continue;
        // Explicit z keys: topZ() scans the whole board, which would make seeding quadratic.
        const z = `a${i.toString(36).padStart(5, '0')}`;
        if (item.kind === 'sticky') {
          addElement(
            doc,
            'sticky',
            {
              x: item.s.x,
              y: item.s.y,
              text: item.s.text,
              color: STICKY_COLORS[i % 6] ?? 'yellow',
            },
            { author: 'bench', id: item.s.id, z, createdAt: 0 },
          );
        } else {
          addElement(
            doc,
            'connector',
            { x: 0, y: 0, from: item.c.from, to: item.c.to },
            { author: 'bench', id: item.c.id, z, createdAt: 0 },
          );
        }
      }
    });
    yield;
  }
}
