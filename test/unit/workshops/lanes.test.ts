/**
 * On the ideate board a sticky's lane is its category: every way of moving a sticky keeps the
 * two in agreement (moveElements is the one writer of positions).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { FrameElement, StickyElement } from '../../../workshops';
import {
  addElement,
  insertElement,
  moveElements,
  readElement,
  readElements,
  seedBoardDoc,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function ideate() {
  const doc = new Y.Doc();
  seedBoardDoc(doc, 'ideate', 'nl', env);
  const lanes = readElements(doc).filter((e): e is FrameElement => e.type === 'frame' && !!e.lane);
  const lane = (id: string) => {
    const l = lanes.find((x) => x.lane === id);
    if (!l) throw new Error(`no lane ${id}`);
    return l;
  };
  return { doc, lane };
}

const categoryOf = (doc: Y.Doc, id: string) => (readElement(doc, id) as StickyElement).category;
/** Where a 160×160 sticky's centre is the lane's centre. */
const into = (l: FrameElement) => ({ x: l.x + l.w / 2 - 80, y: l.y + l.h / 2 - 80 });

describe('lanes on the ideate board', () => {
  it('a sticky dropped into a category lane takes its category; into another, that one', () => {
    const { doc, lane } = ideate();
    const id = addElement(
      doc,
      'sticky',
      { x: 1200, y: 800, text: 'Stage lopen' },
      { author: 'p', env },
    );
    expect(categoryOf(doc, id)).toBeUndefined();
    moveElements(doc, [{ id, ...into(lane('knowledge')) }]);
    expect(categoryOf(doc, id)).toBe('knowledge');
    moveElements(doc, [{ id, ...into(lane('chain')) }]);
    expect(categoryOf(doc, id)).toBe('chain');
  });

  it('a sticky added or pasted into a lane takes its category', () => {
    const { doc, lane } = ideate();
    const id = addElement(
      doc,
      'sticky',
      { ...into(lane('chain')), text: 'Inkoop' },
      { author: 'p', env },
    );
    expect(categoryOf(doc, id)).toBe('chain');
    const pasted = insertElement(
      doc,
      { ...(readElement(doc, id) as StickyElement), ...into(lane('knowledge')) },
      { author: 'q', env },
    );
    expect(categoryOf(doc, pasted)).toBe('knowledge');
  });

  it('into "not yet sorted", or out of the lanes, it loses its category', () => {
    const { doc, lane } = ideate();
    const id = addElement(doc, 'sticky', { x: 1200, y: 800, text: 'Inkoop' }, { author: 'p', env });
    moveElements(doc, [{ id, ...into(lane('ecosystem')) }]);
    moveElements(doc, [{ id, ...into(lane('unsorted')) }]);
    expect(categoryOf(doc, id)).toBeUndefined();
    moveElements(doc, [{ id, ...into(lane('chain')) }]);
    moveElements(doc, [{ id, x: 1200, y: 800 }]);
    expect(categoryOf(doc, id)).toBeUndefined();
  });

  it('a category given outside the lanes stays while the sticky moves outside them', () => {
    const { doc } = ideate();
    const id = addElement(
      doc,
      'sticky',
      { x: 1200, y: 800, text: 'Netwerk', category: 'ecosystem' },
      { author: 'p', env },
    );
    moveElements(doc, [{ id, x: 1300, y: 900 }]);
    expect(categoryOf(doc, id)).toBe('ecosystem');
  });

  it('a lane moved with its stickies keeps their category; other boards are left alone', () => {
    const { doc, lane } = ideate();
    const l = lane('knowledge');
    const at = into(l);
    const id = addElement(doc, 'sticky', { ...at, text: 'Kennis delen' }, { author: 'p', env });
    moveElements(doc, [{ id, ...at }]);
    expect(categoryOf(doc, id)).toBe('knowledge');
    moveElements(doc, [
      { id: l.id, x: l.x + 50, y: l.y + 50 },
      { id, x: at.x + 50, y: at.y + 50 },
    ]);
    expect(categoryOf(doc, id)).toBe('knowledge');

    const other = new Y.Doc();
    seedBoardDoc(other, 'define', 'nl', env);
    const s = addElement(
      other,
      'sticky',
      { x: 0, y: 0, text: 'x', category: 'chain' },
      { author: 'p', env },
    );
    moveElements(other, [{ id: s, x: 5000, y: 5000 }]);
    expect(categoryOf(other, s)).toBe('chain');
  });
});
