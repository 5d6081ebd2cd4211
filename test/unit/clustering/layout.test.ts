/** Issue 12, point 5: accepted ideas land in a tidy grid in their lane, overlapping nothing. */
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../workshops';
import { centreIn, laneSlots } from '../../../workshops';

const lane: Box = { x: 0, y: 1560, w: 700, h: 1000 };
const hint: Box = { x: 24, y: 1588, w: 652, h: 110 };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const items = (n: number, prefix = 'i') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, w: 160, h: 160 }));

describe('laneSlots', () => {
  it('lays ideas out in rows below the hint, none on another', () => {
    const { slots, laneHeight } = laneSlots(lane, [hint], items(7));
    const boxes = slots.map((s) => ({ ...s, w: 160, h: 160 }));
    expect(slots).toHaveLength(7);
    for (const [i, a] of boxes.entries()) {
      expect(overlap(a, hint)).toBe(false);
      expect(a.y).toBeGreaterThanOrEqual(hint.y + hint.h);
      expect(centreIn(a, lane)).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
    // A grid: few distinct columns and rows, filled left to right.
    expect(new Set(slots.map((s) => s.x)).size).toBe(3);
    expect(new Set(slots.map((s) => s.y)).size).toBe(3);
    expect(slots[0]?.x).toBeLessThan(slots[1]?.x ?? 0);
    expect(laneHeight).toBe(lane.h);
  });

  it('leaves notes already in the lane where they are and goes around them', () => {
    const there: Box = { x: 30, y: 1720, w: 160, h: 160 };
    const { slots } = laneSlots(lane, [hint, there], items(4));
    for (const s of slots) expect(overlap({ ...s, w: 160, h: 160 }, there)).toBe(false);
  });

  it('asks for a taller lane when the ideas do not fit', () => {
    const { slots, laneHeight } = laneSlots(lane, [hint], items(30));
    const lowest = Math.max(...slots.map((s) => s.y + 160));
    expect(laneHeight).toBeGreaterThan(lane.h);
    expect(lane.y + laneHeight).toBeGreaterThanOrEqual(lowest);
  });
});
