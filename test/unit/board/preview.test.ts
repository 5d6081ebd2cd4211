/**
 * A board drawn from its server snapshot before the document arrives (Board.showPreview): the
 * picture is read-only, gives way to the document's content as soon as any arrives or the sync
 * ends, is never laid over content already there, and a malformed snapshot record is left out.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Element } from '../../../workshops';
import { addElement, elementsMap, readElements } from '../../../workshops';
import { decodeSnapshot } from '../../../web/sync/board-snapshot';
import { TestBoard } from './test-board';

/** What the server's snapshot holds for a doc: its element map as JSON. */
function snapshotOf(doc: Y.Doc): Element[] {
  const decoded = decodeSnapshot({ elements: elementsMap(doc).toJSON() });
  if (!decoded) throw new Error('snapshot did not decode');
  return decoded;
}

function serverDoc(n: number): Y.Doc {
  const doc = new Y.Doc();
  for (let i = 0; i < n; i++)
    addElement(
      doc,
      'sticky',
      { x: i * 200, y: 0, text: `Idee ${i}`, color: 'yellow' },
      { author: 'p-ann', id: `s${i}`, z: `a${i}`, createdAt: 0 },
    );
  return doc;
}

describe('board preview', () => {
  it('draws the snapshot read-only, then gives way to the document when it arrives', () => {
    const server = serverDoc(3);
    const tb = new TestBoard();
    expect(tb.board.showPreview(snapshotOf(server))).toBe(true);
    expect(tb.board.state.preview).toBe(true);
    expect(tb.board.state.order).toEqual(['s0', 's1', 's2']);
    // Read-only: nothing written while only the picture is there.
    expect(tb.board.canEdit).toBe(false);
    expect(tb.board.add('sticky', { x: 0, y: 500 })).toBeNull();
    tb.board.update('s1', { text: 'overschreven' });
    tb.board.remove(['s2']);
    expect(elementsMap(tb.doc).size).toBe(0);
    // The document arrives (one more note than the picture had): it replaces the picture.
    addElement(
      server,
      'sticky',
      { x: 0, y: 400, text: 'Later' },
      { author: 'p-bo', id: 's9', createdAt: 0 },
    );
    Y.applyUpdate(tb.doc, Y.encodeStateAsUpdate(server), 'remote');
    expect(tb.board.state.preview).toBe(false);
    expect(tb.board.canEdit).toBe(true);
    expect(tb.elements.map((e) => e.id).sort()).toEqual(['s0', 's1', 's2', 's9']);
    expect(tb.elements).toEqual(expect.arrayContaining(readElements(tb.doc)));
  });

  it('a sync that finds the board emptied ends the picture too', () => {
    const tb = new TestBoard();
    tb.board.showPreview(snapshotOf(serverDoc(2)));
    tb.board.endPreview();
    expect(tb.board.state.preview).toBe(false);
    expect(tb.elements).toEqual([]);
    expect(tb.board.canEdit).toBe(true);
  });

  it('is never laid over what the board already shows', () => {
    const tb = new TestBoard();
    tb.add('sticky', { x: 0, y: 0, text: 'Van dit apparaat' });
    expect(tb.board.showPreview(snapshotOf(serverDoc(2)))).toBe(false);
    expect(tb.board.state.preview).toBe(false);
    expect(tb.elements.map((e) => (e.type === 'sticky' ? e.text : ''))).toEqual([
      'Van dit apparaat',
    ]);
  });

  it('leaves out malformed records and refuses a body that is no snapshot', () => {
    const good = elementsMap(serverDoc(1)).toJSON() as Record<string, unknown>;
    const decoded = decodeSnapshot({
      elements: { ...good, bad: { type: 'laser', x: 0, y: 0 }, worse: 7, arr: [] },
    });
    expect(decoded?.map((e) => e.id)).toEqual(['s0']);
    expect(decodeSnapshot(null)).toBeNull();
    expect(decodeSnapshot({ elements: [] })).toBeNull();
    expect(decodeSnapshot('{"elements":{}}')).toBeNull();
  });
});
