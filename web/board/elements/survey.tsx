import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { SurveyElement } from '../../../workshops';
import {
  LIKERT_LABELS,
  SURVEY_GROUP_LABELS,
  WIDGET_LABELS,
  displayText,
  localize,
  ownScore,
  respondents,
  surveyLayout,
  surveyStatement,
} from '../../../workshops';
import type { RendererProps } from './types';
import { FONT, ScoreButtons, ScoreStats, useParticipantId } from './widget-parts';

/** The self-assessment survey (test stage): Likert 1–5 per statement, bar chart of answers. */
export const SurveyRenderer = memo(function SurveyRenderer({
  el,
  pos,
  lang,
}: RendererProps<SurveyElement>) {
  const me = useParticipantId();
  const layout = surveyLayout(el);
  const n = respondents(el.answers);
  const first = layout.rows[0];
  const scale = `1 = ${localize(LIKERT_LABELS[0]!, lang)} … 5 = ${localize(LIKERT_LABELS[4]!, lang)}`;
  return (
    <Group id={el.id} name="element survey" x={pos.x} y={pos.y} listening={false}>
      <Rect
        width={el.w}
        height={el.h}
        fill="#ffffff"
        stroke="#94a3b8"
        strokeWidth={1.5}
        cornerRadius={12}
        shadowColor="#000"
        shadowOpacity={0.08}
        shadowBlur={8}
        shadowOffsetY={2}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
      />
      <Text
        {...layout.title}
        text={`${displayText(el, lang) || localize(WIDGET_LABELS.surveyTitle, lang)}  ·  ${n} ${localize(n === 1 ? WIDGET_LABELS.respondent : WIDGET_LABELS.respondents, lang)}`}
        fontSize={22}
        fontStyle="bold"
        fontFamily={FONT}
        fill="#0f172a"
        verticalAlign="middle"
        wrap="none"
        ellipsis
      />
      {first && (
        <>
          <Text
            x={first.label.x}
            y={layout.headingY}
            text={scale}
            fontSize={12}
            fontFamily={FONT}
            fill="#64748b"
          />
          <Text
            x={first.stats.x}
            y={layout.headingY}
            text={localize(WIDGET_LABELS.results, lang)}
            fontSize={12}
            fontFamily={FONT}
            fill="#64748b"
          />
        </>
      )}
      {layout.groups.map((g) => (
        <Group key={g.group} x={g.box.x} y={g.box.y}>
          <Rect width={g.box.w} height={g.box.h - 6} fill="#f1f5f9" cornerRadius={6} />
          <Text
            x={10}
            width={g.box.w - 20}
            height={g.box.h - 6}
            text={localize(SURVEY_GROUP_LABELS[g.group], lang)}
            fontSize={15}
            fontStyle="bold"
            fontFamily={FONT}
            fill="#334155"
            verticalAlign="middle"
          />
        </Group>
      ))}
      {layout.rows.map((row) => {
        const st = surveyStatement(row.questionId);
        return (
          <Group key={row.questionId}>
            <Text
              x={row.label.x}
              y={row.label.y}
              width={row.label.w}
              height={row.label.h}
              text={st ? localize(st.text, lang) : row.questionId}
              fontSize={13}
              lineHeight={1.25}
              fontFamily={FONT}
              fill="#1e293b"
              verticalAlign="middle"
              wrap="word"
              ellipsis
            />
            <ScoreButtons row={row} own={me ? ownScore(el, me, row.questionId) : null} />
            <ScoreStats
              row={row}
              sheet={el.answers}
              emptyLabel={localize(WIDGET_LABELS.noAnswers, lang)}
            />
          </Group>
        );
      })}
    </Group>
  );
});
