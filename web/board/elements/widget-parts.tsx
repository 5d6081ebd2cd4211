/**
 * Drawing shared by the test-stage widgets (rating, survey): score buttons and the
 * average + distribution bars. Geometry comes from `widgetLayout` in workshops/, which the board
 * also uses to route clicks, so what is drawn is what is clicked.
 */
import { useContext } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { AnswerSheet, WidgetRow } from '../../../workshops';
import { SCALE_MIN, summarise } from '../../../workshops';
import { WorkshopContext } from '../../app/context';
import { BOARD_FONT } from './fit-text';

export const FONT = BOARD_FONT;
const BAR_COLORS = ['#ef4444', '#f97316', '#eab308', '#84cc16', '#22c55e'];

/** The current participant's id, when the board runs inside a workshop page. */
export function useParticipantId(): string | null {
  return useContext(WorkshopContext)?.participantId ?? null;
}

export function ScoreButtons({ row, own }: { row: WidgetRow; own: number | null }) {
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
export function ScoreStats({
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
