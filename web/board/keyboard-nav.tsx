/**
 * The board by keyboard (issue 14): every element is a focusable item, in reading order (each
 * frame, then what is in it, as the outline lists them: web/outline/model.ts). Focus selects the
 * element and brings it into view with a visible ring; arrow keys move it (Shift: further), Enter
 * is a click (a vote in a voting round) or else edits its text, Space too; Delete, Escape and the other
 * shortcuts work as on the canvas (BoardCanvas.tsx, commands.ts). Everything goes through the
 * engine, so permissions, locks and undo hold.
 *
 * Also the board's announcer: one polite live region that says what changed for this person —
 * the board locked or opened again, brought here by the facilitator — so a screen reader hears
 * it without looking for it.
 */
import i18next from 'i18next';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
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
  // Deferred: one focusable item per element is thousands of DOM nodes on a big board; React
  // builds them after the canvas has painted (a 10,000-note board's first view waited a second
  // for them; the bench's cold open, test/bench/render/cold-board.ts).
  const elements = useDeferredValue(useBoardState(board, (s) => s.elements));
  const hidden = useBoardState(board, (s) => s.hiddenSilentRound);
  const votesHidden = useBoardState(board, (s) => s.votesHidden);
  const editing = useBoardState(board, (s) => s.editingId);
  const lastFocused = useRef<string | null>(null);
  const lang = currentLanguage();
  const ids = useMemo(
    () => readingIds(elements.values(), (el) => board.isVisible(el)),
    // `hidden` (a silent round) changes what is visible.
    [elements, board, hidden],
  );

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
    <ul className="wb-kbd" aria-label={t('keyboardHelp')}>
      {ids.map((id) => {
        const el = elements.get(id);
        return el ? <KeyboardItem key={id} id={id} label={labelOf(el)} {...handlers} /> : null;
      })}
    </ul>
  );
}
