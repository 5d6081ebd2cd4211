/**
 * The view half of the answer widgets (workshops/elements/widget.ts): one renderer for every
 * kind — title with the number of respondents, the column headings, per question its text,
 * the 1–5 score buttons and the live average and distribution. Geometry comes from
 * `widgetLayout` in workshops/, which the board also uses to route taps, so what is drawn is
 * what is tapped. The person looking comes through the props (`voter`): their own scores are
 * drawn filled.
 */
import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { AnswerSheet, WidgetElement, WidgetKind, WidgetRow } from '../../../workshops';
import {
  LIKERT_LABELS,
  SCALE_MIN,
  SURVEY_GROUP_LABELS,
  WIDGET_KIND_SPECS,
  WIDGET_LABELS,
  displayText,
  localize,
  ownScore,
  respondents,
  summarise,
  widgetLayout,
  widgetSheet,
} from '../../../workshops';
import { BOARD_FONT } from './fit-text';
import { labelEdit } from './text-edit';
import type { ElementView, RendererProps } from './types';

const FONT = BOARD_FONT;
const BAR_COLORS = ['#ef4444', '#f97316', '#eab308', '#84cc16', '#22c55e'];

/** The heading above the score buttons: "pick 1–5", or the Likert scale's two ends. */
function scaleHeading(kind: WidgetKind, lang: 'nl' | 'en'): string {
  if (WIDGET_KIND_SPECS[kind].scale === 'score') return localize(WIDGET_LABELS.yourScore, lang);
  const [low, high] = [LIKERT_LABELS[0], LIKERT_LABELS[LIKERT_LABELS.length - 1]];
  return `1 = ${low ? localize(low, lang) : ''} … 5 = ${high ? localize(high, lang) : ''}`;
}

/** A rating or a survey: click or tap a score; average and distribution live. */
export const WidgetRenderer = memo(function WidgetRenderer({
  el,
  pos,
  lang,
  voter,
}: RendererProps<WidgetElement>) {
  const spec = WIDGET_KIND_SPECS[el.type];
  const me = voter?.id ?? null;
  const layout = widgetLayout(el);
  const sheet = widgetSheet(el);
  const n = respondents(sheet);
  const first = layout.rows[0];
  const scale = spec.scale === 'score';
  return (
    <Group id={el.id} name={`element ${el.type}`} x={pos.x} y={pos.y} listening={false}>
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
        text={`${displayText(el, lang) || localize(spec.title, lang)}  ·  ${n} ${localize(n === 1 ? WIDGET_LABELS.respondent : WIDGET_LABELS.respondents, lang)}`}
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
            x={scale ? (first.buttons[0]?.box.x ?? 0) : first.label.x}
            y={layout.headingY}
            text={scaleHeading(el.type, lang)}
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
      {layout.rows.map((row, i) => (
        <Group key={row.questionId}>
          {i > 0 && layout.groups.length === 0 && (
            <Rect
              x={row.label.x}
              y={row.label.y}
              width={el.w - 2 * row.label.x}
              height={1}
              fill="#e2e8f0"
            />
          )}
          <QuestionText kind={el.type} row={row} lang={lang} />
          <ScoreButtons row={row} own={me ? ownScore(el, me, row.questionId) : null} />
          <ScoreStats
            row={row}
            sheet={sheet}
            emptyLabel={localize(WIDGET_LABELS.noAnswers, lang)}
          />
        </Group>
      ))}
    </Group>
  );
});

/** A question's short label in bold over its full text (rating), or its text alone (survey). */
function QuestionText({
  kind,
  row,
  lang,
}: {
  kind: WidgetKind;
  row: WidgetRow;
  lang: 'nl' | 'en';
}) {
  const q = WIDGET_KIND_SPECS[kind].question(row.questionId);
  const { x, y, w, h } = row.label;
  if (!q?.label)
    return (
      <Text
        x={x}
        y={y}
        width={w}
        height={h}
        text={q ? localize(q.text, lang) : row.questionId}
        fontSize={13}
        lineHeight={1.25}
        fontFamily={FONT}
        fill="#1e293b"
        verticalAlign="middle"
        wrap="word"
        ellipsis
      />
    );
  return (
    <>
      <Text
        x={x}
        y={y + h / 2 - 26}
        width={w}
        text={localize(q.label, lang)}
        fontSize={15}
        fontStyle="bold"
        fontFamily={FONT}
        fill="#0f172a"
        wrap="none"
        ellipsis
      />
      <Text
        x={x}
        y={y + h / 2 - 6}
        width={w}
        height={h / 2}
        text={localize(q.text, lang)}
        fontSize={12}
        lineHeight={1.25}
        fontFamily={FONT}
        fill="#475569"
        wrap="word"
        ellipsis
      />
    </>
  );
}

function ScoreButtons({ row, own }: { row: WidgetRow; own: number | null }) {
  return (
    <>
      {row.buttons.map((b) => {
        const active = own === b.score;
        return (
          <Group key={b.score} x={b.box.x} y={b.box.y}>
            <Rect
              width={b.box.w}
              height={b.box.h}
              cornerRadius={b.box.h / 2}
              fill={active ? '#1d4ed8' : '#f1f5f9'}
              stroke={active ? '#1e3a8a' : '#cbd5e1'}
              strokeWidth={1.5}
              perfectDrawEnabled={false}
            />
            <Text
              width={b.box.w}
              height={b.box.h}
              text={String(b.score)}
              fontSize={Math.round(b.box.h * 0.45)}
              fontStyle="bold"
              fontFamily={FONT}
              fill={active ? '#ffffff' : '#334155'}
              align="center"
              verticalAlign="middle"
            />
          </Group>
        );
      })}
    </>
  );
}

/** "3.8" and five bars, one per score, scaled to the largest count. */
function ScoreStats({
  row,
  sheet,
  emptyLabel,
}: {
  row: WidgetRow;
  sheet: AnswerSheet;
  emptyLabel: string;
}) {
  const sum = summarise(sheet, row.questionId);
  const { x, y, w, h } = row.stats;
  const avgW = Math.min(64, w * 0.28);
  const barsW = w - avgW - 8;
  const max = Math.max(1, ...sum.distribution);
  const slot = barsW / sum.distribution.length;
  const labelH = Math.min(14, h * 0.3);
  const barMaxH = h - labelH - 2;
  return (
    <Group x={x} y={y}>
      <Text
        width={avgW}
        height={h}
        text={sum.average === null ? '–' : sum.average.toFixed(1)}
        fontSize={Math.min(24, h * 0.55)}
        fontStyle="bold"
        fontFamily={FONT}
        fill="#0f172a"
        verticalAlign="middle"
      />
      {sum.n === 0 ? (
        <Text
          x={avgW + 8}
          width={barsW}
          height={h}
          text={emptyLabel}
          fontSize={12}
          fontFamily={FONT}
          fill="#94a3b8"
          verticalAlign="middle"
        />
      ) : (
        sum.distribution.map((count, i) => {
          const bh = count === 0 ? 1 : Math.max(3, (count / max) * barMaxH);
          return (
            <Group key={i} x={avgW + 8 + i * slot}>
              <Rect
                x={2}
                y={barMaxH - bh}
                width={Math.max(2, slot - 4)}
                height={bh}
                fill={count === 0 ? '#e2e8f0' : (BAR_COLORS[i] ?? '#64748b')}
                cornerRadius={2}
                perfectDrawEnabled={false}
              />
              <Text
                y={barMaxH + 2}
                width={slot}
                text={count > 0 ? `${SCALE_MIN + i}:${count}` : String(SCALE_MIN + i)}
                fontSize={Math.max(8, labelH - 3)}
                fontFamily={FONT}
                fill="#64748b"
                align="center"
              />
            </Group>
          );
        })
      )}
    </Group>
  );
}

/** The view of both answer widgets (web/board/elements/index.ts lists it under each kind). */
export const widgetView = {
  Renderer: WidgetRenderer,
  boxFill: () => '#ffffff',
  resize: () => 'free',
  tools: {},
  Inspector: null,
  // Its title is edited over the whole widget, Enter ends it.
  textEdit: labelEdit(),
  show: 'fit',
} satisfies ElementView<WidgetElement>;
