import { SURVEY_STATEMENTS } from '../widgets/content';
import type { AnswerSheet } from '../widgets/stats';
import { decodeAnswers } from '../widgets/stats';
import type { BaseElement, ElementModule, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';
import { idList } from './rating';

/**
 * The self-assessment survey (test stage): Likert statements (1 = strongly disagree … 5 =
 * strongly agree) about one long-standing partner, grouped partnership / resources / value
 * creation, with a bar chart of the answers per statement. `statements` are ids from
 * `widgets/content.ts`; `answers` is participantId → statementId → score (nested Y.Maps).
 */
export interface SurveyElement extends BaseElement {
  type: 'survey';
  title: string;
  statements: string[];
  answers: AnswerSheet;
}

const DEFAULT_STATEMENTS = SURVEY_STATEMENTS.map((s) => s.id);

const FIELDS: OwnFields<SurveyElement> = {
  title: 'string',
  statements: 'idList',
  answers: 'answerSheet',
};

export const survey: ElementModule<SurveyElement> = {
  type: 'survey',
  defaultSize: { w: 1000, h: 1000 },
  create: (base, init) => ({
    ...base,
    type: 'survey',
    title: init.title ?? '',
    statements: init.statements ? [...init.statements] : [...DEFAULT_STATEMENTS],
    answers: init.answers ?? {},
  }),
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    return {
      ...base,
      type: 'survey',
      title: str(raw, 'title', ''),
      statements: idList(raw, 'statements', DEFAULT_STATEMENTS),
      answers: decodeAnswers(raw.answers),
    };
  },
  textOf: (el) => el.title,
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
