/**
 * Names and titles as people see them: without the invisible characters that make one name look
 * like another or reorder what follows it (bidi controls such as U+202E "right-to-left
 * override", zero-width spaces and joiners, the byte-order mark). Used by the server on every
 * name and title it stores and by the join form as the person types.
 */
// Bidi embeddings/overrides/isolates and marks, zero-width space/joiners, word joiner and the
// invisible operators, Mongolian vowel separator, BOM.
const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** `text` without bidi and zero-width control characters. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
