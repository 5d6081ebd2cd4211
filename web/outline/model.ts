/**
 * The outline of a board as a tree, for the list view (OutlineView.tsx): each frame with the
 * frames and items whose centre lies in it (the smallest such frame), in reading order (rows top
 * to bottom, left to right within a row); bridges (connectors) listed with the element they
 * start from; what lies in no frame at the end. Pure: elements in, tree out.
 */
import type { Element, FrameElement, Lang } from '../../workshops';
import { moduleOf, outlineTextOf } from '../../workshops';
import type { Rect } from '../board/geometry';
import { centre, contains, intersects, pointIn } from '../board/geometry';

export interface OutlineSection {
  frame: FrameElement;
  /** Frames inside this one, then items, each in reading order. */
  frames: OutlineSection[];
  items: Element[];
}

export interface Outline {
  sections: OutlineSection[];
  /** Items in no frame. */
  loose: Element[];
}

const boxOf = (el: Element): Rect => ({ x: el.x, y: el.y, w: el.w, h: el.h });

/** Rows of this height read as one line, left to right. */
const ROW = 60;

/** Reading order: top to bottom in rows, left to right within a row. */
export function readingOrder<T extends Element>(
  els: T[],
  at: (el: T) => { x: number; y: number } = (el) => el,
): T[] {
  return [...els].sort((a, b) => {
    const pa = at(a);
    const pb = at(b);
    return Math.floor(pa.y / ROW) - Math.floor(pb.y / ROW) || pa.x - pb.x;
  });
}

export function buildOutline(
  elements: Iterable<Element>,
  visible: (el: Element) => boolean = () => true,
): Outline {
  const all = [...elements].filter(visible);
  const frames = all.filter((e): e is FrameElement => e.type === 'frame');
  // Smallest first: the first frame that holds an element is its own.
  const bySize = [...frames].sort((a, b) => a.w * a.h - b.w * b.h);
  const holder = (el: Element): FrameElement | null => {
    const box = boxOf(el);
    for (const f of bySize) {
      if (f.id === el.id) continue;
      const inside =
        el.type === 'frame'
          ? contains(boxOf(f), box) && f.w * f.h > el.w * el.h
          : pointIn(boxOf(f), centre(box));
      if (inside) return f;
    }
    return null;
  };
  const sections = new Map<string, OutlineSection>(
    frames.map((f) => [f.id, { frame: f, frames: [], items: [] }]),
  );
  const top: OutlineSection[] = [];
  const loose: Element[] = [];
  const byId = new Map(all.map((e) => [e.id, e]));
  for (const el of all) {
    // A bridge goes with the element it starts from.
    const anchor = el.type === 'connector' ? (byId.get(el.from) ?? el) : el;
    const f = anchor === el || anchor.type !== 'frame' ? holder(anchor) : anchor;
    const section = f ? sections.get(f.id) : undefined;
    if (el.type === 'frame') {
      const own = sections.get(el.id);
      if (own) (section ? section.frames : top).push(own);
    } else if (section) section.items.push(el);
    else loose.push(el);
  }
  // A bridge reads right after the element it starts from.
  const at = (el: Element) => {
    const from = el.type === 'connector' ? byId.get(el.from) : undefined;
    return from ? { x: from.x + 0.5, y: from.y } : el;
  };
  const sort = (s: OutlineSection) => {
    s.frames = sortSections(s.frames);
    s.items = readingOrder(s.items, at);
    s.frames.forEach(sort);
  };
  const sorted = sortSections(top);
  sorted.forEach(sort);
  return { sections: sorted, loose: readingOrder(loose, at) };
}

function sortSections(sections: OutlineSection[]): OutlineSection[] {
  const order = new Map(readingOrder(sections.map((s) => s.frame)).map((f, i) => [f.id, i]));
  return [...sections].sort((a, b) => (order.get(a.frame.id) ?? 0) - (order.get(b.frame.id) ?? 0));
}

/** Every frame of the outline, depth first (the "move to" choices). */
export function allFrames(outline: Outline): FrameElement[] {
  const out: FrameElement[] = [];
  const walk = (s: OutlineSection) => {
    out.push(s.frame);
    s.frames.forEach(walk);
  };
  outline.sections.forEach(walk);
  return out;
}

/** A frame's name as people read it: its title, else its lane's category. */
export function frameName(frame: FrameElement, lang: Lang): string {
  return moduleOf('frame').outlineText(frame, lang, () => '');
}

/** The text an element shows (its label), for the list: its module's outline text. */
export function itemText(el: Element, lang: Lang, byId?: ReadonlyMap<string, Element>): string {
  return outlineTextOf(el, lang, (id) => {
    const other = byId?.get(id);
    return other ? itemText(other, lang) : '?';
  });
}

/**
 * A free spot of `size` in `frame` for a new or moved sticky: the first cell of a grid, left to
 * right and top to bottom below the frame's title, that overlaps nothing but frames; else the
 * frame's centre.
 */
export function freeSpot(
  frame: Rect,
  elements: Iterable<Element>,
  size = { w: 160, h: 160 },
  ignore?: string,
): { x: number; y: number } {
  const pad = 24;
  const gap = 16;
  const others = [...elements]
    .filter((e) => e.type !== 'frame' && e.type !== 'connector' && e.id !== ignore)
    .map(boxOf)
    .filter((b) => intersects(b, frame));
  for (let y = frame.y + 72; y + size.h <= frame.y + frame.h - pad / 2; y += size.h + gap) {
    for (let x = frame.x + pad; x + size.w <= frame.x + frame.w - pad / 2; x += size.w + gap) {
      const cell = { x, y, w: size.w, h: size.h };
      if (!others.some((o) => intersects(o, cell))) return { x, y };
    }
  }
  return {
    x: Math.round(frame.x + frame.w / 2 - size.w / 2),
    y: Math.round(frame.y + frame.h / 2 - size.h / 2),
  };
}
