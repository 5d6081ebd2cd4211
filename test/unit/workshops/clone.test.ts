/**
 * Copying an element goes through its module (`clone`): the copy gets fresh, empty per-person
 * sheets as Y.Maps, never the original's votes or answers as a plain record, so two people's
 * first answers on a copy never replace each other.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Element, RatingElement, StickyElement, SurveyElement } from '../../../workshops';
import {
  ELEMENT_MODULES,
  ELEMENT_TYPES,
  addElement,
  cloneElement,
  elementsMap,
  insertElement,
  readElement,
  setAnswer,
  setVotes,
} from '../../../workshops';
import { TestBoard } from '../board/test-board';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('clone', () => {
  it('every element module has one, and it drops sheets and the template mark', () => {
    for (const type of ELEMENT_TYPES) expect(typeof ELEMENT_MODULES[type].clone).toBe('function');
    const doc = new Y.Doc();
    const id = addElement(
      doc,
      'sticky',
      { x: 1, y: 2, text: 'idee', templateId: 'k', source: { boardId: 'b', elementId: 'e' } },
      { author: 'template', env },
    );
    setVotes(doc, id, 'ann', 2);
    const original = readElement(doc, id) as StickyElement;
    const copy = cloneElement(original);
    expect(copy.votes).toEqual({});
    expect(copy.templateId).toBeUndefined();
    expect(copy.text).toBe('idee');
    expect(copy.source).toEqual({ boardId: 'b', elementId: 'e' });
    expect(copy.source).not.toBe(original.source);
    expect(original.votes).toEqual({ ann: 2 });
  });

  it('a copied rating has an empty scores map of its own; two first answers both stay', () => {
    const a = new Y.Doc();
    const id = addElement(a, 'rating', { x: 0, y: 0, title: 'Schaal' }, { author: 'fac', env });
    setAnswer(a, id, 'scores', 'ann', 'recognisability', 4);
    const copyId = insertElement(a, cloneElement(readElement(a, id) as RatingElement), {
      author: 'bo',
      env,
    });
    const sheet = elementsMap(a).get(copyId)?.get('scores');
    expect(sheet).toBeInstanceOf(Y.Map);
    expect((sheet as Y.Map<unknown>).size).toBe(0);

    // Two people answer the copy for the first time at once, in two replicas.
    const b = new Y.Doc();
    sync(a, b);
    setAnswer(a, copyId, 'scores', 'cas', 'completeness', 5);
    setAnswer(b, copyId, 'scores', 'dee', 'completeness', 2);
    sync(a, b);
    const scores = (readElement(a, copyId) as RatingElement).scores;
    expect(scores).toEqual({ cas: { completeness: 5 }, dee: { completeness: 2 } });
    expect((readElement(a, id) as RatingElement).scores).toEqual({
      ann: { recognisability: 4 },
    });
  });

  it('duplicating on the board copies a survey without its answers', () => {
    const tb = new TestBoard(undefined, { userId: 'bo' });
    const id = addElement(
      tb.doc,
      'survey',
      { x: 0, y: 0, title: 'Vragen' },
      { author: 'fac', env },
    );
    setAnswer(tb.doc, id, 'answers', 'ann', 'p1', 3);
    const [copyId] = tb.board.duplicate([id]);
    const copy = readElement(tb.doc, copyId ?? '') as SurveyElement;
    expect(copy.answers).toEqual({});
    expect(copy.author).toBe('bo');
    expect(
      elementsMap(tb.doc)
        .get(copyId ?? '')
        ?.get('answers'),
    ).toBeInstanceOf(Y.Map);
    const kinds = new Set(
      [...elementsMap(tb.doc).values()].map((m) => (m.toJSON() as Element).type),
    );
    expect(kinds).toEqual(new Set(['survey']));
  });
});
