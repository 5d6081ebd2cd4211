/**
 * The board by keyboard (issue 14): every element is a focusable item, in reading order (each
 * frame, then what is in it, as the outline lists them: web/outline/model.ts). Focus selects the
 * element and brings it into view with a visible ring; arrow keys move it (Shift: further), Enter
 * is a click (a vote in a voting round) or else edits its text, Space too; Delete, Escape and the other
 * shortcuts work as on the canvas (BoardCanvas.tsx, commands.ts). Everything goes through the
 * engine, so permissions, locks and undo hold.
 *
 * The items follow the board lazily while keyboard focus is elsewhere (`useShownElements`): at
 * most once per LAZY_MS after a change, not on every remote edit, because reconciling one item
 * per element on a 10,000-note board took half the frames of a pan with 20 edits/s
 * (test/bench/suites/render.ts). Once focus is in the list they catch up at once and follow every
 * change. The reading order is worked out again only when an element's place in it can have
 * changed (`readingIdsAfter`).
 *
 * Also the board's announcer: one polite live region that says what changed for this person —
 * the board locked or opened again, brought here by the facilitator — so a screen reader hears
 * it without looking for it.
 */
import i18next from 'i18next';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Element } from '../../workshops';
import { CATEGORIES, localize, readElement, totalVotes } from '../../workshops';
import { currentLanguage, useT } from '../i18n';
import { buildOutline, itemText } from '../outline/model';
import type { OutlineSection } from '../outline/model';
import { OUTLINE_NS } from '../outline/strings';
import { ACCESS_NS } from './access-strings';
import type { Board } from './board';
import { contains, viewRect } from './geometry';
import { useBoardState } from './use-board';

// ---- the announcer ------------------------------------------------------------------------

const announcements = createStore<{ text: string; n: number }>(() => ({ text: '', n: 0 }));

/** Says `text` through the board's polite live region. */
export function announce(text: string): void {
  announcements.setState((s) => ({ text, n: s.n + 1 }));
}

/** "The facilitator brought you here" (SessionBar's summon), with where to. */
export function announceBroughtHere(where: string): void {
  announce(i18next.t('broughtHere', { ns: ACCESS_NS, where }));
}

export function Announcer({ board }: { board: Board }) {
  const { t } = useT(ACCESS_NS);
  const { text, n } = useStore(announcements);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const before = useRef(readOnly);
  useEffect(() => {
    if (before.current === readOnly) return;
    if (readOnly === 'locked') announce(t('locked'));
    else if (before.current === 'locked' && readOnly === null) announce(t('unlocked'));
    before.current = readOnly;
  }, [readOnly, t]);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {/* A new key per message: the same text twice is announced twice. */}
      <span key={n}>{text}</span>
    </div>
  );
}

// ---- keyboard navigation ------------------------------------------------------------------

/** Element ids in reading order: each frame, then its items, then the frames inside it. */
export function readingIds(elements: Iterable<Element>, visible: (el: Element) => boolean) {
  const outline = buildOutline(elements, visible);
  const out: string[] = [];
  const walk = (s: OutlineSection) => {
    out.push(s.frame.id);
    for (const el of s.items) out.push(el.id);
    s.frames.forEach(walk);
  };
  outline.sections.forEach(walk);
  for (const el of outline.loose) out.push(el.id);
  return out;
}

/** Reading ids worked out for one version of the board's elements. */
export interface Reading {
  elements: ReadonlyMap<string, Element>;
  ids: readonly string[];
}

/**
 * The reading ids of `elements`, reusing `before`'s when no element can read elsewhere: the same
 * ids in the same order of the map (ties in the order keep it), and each changed element the
 * same in everything buildOutline reads — place, size, type, visibility, a bridge's start. A
 * text, a vote or a colour changes no place; a move, a new or a removed element build it again.
 * `before` must have been worked out with the same `visible`.
 */
export function readingIdsAfter(
  before: Reading | null,
  elements: ReadonlyMap<string, Element>,
  visible: (el: Element) => boolean,
): Reading {
  if (before && samePlaces(before.elements, elements, visible))
    return { elements, ids: before.ids };
  return { elements, ids: readingIds(elements.values(), visible) };
}

function samePlaces(
  before: ReadonlyMap<string, Element>,
  after: ReadonlyMap<string, Element>,
  visible: (el: Element) => boolean,
): boolean {
  if (before === after) return true;
  if (before.size !== after.size) return false;
  const was = before.values();
  for (const el of after.values()) {
    const old = was.next().value;
    if (old === el) continue;
    if (
      !old ||
      old.id !== el.id ||
      old.type !== el.type ||
      old.x !== el.x ||
      old.y !== el.y ||
      old.w !== el.w ||
      old.h !== el.h ||
      (old.type === 'connector' && el.type === 'connector' && old.from !== el.from) ||
      visible(old) !== visible(el)
    )
      return false;
  }
  return true;
}

/** Direction of each arrow key, for moving a focused element in the keyboard layer. */
export const ARROWS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The ends of what is not a connector: none (one array for all of them). */
const NO_ENDS: readonly unknown[] = [];

const STEP = 10;
const BIG_STEP = 50;

/**
 * How long the items may lag behind the board while keyboard focus is elsewhere, ms. Half a
 * second: a pan with 20 remote edits/s then pays for two catch-ups a second, not twenty, and a
 * screen reader's browse mode (which reads the list without focusing it) is never further behind.
 */
export const LAZY_MS = 500;

/**
 * The board's elements as the items show them. While keyboard focus is outside `list` (mouse and
 * touch users, or nobody), a change starts a timer and the items catch up when it fires, with
 * whatever the board holds then: a trailing throttle, so the last change of a burst always lands,
 * at most one catch-up per LAZY_MS however many edits arrive. Focus coming into the list calls
 * `catchUp` (at once); while it is there every change is shown as it arrives (the store batches
 * them per frame already), so a keyboard user reads the board as it is.
 *
 * A plain timer rather than requestIdleCallback or a transition: the catch-up is one render of a
 * few tens of ms on a 10,000-note board, which neither an idle period nor time slicing makes
 * shorter, and a transition restarts whenever another part of the page updates — 20 times a
 * second here — so it may not land until React's expiry; a timer lands, and is what a test can
 * drive with fake timers.
 */
function useShownElements(board: Board, list: RefObject<HTMLElement | null>) {
  const [shown, setShown] = useState<ReadonlyMap<string, Element>>(() => board.state.elements);
  const catchUpRef = useRef(() => {});
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const catchUp = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      setShown(board.state.elements);
    };
    const changed = () => {
      const active = document.activeElement;
      if (active && list.current?.contains(active)) catchUp();
      else timer ??= setTimeout(catchUp, LAZY_MS);
    };
    catchUpRef.current = catchUp;
    const stop = board.store.subscribe((s, before) => {
      if (s.elements !== before.elements) changed();
    });
    // What changed between the first render and this subscription (the same map: no render).
    changed();
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
      catchUpRef.current = () => {};
    };
  }, [board, list]);
  return { elements: shown, catchUp: () => catchUpRef.current() };
}

/**
 * The keyboard layer: the focusable items (not while the board is only its loading picture, which
 * cannot be changed: the page's time goes to the document then) and the focus ring. The ring
 * follows the camera; the items do not, so panning re-renders no item.
 */
export function KeyboardLayer({ board }: { board: Board }) {
  const preview = useBoardState(board, (s) => s.preview);
  const [focused, setFocused] = useState<string | null>(null);
  return (
    <>
      {!preview && <KeyboardItems board={board} onFocusedChange={setFocused} />}
      {focused && <FocusRing board={board} id={focused} />}
    </>
  );
}

function FocusRing({ board, id }: { board: Board; id: string }) {
  const camera = useBoardState(board, (s) => s.camera);
  const ring = useBoardState(board, (s) => s.elements.get(id));
  if (!ring) return null;
  return (
    <div
      className="wb-kbd-ring"
      aria-hidden="true"
      style={{
        left: (ring.x - camera.x) * camera.zoom - 4,
        top: (ring.y - camera.y) * camera.zoom - 4,
        width: ring.w * camera.zoom + 8,
        height: ring.h * camera.zoom + 8,
      }}
    />
  );
}

interface ItemProps {
  id: string;
  label: string;
  onFocus(id: string): void;
  onBlur(id: string): void;
  onKeyDown(e: React.KeyboardEvent, id: string): void;
}

/** One element's focusable item; re-rendered only when its label changes. */
const KeyboardItem = memo(function KeyboardItem({
  id,
  label,
  onFocus,
  onBlur,
  onKeyDown,
}: ItemProps) {
  return (
    <li>
      <div
        className="wb-kbd-item"
        role="button"
        tabIndex={0}
        data-id={id}
        aria-label={label}
        onFocus={() => onFocus(id)}
        onBlur={() => onBlur(id)}
        onKeyDown={(e) => onKeyDown(e, id)}
      />
    </li>
  );
});

function KeyboardItems({
  board,
  onFocusedChange,
}: {
  board: Board;
  onFocusedChange: (update: (focused: string | null) => string | null) => void;
}) {
  const { t } = useT(ACCESS_NS);
  const { t: to } = useT(OUTLINE_NS);
  // Lazy while focus is elsewhere: one focusable item per element is thousands of DOM nodes on a
  // big board, and the elements that arrive after the first render (a 10,000-note board's, on
  // opening it) are built after the canvas has painted, as every remote edit is.
  const list = useRef<HTMLUListElement>(null);
  const { elements, catchUp } = useShownElements(board, list);
  const hidden = useBoardState(board, (s) => s.hiddenSilentRound);
  const votesHidden = useBoardState(board, (s) => s.votesHidden);
  const editing = useBoardState(board, (s) => s.editingId);
  const lastFocused = useRef<string | null>(null);
  const lang = currentLanguage();
  // The last reading order, with the elements and the silent round it was worked out for.
  const reading = useRef<{ hidden: string | null; reading: Reading } | null>(null);
  const ids = useMemo(() => {
    // `hidden` (a silent round) changes what is visible: the order is built again.
    const before = reading.current?.hidden === hidden ? reading.current.reading : null;
    const next = readingIdsAfter(before, elements, (el) => board.isVisible(el));
    reading.current = { hidden, reading: next };
    return next.ids;
  }, [elements, board, hidden]);

  // After editing by keyboard, focus returns to the element.
  const wasEditing = useRef<string | null>(null);
  useEffect(() => {
    if (wasEditing.current && !editing && wasEditing.current === lastFocused.current) {
      const id = wasEditing.current;
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`.wb-kbd-item[data-id="${CSS.escape(id)}"]`)?.focus(),
      );
    }
    wasEditing.current = editing;
  }, [editing]);

  // One label per element version: an edit changes one element object, and only its label is
  // worked out again (translating 10,000 labels per edit kept a busy board's canvas at 5 fps). A
  // connector's label names its ends: it is kept while they are the same versions too.
  const labels = useMemo(
    () => new WeakMap<Element, { label: string; ends: readonly unknown[] }>(),
    // A new language, or votes shown or hidden, changes every label.
    [lang, votesHidden, t, to],
  );
  const labelOf = (el: Element): string => {
    const ends = el.type === 'connector' ? [elements.get(el.from), elements.get(el.to)] : NO_ENDS;
    const kept = labels.get(el);
    if (kept && kept.ends.every((e, i) => e === ends[i])) return kept.label;
    const label = freshLabel(el);
    labels.set(el, { label, ends });
    return label;
  };
  const freshLabel = (el: Element): string => {
    const kind = to(`kinds.${el.type}`);
    const text = itemText(el, lang, elements).trim();
    const parts = [text ? t('element.label', { kind, text }) : t('element.empty', { kind })];
    if (el.type === 'sticky') {
      if (el.category) parts.push(localize(CATEGORIES[el.category].label, lang));
      if (!votesHidden && totalVotes(el) > 0)
        parts.push(t('element.votes', { count: totalVotes(el) }));
    }
    return parts.join(', ');
  };

  const handlers = useMemo(() => {
    const bringIntoView = (el: Element) => {
      const s = board.state;
      const view = viewRect(s.camera, s.viewport);
      if (contains(view, { x: el.x, y: el.y, w: el.w, h: el.h })) return;
      if (el.w * s.camera.zoom > s.viewport.w || el.h * s.camera.zoom > s.viewport.h) {
        // Bigger than the view: its top-left corner, at the same zoom.
        board.setCamera({
          ...s.camera,
          x: el.x - 24 / s.camera.zoom,
          y: el.y - 24 / s.camera.zoom,
        });
        return;
      }
      board.setCamera({
        ...s.camera,
        x: el.x + el.w / 2 - s.viewport.w / 2 / s.camera.zoom,
        y: el.y + el.h / 2 - s.viewport.h / 2 / s.camera.zoom,
      });
    };
    return {
      onFocus: (id: string) => {
        const el = board.get(id);
        if (!el) return;
        onFocusedChange(() => id);
        lastFocused.current = id;
        board.select([id]);
        bringIntoView(el);
      },
      onBlur: (id: string) => onFocusedChange((f) => (f === id ? null : f)),
      onKeyDown: (e: React.KeyboardEvent, id: string) => {
        const arrow = ARROWS[e.key];
        const el = board.get(id);
        if (!el) return;
        if (arrow) {
          const step = e.shiftKey ? BIG_STEP : STEP;
          if (board.canChange(el)) {
            // From the doc, not the store: a held key repeats faster than the store's batches.
            const moves = board.withContents([id]).flatMap((i) => {
              const fresh = readElement(board.doc, i);
              return fresh && fresh.type !== 'connector'
                ? [{ id: i, x: fresh.x + arrow[0] * step, y: fresh.y + arrow[1] * step }]
                : [];
            });
            board.moveTo(moves);
          }
          e.preventDefault();
          e.stopPropagation();
        } else if (e.key === 'Enter') {
          // As a click: in a voting round a vote, else editing the text.
          if (!board.offerTap(id) && board.canChange(el)) board.startEditing(id);
          e.preventDefault();
          e.stopPropagation();
        } else if (e.key === ' ') {
          // Space is a click: in a voting round, a vote.
          board.offerTap(id);
          e.preventDefault();
          e.stopPropagation();
        }
      },
    };
  }, [board, onFocusedChange]);

  return (
    // onFocus is React's focusin: focus coming to an item, from outside the list (the items catch
    // up at once) or from another item (they are current already: no render).
    <ul ref={list} className="wb-kbd" aria-label={t('keyboardHelp')} onFocus={catchUp}>
      {ids.map((id) => {
        const el = elements.get(id);
        return el ? <KeyboardItem key={id} id={id} label={labelOf(el)} {...handlers} /> : null;
      })}
    </ul>
  );
}
