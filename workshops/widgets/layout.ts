/**
 * Geometry of the answer widgets (`elements/widget.ts`), in element-local coordinates: one place
 * that the renderer (web/board/elements/widget.tsx), the SVG drawing (render/draw.ts) and the
 * board's hit-testing use, so a tap lands on the score that is drawn there.
 *
 * The board routes a tap in select mode like this (before starting a drag), through its own
 * transaction origin (web/board/widget-answers.ts):
 *   const hit = widgetHitAt(el, worldPoint);
 *   if (hit) recordWidgetAnswer(doc, el, hit, participantId);
 */
import type * as Y from 'yjs';
import type { Box } from '../elements/base';
import type { WidgetElement, WidgetKind } from '../elements/widget';
import { WIDGET_KIND_SPECS, answerField, widgetQuestions, widgetSheet } from '../elements/widget';
import { setAnswer } from './answers';
import type { SurveyGroup } from './content';
import { SCALE_MAX, SCALE_MIN, SURVEY_GROUPS } from './content';

export interface WidgetRow {
  questionId: string;
  /** Where the question's label is written. */
  label: Box;
  /** One button per score, SCALE_MIN first. */
  buttons: Array<{ score: number; box: Box }>;
  /** Average and distribution bars. */
  stats: Box;
}

export interface WidgetLayout {
  title: Box;
  /** Column headings above the buttons and the stats (y of the heading line). */
  headingY: number;
  /** Survey only: group headings. */
  groups: Array<{ group: SurveyGroup; box: Box }>;
  rows: WidgetRow[];
}

const PAD = 20;
const TITLE_H = 48;
const HEADING_H = 26;
const GROUP_H = 34;

function row(
  questionId: string,
  x: number,
  y: number,
  w: number,
  h: number,
  labelShare: number,
): WidgetRow {
  const labelW = Math.round(w * labelShare);
  const count = SCALE_MAX - SCALE_MIN + 1;
  const size = Math.max(16, Math.min(h - 10, 44, (w * 0.3) / count - 6));
  const gap = 6;
  const bx = x + labelW + 12;
  const by = y + (h - size) / 2;
  const buttons = Array.from({ length: count }, (_, i) => ({
    score: SCALE_MIN + i,
    box: { x: bx + i * (size + gap), y: by, w: size, h: size },
  }));
  const statsX = bx + count * (size + gap) + 12;
  return {
    questionId,
    label: { x, y, w: labelW, h },
    buttons,
    stats: { x: statsX, y: y + 4, w: Math.max(40, x + w - statsX), h: h - 8 },
  };
}

/** What a layout needs of a widget. */
export interface WidgetShape {
  type: WidgetKind;
  w: number;
  h: number;
  questions: readonly string[];
}

/**
 * Rows of one question each, in the kind's label share; grouped kinds (the survey) put their
 * questions in catalogue group order under a heading per group, unknown ids last, ungrouped.
 */
export function layoutWidget(shape: WidgetShape): WidgetLayout {
  const spec = WIDGET_KIND_SPECS[shape.type];
  const byGroup = new Map<SurveyGroup | null, string[]>();
  for (const id of shape.questions) {
    const g = spec.question(id)?.group ?? null;
    byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
  }
  const sections = [...SURVEY_GROUPS, null]
    .map((g) => ({ group: g, ids: byGroup.get(g) ?? [] }))
    .filter((s) => s.ids.length > 0);
  const headings = sections.filter((s) => s.group !== null).length;
  const top = PAD + TITLE_H + HEADING_H;
  const n = Math.max(1, shape.questions.length);
  const rowH = Math.max(spec.minRowH, (shape.h - top - PAD - headings * GROUP_H) / n);
  const layout: WidgetLayout = {
    title: { x: PAD, y: PAD, w: shape.w - PAD * 2, h: TITLE_H },
    headingY: PAD + TITLE_H,
    groups: [],
    rows: [],
  };
  let y = top;
  for (const s of sections) {
    if (s.group) {
      layout.groups.push({ group: s.group, box: { x: PAD, y, w: shape.w - PAD * 2, h: GROUP_H } });
      y += GROUP_H;
    }
    for (const id of s.ids) {
      layout.rows.push(row(id, PAD, y, shape.w - PAD * 2, rowH, spec.labelShare));
      y += rowH;
    }
  }
  return layout;
}

export function widgetLayout(el: WidgetElement): WidgetLayout {
  return layoutWidget({ type: el.type, w: el.w, h: el.h, questions: widgetQuestions(el) });
}

export interface WidgetHit {
  questionId: string;
  score: number;
}

const inside = (b: Box, x: number, y: number, slack: number): boolean =>
  x >= b.x - slack && x <= b.x + b.w + slack && y >= b.y - slack && y <= b.y + b.h + slack;

/** The score button under a world point, or null (the widget is then selected/dragged as usual). */
export function widgetHitAt(el: WidgetElement, world: { x: number; y: number }): WidgetHit | null {
  const x = world.x - el.x;
  const y = world.y - el.y;
  if (x < 0 || y < 0 || x > el.w || y > el.h) return null;
  for (const r of widgetLayout(el).rows) {
    for (const b of r.buttons)
      if (inside(b.box, x, y, 2)) return { questionId: r.questionId, score: b.score };
  }
  return null;
}

/** A participant's current score for one question, or null. */
export function ownScore(
  el: WidgetElement,
  participantId: string,
  questionId: string,
): number | null {
  return widgetSheet(el)[participantId]?.[questionId] ?? null;
}

/**
 * Records a click on a score: sets the participant's answer, or clears it when they click the
 * score they already gave (so a mis-click can be undone without an "undo" of others' work).
 */
export function recordWidgetAnswer(
  doc: Y.Doc,
  el: WidgetElement,
  hit: WidgetHit,
  participantId: string,
): boolean {
  const current = ownScore(el, participantId, hit.questionId);
  return setAnswer(
    doc,
    el.id,
    answerField(el.type),
    participantId,
    hit.questionId,
    current === hit.score ? null : hit.score,
  );
}
