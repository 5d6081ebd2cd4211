/**
 * The keyboard layer (web/board/keyboard-nav.tsx) on Bo's board while Ana edits hers: the items
 * read in the outline's order with their labels; with Bo's focus elsewhere a burst of edits costs
 * the layer one or two catch-ups (counted: commits through a Profiler, reading orders through a
 * spy on buildOutline), never one per edit, and the last edit lands after the throttle; with
 * focus on an item every change shows at once. Timers are vitest's fake ones: no waiting.
 */
import { act, cleanup, render } from '@testing-library/react';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Element } from '../../../workshops';
import { moveElements, updateElement } from '../../../workshops/board/doc';
import { KeyboardLayer } from '../../../web/board';
import { LAZY_MS, readingIdsAfter } from '../../../web/board/keyboard-nav';
import type * as OutlineModel from '../../../web/outline/model';
import { buildOutline } from '../../../web/outline/model';
import { pair } from '../board/test-board';
import type { TestBoard } from '../board/test-board';

// The same buildOutline, counted: the layer works out its reading order through it.
vi.mock('../../../web/outline/model', async (importOriginal) => {
  const model = await importOriginal<typeof OutlineModel>();
  return { ...model, buildOutline: vi.fn(model.buildOutline) };
});
const outlines = () => vi.mocked(buildOutline).mock.calls.length;

let ana: TestBoard;
let bo: TestBoard;
let frame: string;
let first: string;
let second: string;
let loose: string;
let commits: number;

/** Bo's layer, with a count of its commits (mount excluded). */
function renderLayer() {
  commits = 0;
  const view = render(
    <Profiler id="kbd" onRender={(_id, phase) => phase !== 'mount' && commits++}>
      <KeyboardLayer board={bo.board} />
    </Profiler>,
  );
  return view;
}
const items = () => [...document.querySelectorAll<HTMLElement>('.wb-kbd-item')];
const ids = () => items().map((i) => i.dataset.id);
const labelOf = (id: string) =>
  document.querySelector(`.wb-kbd-item[data-id="${id}"]`)?.getAttribute('aria-label');

/** Ana's edit, arriving on Bo's board (whose store applies it at once: TestBoard). */
const remote = (fn: () => void) => act(fn);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  [ana, bo] = pair();
  frame = ana.add('frame', { x: 0, y: 0, w: 800, h: 600, title: 'Ideeën' }).lastId;
  second = ana.add('sticky', { x: 400, y: 100, text: 'tweede' }).lastId;
  first = ana.add('sticky', { x: 40, y: 100, text: 'eerste' }).lastId;
  loose = ana.add('sticky', { x: 1200, y: 100, text: 'los' }).lastId;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the keyboard layer', () => {
  it('lists the frame, then its items in reading order, then what lies in no frame', () => {
    renderLayer();
    expect(ids()).toEqual([frame, first, second, loose]);
    expect(labelOf(first)).toMatch(/: eerste$/);
    expect(labelOf(frame)).toMatch(/: Ideeën$/);
  });

  it('with focus elsewhere, takes a burst of 20 edits in one or two catch-ups', () => {
    renderLayer();
    const outlinesBefore = outlines();
    // 20 edits/s for a second, as the render bench streams them: moves and texts.
    for (let i = 0; i < 20; i++) {
      remote(() => {
        moveElements(ana.doc, [{ id: second, x: 400 + i, y: 100 }]);
        updateElement<'sticky'>(ana.doc, second, { text: `bewerkt ${i}` });
        // The last one moves `second` before `first`.
        if (i === 19) moveElements(ana.doc, [{ id: second, x: 10, y: 100 }]);
      });
      act(() => vi.advanceTimersByTime(50));
    }
    expect(bo.board.get(second)?.x).toBe(10);
    // Not all of it shown yet, perhaps: the last catch-up is at most LAZY_MS away.
    act(() => vi.advanceTimersByTime(LAZY_MS));
    expect(ids()).toEqual([frame, second, first, loose]);
    expect(labelOf(second)).toMatch(/: bewerkt 19$/);
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(2);
    expect(outlines() - outlinesBefore).toBeLessThanOrEqual(2);
    // Nothing more is pending: time passing renders nothing.
    const settled = commits;
    act(() => vi.advanceTimersByTime(10 * LAZY_MS));
    expect(commits).toBe(settled);
  });

  it('with focus elsewhere, shows nothing of an edit before the throttle and all of it after', () => {
    renderLayer();
    const outlinesBefore = outlines();
    for (let i = 0; i < 20; i++)
      remote(() => updateElement<'sticky'>(ana.doc, first, { text: `snel ${i}` }));
    expect(commits).toBe(0);
    expect(labelOf(first)).toMatch(/: eerste$/);
    act(() => vi.advanceTimersByTime(LAZY_MS));
    expect(labelOf(first)).toMatch(/: snel 19$/);
    expect(commits).toBe(1);
    // Only texts changed: the reading order was kept, not worked out again.
    expect(outlines()).toBe(outlinesBefore);
    expect(ids()).toEqual([frame, first, second, loose]);
  });

  it('catches up when focus comes in, and then follows every change at once', () => {
    renderLayer();
    remote(() => updateElement<'sticky'>(ana.doc, loose, { text: 'los, bewerkt' }));
    expect(labelOf(loose)).toMatch(/: los$/);
    const item = items().find((i) => i.dataset.id === loose);
    act(() => item?.focus());
    // Focus selects it, and the list is current at once.
    expect([...bo.board.state.selection]).toEqual([loose]);
    expect(labelOf(loose)).toMatch(/: los, bewerkt$/);
    // No timer runs from here on: each change is shown as it arrives.
    remote(() => updateElement<'sticky'>(ana.doc, first, { text: 'meteen' }));
    expect(labelOf(first)).toMatch(/: meteen$/);
    remote(() => moveElements(ana.doc, [{ id: second, x: 10, y: 100 }]));
    expect(ids()).toEqual([frame, second, first, loose]);
    let added = '';
    remote(() => (added = ana.add('sticky', { x: 100, y: 300, text: 'nieuw' }).lastId));
    expect(ids()).toContain(added);
    expect(document.activeElement).toBe(item);
  });

  it('is lazy again once focus has left the list', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    renderLayer();
    act(() => items()[0]?.focus());
    act(() => outside.focus());
    remote(() => updateElement<'sticky'>(ana.doc, first, { text: 'later' }));
    expect(labelOf(first)).toMatch(/: eerste$/);
    act(() => vi.advanceTimersByTime(LAZY_MS));
    expect(labelOf(first)).toMatch(/: later$/);
    outside.remove();
  });
});

describe('readingIdsAfter', () => {
  const visible = () => true;
  const now = () => bo.board.state.elements;

  it('keeps the order while only texts change, and works it out again after a move or a removal', () => {
    const before = readingIdsAfter(null, now(), visible);
    expect(before.ids).toEqual([frame, first, second, loose]);
    updateElement<'sticky'>(ana.doc, second, { text: 'anders' });
    const calls = outlines();
    const kept = readingIdsAfter(before, now(), visible);
    expect(kept.ids).toBe(before.ids);
    expect(outlines()).toBe(calls);

    moveElements(ana.doc, [{ id: second, x: 10, y: 100 }]);
    const moved = readingIdsAfter(kept, now(), visible);
    expect(moved.ids).toEqual([frame, second, first, loose]);
    ana.board.remove([first]);
    expect(readingIdsAfter(moved, now(), visible).ids).toEqual([frame, second, loose]);
  });

  it('works it out again when a bridge starts elsewhere or an element is hidden', () => {
    // Hidden by a field of its own, as a silent round's note is (Board.isVisible).
    const shown = (el: Element) => !(el.type === 'sticky' && el.text === 'verborgen');
    const bridge = ana.add('connector', { x: 0, y: 0, from: first, to: loose }).lastId;
    const before = readingIdsAfter(null, now(), shown);
    expect(before.ids).toEqual([frame, first, bridge, second, loose]);
    updateElement<'connector'>(ana.doc, bridge, { from: second });
    const after = readingIdsAfter(before, now(), shown);
    expect(after.ids).toEqual([frame, first, second, bridge, loose]);
    updateElement<'sticky'>(ana.doc, first, { text: 'verborgen' });
    expect(readingIdsAfter(after, now(), shown).ids).toEqual([frame, second, bridge, loose]);
  });
});
