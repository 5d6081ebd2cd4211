import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { RatingElement } from '../../../workshops';
import {
  WIDGET_LABELS,
  displayText,
  criterion,
  localize,
  ownScore,
  ratingLayout,
  respondents,
} from '../../../workshops';
import type { RendererProps } from './types';
import { FONT, ScoreButtons, ScoreStats, useParticipantId } from './widget-parts';

/** The four-criteria rating (test stage): click a score; average and distribution live. */
export const RatingRenderer = memo(function RatingRenderer({
  el,
  pos,
  lang,
}: RendererProps<RatingElement>) {
  const me = useParticipantId();
  const layout = ratingLayout(el);
  const n = respondents(el.scores);
  return (
    <Group id={el.id} name="element rating" x={pos.x} y={pos.y} listening={false}>
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
        text={`${displayText(el, lang) || localize(WIDGET_LABELS.ratingTitle, lang)}  ·  ${n} ${localize(n === 1 ? WIDGET_LABELS.respondent : WIDGET_LABELS.respondents, lang)}`}
        fontSize={22}
        fontStyle="bold"
        fontFamily={FONT}
        fill="#0f172a"
        verticalAlign="middle"
        wrap="none"
        ellipsis
      />
      {layout.rows[0] && (
        <>
          <Text
            x={layout.rows[0].buttons[0]?.box.x ?? 0}
            y={layout.headingY}
            text={localize(WIDGET_LABELS.yourScore, lang)}
            fontSize={12}
            fontFamily={FONT}
            fill="#64748b"
          />
          <Text
            x={layout.rows[0].stats.x}
            y={layout.headingY}
            text={localize(WIDGET_LABELS.results, lang)}
            fontSize={12}
            fontFamily={FONT}
            fill="#64748b"
          />
        </>
      )}
      {layout.rows.map((row, i) => {
        const c = criterion(row.questionId);
        return (
          <Group key={row.questionId}>
            {i > 0 && (
              <Rect
                x={row.label.x}
                y={row.label.y}
                width={el.w - 2 * row.label.x}
                height={1}
                fill="#e2e8f0"
              />
            )}
            <Text
              x={row.label.x}
              y={row.label.y + row.label.h / 2 - 26}
              width={row.label.w}
              text={c ? localize(c.label, lang) : row.questionId}
              fontSize={15}
              fontStyle="bold"
              fontFamily={FONT}
              fill="#0f172a"
              wrap="none"
              ellipsis
            />
            {c && (
              <Text
                x={row.label.x}
                y={row.label.y + row.label.h / 2 - 6}
                width={row.label.w}
                height={row.label.h / 2}
                text={localize(c.question, lang)}
                fontSize={12}
                lineHeight={1.25}
                fontFamily={FONT}
                fill="#475569"
                wrap="word"
                ellipsis
              />
            )}
            <ScoreButtons row={row} own={me ? ownScore(el, me, row.questionId) : null} />
            <ScoreStats
              row={row}
              sheet={el.scores}
              emptyLabel={localize(WIDGET_LABELS.noAnswers, lang)}
            />
          </Group>
        );
      })}
    </Group>
  );
});
