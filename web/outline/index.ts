/** The board as an editable list (issue 14): `<OutlineButton />` and `<OutlinePanel board />`. */
export { OutlineButton, OutlinePanel, OutlineView } from './OutlineView';
export { buildOutline, freeSpot } from './model';
export { setOutlineMode, useOutlineMode } from './state';
