import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RatingElement, SurveyElement } from '../../../workshops';
import {
  RATING_CRITERIA,
  SURVEY_GROUPS,
  SURVEY_STATEMENTS,
  addElement,
  decodeElement,
  readElement,
  recordWidgetAnswer,
  respondents,
  setAnswer,
  summarise,
  widgetHitAt,
  widgetLayout,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function ratingDoc(): { doc: Y.Doc; id: string } {
  const doc = new Y.Doc();
  const id = addElement(doc, 'rating', { x: 100, y: 50, w: 760, h: 420 }, { author: 'fac', env });
  return { doc, id };
}

describe('rating and survey widgets', () => {
  it('decode with the four criteria and the grouped statements by default', () => {
    const r = decodeElement('r', { type: 'rating' }) as RatingElement;
    expect(r.criteria).toEqual([
      'recognisability',
      'completeness',
      'understandability',
      'usability',
    ]);
    expect(r.scores).toEqual({});
    const s = decodeElement('s', {
      type: 'survey',
      answers: { p1: { 'p-formal': 4, 'r-mutual': 9, x: 'y' }, p2: 'junk' },
    }) as SurveyElement;
    expect(s.statements).toEqual(SURVEY_STATEMENTS.map((x) => x.id));
    expect(s.answers).toEqual({ p1: { 'p-formal': 4 } });
    for (const g of SURVEY_GROUPS)
      expect(SURVEY_STATEMENTS.filter((x) => x.group === g).length).toBeGreaterThan(2);
    for (const c of RATING_CRITERIA) expect(c.label.nl && c.label.en).toBeTruthy();
  });

  it('records scores per participant; concurrent answers by different people all survive', () => {
    const { doc: a, id } = ratingDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both replicas start from a plain `scores` record (generic writer) and answer at once.
    setAnswer(a, id, 'scores', 'p1', 'usability', 4);
    setAnswer(b, id, 'scores', 'p2', 'usability', 2);
    setAnswer(b, id, 'scores', 'p3', 'usability', 5);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ra = readElement(a, id) as RatingElement;
    const rb = readElement(b, id) as RatingElement;
    expect(ra.scores).toEqual(rb.scores);
    // The plain-record race can lose the first writer's map; once the map exists, nothing is lost.
    setAnswer(a, id, 'scores', 'p1', 'usability', 4);
    setAnswer(b, id, 'scores', 'p4', 'usability', 3);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const final = readElement(a, id) as RatingElement;
    expect(final.scores.p1).toEqual({ usability: 4 });
    expect(final.scores.p4).toEqual({ usability: 3 });
    expect(setAnswer(a, id, 'scores', 'p1', 'usability', 7)).toBe(false);
  });

  it('computes average and distribution', () => {
    const sheet = { a: { q: 1 }, b: { q: 5 }, c: { q: 5 }, d: { other: 3 } };
    const s = summarise(sheet, 'q');
    expect(s).toEqual({ n: 3, average: 11 / 3, distribution: [1, 0, 0, 0, 2] });
    expect(summarise({}, 'q')).toEqual({ n: 0, average: null, distribution: [0, 0, 0, 0, 0] });
    expect(respondents(sheet)).toBe(4);
  });

  it('routes a click on a drawn score button to that score, and a second click clears it', () => {
    const { doc, id } = ratingDoc();
    let el = readElement(doc, id) as RatingElement;
    const row = widgetLayout(el).rows[2]!;
    const btn = row.buttons[3]!.box;
    const hit = widgetHitAt(el, { x: el.x + btn.x + btn.w / 2, y: el.y + btn.y + btn.h / 2 });
    expect(hit).toEqual({ questionId: 'understandability', score: 4 });
    expect(widgetHitAt(el, { x: el.x + 5, y: el.y + 5 })).toBeNull();
    recordWidgetAnswer(doc, el, hit!, 'p1');
    el = readElement(doc, id) as RatingElement;
    expect(el.scores.p1).toEqual({ understandability: 4 });
    recordWidgetAnswer(doc, el, hit!, 'p1');
    el = readElement(doc, id) as RatingElement;
    expect(el.scores.p1 ?? {}).toEqual({});
  });

  it('lays out survey rows inside the widget, grouped', () => {
    const el = decodeElement('s', { type: 'survey', w: 1000, h: 1000 }) as SurveyElement;
    const layout = widgetLayout(el);
    expect(layout.groups.map((g) => g.group)).toEqual([...SURVEY_GROUPS]);
    expect(layout.rows).toHaveLength(SURVEY_STATEMENTS.length);
    for (const r of layout.rows) {
      expect(r.label.y + r.label.h).toBeLessThanOrEqual(el.h + 0.5);
      for (const b of r.buttons) expect(b.box.x + b.box.w).toBeLessThan(r.stats.x);
      expect(r.stats.x + r.stats.w).toBeLessThanOrEqual(el.w);
    }
  });
});
