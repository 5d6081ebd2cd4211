/**
 * Writing a board template into a board doc: once at creation (`seedBoardDoc`), and again, only
 * adding what is missing, when the template has a newer version than the board (upgrade).
 *
 * Every seeded element has a deterministic id (`tpl-<stage>-<key>`), `author: 'template'`,
 * `createdAt: 0` and a deterministic z, so two replicas that both seeded converge to one copy;
 * and `templateId` (the item key), so participants cannot move, edit or delete it and the undo
 * manager, which tracks only local-origin user transactions, never sees it.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { addElement, elementsMap, readMeta, writeMeta } from '../board/doc';
import { fromTemplateItem } from '../elements/registry';
import type { Lang } from '../i18n';
import { templateElementId } from './ids';
import type { BoardTemplate, TemplateItem } from './types';

export const TEMPLATE_AUTHOR = 'template';

/** z-keys of a template's items, by position: frames first in the list, so they lie below. */
function zKeys(count: number): string[] {
  // Below 'a0' (where a fresh board's first user element lands), deterministic.
  return generateNKeysBetween(null, 'a0', count);
}

/** Writes one item: its type's module says which fields it gets (`fromTemplate`). */
function writeItem(
  doc: Y.Doc,
  template: BoardTemplate,
  item: TemplateItem,
  z: string,
  lang: Lang,
): void {
  const id = templateElementId(template.stage, item.key);
  const base = { x: item.x, y: item.y, w: item.w, h: item.h, templateId: item.key };
  // Per-person sheets (widget answers) are written as empty maps from the start (addElement):
  // two first answers at once can never replace each other.
  addElement(
    doc,
    item.type,
    { ...fromTemplateItem(item, lang), ...base },
    { author: TEMPLATE_AUTHOR, id, z, createdAt: 0 },
  );
}

export interface ApplyResult {
  added: number;
  removed: number;
}

/**
 * Adds the template's items the board lacks and removes retired items that are still
 * template-owned; never touches anything else. Sets `meta.templateVersion`. Idempotent.
 */
export function applyTemplate(doc: Y.Doc, template: BoardTemplate, lang: Lang): ApplyResult {
  const result: ApplyResult = { added: 0, removed: 0 };
  const map = elementsMap(doc);
  const z = zKeys(template.items.length);
  doc.transact(() => {
    template.items.forEach((item, i) => {
      if (map.has(templateElementId(template.stage, item.key))) return;
      writeItem(doc, template, item, z[i]!, lang);
      result.added++;
    });
    for (const key of template.retired ?? []) {
      const id = templateElementId(template.stage, key);
      const el = map.get(id);
      if (el instanceof Y.Map && el.get('templateId') === key) {
        map.delete(id);
        result.removed++;
      }
    }
    if (readMeta(doc).templateVersion !== template.version)
      writeMeta(doc, { templateVersion: template.version });
  });
  return result;
}

/** Brings a seeded board up to the template's version; false when it already is. */
export function upgradeTemplate(doc: Y.Doc, template: BoardTemplate, lang: Lang): boolean {
  if (readMeta(doc).templateVersion >= template.version) return false;
  applyTemplate(doc, template, lang);
  return true;
}
