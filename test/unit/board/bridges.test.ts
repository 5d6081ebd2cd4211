/**
 * Issue 12 in the engine: lines are hit before the frames beneath them (a generous hit stroke),
 * bridges carry a label, what flows, a value type and a direction (commands and keyboard), a
 * block placed from the palette lands in view, a paste lands where the person looks, hidden
 * notes of a silent round are out of every selection, and a text box grows with its text.
 */
import { describe, expect, it } from 'vitest';
import { connectorEnds } from '../../../web/board/connectors';
import { textBoxSize } from '../../../web/board/elements/fit-text';
import { placeBeside } from '../../../web/board/ui/BridgeInspector';
import { searchBlocks } from '../../../workshops';
import { TestBoard, pair } from './test-board';

const mono = (s: string) => s.length * 0.6;

/** A design frame with two blocks joined by a bridge, as a participant builds it. */
function design(tb: TestBoard) {
  const frame = tb.add('frame', { x: 0, y: 0, w: 900, h: 700, title: 'Ontwerp 1' }).lastId;
  const a = tb.add('block', { x: 100, y: 200, w: 140, h: 140, kind: 'chain-customer' }).lastId;
  const b = tb.add('block', { x: 600, y: 200, w: 140, h: 140, kind: 'eco-uwv' }).lastId;
  const line = tb.add('connector', { x: 0, y: 0, from: a, to: b }).lastId;
  return { frame, a, b, line };
}

describe('bridges: hit-testing and editing', () => {
  it('a line wins over the frame beneath it, with a generous hit stroke', () => {
    const tb = new TestBoard();
    tb.board.setCamera({ x: 0, y: 0, zoom: 1 });
    const { frame, a, line } = design(tb);
    const [start, end] = connectorEnds(
      tb.el(line) as Parameters<typeof connectorEnds>[0],
      tb.board.resolve,
    );
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    expect(tb.board.hitTest(mid)).toBe(line);
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 8 })).toBe(line);
    // Away from the line: the frame; on a block the line ends at: the block.
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 60 })).toBe(frame);
    expect(tb.board.hitTest({ x: 170, y: 270 })).toBe(a);
    // Zoomed out, the stroke stays generous on screen (10 px = 40 world units at 25 %).
    tb.board.setCamera({ x: 0, y: 0, zoom: 0.25 });
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 30 })).toBe(line);
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 60 })).toBe(frame);
    // A finger gets a wider stroke still (22 px = 88 world units at 25 %).
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 80 }, { stroke: 22 })).toBe(line);
    expect(tb.board.hitTest({ x: mid.x, y: mid.y + 100 }, { stroke: 22 })).toBe(frame);
    // Where a new line starts or ends, lines are looked past.
    expect(tb.board.hitTest(mid, { lines: false })).toBe(frame);
  });

  it('a bridge takes a label, what flows, a value type and a direction', () => {
    const [ann, bob] = pair();
    const { line } = design(ann);
    ann.board.setText(line, 'jobcoaching');
    ann.board.setBridge(line, { flow: 'mensen, kennis', value: 'interaction', arrow: 'both' });
    expect(bob.el(line)).toMatchObject({
      label: 'jobcoaching',
      flow: 'mensen, kennis',
      value: 'interaction',
      arrow: 'both',
    });
    // Keyboard: W steps through the value types (and back to none), A through the directions.
    ann.select(line).run('bridge.cycleValue');
    expect(ann.el(line)).toMatchObject({ value: 'synergy' });
    ann.run('bridge.cycleValue');
    expect(ann.el(line)).not.toHaveProperty('value');
    ann.run('bridge.cycleValue');
    expect(ann.el(line)).toMatchObject({ value: 'transaction' });
    ann.run('bridge.cycleDirection');
    expect(ann.el(line)).toMatchObject({ arrow: 'none' });
    ann.run('bridge.cycleDirection');
    expect(ann.el(line)).toMatchObject({ arrow: 'end' });
    ann.run('bridge.cycleDirection');
    expect(bob.el(line)).toMatchObject({ arrow: 'start' });
    // The shortcuts do nothing when no bridge is selected.
    ann.select().run('bridge.cycleDirection');
    expect(ann.el(line)).toMatchObject({ arrow: 'start' });
  });
});

describe('the building-block palette in the engine', () => {
  it('places blocks at the centre of the view, each on a free spot inside the frame there', () => {
    const tb = new TestBoard();
    tb.board.setViewport(1200, 800);
    tb.add('frame', { x: 0, y: 0, w: 1000, h: 800, title: 'Ontwerp' });
    tb.board.setCamera({ x: -100, y: 0, zoom: 1 });
    const ids = ['social-enterprise', 'res-knowledge', 'level-integration'].map((k) =>
      tb.board.placeBlock(k),
    );
    const boxes = ids.map((id) => tb.el(id ?? ''));
    expect(boxes.map((b) => b.type)).toEqual(['block', 'block', 'block']);
    // The first at the view's centre (500, 400); none overlaps another; all inside the frame.
    expect(boxes[0]).toMatchObject({ x: 500 - 85, y: 400 - 85 });
    for (const [i, b] of boxes.entries()) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(1000);
      for (const o of boxes.slice(i + 1))
        expect(b.x + b.w <= o.x || o.x + o.w <= b.x || b.y + b.h <= o.y || o.y + o.h <= b.y).toBe(
          true,
        );
    }
    expect([...tb.board.state.selection]).toEqual([ids[2]]);
  });

  it('where the frame in view is full of text, a block goes to a free spot in view, never on top', () => {
    const tb = new TestBoard();
    tb.board.setViewport(390, 700);
    // An info frame packed with text boxes, the view on its middle.
    tb.add('frame', { x: 0, y: 0, w: 600, h: 900, title: 'Over deze sessie' });
    for (let y = 20; y < 880; y += 60)
      tb.add('text', { x: 20, y, w: 560, h: 50, text: 'Doel, programma en wat het oplevert' });
    tb.board.setCamera({ x: -200, y: 100, zoom: 1 });
    const id = tb.board.placeBlock('chain-customer');
    const b = tb.el(id ?? '');
    const overlaps = [...tb.board.state.elements.values()].filter(
      (o) =>
        o.type === 'text' &&
        !(b.x + b.w <= o.x || o.x + o.w <= b.x || b.y + b.h <= o.y || o.y + o.h <= b.y),
    );
    expect(overlaps).toEqual([]);
    // In view: the camera shows world x -200…190, y 100…800.
    expect(b.x).toBeGreaterThanOrEqual(-200);
    expect(b.x + b.w).toBeLessThanOrEqual(190);
    expect(b.y).toBeGreaterThanOrEqual(100);
    expect(b.y + b.h).toBeLessThanOrEqual(800);
  });

  it('where the whole view is full, a block goes to the nearest free spot and the view follows it', () => {
    const tb = new TestBoard();
    tb.board.setViewport(300, 400);
    tb.add('text', { x: -100, y: -100, w: 600, h: 700, text: 'Een volle plek' });
    tb.board.setCamera({ x: 0, y: 0, zoom: 1 });
    const id = tb.board.placeBlock('chain-customer');
    const b = tb.el(id ?? '');
    expect(b.x + b.w <= -100 || b.x >= 500 || b.y + b.h <= -100 || b.y >= 600).toBe(true);
    const c = tb.board.state.camera;
    expect(b.x).toBeGreaterThanOrEqual(c.x);
    expect(b.y).toBeGreaterThanOrEqual(c.y);
    expect(b.x + b.w).toBeLessThanOrEqual(c.x + 300);
    expect(b.y + b.h).toBeLessThanOrEqual(c.y + 400);
  });

  it('search finds kinds by label, group or description, in either language, without accents', () => {
    expect(searchBlocks('gemeente').map((k) => k.id)).toEqual(['eco-municipality']);
    expect(searchBlocks('Kennis')[0]?.id).toBe('res-knowledge');
    expect(searchBlocks('municipality').map((k) => k.id)).toEqual(['eco-municipality']);
    expect(searchBlocks('niveau integratie').map((k) => k.id)).toEqual(['level-integration']);
    expect(searchBlocks('   ')).toEqual([]);
  });
});

describe('paste and duplicate land in view', () => {
  it('a paste lands centred where the person looks, keeping the group’s layout', () => {
    const tb = new TestBoard();
    tb.board.setViewport(1000, 800);
    const a = tb.add('sticky', { x: 0, y: 0, w: 160, h: 160, text: 'A' }).lastId;
    const b = tb.add('sticky', { x: 300, y: 100, w: 160, h: 160, text: 'B' }).lastId;
    const payload = tb.board.copy([a, b]);
    // The originals are far off screen now.
    tb.board.setCamera({ x: 5000, y: 5000, zoom: 1 });
    const [pa, pb] = tb.board.paste(payload).map((id) => tb.el(id));
    // Centre of the view: (5500, 5400); the group (0,0)–(460,260) is centred there.
    expect(pa).toMatchObject({ x: 5500 - 230, y: 5400 - 130 });
    expect(pb).toMatchObject({ x: pa!.x + 300, y: pa!.y + 100 });
    // With the pointer over the canvas: there.
    tb.board.pointer = { x: 6000, y: 5200 };
    const [qa] = tb.board.paste(payload).map((id) => tb.el(id));
    expect(qa).toMatchObject({ x: 6000 - 230, y: 5200 - 130 });
  });

  it('a duplicate lands beside its original when that is in view, else in view', () => {
    const tb = new TestBoard();
    tb.board.setViewport(1000, 800);
    tb.board.setCamera({ x: 0, y: 0, zoom: 1 });
    const a = tb.add('sticky', { x: 100, y: 100, w: 160, h: 160, text: 'A' }).lastId;
    const [copy] = tb.select(a).board.duplicate();
    expect(tb.el(copy ?? '')).toMatchObject({ x: 124, y: 124 });
    tb.board.setCamera({ x: 3000, y: 0, zoom: 1 });
    const [far] = tb.select(a).board.duplicate();
    expect(tb.el(far ?? '')).toMatchObject({ x: 3500 - 80, y: 400 - 80 });
  });
});

describe('silent brainstorm: hidden is out of every selection', () => {
  it('select-all, the marquee and the content bounds skip others’ hidden notes', () => {
    const [a, b] = pair();
    a.board.store.setState({ hiddenSilentRound: 'r1' });
    const own = a.add('sticky', { x: 0, y: 0, text: 'eigen', silentRound: 'r1' }).lastId;
    b.add('sticky', { x: 5000, y: 5000, text: 'verborgen', silentRound: 'r1' });
    a.run('edit.selectAll');
    expect([...a.board.state.selection]).toEqual([own]);
    expect(a.board.idsInRect({ x: -100, y: -100, w: 6000, h: 6000 })).toEqual([own]);
    expect(a.board.contentBounds()).toEqual({ x: 0, y: 0, w: 160, h: 160 });
  });
});

describe('text boxes grow with their text', () => {
  it('wider up to a maximum, then wrapped at whole words and taller', () => {
    const one = textBoxSize('Kernvraag: wie helpt wie?', 24, 60, 640, mono);
    // 25 characters × 0.6 em × 24 px = 360, plus slack: one line.
    expect(one.w).toBeGreaterThanOrEqual(360);
    expect(one.h).toBeLessThan(24 * 1.25 * 2);
    const long = textBoxSize('Kernvraag: wie helpt wie? '.repeat(4).trim(), 24, 60, 640, mono);
    expect(long.w).toBe(640);
    expect(long.h).toBeGreaterThanOrEqual(24 * 1.25 * 3);
    // A box someone made wider keeps its width.
    expect(textBoxSize('Kort', 24, 500, 640, mono).w).toBe(500);
  });

  it('typing into a text box grows it in the document', () => {
    const tb = new TestBoard();
    const id = tb.add('text', { x: 0, y: 0, w: 240, h: 40, text: '' }).lastId;
    tb.board.setText(id, 'Kernvraag: wie helpt wie? En wat levert het ieder op?');
    const el = tb.el(id);
    expect(el.w).toBeGreaterThan(240);
    tb.board.setText(id, 'Kernvraag: wie helpt wie? '.repeat(6));
    expect(tb.el(id).h).toBeGreaterThan(el.h);
  });
});

describe('the bridge inspector stays clear of its line', () => {
  const viewport = { w: 1280, h: 740 };
  const size = { w: 330, h: 260 };
  const overlaps = (
    a: { left: number; top: number },
    line: { x: number; y: number; w: number; h: number },
  ) =>
    !(
      a.left + size.w <= line.x ||
      line.x + line.w <= a.left ||
      a.top + size.h <= line.y ||
      line.y + line.h <= a.top
    );

  it('below the line when there is room, else above, else beside it', () => {
    const high = { x: 400, y: 100, w: 200, h: 80 };
    const low = { x: 400, y: 500, w: 200, h: 80 };
    const tall = { x: 300, y: 60, w: 120, h: 560 };
    expect(placeBeside(high, size, viewport).top).toBeGreaterThan(high.y + high.h);
    expect(placeBeside(low, size, viewport).top + size.h).toBeLessThan(low.y);
    expect(placeBeside(tall, size, viewport).left).toBeGreaterThan(tall.x + tall.w);
    for (const line of [high, low, tall])
      expect(overlaps(placeBeside(line, size, viewport), line)).toBe(false);
  });
});
