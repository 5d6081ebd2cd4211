import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, elementsMap } from '../../../workshops';
import { TestBoard, pair } from './test-board';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

describe('board engine (headless)', () => {
  it('adds, edits and deletes through commands; delete takes attached connectors along', () => {
    const tb = new TestBoard();
    const a = tb.add('sticky', { x: 0, y: 0, text: 'Leerlijn' }).lastId;
    const b = tb.add('sticky', { x: 400, y: 0, text: 'Stages' }).lastId;
    const c = tb.add('connector', { x: 0, y: 0, from: a, to: b }).lastId;
    tb.board.setText(a, 'Leerlijn met het ROC');
    expect(tb.el(a)).toMatchObject({ text: 'Leerlijn met het ROC' });
    tb.select(a).run('edit.delete');
    expect(tb.elements.map((e) => e.id).sort()).toEqual([b]);
    expect(tb.board.get(c)).toBeUndefined();
  });

  it('a drag shows live positions and writes the doc once, on drop', () => {
    const tb = new TestBoard();
    const id = tb.add('sticky', { x: 0, y: 0 }).lastId;
    let updates = 0;
    tb.doc.on('update', () => updates++);
    tb.select(id);
    tb.board.beginDrag([id], { x: 10, y: 10 });
    for (let i = 1; i <= 50; i++) tb.board.dragTo({ x: 10 + i * 4, y: 10 });
    expect(tb.board.state.dragPreview?.get(id)).toEqual({ x: 200, y: 0 });
    expect(updates).toBe(0);
    tb.board.endDrag(true);
    expect(updates).toBe(1);
    expect(tb.el(id)).toMatchObject({ x: 200, y: 0 });
  });

  it('a frame moves the elements whose centre is inside it', () => {
    const tb = new TestBoard();
    const frame = tb.add('frame', { x: 0, y: 0, w: 600, h: 400, title: 'Kader' }).lastId;
    const inside = tb.add('sticky', { x: 100, y: 100 }).lastId;
    const outside = tb.add('sticky', { x: 900, y: 100 }).lastId;
    tb.select(frame).drag({ x: 5, y: 5 }, { x: 105, y: 55 });
    expect(tb.el(frame)).toMatchObject({ x: 100, y: 50 });
    expect(tb.el(inside)).toMatchObject({ x: 200, y: 150 });
    expect(tb.el(outside)).toMatchObject({ x: 900, y: 100 });
  });

  it('marquee selects what lies fully inside; shift-click toggles', () => {
    const tb = new TestBoard();
    const a = tb.add('sticky', { x: 0, y: 0 }).lastId;
    const b = tb.add('sticky', { x: 200, y: 0 }).lastId;
    tb.add('sticky', { x: 1000, y: 0 });
    tb.board.select(tb.board.idsInRect({ x: -10, y: -10, w: 400, h: 200 }));
    expect([...tb.board.state.selection].sort()).toEqual([a, b].sort());
    tb.board.select([a], 'toggle');
    expect([...tb.board.state.selection]).toEqual([b]);
  });

  it('z-order: to front and to back with fractional keys', () => {
    const tb = new TestBoard();
    const a = tb.add('sticky', { x: 0, y: 0 }).lastId;
    const b = tb.add('sticky', { x: 50, y: 50 }).lastId;
    expect(tb.board.state.order).toEqual([a, b]);
    tb.select(a).run('arrange.front');
    expect(tb.board.state.order).toEqual([b, a]);
    tb.select(a).run('arrange.back');
    expect(tb.board.state.order).toEqual([a, b]);
    tb.select(a).run('arrange.forward');
    expect(tb.board.state.order).toEqual([b, a]);
  });

  it('copy/paste and duplicate re-link connectors and drop votes', () => {
    const tb = new TestBoard();
    const a = tb.add('sticky', { x: 0, y: 0, text: 'A', votes: { p1: 2 } }).lastId;
    const b = tb.add('sticky', { x: 300, y: 0, text: 'B' }).lastId;
    tb.add('connector', { x: 0, y: 0, from: a, to: b });
    const payload = tb.board.copy([a, b]);
    const other = new TestBoard();
    const pasted = other.board.paste(JSON.parse(JSON.stringify(payload)));
    expect(pasted).toHaveLength(3);
    const conn = other.elements.find((e) => e.type === 'connector');
    expect(
      conn && conn.type === 'connector' && pasted.includes(conn.from) && pasted.includes(conn.to),
    ).toBe(true);
    const copyA = other.elements.find((e) => e.type === 'sticky' && e.text === 'A');
    expect(copyA && copyA.type === 'sticky' && copyA.votes).toEqual({});
    tb.select(a).run('edit.duplicate');
    expect(tb.elements.filter((e) => e.type === 'sticky' && e.text === 'A')).toHaveLength(2);
  });

  it('undo undoes only this person’s work, never someone else’s', () => {
    const [a, b] = pair();
    const mine = a.add('sticky', { x: 0, y: 0, text: 'van A' }).lastId;
    const theirs = b.add('sticky', { x: 300, y: 0, text: 'van B' }).lastId;
    a.board.undoManager.stopCapturing();
    a.run('edit.undo');
    expect(a.board.get(mine)).toBeUndefined();
    expect(a.board.get(theirs)).toBeDefined();
    expect(b.board.get(theirs)).toBeDefined();
    a.run('edit.redo');
    expect(b.board.get(mine)).toBeDefined();
  });

  it('template content and seeding are out of reach: not undoable, not movable by participants', () => {
    const doc = new Y.Doc();
    const tpl = addElement(
      doc,
      'frame',
      { x: 0, y: 0, w: 500, h: 300, title: 'Sjabloon', templateId: 't1' },
      { author: 'template', id: 'tpl-1', env },
    );
    const tb = new TestBoard(doc);
    expect(tb.board.state.canUndo).toBe(false);
    tb.select(tpl).drag({ x: 1, y: 1 }, { x: 101, y: 1 });
    tb.run('edit.delete');
    expect(tb.el(tpl)).toMatchObject({ x: 0 });
    const fac = new TestBoard(doc, { role: 'facilitator', userId: 'facilitator' });
    fac.select(tpl).drag({ x: 1, y: 1 }, { x: 101, y: 1 });
    expect(fac.el(tpl)).toMatchObject({ x: 100 });
  });

  it('read-only (locked, viewer) refuses every edit', () => {
    const tb = new TestBoard();
    const id = tb.add('sticky', { x: 0, y: 0, text: 'voor slot' }).lastId;
    tb.board.setReadOnly('locked');
    expect(tb.board.add('sticky', { x: 0, y: 0 })).toBeNull();
    tb.board.setText(id, 'na slot');
    tb.select(id).run('edit.delete');
    expect(tb.el(id)).toMatchObject({ text: 'voor slot' });
    const viewer = new TestBoard(tb.doc, { role: 'viewer' });
    expect(viewer.board.state.readOnly).toBe('viewer');
    expect(viewer.board.add('sticky', { x: 0, y: 0 })).toBeNull();
  });

  it('silent brainstorm: others’ stickies of the round stay hidden until it ends', () => {
    const [a, b] = pair();
    a.board.store.setState({ hiddenSilentRound: 'r1' });
    const own = a.add('sticky', { x: 0, y: 0, text: 'eigen', silentRound: 'r1' }).lastId;
    const other = b.add('sticky', { x: 300, y: 0, text: 'ander', silentRound: 'r1' }).lastId;
    const before = b.add('sticky', { x: 600, y: 0, text: 'van voor de ronde' }).lastId;
    const visible = (id: string) => a.board.isVisible(a.el(id));
    expect([visible(own), visible(other), visible(before)]).toEqual([true, false, true]);
    expect(a.board.hitTest({ x: 350, y: 50 })).toBeNull();
    a.board.store.setState({ hiddenSilentRound: null });
    expect(visible(other)).toBe(true);
  });

  it('camera: zoom around a point keeps it in place; zoom to fit shows everything', () => {
    const tb = new TestBoard();
    tb.board.setViewport(1000, 800);
    tb.board.setCamera({ x: 0, y: 0, zoom: 1 });
    tb.board.zoomAt({ x: 500, y: 400 }, 2);
    expect(tb.board.state.camera).toEqual({ x: 250, y: 200, zoom: 2 });
    tb.add('sticky', { x: -2000, y: 0 }).add('sticky', { x: 3000, y: 1000 });
    tb.run('view.zoomFit');
    const { camera } = tb.board.state;
    expect(camera.zoom).toBeLessThan(0.25);
    expect(camera.x).toBeLessThanOrEqual(-2000);
  });

  it('culling: only what is in view is drawn', () => {
    const tb = new TestBoard();
    tb.board.setViewport(1000, 800);
    tb.board.setCamera({ x: 0, y: 0, zoom: 1 });
    for (let i = 0; i < 100; i++) tb.add('sticky', { x: i * 1000, y: 0 });
    expect(tb.board.visibleIds(0).length).toBeLessThanOrEqual(2);
  });

  it('a change from the doc reaches the store in one batch', () => {
    const tb = new TestBoard();
    const before = tb.board.state.version;
    tb.doc.transact(() => {
      for (let i = 0; i < 20; i++)
        addElement(tb.doc, 'sticky', { x: i, y: 0 }, { author: 'elders', env });
    }, 'remote');
    expect(tb.board.state.version).toBe(before + 1);
    expect(elementsMap(tb.doc).size).toBe(20);
  });
});
