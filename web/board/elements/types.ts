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
 * The view half of an element type (the domain half is its module in workshops/elements): how
 * it is drawn with Konva, its colour when drawn as a plain box, its resize rule and its tools.
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
}

export interface InspectorProps<E> {
  board: Board;
  el: E;
}

/** One view per element type: a missing entry is a compile error. */
export type ViewRegistry = {
  [T in ElementType]: ElementView<ElementByType[T]>;
};
