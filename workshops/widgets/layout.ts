/**
 * Geometry of the test-stage widgets, in element-local coordinates: one place that both the
 * renderer (web/board/elements/rating.tsx, survey.tsx) and the board's hit-testing use, so a
 * click lands on the score that is drawn there.
 *
 * Board engines route a click in select mode like this (before starting a drag):
 *   const hit = widgetHitAt(el, worldPoint);
 *   if (hit) { recordWidgetAnswer(doc, el, hit, participantId); return; }
 */
import type * as Y from 'yjs';
import type { RatingElement } from '../elements/rating';
import type { Box } from '../elements/base';
import type { SurveyElement } from '../elements/survey';
import { setAnswer } from './answers';
import type { SurveyGroup } from './content';
import { SCALE_MAX, SCALE_MIN, SURVEY_GROUPS, surveyStatement } from './content';

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

export function ratingLayout(el: Pick<RatingElement, 'w' | 'h' | 'criteria'>): WidgetLayout {
  const top = PAD + TITLE_H + HEADING_H;
  const n = Math.max(1, el.criteria.length);
  const rowH = Math.max(40, (el.h - top - PAD) / n);
  return {
    title: { x: PAD, y: PAD, w: el.w - PAD * 2, h: TITLE_H },
    headingY: PAD + TITLE_H,
    groups: [],
    rows: el.criteria.map((id, i) => row(id, PAD, top + i * rowH, el.w - PAD * 2, rowH, 0.3)),
  };
}

export function surveyLayout(el: Pick<SurveyElement, 'w' | 'h' | 'statements'>): WidgetLayout {
  // Statements in catalogue group order; unknown ids go last, without a group heading.
  const byGroup = new Map<SurveyGroup | null, string[]>();
  for (const id of el.statements) {
    const g = surveyStatement(id)?.group ?? null;
    byGroup.set(g, [...(byGroup.get(g) ?? []), id]);
  }
  const sections = [...SURVEY_GROUPS, null]
    .map((g) => ({ group: g, ids: byGroup.get(g) ?? [] }))
    .filter((s) => s.ids.length > 0);
  const headings = sections.filter((s) => s.group !== null).length;
  const top = PAD + TITLE_H + HEADING_H;
  const n = Math.max(1, el.statements.length);
  const rowH = Math.max(36, (el.h - top - PAD - headings * GROUP_H) / n);
  const layout: WidgetLayout = {
    title: { x: PAD, y: PAD, w: el.w - PAD * 2, h: TITLE_H },
    headingY: PAD + TITLE_H,
    groups: [],
    rows: [],
  };
  let y = top;
  for (const s of sections) {
    if (s.group) {
      layout.groups.push({ group: s.group, box: { x: PAD, y, w: el.w - PAD * 2, h: GROUP_H } });
      y += GROUP_H;
    }
    for (const id of s.ids) {
      layout.rows.push(row(id, PAD, y, el.w - PAD * 2, rowH, 0.46));
      y += rowH;
    }
  }
  return layout;
}

export function widgetLayout(el: RatingElement | SurveyElement): WidgetLayout {
  return el.type === 'rating' ? ratingLayout(el) : surveyLayout(el);
}

export interface WidgetHit {
  questionId: string;
  score: number;
}

const inside = (b: Box, x: number, y: number, slack: number): boolean =>
  x >= b.x - slack && x <= b.x + b.w + slack && y >= b.y - slack && y <= b.y + b.h + slack;

/** The score button under a world point, or null (the widget is then selected/dragged as usual). */
export function widgetHitAt(
  el: RatingElement | SurveyElement,
  world: { x: number; y: number },
): WidgetHit | null {
  const x = world.x - el.x;
  const y = world.y - el.y;
  if (x < 0 || y < 0 || x > el.w || y > el.h) return null;
  for (const r of widgetLayout(el).rows) {
    for (const b of r.buttons)
      if (inside(b.box, x, y, 2)) return { questionId: r.questionId, score: b.score };
  }
  return null;
}

/** Field of the element's answer sheet. */
export function answerField(el: RatingElement | SurveyElement): 'scores' | 'answers' {
  return el.type === 'rating' ? 'scores' : 'answers';
}

/** A participant's current score for one question, or null. */
export function ownScore(
  el: RatingElement | SurveyElement,
  participantId: string,
  questionId: string,
): number | null {
  const sheet = el.type === 'rating' ? el.scores : el.answers;
  return sheet[participantId]?.[questionId] ?? null;
}

/**
 * Records a click on a score: sets the participant's answer, or clears it when they click the
 * score they already gave (so a mis-click can be undone without an "undo" of others' work).
 */
export function recordWidgetAnswer(
  doc: Y.Doc,
  el: RatingElement | SurveyElement,
  hit: WidgetHit,
  participantId: string,
): boolean {
  const current = ownScore(el, participantId, hit.questionId);
  return setAnswer(
    doc,
    el.id,
    answerField(el),
    participantId,
    hit.questionId,
    current === hit.score ? null : hit.score,
  );
}
