/**
 * The outline's tree (web/outline/model.ts) over a real template: every frame listed once, each
 * item under the smallest frame holding its centre, in reading order; bridges with their start;
 * a free spot in a frame overlaps nothing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Element } from '../../../workshops';
import { BOARD_TEMPLATES, applyTemplate, readElements } from '../../../workshops';
import { intersects } from '../../../web/board/geometry';
import type { OutlineSection } from '../../../web/outline/model';
import { allFrames, buildOutline, freeSpot, readingOrder } from '../../../web/outline/model';
import { TestBoard } from '../board/test-board';

const items = (s: OutlineSection): Element[] => [...s.items, ...s.frames.flatMap(items)];

describe('outline model', () => {
  it('lists every frame once and every item under the smallest frame around it', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, BOARD_TEMPLATES.empathise, 'nl');
    const els = readElements(doc);
    const outline = buildOutline(els);
    const frames = allFrames(outline);
    expect(frames.map((f) => f.id).sort()).toEqual(
      els
        .filter((e) => e.type === 'frame')
        .map((e) => e.id)
        .sort(),
    );
    const listed = [...outline.sections.flatMap(items), ...outline.loose];
    expect(listed.length).toBe(els.filter((e) => e.type !== 'frame').length);
    // "Bedrijf 1" is inside "Bedrijfsprofielen": nested, not beside it.
    const profiles = outline.sections.find((s) => s.frame.id === 'tpl-empathise-profiles');
    expect(profiles?.frames.map((s) => s.frame.id)).toContain('tpl-empathise-profile-1');
  });

  it('reads rows top to bottom, left to right', () => {
    const tb = new TestBoard();
    const a = tb.add('sticky', { x: 300, y: 0, text: 'b' }).lastId;
    const b = tb.add('sticky', { x: 0, y: 10, text: 'a' }).lastId;
    const c = tb.add('sticky', { x: 0, y: 400, text: 'c' }).lastId;
    const order = readingOrder([...tb.board.state.elements.values()]).map((e) => e.id);
    expect(order).toEqual([b, a, c]);
  });

  it('lists a bridge with the element it starts from, named by its ends', () => {
    const tb = new TestBoard();
    const f = tb.add('frame', { x: 0, y: 0, w: 800, h: 600, title: 'Keten' }).lastId;
    const from = tb.add('block', {
      x: 40,
      y: 100,
      kind: 'social-enterprise',
      label: 'Groenwerk',
    }).lastId;
    const to = tb.add('block', { x: 1200, y: 100, kind: 'regular-enterprise', label: '' }).lastId;
    const bridge = tb.add('connector', { x: 0, y: 0, from, to, label: 'kennis' }).lastId;
    const outline = buildOutline(tb.board.state.elements.values());
    const keten = outline.sections.find((s) => s.frame.id === f);
    expect(keten?.items.map((e) => e.id)).toEqual([from, bridge]);
    expect(outline.loose.map((e) => e.id)).toEqual([to]);
  });

  it('finds a free spot in a frame that overlaps no other element', () => {
    const tb = new TestBoard();
    const frame = { x: 0, y: 0, w: 600, h: 500 };
    for (let i = 0; i < 4; i++) tb.add('sticky', { x: 24 + i * 176, y: 72, w: 160, h: 160 });
    const spot = freeSpot(frame, tb.board.state.elements.values());
    const cell = { ...spot, w: 160, h: 160 };
    expect(spot.y).toBeGreaterThan(72);
    for (const el of tb.board.state.elements.values())
      expect(intersects(cell, { x: el.x, y: el.y, w: el.w, h: el.h })).toBe(false);
  });
});
