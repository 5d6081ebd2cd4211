import type { CategoryId } from '../categories';
import type { StickyColor } from '../elements/sticky';
import type { LaneId } from '../elements/frame';
import type { WidgetKind } from '../elements/widget';
import type { LocalText } from '../i18n';
import type { Stage } from '../rooms';

interface ItemBase {
  /** Key within the stage; the element id is `templateElementId(stage, key)`. */
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One element a board template seeds. Texts are written in the workshop's language, each type's
 * fields by its module's `fromTemplate` (workshops/elements).
 */
export type TemplateItem =
  | (ItemBase & { type: 'frame'; title: LocalText; color: string; lane?: LaneId })
  | (ItemBase & { type: 'text'; text: LocalText; fontSize: number })
  | (ItemBase & { type: 'sticky'; text: LocalText; color: StickyColor; category?: CategoryId })
  | (ItemBase & { type: 'block'; kind: string })
  /** An answer widget; `questions` (ids from widgets/content.ts) default to the kind's own. */
  | WidgetItem<WidgetKind>;

/** An answer widget of kind `K` (one member of the union per kind: each kind's module reads its own). */
type WidgetItem<K extends WidgetKind> = K extends WidgetKind
  ? ItemBase & { type: K; title: LocalText; questions?: readonly string[] }
  : never;

/**
 * A stage board's template. `version` goes up with every change to `items`; a board seeded at an
 * older version is upgraded by adding the items it lacks (and removing `retired` ones that are
 * still template-owned), never by touching what people made.
 */
export interface BoardTemplate {
  stage: Stage;
  version: number;
  items: readonly TemplateItem[];
  /** Keys of items earlier versions seeded and this one no longer has. */
  retired?: readonly string[];
}
