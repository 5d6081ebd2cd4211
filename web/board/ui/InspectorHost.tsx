/**
 * The inspector of the one selected element, when its type has one (`Inspector` in its view,
 * web/board/elements) and this person may change it: a small panel beside it for what is not
 * typed on the element itself (a bridge's value and direction, a quote's attribution).
 */
import type { ComponentType } from 'react';
import type { Element } from '../../../workshops';
import type { Board } from '../board';
import { ELEMENT_VIEWS } from '../elements';
import type { InspectorProps } from '../elements/types';
import { useBoardState } from '../use-board';

export function InspectorHost({ board }: { board: Board }) {
  const selection = useBoardState(board, (s) => s.selection);
  useBoardState(board, (s) => s.version);
  const editing = useBoardState(board, (s) => s.editingId);
  const dragging = useBoardState(board, (s) => s.dragPreview);
  const tool = useBoardState(board, (s) => s.tool);
  const [id] = selection.size === 1 ? [...selection] : [];
  const el = id ? board.get(id) : undefined;
  // Out of the way while something else is drawn, dragged or edited.
  if (!el || !board.canChange(el) || editing || dragging || tool !== 'select') return null;
  const Inspector = ELEMENT_VIEWS[el.type].Inspector as ComponentType<
    InspectorProps<Element>
  > | null;
  return Inspector ? <Inspector key={el.id} board={board} el={el} /> : null;
}
