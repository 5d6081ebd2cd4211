import type { Element, Role, StickyColor } from '../../workshops';
import type { PlaceToolId } from './elements';
import type { Camera, Point, Rect } from './geometry';

/**
 * The board's own tools, and the tools that place an element (`tools` of the element views in
 * web/board/elements: sticky, text, rect, ellipse, diamond, frame, quote, …).
 */
export type ToolId = 'select' | 'hand' | 'connector' | 'block' | PlaceToolId;

/** Why a board cannot be edited (null: it can). */
export type ReadOnlyReason = 'locked' | 'viewer' | null;

export interface BoardUser {
  id: string;
  name: string;
  color: string;
  organisation?: string;
}

/** Someone else on this board, from awareness. */
export interface Peer {
  clientId: number;
  user: BoardUser;
  cursor: Point | null;
  selection: string[];
  editingId: string | null;
  /** Live positions of what they are dragging (the doc is written on drop). */
  drag: Record<string, Point> | null;
}

/** View state of one board (zustand). Durable data lives in the Y.Doc, never only here. */
export interface BoardState {
  /** Decoded elements by id; a new Map after each batch of doc changes. */
  elements: ReadonlyMap<string, Element>;
  /** Element ids sorted by z (bottom first). */
  order: readonly string[];
  version: number;
  selection: ReadonlySet<string>;
  editingId: string | null;
  tool: ToolId;
  stickyColor: StickyColor;
  blockKind: string;
  camera: Camera;
  /**
   * The camera the canvas was last drawn with. Between redraws the canvas follows `camera` by a
   * CSS transform (canvas/drawn-view.ts); what draws on the stage culls and sizes by this one.
   */
  drawn: Camera;
  viewport: { w: number; h: number };
  readOnly: ReadOnlyReason;
  /**
   * The elements are a picture sent ahead of the board's document (`Board.showPreview`): drawn,
   * but nothing can be changed until the document has arrived and replaced them.
   */
  preview: boolean;
  role: Role;
  peers: readonly Peer[];
  canUndo: boolean;
  canRedo: boolean;
  /** Local live positions while dragging (merged with peers' for drawing). */
  dragPreview: ReadonlyMap<string, Point> | null;
  marquee: Rect | null;
  /** A connector being drawn: from element (or point) to the pointer. */
  pendingConnector: { from: string | null; start: Point; end: Point } | null;
  snapToGrid: boolean;
  helpOpen: boolean;
  /** The building-block palette is open. */
  paletteOpen: boolean;
  contextMenu: { x: number; y: number } | null;
  /** Hides stickies of others written in a silent round (facilitator feature sets it). */
  hiddenSilentRound: string | null;
  /** Vote counts hidden (a voting round not yet revealed). */
  votesHidden: boolean;
}

export const GRID = 20;
