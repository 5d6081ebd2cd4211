/**
 * Shared text fields (`sharedText` in the element modules' `fields`): a sticky's, a text box's
 * and a shape's text live in a Y.Text inside the element's Y.Map, so two people editing the same
 * note merge character-wise, as in a shared document, instead of one text replacing the other.
 *
 * An edit is applied as the smallest change that turns the old text into the new one (common
 * prefix and suffix kept: one deletion, one insertion), so what others typed elsewhere in the
 * text stays. An editor that holds a draft passes the text its edit was made on (`base`): when a
 * remote edit merged into the Y.Text since, the local change is moved past it instead of undoing
 * it.
 *
 * A field may still hold a plain string: a board not yet migrated (schema 2, `migrateBoard` in
 * ./doc.ts), or a tab of the old client writing after the migration. Reading turns both into a
 * string; the first edit replaces the string by a Y.Text.
 */
import * as Y from 'yjs';

/** One change of a text: `remove` characters at `index` replaced by `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** The smallest change from `from` to `to` (common prefix and suffix kept). */
export function textChange(from: string, to: string): TextChange {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair (an emoji) between the kept and the changed part.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return {
    index: start,
    remove: from.length - start - end,
    insert: to.slice(start, to.length - end),
  };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Where position `pos` of the text before `change` lands after it: before the change it stays,
 * after it it shifts, inside a replaced range it goes to the end of what replaced it.
 */
export function mapPosition(pos: number, change: TextChange): number {
  if (pos <= change.index) return pos;
  if (pos >= change.index + change.remove) return pos + change.insert.length - change.remove;
  return change.index + change.insert.length;
}

/**
 * `local` (made on the same text as `remote`) moved past `remote`, to apply after it: its range
 * mapped through `remote`; what both changed is left to `remote`, the local insertion still goes
 * in. Both inserting at one place: the local text goes after the remote one (which came first).
 */
export function rebaseChange(local: TextChange, remote: TextChange): TextChange {
  const start =
    local.index === remote.index && remote.remove === 0
      ? local.index + remote.insert.length
      : mapPosition(local.index, remote);
  const end = Math.max(start, mapPosition(local.index + local.remove, remote));
  return { index: start, remove: end - start, insert: local.insert };
}

/** Applies `change` to a Y.Text (call inside a transaction). */
export function applyChange(ytext: Y.Text, change: TextChange): void {
  if (change.remove > 0) ytext.delete(change.index, change.remove);
  if (change.insert) ytext.insert(change.index, change.insert);
}

/**
 * Sets shared text field `key` of an element's Y.Map to `value`: as the smallest change into its
 * Y.Text (relative to `base`, the text the edit was made on, when given), or as a new Y.Text
 * where the field held a string or nothing. Returns the text the field holds afterwards.
 */
export function writeSharedText(
  ymap: Y.Map<unknown>,
  key: string,
  value: string,
  base?: string,
): string {
  const current = ymap.get(key);
  if (!(current instanceof Y.Text)) {
    if (current !== value || !ymap.has(key)) ymap.set(key, new Y.Text(value));
    return value;
  }
  const now = current.toString();
  if (base === undefined || base === now) {
    if (now !== value) applyChange(current, textChange(now, value));
  } else {
    const local = textChange(base, value);
    if (local.remove > 0 || local.insert)
      applyChange(current, rebaseChange(local, textChange(base, now)));
  }
  return current.toString();
}

/** A shared text field's value as a string ('' for anything else). */
export function sharedTextOf(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}
