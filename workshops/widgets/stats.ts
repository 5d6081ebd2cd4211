/**
 * Pure statistics over the test-stage widgets' answers: decoding a stored answer sheet,
 * average and distribution per question. No Yjs here, so element decoders can use it.
 */
import { SCALE_MAX, SCALE_MIN } from './content';

/** participantId → questionId → score. */
export type AnswerSheet = Record<string, Record<string, number>>;

export function isScore(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= SCALE_MIN && value <= SCALE_MAX
  );
}

/** Decodes a stored answer sheet (nested Y.Maps arrive as plain records); junk is dropped. */
export function decodeAnswers(value: unknown): AnswerSheet {
  const out: AnswerSheet = {};
  if (!value || typeof value !== 'object') return out;
  for (const [pid, row] of Object.entries(value as Record<string, unknown>)) {
    if (!row || typeof row !== 'object') continue;
    const clean: Record<string, number> = {};
    for (const [q, v] of Object.entries(row as Record<string, unknown>))
      if (isScore(v)) clean[q] = v;
    if (Object.keys(clean).length > 0) out[pid] = clean;
  }
  return out;
}

export interface ScoreSummary {
  /** Number of people who answered. */
  n: number;
  /** Mean score, or null when nobody answered. */
  average: number | null;
  /** Count per score: index 0 is score 1, index 4 is score 5. */
  distribution: [number, number, number, number, number];
}

/** Average and distribution of one question's answers. */
export function summarise(sheet: AnswerSheet, questionId: string): ScoreSummary {
  const distribution: ScoreSummary['distribution'] = [0, 0, 0, 0, 0];
  let n = 0;
  let sum = 0;
  for (const row of Object.values(sheet)) {
    const v = row[questionId];
    if (!isScore(v)) continue;
    distribution[v - SCALE_MIN] = (distribution[v - SCALE_MIN] ?? 0) + 1;
    n++;
    sum += v;
  }
  return { n, average: n > 0 ? sum / n : null, distribution };
}

/** Number of participants with at least one answer. */
export function respondents(sheet: AnswerSheet): number {
  return Object.values(sheet).filter((row) => Object.keys(row).length > 0).length;
}
