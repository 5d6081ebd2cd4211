/**
 * Template content in each viewer's language. Template elements (`templateId`, id
 * `tpl-<stage>-<key>`, templates/ids.ts) are stored in the workshop's language; every device
 * shows them in its own: while an element still holds a text its template ships (in either
 * language), the viewer's language is shown. What people write, or a template text someone has
 * changed, stays as written.
 */
import type { Element } from '../elements/registry';
import { editableTextOf } from '../elements/registry';
import type { Lang, LocalText } from '../i18n';
import { localize } from '../i18n';
import { BOARD_TEMPLATES } from './registry';
import { templateElementId } from './ids';
import type { TemplateItem } from './types';

/** Every shipped template item by its element id: built once at import, never changed. */
const ITEMS: ReadonlyMap<string, TemplateItem> = new Map(
  Object.values(BOARD_TEMPLATES).flatMap((t) =>
    t.items.map((item) => [templateElementId(t.stage, item.key), item] as const),
  ),
);

function templateItem(id: string): TemplateItem | undefined {
  return ITEMS.get(id);
}

function shipped(item: TemplateItem): LocalText | null {
  if ('title' in item) return item.title;
  if ('text' in item) return item.text;
  return null;
}

/** A stored text as `lang` shows it: shipped text translated, anything else as written. */
export function localizeShipped(stored: string, text: LocalText, lang: Lang): string {
  return stored === text.nl || stored === text.en ? localize(text, lang) : stored;
}

/** The element's main text in the viewer's language (see the module comment). */
export function displayText(el: Element, lang: Lang): string {
  const stored = editableTextOf(el);
  if (!el.templateId) return stored;
  const item = templateItem(el.id);
  const text = item ? shipped(item) : null;
  return text ? localizeShipped(stored, text, lang) : stored;
}
