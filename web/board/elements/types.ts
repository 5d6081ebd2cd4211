import type { ComponentType } from 'react';
import type { ElementByType, ElementType } from '../../../workshops';
import type { Point, Rect } from '../geometry';
import type { Board } from '../board';
import type { BoardState } from '../types';

/** What every element renderer gets. Renderers only draw: hit-testing is the engine's (rbush). */
export interface RendererProps<E> {
  el: E;
  /** Where to draw it (its live drag position or its stored one). */
  pos: Point;
  zoom: number;
  lang: 'nl' | 'en';
  /** Live bounds of another element (connectors follow what they join). */
  resolve: (id: string) => Rect | null;
  /** Text being edited in the overlay is not drawn twice. */
  editing: boolean;
  /** Votes are shown only when not hidden by a voting round. */
  showVotes: boolean;
  /** The person looking: their own votes are drawn as dots in their colour, even while hidden. */
  voter: { id: string; color: string } | null;
}

/** A tool that places one element of its type where the person clicks (web/board/canvas). */
export interface PlaceTool<E> {
  /** Where it sits in the tool bar, among the others (lower: further left). */
  order: number;
  /** Keyboard shortcut, in the command registry's notation (web/board/commands.ts). */
  shortcut: string;
  /** i18n key in the `board` namespace (web/board/strings.ts). */
  label: string;
  /** A 24×24 line icon: an SVG path (web/board/ui/icons.tsx draws it). */
  icon: string;
  /** The new element's size and own fields, from the view state at the moment of placing. */
  init(state: BoardState, t: (key: string) => string): Partial<E> & { w: number; h: number };
  /** Starts editing its text right after placing (a new note is for writing in). */
  editAfterPlace?: boolean;
}

/**
 * How an element's text (its module's `textField`, workshops/elements) is edited in place: the
 * text area over it (ui/TextEditor.tsx), the outline's text field (web/outline) and what a
 * change of text does to the element (board.ts `setText`). Sizes are world units.
 */
export interface TextEdit<E> {
  /** Where the text area sits (default: over the element); `resolve` gives others' bounds. */
  box?(el: E, resolve: (id: string) => Rect | null): Rect;
  /** Font size of the text being typed (`draft`), as it is drawn. */
  fontSize(el: E, draft: string): number;
  /** The text area's background (default white). */
  background?(el: E): string;
  /** Inner margin as drawn (default: the editor's own, board.css). */
  padding?: number;
  /** The editor's border lies outside the box, so the text wraps exactly as drawn (a text box). */
  borderOutside?: boolean;
  /** Placeholder of an empty text: an i18n key in the `board` namespace (web/board/strings.ts). */
  placeholder?: string;
  /** Free text of several lines (a note): Enter adds a line; else Enter ends the edit (a title). */
  multiline: boolean;
  /** The outline (web/outline) offers the text in a text field: its line there is this text. */
  inOutline: boolean;
  /** A strip outside the element where a double-click edits its text (a frame's title above it). */
  strip?(el: E, zoom: number): Rect;
  /** The element's size after its text changed (a text box grows with its text), else kept. */
  fit?(el: E, text: string): { w: number; h: number };
}

/**
 * The view half of an element type (the domain half is its module in workshops/elements): how
 * it is drawn with Konva, its colour when drawn as a plain box, its resize rule, its tools, how
 * its text is edited and how the outline shows it.
 */
export interface ElementView<E> {
  Renderer: ComponentType<RendererProps<E>>;
  /** Fill of its box when zoomed far out (canvas/ElementsLayer.tsx) and on the minimap. */
  boxFill(el: E): string;
  /** Resize handles: `free`, `ratio` (keeps its proportions) or `none` (connectors). */
  resize(el: E): 'free' | 'ratio' | 'none';
  /** Tools that place it, by tool id (empty: it is made some other way). */
  tools: Readonly<Record<string, PlaceTool<E>>>;
  /** A panel beside it while it alone is selected (ui/InspectorHost.tsx), or none. */
  Inspector: ComponentType<InspectorProps<E>> | null;
  /** How its text is edited in place, or null for a type without text to edit. */
  textEdit: TextEdit<E> | null;
  /**
   * How the outline's *show* brings it into view: `fit` the view to it (frames and widgets, read
   * whole) or `centre` it at the current zoom.
   */
  show: 'fit' | 'centre';
}

export interface InspectorProps<E> {
  board: Board;
  el: E;
}

/** One view per element type: a missing entry is a compile error. */
export type ViewRegistry = {
  [T in ElementType]: ElementView<ElementByType[T]>;
};
