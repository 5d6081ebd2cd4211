import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Element } from '../../../workshops';
import { editableTextOf, mapPosition, textChange } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { viewOfElement } from '../elements';
import type { TextEdit } from '../elements/types';
import { worldToScreen } from '../geometry';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';

/** Width of the editor's border, screen px (`.wb-text-editor`, board.css). */
const BORDER = 2;

/**
 * In-place text editing: a textarea over the element at the current zoom, placed and styled as
 * its view says (`textEdit`, web/board/elements); it edits the module's `textField`.
 */
export function TextEditor({ board }: { board: Board }) {
  const editingId = useBoardState(board, (s) => s.editingId);
  const el = useBoardState(board, (s) => (s.editingId ? s.elements.get(s.editingId) : undefined));
  const edit = el ? viewOfElement(el).textEdit : null;
  if (!editingId || !el || !edit) return null;
  // Keyed by the element: each edit mounts with the stored text as its draft, in the same render
  // that shows the textarea. (Seeding it from an effect left one frame in which the box was empty
  // and keys typed then replaced the text.)
  return <EditBox key={editingId} board={board} el={el} edit={edit} />;
}

function EditBox({ board, el, edit }: { board: Board; el: Element; edit: TextEdit<Element> }) {
  const { t } = useT(BOARD_NS);
  const camera = useBoardState(board, (s) => s.camera);
  const ref = useRef<HTMLTextAreaElement>(null);
  const stored = editableTextOf(el);
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

  const box = edit.box?.(el, board.resolve) ?? { x: el.x, y: el.y, w: el.w, h: el.h };
  const p = worldToScreen(camera, box);
  // A border outside the box (a text box's), so the text wraps exactly as drawn.
  const border = edit.borderOutside ? BORDER : 0;
  const finish = () => board.stopEditing();
  return (
    <textarea
      ref={ref}
      className={`wb-text-editor is-${el.type}`}
      aria-label={t('commands.editText')}
      placeholder={edit.placeholder ? t(edit.placeholder) : ''}
      style={{
        left: p.x - border,
        top: p.y - border,
        width: box.w * camera.zoom + 2 * border,
        height: box.h * camera.zoom + 2 * border,
        fontSize: edit.fontSize(el, draft) * camera.zoom,
        background: edit.background?.(el) ?? '#ffffff',
        ...(edit.padding !== undefined ? { padding: edit.padding * camera.zoom } : {}),
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
        if (e.key === 'Enter' && !edit.multiline) {
          e.preventDefault();
          finish();
        }
      }}
    />
  );
}
