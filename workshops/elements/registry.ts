import type { Lang } from '../i18n';
import { localize } from '../i18n';
import { drawWidget } from '../render/draw';
import type { DrawContext } from '../render/svg';
import type { TemplateItem } from '../templates/types';
import { WIDGET_LABELS } from '../widgets/content';
import type {
  BaseElement,
  CopyPlacement,
  ElementKind,
  ElementLayer,
  FieldKind,
  RawElement,
} from './base';
import { BASE_FIELDS } from './base';
import { block, type BlockElement } from './block';
import { connector, type ConnectorElement } from './connector';
import { frame, type FrameElement } from './frame';
import { shape, type ShapeElement } from './shape';
import { sticky, type StickyElement } from './sticky';
import { quote, type QuoteElement } from './quote';
import { text, type TextElement } from './text';
import {
  rating,
  survey,
  widgetFromTemplate,
  type RatingElement,
  type SurveyElement,
} from './widget';

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
  quote: QuoteElement;
}

/** Every element type. */
export type ElementType = keyof ElementByType;

export type Element = ElementByType[ElementType];

/** Every element type's domain module: a type missing here, or a module lacking a member, fails to compile. */
export const ELEMENT_MODULES: { [T in ElementType]: ElementKind<ElementByType[T]> } = {
  sticky,
  text,
  shape,
  connector,
  frame,
  block,
  // One answer widget, two kinds (widget.ts); its drawing is render/draw.ts's.
  rating: {
    ...rating,
    layer: 'item',
    draw: drawWidget,
    outlineText: (el, lang) => el.title || localize(WIDGET_LABELS.ratingTitle, lang),
    fromTemplate: widgetFromTemplate('rating'),
  },
  survey: {
    ...survey,
    layer: 'item',
    draw: drawWidget,
    outlineText: (el, lang) => el.title || localize(WIDGET_LABELS.surveyTitle, lang),
    fromTemplate: widgetFromTemplate('survey'),
  },
  quote,
};

/** Every element type, in registry order. */
export const ELEMENT_TYPES = Object.keys(ELEMENT_MODULES) as readonly ElementType[];

export function moduleOf<T extends ElementType>(type: T): ElementKind<ElementByType[T]> {
  return ELEMENT_MODULES[type];
}

/** A module of any type, for calls that do not care which type it is. */
type AnyKind = Omit<ElementKind<BaseElement>, 'fromTemplate' | 'textField'>;

/** The module of any element, for calls that do not care which type it is. */
function kindOf(el: Element): AnyKind {
  return ELEMENT_MODULES[el.type] as AnyKind;
}

/** How the element sits among others (`ElementLayer`): frames `area`, connectors `line`. */
export function layerOf(el: Pick<Element, 'type'>): ElementLayer {
  return ELEMENT_MODULES[el.type].layer;
}

/** SVG of one element, through its type's drawing. */
export function drawElement(el: Element, ctx: DrawContext): string {
  return kindOf(el).draw(el, ctx);
}

/** The element's line in the outline; `nameOf` names others (a connector's ends). */
export function outlineTextOf(el: Element, lang: Lang, nameOf: (id: string) => string): string {
  return kindOf(el).outlineText(el, lang, nameOf);
}

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ELEMENT_MODULES, value);
}

/** Decodes a stored record of any type; `null` for unknown types or non-elements. */
export function decodeElement(id: string, raw: RawElement): Element | null {
  const type = raw.type;
  if (!isElementType(type)) return null;
  return (ELEMENT_MODULES[type] as AnyKind).decode(id, raw) as Element | null;
}

export function textOfElement(el: Element): string {
  return kindOf(el).textOf(el);
}

/** The field holding an element's editable text (its module's `textField`), null when it has none. */
export function textFieldOf(el: Pick<Element, 'type'>): string | null {
  return ELEMENT_MODULES[el.type].textField;
}

/** The text an element edits in place (its `textField`); '' for a type without one. */
export function editableTextOf(el: Element): string {
  const key = textFieldOf(el);
  const value: unknown = key === null ? undefined : Reflect.get(el, key);
  return typeof value === 'string' ? value : '';
}

/** The new element's fields for a template item, through its type's module (`fromTemplate`). */
export function fromTemplateItem<I extends TemplateItem>(
  item: I,
  lang: Lang,
): Partial<ElementByType[I['type']]> {
  // The module of the item's own type (`FromTemplate`: never null where templates seed a type).
  const make = ELEMENT_MODULES[item.type].fromTemplate as (
    item: TemplateItem,
    lang: Lang,
  ) => Partial<Element>;
  return make(item, lang) as Partial<ElementByType[I['type']]>;
}

/**
 * A copy for paste and duplicate through the element's module: fresh, empty per-person sheets,
 * placed by `at` (moved, its references to others relinked).
 */
export function cloneElement<E extends Element>(el: E, at?: CopyPlacement): E {
  return kindOf(el).clone(el, at) as E;
}

/** How field `key` of an element of `type` is stored; undefined when the schema has no such field. */
export function fieldKindOf(type: ElementType, key: string): FieldKind | undefined {
  const own = ELEMENT_MODULES[type].fields as Readonly<Record<string, FieldKind>>;
  if (Object.prototype.hasOwnProperty.call(own, key)) return own[key];
  if (key !== 'id' && Object.prototype.hasOwnProperty.call(BASE_FIELDS, key))
    return (BASE_FIELDS as Readonly<Record<string, FieldKind>>)[key];
  return undefined;
}
