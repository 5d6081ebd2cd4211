/**
 * The view registry: one view per element type (the domain half is workshops/elements). Adding
 * a type to workshops/elements without a view here fails to compile.
 */
import type { Element, ElementByType, ElementType } from '../../../workshops';
import { blockView } from './block';
import { connectorView } from './connector';
import { frameView } from './frame';
import { quoteView } from './quote';
import { shapeView } from './shape';
import { stickyView } from './sticky';
import { textView } from './text';
import type { ElementView, PlaceTool, ViewRegistry } from './types';
import { widgetView } from './widget';

export const ELEMENT_VIEWS = {
  sticky: stickyView,
  text: textView,
  shape: shapeView,
  connector: connectorView,
  frame: frameView,
  block: blockView,
  // One answer widget, two kinds (web/board/elements/widget.tsx draws both).
  rating: widgetView,
  survey: widgetView,
  quote: quoteView,
} satisfies ViewRegistry;

type Views = typeof ELEMENT_VIEWS;

/** Ids of the tools that place an element (`tools` of the views): `sticky`, `rect`, `quote`, … */
export type PlaceToolId = {
  [T in ElementType]: keyof Views[T]['tools'] & string;
}[ElementType];

/** The view of any element, for calls that do not care which type it is. */
export function viewOf<T extends ElementType>(type: T): ElementView<ElementByType[T]> {
  return (ELEMENT_VIEWS as ViewRegistry)[type];
}

/** The view of an element of any type (each view is checked against its type above). */
export function viewOfElement(el: Element): ElementView<Element> {
  return ELEMENT_VIEWS[el.type] as ElementView<Element>;
}

export interface PlaceToolEntry {
  id: PlaceToolId;
  type: ElementType;
  tool: PlaceTool<ElementByType[ElementType]>;
}

/** Every placing tool with the type it places, in tool-bar order. */
export const PLACE_TOOLS: readonly PlaceToolEntry[] = (
  Object.entries(ELEMENT_VIEWS) as Array<[ElementType, ElementView<ElementByType[ElementType]>]>
)
  .flatMap(([type, view]) =>
    Object.entries(view.tools).map(([id, tool]) => ({ id: id as PlaceToolId, type, tool })),
  )
  .sort((a, b) => a.tool.order - b.tool.order);

export function placeTool(id: string): PlaceToolEntry | undefined {
  return PLACE_TOOLS.find((t) => t.id === id);
}

export type { RendererProps } from './types';

/** The engine's `fitText` (web/board/board.ts): the size a view gives an element for a text. */
export function fitText(el: Element, text: string): { w: number; h: number } | null {
  return viewOfElement(el).textEdit?.fit?.(el, text) ?? null;
}
