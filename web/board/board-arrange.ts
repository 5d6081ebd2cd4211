/**
 * Arranging: z-order (to front, to back, one step past the next overlapping element) and
 * aligning. Functions of the engine (board.ts), which keeps their names as its methods.
 */
import { generateKeyBetween } from 'fractional-indexing';
import type { Element } from '../../workshops';
import { bottomZ, layerOf, moveElements, topZ, updateElement } from '../../workshops';
import type { Board } from './board';
import { intersects, union } from './geometry';
import { boundsOf } from './sync-observer';

/** A fractional-index key strictly between two keys (either may be null). */
function zBetween(lo: string | null, hi: string | null): string {
  try {
    return generateKeyBetween(lo, hi);
  } catch {
    return generateKeyBetween(lo, null);
  }
}

export function bringToFront(b: Board, ids: Iterable<string>): void {
  b.transact(() => {
    for (const id of ids) if (b.get(id)) updateElement(b.doc, id, { z: topZ(b.doc) });
  });
}

export function sendToBack(b: Board, ids: Iterable<string>): void {
  b.transact(() => {
    for (const id of [...ids].reverse())
      if (b.get(id)) updateElement(b.doc, id, { z: bottomZ(b.doc) });
  });
}

/** One step up (or down) past the next overlapping element. */
export function shift(b: Board, ids: Iterable<string>, direction: 1 | -1): void {
  const order = b.state.order;
  b.transact(() => {
    for (const id of ids) {
      const el = b.get(id);
      if (!el || !b.canChange(el)) continue;
      const i = order.indexOf(id);
      const overlapping = (other: string) => {
        const o = b.get(other);
        return o && layerOf(o) !== 'area' && intersects(boundsOf(o), boundsOf(el));
      };
      let j = i + direction;
      while (j >= 0 && j < order.length && !overlapping(order[j] ?? '')) j += direction;
      const past = b.get(order[j] ?? '');
      if (!past) continue;
      const beyond = b.get(order[j + direction] ?? '');
      const lo = direction === 1 ? past.z : (beyond?.z ?? null);
      const hi = direction === 1 ? (beyond?.z ?? null) : past.z;
      updateElement(b.doc, id, { z: zBetween(lo, hi) });
    }
  });
}

export function align(
  b: Board,
  ids: Iterable<string>,
  how: 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom',
): void {
  const els = [...ids]
    .map((id) => b.get(id))
    .filter((e): e is Element => !!e && layerOf(e) !== 'line' && b.canChange(e));
  const box = union(els.map(boundsOf));
  if (!box || els.length < 2) return;
  const moves = els.map((e) => {
    const x =
      how === 'left'
        ? box.x
        : how === 'right'
          ? box.x + box.w - e.w
          : how === 'centre'
            ? box.x + box.w / 2 - e.w / 2
            : e.x;
    const y =
      how === 'top'
        ? box.y
        : how === 'bottom'
          ? box.y + box.h - e.h
          : how === 'middle'
            ? box.y + box.h / 2 - e.h / 2
            : e.y;
    return { id: e.id, x, y };
  });
  b.transact(() => moveElements(b.doc, moves));
}
