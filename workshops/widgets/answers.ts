/**
 * Per-participant answers of the test-stage widgets, stored inside the element's Y.Map as
 * `<field>: Y.Map<participantId, Y.Map<questionId, 1..5>>`. Everyone writes only under their own
 * participant id, so concurrent answers by different people never touch the same key; a changed
 * answer overwrites one number. (The same rule the server enforces for sticky votes can cover
 * these maps: a participant may write only `elements/<id>/<field>/<own id>`.)
 *
 * Pure statistics (average, distribution) work on the decoded records.
 */
import * as Y from 'yjs';
import { elementsMap } from '../board/doc';
import { decodeAnswers, isScore } from './stats';

/** An empty answer map, written when the element is created (see `createAnswerMap`). */
export function createAnswerMap(): Y.Map<Y.Map<number>> {
  return new Y.Map<Y.Map<number>>();
}

/**
 * Records (or, with `score = null`, clears) one participant's answer to one question.
 * Returns false when the element is gone or the score is out of range.
 */
export function setAnswer(
  doc: Y.Doc,
  elementId: string,
  field: string,
  participantId: string,
  questionId: string,
  score: number | null,
): boolean {
  const el = elementsMap(doc).get(elementId);
  if (!(el instanceof Y.Map) || !participantId) return false;
  if (score !== null && !isScore(score)) return false;
  doc.transact(() => {
    let sheet = el.get(field);
    if (!(sheet instanceof Y.Map)) {
      // Elements written by a generic writer (paste, duplicate) may hold a plain record here:
      // turn it into maps once, keeping what is there.
      const fresh = createAnswerMap();
      for (const [pid, row] of Object.entries(decodeAnswers(sheet))) {
        const m = new Y.Map<number>();
        for (const [q, v] of Object.entries(row)) m.set(q, v);
        fresh.set(pid, m);
      }
      el.set(field, fresh);
      sheet = fresh;
    }
    const sheetMap = sheet as Y.Map<unknown>;
    let row = sheetMap.get(participantId);
    if (!(row instanceof Y.Map)) {
      if (score === null) return;
      row = new Y.Map<number>();
      sheetMap.set(participantId, row);
    }
    const rowMap = row as Y.Map<number>;
    if (score === null) rowMap.delete(questionId);
    else if (rowMap.get(questionId) !== score) rowMap.set(questionId, score);
  });
  return true;
}
