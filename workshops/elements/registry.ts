import type { BaseElement, ElementModule, ElementType, FieldKind, RawElement } from './base';
import { BASE_FIELDS } from './base';
import { block, type BlockElement } from './block';
import { connector, type ConnectorElement } from './connector';
import { frame, type FrameElement } from './frame';
import { shape, type ShapeElement } from './shape';
import { sticky, type StickyElement } from './sticky';
import { text, type TextElement } from './text';
import { rating, survey, type RatingElement, type SurveyElement } from './widget';

/** Maps each element type to its record type. A missing entry is a compile error below. */
export interface ElementByType {
  sticky: StickyElement;
  text: TextElement;
  shape: ShapeElement;
  connector: ConnectorElement;
  frame: FrameElement;
  block: BlockElement;
  /** The answer widgets: one module, one entry per kind (`widget.ts`). */
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

/** A copy for paste and duplicate through the element's module: fresh, empty per-person sheets. */
export function cloneElement<E extends Element>(el: E): E {
  return (ELEMENT_MODULES[el.type] as ElementModule<BaseElement>).clone(el) as E;
}

/** How field `key` of an element of `type` is stored; undefined when the schema has no such field. */
export function fieldKindOf(type: ElementType, key: string): FieldKind | undefined {
  const own = ELEMENT_MODULES[type].fields as Readonly<Record<string, FieldKind>>;
  if (Object.prototype.hasOwnProperty.call(own, key)) return own[key];
  if (key !== 'id' && Object.prototype.hasOwnProperty.call(BASE_FIELDS, key))
    return (BASE_FIELDS as Readonly<Record<string, FieldKind>>)[key];
  return undefined;
}
