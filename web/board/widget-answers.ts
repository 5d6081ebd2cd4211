/**
 * Answering a rating or survey widget (workshops/elements/widget.ts) from the board: the one way
 * the canvas, the answer sheet and the outline write a score. It asks the board whether this
 * person may write (`canEdit`: not a viewer, not locked), writes under the board's transaction
 * origin (so undo takes back one's own answer and nobody else's) and closes the undo step.
 *
 * On a touch screen a score button the size of a finger tip (44 px, WCAG 2.5.5) would need the
 * board zoomed in far beyond what fits a phone, so there a tap on a widget whose buttons are
 * smaller than that opens the answer sheet (ui/WidgetSheet.tsx): big buttons in the page, at the
 * question that was tapped. Zoomed in far enough, a tap on a button answers directly, as a click.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { WidgetElement, WidgetHit } from '../../workshops';
import { isWidget, recordWidgetAnswer, widgetHitAt, widgetLayout } from '../../workshops';
import type { Board } from './board';
import type { Point } from './geometry';

/** The smallest touch target, CSS px (WCAG 2.5.5; also Apple's and Google's guides). */
export const MIN_TOUCH_TARGET = 44;

/** Records (or, when it is the score already given, clears) this person's answer. */
export function answerWidget(board: Board, id: string, hit: WidgetHit): boolean {
  const el = board.get(id);
  if (!board.canEdit || !isWidget(el)) return false;
  let done = false;
  board.transact(() => {
    done = recordWidgetAnswer(board.doc, el, hit, board.options.user.id);
  });
  board.undoManager.stopCapturing();
  return done;
}

/** On-screen size, px, of the widget's score buttons at the board's zoom. */
export function scoreButtonPx(board: Board, el: WidgetElement): number {
  const box = widgetLayout(el).rows[0]?.buttons[0]?.box;
  return box ? Math.min(box.w, box.h) * board.state.camera.zoom : 0;
}

/** The question whose row lies under a world point (label, buttons or results), or null. */
export function widgetRowAt(el: WidgetElement, world: Point): string | null {
  const y = world.y - el.y;
  const x = world.x - el.x;
  if (x < 0 || x > el.w) return null;
  const row = widgetLayout(el).rows.find((r) => y >= r.label.y && y < r.label.y + r.label.h);
  return row?.questionId ?? null;
}

/**
 * A tap or click on element `id` at `world`: answers when it lands on a score button that is big
 * enough for the pointer; on touch, over the rows of a widget whose buttons are too small on
 * screen, opens the answer sheet at that question. Returns whether the widget took the tap (the
 * board then neither selects nor drags).
 */
export function tapWidget(board: Board, id: string, world: Point, touch: boolean): boolean {
  const el = board.get(id);
  if (!isWidget(el) || !board.canEdit) return false;
  if (touch && scoreButtonPx(board, el) < MIN_TOUCH_TARGET) {
    const questionId = widgetRowAt(el, world);
    if (!questionId) return false;
    widgetSheet(board).setState({ open: { id, questionId } });
    return true;
  }
  const hit = widgetHitAt(el, world);
  return hit ? answerWidget(board, id, hit) : false;
}

export interface WidgetSheetState {
  /** The widget whose answer sheet is open, and the question it opened at. */
  open: { id: string; questionId: string } | null;
}

const sheets = new WeakMap<Board, StoreApi<WidgetSheetState>>();

/** The answer sheet's state of one board. */
export function widgetSheet(board: Board): StoreApi<WidgetSheetState> {
  let store = sheets.get(board);
  if (!store) {
    store = createStore<WidgetSheetState>(() => ({ open: null }));
    sheets.set(board, store);
  }
  return store;
}
