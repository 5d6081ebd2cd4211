import type { BaseElement, ElementModule, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';

/**
 * A building block of the prototype stage. `kind` is an id from the building-block catalogue
 * (`workshops/blocks`); an unknown kind still decodes, so a newer template never breaks an older
 * client.
 */
export interface BlockElement extends BaseElement {
  type: 'block';
  kind: string;
  label: string;
}

/** Titles and labels are short names, set in one go: plain strings, not `sharedText` (base.ts). */
const FIELDS: OwnFields<BlockElement> = { kind: 'string', label: 'string' };

export const block: ElementModule<BlockElement> = {
  type: 'block',
  defaultSize: { w: 140, h: 140 },
  create: (base, init) => ({
    ...base,
    type: 'block',
    kind: init.kind ?? 'own-firm',
    label: init.label ?? '',
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'block',
      kind: str(raw, 'kind', 'own-firm'),
      label: str(raw, 'label', ''),
    };
  },
  textOf: (el) => el.label,
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
