/**
 * The answer sheet: on a touch screen, a tap on a rating or survey widget whose score buttons
 * are smaller than a finger tip on screen opens its questions here (widget-answers.ts), with
 * buttons of 44 px and more, readable text whatever the board's zoom, and a screen reader's
 * names and states. It opens at the question that was tapped and follows the answers live.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { WIDGET_KIND_SPECS, isWidget, localize } from '../../../workshops';
import type { Board } from '../board';
import { useBoardState } from '../use-board';
import { widgetSheet } from '../widget-answers';
import { useT } from '../../i18n';
import { WidgetQuestions } from './WidgetQuestions';
import { WIDGETS_NS } from './widget-strings';

/** Tab and Shift+Tab go round inside the modal sheet. */
function keepFocusIn(e: KeyboardEvent<HTMLElement>, within: HTMLElement | null): void {
  const items = [...(within?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first?.focus();
  }
}

export function WidgetSheet({ board, lang }: { board: Board; lang: 'nl' | 'en' }) {
  const { t } = useT(WIDGETS_NS);
  const store = widgetSheet(board);
  const open = useStore(store, (s) => s.open);
  const el = useBoardState(board, (s) => (open ? s.elements.get(open.id) : undefined));
  const titleId = useId();
  const list = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const [said, setSaid] = useState('');
  const close = () => store.setState({ open: null });
  const gone = open !== null && !isWidget(el);
  useEffect(() => {
    if (gone) store.setState({ open: null });
  }, [gone, store]);
  useEffect(() => {
    if (!open) return;
    // Where focus was (the canvas, after a tap), to give it back when the sheet closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSaid('');
    // Start at the tapped question, its first score button focused.
    const row = list.current?.querySelector<HTMLElement>(
      `[data-question="${CSS.escape(open.questionId)}"]`,
    );
    row?.scrollIntoView({ block: 'center' });
    row?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
    return () => {
      const back =
        before && before !== document.body && before.isConnected
          ? before
          : document.querySelector<HTMLElement>('.wb-canvas');
      back?.focus({ preventScroll: true });
    };
  }, [open]);
  if (!open || !isWidget(el)) return null;
  const title = el.title || localize(WIDGET_KIND_SPECS[el.type].title, lang);
  return (
    <div className="wq-backdrop" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="wq-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={sheetRef}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          } else if (e.key === 'Tab') keepFocusIn(e, sheetRef.current);
        }}
      >
        <h2 id={titleId} className="wq-title">
          {t('sheet', { title })}
        </h2>
        <div className="wq-list" ref={list}>
          <WidgetQuestions board={board} el={el} lang={lang} onAnswered={setSaid} />
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {said}
        </p>
        <button type="button" className="wq-done" onClick={close}>
          {t('done')}
        </button>
      </div>
    </div>
  );
}
