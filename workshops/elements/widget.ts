/**
 * The answer widgets of the test stage, one module with a kind:
 * - `rating`: every participant scores each criterion 1–5 (recognisability, completeness,
 *   understandability, usability by default);
 * - `survey`: Likert statements (1 = strongly disagree … 5 = strongly agree) about one
 *   long-standing partner, grouped partnership / resources / value creation.
 * Both show the live average and distribution per question. The kind is the stored element
 * type, and each kind keeps the field names boards have always stored (`criteria`/`scores`,
 * `statements`/`answers`: `WIDGET_KINDS[kind].questions` and `.sheet`), so existing boards read
 * as they are. Question ids come from `widgets/content.ts`; a sheet is participantId →
 * questionId → score, stored as nested Y.Maps (see `widgets/answers.ts`).
 */
import type { Lang, LocalText } from '../i18n';
import { localize } from '../i18n';
import type { Criterion, SurveyGroup } from '../widgets/content';
import {
  RATING_CRITERIA,
  SURVEY_STATEMENTS,
  WIDGET_LABELS,
  criterion,
  surveyStatement,
} from '../widgets/content';
import type { AnswerSheet } from '../widgets/stats';
import { decodeAnswers } from '../widgets/stats';
import type { BaseElement, ElementModule, OwnFields, RawElement, TextKey } from './base';
import { cloneElementWith, decodeBase, str } from './base';

export const WIDGET_KINDS = ['rating', 'survey'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** What a widget asks about one question: a short label (rating) and its full text. */
export interface WidgetQuestion {
  label?: LocalText;
  text: LocalText;
  /** Survey statements are drawn in groups. */
  group?: SurveyGroup;
}

/** What differs between the kinds; everything else (layout, drawing, answering) is shared. */
export interface WidgetKindSpec<Q extends string, S extends string> {
  /** Stored field with the question ids. */
  questions: Q;
  /** Stored field with the per-person answer sheet. */
  sheet: S;
  defaultSize: { w: number; h: number };
  defaultQuestions: readonly string[];
  /** Title drawn when the widget has none of its own. */
  title: LocalText;
  /** Share of a row's width that its question takes (the rest: buttons and results). */
  labelShare: number;
  /** Minimum row height, world units. */
  minRowH: number;
  /** The column heading above the buttons: "pick 1–5" (rating) or the Likert scale (survey). */
  scale: 'score' | 'likert';
  question(id: string): WidgetQuestion | undefined;
}

const criterionQuestion = (c: Criterion): WidgetQuestion => ({ label: c.label, text: c.question });

export const WIDGET_KIND_SPECS = {
  rating: {
    questions: 'criteria',
    sheet: 'scores',
    defaultSize: { w: 760, h: 420 },
    defaultQuestions: RATING_CRITERIA.map((c) => c.id),
    title: WIDGET_LABELS.ratingTitle,
    labelShare: 0.3,
    minRowH: 40,
    scale: 'score',
    question: (id): WidgetQuestion | undefined => {
      const c = criterion(id);
      return c && criterionQuestion(c);
    },
  } satisfies WidgetKindSpec<'criteria', 'scores'>,
  survey: {
    questions: 'statements',
    sheet: 'answers',
    defaultSize: { w: 1000, h: 1000 },
    defaultQuestions: SURVEY_STATEMENTS.map((s) => s.id),
    title: WIDGET_LABELS.surveyTitle,
    labelShare: 0.46,
    minRowH: 36,
    scale: 'likert',
    question: (id): WidgetQuestion | undefined => {
      const s = surveyStatement(id);
      return s && { text: s.text, group: s.group };
    },
  } satisfies WidgetKindSpec<'statements', 'answers'>,
} as const;

type Specs = typeof WIDGET_KIND_SPECS;

/** A widget of kind `K`: its title, its question ids and its answer sheet, under the stored names. */
export type WidgetElement<K extends WidgetKind = WidgetKind> = K extends WidgetKind
  ? BaseElement & { type: K; title: string } & {
      [F in Specs[K]['questions']]: string[];
    } & { [F in Specs[K]['sheet']]: AnswerSheet }
  : never;

export type RatingElement = WidgetElement<'rating'>;
export type SurveyElement = WidgetElement<'survey'>;

export function isWidgetKind(type: unknown): type is WidgetKind {
  return type === 'rating' || type === 'survey';
}

export function isWidget(el: { type: string } | null | undefined): el is WidgetElement {
  return !!el && isWidgetKind(el.type);
}

/** The widget's question ids, in its order. */
export function widgetQuestions(el: WidgetElement): string[] {
  return el.type === 'rating' ? el.criteria : el.statements;
}

/** The widget's answers: participantId → questionId → score. */
export function widgetSheet(el: WidgetElement): AnswerSheet {
  return el.type === 'rating' ? el.scores : el.answers;
}

/** The stored field of a kind's answer sheet (what `setAnswer` writes under). */
export function answerField(kind: WidgetKind): 'scores' | 'answers' {
  return WIDGET_KIND_SPECS[kind].sheet;
}

/** Every stored answer-sheet field of every kind (privacy export and forgetting read them). */
export const ANSWER_FIELDS: readonly string[] = WIDGET_KINDS.map((k) => WIDGET_KIND_SPECS[k].sheet);

/** A list of question ids; anything else falls back to `fallback`. */
export function idList(raw: RawElement, key: string, fallback: readonly string[]): string[] {
  const v = raw[key];
  if (!Array.isArray(v)) return [...fallback];
  const ids = v.filter((x): x is string => typeof x === 'string' && x !== '');
  return ids.length > 0 ? [...new Set(ids)] : [...fallback];
}

/** The element module of one kind; the registry lists one per kind (`rating`, `survey`). */
function widgetModule<K extends WidgetKind>(kind: K): ElementModule<WidgetElement<K>> {
  const spec: WidgetKindSpec<string, string> = WIDGET_KIND_SPECS[kind];
  const fields = { title: 'string', [spec.questions]: 'idList', [spec.sheet]: 'answerSheet' };
  // The computed keys are the kind's stored names (`Specs[K]`), which TypeScript widens to string.
  const make = (
    base: Omit<BaseElement, 'type'>,
    title: string,
    questions: string[],
    sheet: AnswerSheet,
  ) =>
    ({
      ...base,
      type: kind,
      title,
      [spec.questions]: questions,
      [spec.sheet]: sheet,
    }) as WidgetElement<K>;
  const own = (el: Partial<WidgetElement<K>>, key: string): unknown =>
    (el as Partial<Record<string, unknown>>)[key];
  return {
    type: kind,
    defaultSize: spec.defaultSize,
    create(base, init) {
      const questions = own(init, spec.questions);
      const sheet = own(init, spec.sheet);
      return make(
        base,
        init.title ?? '',
        Array.isArray(questions) ? questions.map(String) : [...spec.defaultQuestions],
        sheet ? decodeAnswers(sheet) : {},
      );
    },
    decode(id, raw) {
      const base = decodeBase(id, raw);
      if (!base) return null;
      return make(
        base,
        str(raw, 'title', ''),
        idList(raw, spec.questions, spec.defaultQuestions),
        decodeAnswers(raw[spec.sheet]),
      );
    },
    textOf: (el) => el.title,
    // `title` is a string of every kind; TypeScript cannot tell for a kind still unknown (`K`).
    textField: 'title' as TextKey<WidgetElement<K>>,
    fields: fields as OwnFields<WidgetElement<K>>,
    clone: (el, at) => cloneElementWith(el, fields as OwnFields<WidgetElement<K>>, at),
  };
}

/**
 * A template's widget of kind `kind` (its module's `fromTemplate`): its title in the workshop's
 * language and, when the item names them, its questions.
 */
export function widgetFromTemplate<K extends WidgetKind>(
  kind: K,
): (
  item: { title: LocalText; questions?: readonly string[] },
  lang: Lang,
) => Partial<WidgetElement<K>> {
  const spec: WidgetKindSpec<string, string> = WIDGET_KIND_SPECS[kind];
  // The computed key is the kind's stored name (`Specs[K]`), which TypeScript widens to string.
  return (item, lang) =>
    ({
      title: localize(item.title, lang),
      ...(item.questions ? { [spec.questions]: [...item.questions] } : {}),
    }) as Partial<WidgetElement<K>>;
}

export const rating = widgetModule('rating');
export const survey = widgetModule('survey');
