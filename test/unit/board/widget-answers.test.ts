import { describe, expect, it } from 'vitest';
import type { WidgetElement } from '../../../workshops';
import { addElement, isWidget, readElement, widgetLayout, widgetSheet } from '../../../workshops';
import {
  MIN_TOUCH_TARGET,
  answerWidget,
  scoreButtonPx,
  tapWidget,
  widgetSheet as sheetOf,
} from '../../../web/board/widget-answers';
import { TestBoard } from './test-board';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

/** A survey seeded by the facilitator (a template widget: participants answer, not move it). */
function surveyBoard(options: { role?: 'participant' | 'viewer' } = {}) {
  const tb = new TestBoard(undefined, options);
  const id = addElement(
    tb.doc,
    'survey',
    { x: 100, y: 100, w: 880, h: 1200, templateId: 'survey-widget' },
    { author: 'template', id: 'w1', env },
  );
  const el = () => {
    const e = readElement(tb.doc, id);
    if (!isWidget(e)) throw new Error('no widget');
    return e;
  };
  return { tb, id, el };
}

/** The world point at the centre of score `score` of row `row`. */
function centre(el: WidgetElement, row: number, score: number) {
  const b = widgetLayout(el).rows[row]!.buttons[score - 1]!.box;
  return { x: el.x + b.x + b.w / 2, y: el.y + b.y + b.h / 2 };
}

describe('widget answers go through the board', () => {
  it('under the board’s origin: undo takes back one’s own answer', () => {
    const { tb, id, el } = surveyBoard();
    const q = widgetLayout(el()).rows[1]!.questionId;
    expect(answerWidget(tb.board, id, { questionId: q, score: 4 })).toBe(true);
    expect(widgetSheet(el())['p-test']).toEqual({ [q]: 4 });
    expect(tb.board.undoManager.canUndo()).toBe(true);
    tb.board.undo();
    expect(widgetSheet(el())['p-test']?.[q]).toBeUndefined();
  });

  it('not for a viewer, nor on a locked board', () => {
    const viewer = surveyBoard({ role: 'viewer' });
    const q = widgetLayout(viewer.el()).rows[0]!.questionId;
    expect(answerWidget(viewer.tb.board, viewer.id, { questionId: q, score: 2 })).toBe(false);
    expect(tapWidget(viewer.tb.board, viewer.id, centre(viewer.el(), 0, 2), false)).toBe(false);
    const locked = surveyBoard();
    locked.tb.board.setReadOnly('locked');
    expect(answerWidget(locked.tb.board, locked.id, { questionId: q, score: 2 })).toBe(false);
    expect(widgetSheet(locked.el())).toEqual({});
  });

  it('a click on a score answers; a touch on buttons too small on screen opens the sheet', () => {
    const { tb, id, el } = surveyBoard();
    tb.board.setCamera({ x: 0, y: 0, zoom: 0.5 });
    expect(scoreButtonPx(tb.board, el())).toBeLessThan(MIN_TOUCH_TARGET);
    const at = centre(el(), 2, 5);
    const q = widgetLayout(el()).rows[2]!.questionId;
    // A touch opens the answer sheet at the tapped question, and writes nothing.
    expect(tapWidget(tb.board, id, at, true)).toBe(true);
    expect(sheetOf(tb.board).getState().open).toEqual({ id, questionId: q });
    expect(widgetSheet(el())).toEqual({});
    // A mouse click answers at once.
    expect(tapWidget(tb.board, id, at, false)).toBe(true);
    expect(widgetSheet(el())['p-test']).toEqual({ [q]: 5 });
    // Zoomed in until a button is a finger tip wide, a touch answers directly too.
    sheetOf(tb.board).setState({ open: null });
    tb.board.setCamera({ x: 0, y: 0, zoom: 2 });
    expect(scoreButtonPx(tb.board, el())).toBeGreaterThanOrEqual(MIN_TOUCH_TARGET);
    expect(tapWidget(tb.board, id, centre(el(), 2, 3), true)).toBe(true);
    expect(sheetOf(tb.board).getState().open).toBeNull();
    expect(widgetSheet(el())['p-test']).toEqual({ [q]: 3 });
    // The title is no answer: the widget is selected or dragged as usual.
    expect(tapWidget(tb.board, id, { x: el().x + 30, y: el().y + 30 }, true)).toBe(false);
  });
});
