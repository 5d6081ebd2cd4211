import { RATING_CRITERIA } from '../widgets/content';
import type { AnswerSheet } from '../widgets/stats';
import { decodeAnswers } from '../widgets/stats';
import type { BaseElement, ElementModule, OwnFields, RawElement } from './base';
import { cloneElementWith, decodeBase, str } from './base';

/**
 * A rating widget (test stage): every participant scores each criterion 1–5; the widget shows
 * the live average and distribution. `criteria` are ids from `widgets/content.ts`
 * (recognisability, completeness, understandability, usability by default); `scores` is
 * participantId → criterionId → score, stored as nested Y.Maps (see `widgets/answers.ts`).
 */
export interface RatingElement extends BaseElement {
  type: 'rating';
  title: string;
  criteria: string[];
  scores: AnswerSheet;
}

/** A list of question ids; anything else falls back to `fallback`. */
export function idList(raw: RawElement, key: string, fallback: readonly string[]): string[] {
  const v = raw[key];
  if (!Array.isArray(v)) return [...fallback];
  const ids = v.filter((x): x is string => typeof x === 'string' && x !== '');
  return ids.length > 0 ? [...new Set(ids)] : [...fallback];
}

const DEFAULT_CRITERIA = RATING_CRITERIA.map((c) => c.id);

const FIELDS: OwnFields<RatingElement> = {
  title: 'string',
  criteria: 'idList',
  scores: 'answerSheet',
};

export const rating: ElementModule<RatingElement> = {
  type: 'rating',
  defaultSize: { w: 760, h: 420 },
  create: (base, init) => ({
    ...base,
    type: 'rating',
    title: init.title ?? '',
    criteria: init.criteria ? [...init.criteria] : [...DEFAULT_CRITERIA],
    scores: init.scores ?? {},
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'rating',
      title: str(raw, 'title', ''),
      criteria: idList(raw, 'criteria', DEFAULT_CRITERIA),
      scores: decodeAnswers(raw.scores),
    };
  },
  textOf: (el) => el.title,
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
