import { useEffect, useRef, useState } from 'react';
import type { Element } from '../../../workshops';
import { STICKY_FILL } from '../../../workshops';
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
  // Someone else's edit of the same text (stored differs from what we last wrote) replaces it.
  const [draft, setDraft] = useState(stored);
  const written = useRef(stored);
  useEffect(() => {
    if (stored !== written.current) {
      written.current = stored;
      setDraft(stored);
    }
  }, [stored]);

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
        setDraft(e.target.value);
        written.current = e.target.value;
        board.setText(el.id, e.target.value);
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
