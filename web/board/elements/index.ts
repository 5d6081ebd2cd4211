/**
 * The renderer registry: one module per element type. Adding a type to workshops/elements
 * without a renderer here fails to compile.
 */
import { BlockRenderer } from './block';
import { ConnectorRenderer } from './connector';
import { FrameRenderer } from './frame';
import { RatingRenderer } from './rating';
import { ShapeRenderer } from './shape';
import { StickyRenderer } from './sticky';
import { SurveyRenderer } from './survey';
import { TextRenderer } from './text';
import type { RendererRegistry } from './types';

export const RENDERERS: RendererRegistry = {
  sticky: StickyRenderer,
  text: TextRenderer,
  shape: ShapeRenderer,
  connector: ConnectorRenderer,
  frame: FrameRenderer,
  block: BlockRenderer,
  rating: RatingRenderer,
  survey: SurveyRenderer,
};

export type { RendererProps } from './types';
