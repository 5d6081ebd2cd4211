import type { ComponentType } from 'react';
import type { ElementByType, ElementType } from '../../../workshops';
import type { Point, Rect } from '../geometry';

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

/** One renderer per element type: a missing entry is a compile error. */
export type RendererRegistry = {
  [T in ElementType]: ComponentType<RendererProps<ElementByType[T]>>;
};
