/**
 * The renderer registry: one module per element type. Adding a type to workshops/elements
 * without a renderer here fails to compile.
 */
import { BlockRenderer } from './block';
import { ConnectorRenderer } from './connector';
import { FrameRenderer } from './frame';
import { ShapeRenderer } from './shape';
import { StickyRenderer } from './sticky';
import { TextRenderer } from './text';
import type { RendererRegistry } from './types';
import { WidgetRenderer } from './widget';

export const RENDERERS: RendererRegistry = {
  sticky: StickyRenderer,
  text: TextRenderer,
  shape: ShapeRenderer,
  connector: ConnectorRenderer,
  frame: FrameRenderer,
  block: BlockRenderer,
  // One renderer for every kind of answer widget.
  rating: WidgetRenderer,
  survey: WidgetRenderer,
};

export type { RendererProps } from './types';
