import type { TextEdit } from './types';

/** Font size of a title or label being edited in place, world units. */
const LABEL_SIZE = 16;

/**
 * How a one-line title or label is edited (`TextEdit`): over the element, Enter ends the edit,
 * and the outline reads it rather than offering a text field. `own` changes any of it.
 */
export function labelEdit<E>(own: Partial<TextEdit<E>> = {}): TextEdit<E> {
  return { fontSize: () => LABEL_SIZE, multiline: false, inOutline: false, ...own };
}
