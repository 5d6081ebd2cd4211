/**
 * The questions of a rating or survey widget as page controls: per question its text, five
 * score buttons (a group, each `aria-pressed`; at least 44 × 44 px) and the live average. The
 * same list answers in the phone's answer sheet (WidgetSheet.tsx) and in the outline view; both
 * write through `answerWidget` (the board's origin and permissions).
 */
import type { WidgetElement } from '../../../workshops';
import {
  LIKERT_LABELS,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_GROUP_LABELS,
  WIDGET_KIND_SPECS,
  localize,
  ownScore,
  summarise,
  widgetQuestions,
  widgetSheet,
} from '../../../workshops';
import type { Board } from '../board';
import { useBoardState } from '../use-board';
import { answerWidget } from '../widget-answers';
import { useT } from '../../i18n';
import { WIDGETS_NS } from './widget-strings';
import './widget-sheet.css';

const SCORES = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

export function WidgetQuestions({
  board,
  el,
  lang,
  onAnswered,
}: {
  board: Board;
  el: WidgetElement;
  lang: 'nl' | 'en';
  /** Told after each answer, for a live region: "Score 4 given for …". */
  onAnswered?: (message: string) => void;
}) {
  const { t } = useT(WIDGETS_NS);
  const canAnswer = useBoardState(board, (s) => s.readOnly === null);
  const me = board.options.user.id;
  const spec = WIDGET_KIND_SPECS[el.type];
  const sheet = widgetSheet(el);
  let group: string | undefined;
  return (
    <ul className="wq-questions">
      {widgetQuestions(el).map((q) => {
        const about = spec.question(q);
        // Grouped kinds (the survey) name each group above its first question.
        const heading = about?.group !== group ? about?.group : undefined;
        group = about?.group;
        const label = about ? localize(about.label ?? about.text, lang) : q;
        const detail = about?.label ? localize(about.text, lang) : '';
        const own = ownScore(el, me, q);
        const sum = summarise(sheet, q);
        return (
          <li key={q} data-question={q}>
            {heading && <p className="wq-group">{localize(SURVEY_GROUP_LABELS[heading], lang)}</p>}
            <p className="wq-question">
              {label}
              {detail && <span className="wq-detail"> {detail}</span>}
            </p>
            <div
              role="group"
              aria-label={t('yourScore', { question: label })}
              className="wq-scores"
            >
              {SCORES.map((score) => (
                <button
                  key={score}
                  type="button"
                  className={`wq-score${own === score ? ' is-active' : ''}`}
                  aria-pressed={own === score}
                  disabled={!canAnswer}
                  title={
                    spec.scale === 'likert'
                      ? localize(LIKERT_LABELS[score - SCALE_MIN] ?? { nl: '', en: '' }, lang)
                      : undefined
                  }
                  onClick={() => {
                    if (answerWidget(board, el.id, { questionId: q, score }))
                      onAnswered?.(
                        t(own === score ? 'unscored' : 'scored', { score, question: label }),
                      );
                  }}
                >
                  {score}
                </button>
              ))}
            </div>
            <p className="wq-meta">
              {sum.average === null
                ? t('noAnswers')
                : t('average', { avg: sum.average.toFixed(1), count: sum.n })}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
