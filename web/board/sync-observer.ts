/**
 * The one observer that carries Y.Doc changes into the store: it collects changed element ids
 * from `observeDeep` and applies them in one batch per animation frame, re-decoding only what
 * changed, updating the spatial index, and keeping the z-order.
 */
import RBush from 'rbush';
import * as Y from 'yjs';
import type { Element } from '../../workshops';
import { decodeElement, elementsMap, layerOf, rawOf } from '../../workshops';
import type { Rect } from './geometry';

interface IndexEntry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  id: string;
}

export class ElementIndex {
  readonly tree = new RBush<IndexEntry>();
  private readonly entries = new Map<string, IndexEntry>();

  set(el: Element): void {
    this.remove(el.id);
    const r = boundsOf(el);
    const entry = { minX: r.x, minY: r.y, maxX: r.x + r.w, maxY: r.y + r.h, id: el.id };
    this.entries.set(el.id, entry);
    this.tree.insert(entry);
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (old) {
      this.tree.remove(old);
      this.entries.delete(id);
    }
  }

  load(elements: Iterable<Element>): void {
    this.tree.clear();
    this.entries.clear();
    const all: IndexEntry[] = [];
    for (const el of elements) {
      const r = boundsOf(el);
      const entry = { minX: r.x, minY: r.y, maxX: r.x + r.w, maxY: r.y + r.h, id: el.id };
      this.entries.set(el.id, entry);
      all.push(entry);
    }
    this.tree.load(all);
  }

  search(r: Rect): string[] {
    return this.tree
      .search({ minX: r.x, minY: r.y, maxX: r.x + r.w, maxY: r.y + r.h })
      .map((e) => e.id);
  }
}

/** Bounds used for culling; connectors are indexed by their stored ends (drawn if either end shows). */
export function boundsOf(el: Element): Rect {
  if (el.type === 'connector') {
    const x = Math.min(el.x, el.x2);
    const y = Math.min(el.y, el.y2);
    return { x, y, w: Math.abs(el.x2 - el.x) + 1, h: Math.abs(el.y2 - el.y) + 1 };
  }
  return { x: el.x, y: el.y, w: el.w, h: el.h };
}

/** Drawing order: areas (frames) below everything, then by z. */
export function compareZ(a: Element, b: Element): number {
  const areaA = layerOf(a) === 'area';
  const areaB = layerOf(b) === 'area';
  if (areaA && !areaB) return -1;
  if (areaB && !areaA) return 1;
  return a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : 1;
}

export interface Snapshot {
  elements: Map<string, Element>;
  order: string[];
}

export function readSnapshot(doc: Y.Doc, index: ElementIndex): Snapshot {
  const elements = new Map<string, Element>();
  elementsMap(doc).forEach((ymap, id) => {
    if (!(ymap instanceof Y.Map)) return;
    const el = decodeElement(id, rawOf(ymap));
    if (el) elements.set(id, el);
  });
  index.load(elements.values());
  return { elements, order: sortOrder(elements) };
}

export function sortOrder(elements: ReadonlyMap<string, Element>): string[] {
  return [...elements.values()].sort(compareZ).map((e) => e.id);
}

/**
 * Watches the elements map; `flush` receives the ids that changed since the last flush.
 * `schedule` defaults to requestAnimationFrame (one store update per frame).
 */
export function observeElements(
  doc: Y.Doc,
  flush: (changed: Set<string>) => void,
  schedule: (fn: () => void) => void = defaultSchedule,
): () => void {
  const map = elementsMap(doc);
  let pending: Set<string> | null = null;
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const changed = pending ?? new Set<string>();
    for (const event of events) {
      if (event.target === map) {
        for (const key of event.changes.keys.keys()) changed.add(key);
      } else {
        // A change inside one element (or its votes map): path[0] is the element id.
        const id = event.path[0];
        if (typeof id === 'string') changed.add(id);
      }
    }
    if (!pending) {
      pending = changed;
      schedule(() => {
        const ids = pending;
        pending = null;
        if (ids) flush(ids);
      });
    }
  };
  map.observeDeep(handler);
  return () => map.unobserveDeep(handler);
}

function defaultSchedule(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
  else setTimeout(fn, 0);
}
