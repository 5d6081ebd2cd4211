import type { LocalText } from '../i18n';

/** Groups of the building-block catalogue (prototype stage, DOMAIN.md session 4). */
export const BLOCK_GROUPS = ['self', 'chain', 'ecosystem', 'people', 'resource', 'badge'] as const;
export type BlockGroup = (typeof BLOCK_GROUPS)[number];

/**
 * The palette's families, by what a participant looks for: partners (who we work with, us in
 * the middle), what flows between them (the five M's, knowledge, a method), and the value of
 * the collaboration (its level: transaction → integration → transformation).
 */
export const BLOCK_FAMILIES = ['partners', 'flows', 'value'] as const;
export type BlockFamily = (typeof BLOCK_FAMILIES)[number];

/** Outline a block is drawn with; each kind has a distinct shape + colour + icon. */
export const BLOCK_SHAPES = [
  'circle',
  'roundRect',
  'rect',
  'hexagon',
  'diamond',
  'triangle',
  'star',
  'pill',
] as const;
export type BlockShape = (typeof BLOCK_SHAPES)[number];

export interface BlockKind {
  id: string;
  group: BlockGroup;
  label: LocalText;
  description: LocalText;
  shape: BlockShape;
  /** Fill colour (hex). */
  color: string;
  /** A short glyph drawn in the block (an emoji or one or two letters). */
  icon: string;
  /** Default size on the board. */
  size: { w: number; h: number };
}
