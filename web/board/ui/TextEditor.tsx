import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Element } from '../../../workshops';
import { STICKY_FILL, mapPosition, textChange } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { connectorEnds, midpoint } from '../connectors';
import { STICKY_PAD, stickyFontSize } from '../elements/fit-text';
import { worldToScreen } from '../geometry';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';

/** In-place text editing: a textarea over the element at the current zoom. */
export function TextEditor({ board }: { board: Board }) {
  const editingId = useBoardState(board, (s) => s.editingId);
  const el = useBoardState(board, (s) => (s.editingId ? s.elements.get(s.editingId) : undefined));
  if (!editingId || !el) return null;
  // Keyed by the element: each edit mounts with the stored text as its draft, in the same render
  // that shows the textarea. (Seeding it from an effect left one frame in which the box was empty
  // and keys typed then replaced the text.)
  return <EditBox key={editingId} board={board} el={el} />;
}

function storedText(el: Element): string {
  return el.type === 'frame' || el.type === 'rating' || el.type === 'survey'
    ? el.title
    : el.type === 'block' || el.type === 'connector'
      ? el.label
      : el.text;
}

function EditBox({ board, el }: { board: Board; el: Element }) {
  const { t } = useT(BOARD_NS);
  const camera = useBoardState(board, (s) => s.camera);
  const ref = useRef<HTMLTextAreaElement>(null);
  const stored = storedText(el);
  // The textarea shows its own draft: the stored text reaches the store only with the next
  // frame's batch, and a controlled textarea fed from it would drop keys typed within one frame.
  // Each edit goes out relative to the text it was made on (`written`), so someone else's edit
  // that merged into the note meanwhile stays (board.setText). When the stored text differs from
  // what we last wrote, such an edit arrived: it replaces the draft, and the caret keeps its
  // place in the text around it. Not while a composition runs (an accent by dead key, an input
  // method): replacing the value would break it; the edit is taken when it ends.
  const [draft, setDraft] = useState(stored);
  const written = useRef(stored);
  const caret = useRef<{ start: number; end: number } | null>(null);
  const composing = useRef(false);
  const [composed, setComposed] = useState(0);
  useEffect(() => {
    if (stored === written.current || composing.current) return;
    const ta = ref.current;
    if (ta && document.activeElement === ta) {
      const change = textChange(ta.value, stored);
      caret.current = {
        start: mapPosition(ta.selectionStart, change),
        end: mapPosition(ta.selectionEnd, change),
      };
    }
    written.current = stored;
    setDraft(stored);
  }, [stored, composed]);
  useLayoutEffect(() => {
    const ta = ref.current;
    if (!ta || !caret.current) return;
    ta.setSelectionRange(caret.current.start, caret.current.end);
    caret.current = null;
  }, [draft]);

  useEffect(() => {
    const ta = ref.current;
    if (!ta) return;
    ta.focus();
    ta.setSelectionRange(ta.value.length, ta.value.length);
  }, []);

  let box = { x: el.x, y: el.y, w: el.w, h: el.h };
  if (el.type === 'frame') box = { x: el.x, y: el.y - 44, w: Math.min(el.w, 600), h: 40 };
  if (el.type === 'connector') {
    const m = midpoint(...connectorEnds(el, board.resolve));
    box = { x: m.x - 90, y: m.y - 18, w: 180, h: 36 };
  }
  const p = worldToScreen(camera, box);
  const border = el.type === 'text' ? 2 : 0;
  const fontSize =
    (el.type === 'sticky'
      ? stickyFontSize(draft, el.w, el.h, !!el.source)
      : el.type === 'text'
        ? el.fontSize
        : el.type === 'frame'
          ? 22
          : 16) * camera.zoom;
  const background = el.type === 'sticky' ? STICKY_FILL[el.color] : '#ffffff';
  const finish = () => board.stopEditing();
  return (
    <textarea
      ref={ref}
      className={`wb-text-editor is-${el.type}`}
      aria-label={t('commands.editText')}
      placeholder={el.type === 'sticky' ? t('placeholder.sticky') : ''}
      style={{
        // A text box's border sits outside it, so its text wraps exactly as drawn.
        left: p.x - border,
        top: p.y - border,
        width: box.w * camera.zoom + 2 * border,
        height: box.h * camera.zoom + 2 * border,
        fontSize,
        background,
        ...(el.type === 'sticky' ? { padding: STICKY_PAD * camera.zoom } : {}),
      }}
      value={draft}
      onChange={(e) => {
        const base = written.current;
        setDraft(e.target.value);
        written.current = e.target.value;
        board.setText(el.id, e.target.value, base);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        setComposed((n) => n + 1);
      }}
      onBlur={finish}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) {
          e.preventDefault();
          finish();
        }
        if (
          e.key === 'Enter' &&
          el.type !== 'sticky' &&
          el.type !== 'text' &&
          el.type !== 'shape'
        ) {
          e.preventDefault();
          finish();
        }
      }}
    />
  );
}
