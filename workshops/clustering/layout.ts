/**
 * Where accepted ideas go in their lane: a tidy grid, left to right and top to bottom, in the
 * first cells that overlap nothing already in the lane (its hint, notes placed by hand, ideas
 * sorted before). Pure: the caller reads the board and writes the result.
 */
import type { Box } from '../elements/base';

/** Room between the lane's edge and the grid, and between cells. */
const PAD = 24;
const GAP = 16;
/** The lane's title bar: the grid starts below it. */
const TITLE = 48;

export interface LaneLayout {
  slots: Array<{ id: string; x: number; y: number }>;
  /** The lane's height needed to hold every slot (at least the lane's own). */
  laneHeight: number;
}

const overlaps = (a: Box, b: Box, margin: number): boolean =>
  a.x < b.x + b.w + margin &&
  b.x < a.x + a.w + margin &&
  a.y < b.y + b.h + margin &&
  b.y < a.y + a.h + margin;

/** Cells for `items` in `lane`, avoiding the `occupied` boxes (what the lane already holds). */
export function laneSlots(
  lane: Box,
  occupied: readonly Box[],
  items: ReadonlyArray<{ id: string; w: number; h: number }>,
): LaneLayout {
  const cellW = Math.max(1, ...items.map((i) => i.w));
  const cellH = Math.max(1, ...items.map((i) => i.h));
  const cols = Math.max(1, Math.floor((lane.w - 2 * PAD + GAP) / (cellW + GAP)));
  const taken: Box[] = [...occupied];
  const slots: LaneLayout['slots'] = [];
  let bottom = lane.y;
  let cell = 0;
  for (const item of items) {
    for (; ; cell++) {
      const box = {
        x: lane.x + PAD + (cell % cols) * (cellW + GAP),
        y: lane.y + TITLE + Math.floor(cell / cols) * (cellH + GAP),
        w: item.w,
        h: item.h,
      };
      if (taken.some((t) => overlaps(box, t, GAP / 2))) continue;
      taken.push(box);
      slots.push({ id: item.id, x: box.x, y: box.y });
      bottom = Math.max(bottom, box.y + box.h);
      cell++;
      break;
    }
  }
  return { slots, laneHeight: Math.max(lane.h, bottom + PAD - lane.y) };
}
