import type { BaseElement, ElementModule, ElementType, RawElement } from './base';
import { block, type BlockElement } from './block';
import { connector, type ConnectorElement } from './connector';
import { frame, type FrameElement } from './frame';
import { rating, type RatingElement } from './rating';
import { shape, type ShapeElement } from './shape';
import { sticky, type StickyElement } from './sticky';
import { survey, type SurveyElement } from './survey';
import { text, type TextElement } from './text';

/** Maps each element type to its record type. A missing entry is a compile error below. */
export interface ElementByType {
  sticky: StickyElement;
  text: TextElement;
  shape: ShapeElement;
  connector: ConnectorElement;
  frame: FrameElement;
  block: BlockElement;
  rating: RatingElement;
  survey: SurveyElement;
}

export type Element = ElementByType[ElementType];

export const ELEMENT_MODULES: { [T in ElementType]: ElementModule<ElementByType[T]> } = {
  sticky,
  text,
  shape,
  connector,
  frame,
  block,
  rating,
  survey,
};

export function moduleOf<T extends ElementType>(type: T): ElementModule<ElementByType[T]> {
  return ELEMENT_MODULES[type];
}

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ELEMENT_MODULES, value);
}

/** Decodes a stored record of any type; `null` for unknown types or non-elements. */
export function decodeElement(id: string, raw: RawElement): Element | null {
  const type = raw.type;
  if (!isElementType(type)) return null;
  return (ELEMENT_MODULES[type] as ElementModule<BaseElement>).decode(id, raw) as Element | null;
}

export function textOfElement(el: Element): string {
  return (ELEMENT_MODULES[el.type] as ElementModule<BaseElement>).textOf(el);
}
