import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BLOCK_CATALOGUE,
  BLOCK_GROUP_LABELS,
  BOARD_TEMPLATES,
  CANVAS_PARTS,
  CANVAS_PART_LABELS,
  CANVAS_PHASES,
  CANVAS_PHASE_LABELS,
  CANVAS_THEMES,
  CATEGORIES,
  LIKERT_LABELS,
  RATING_CRITERIA,
  SESSION_TEMPLATES,
  SURVEY_GROUP_LABELS,
  SURVEY_STATEMENTS,
  VALUE_TYPE_LABELS,
  WIDGET_LABELS,
  addBoard,
  canvasCell,
  readSessions,
  readWorkshop,
  seedControlDoc,
  writeWorkshop,
} from '../../../workshops';

/** Every `{nl, en}` pair reachable from `value`, with its path. */
function localTexts(value: unknown, path = ''): Array<{ path: string; nl: string; en: string }> {
  if (!value || typeof value !== 'object') return [];
  const rec = value as Record<string, unknown>;
  const keys = Object.keys(rec);
  if (
    keys.length === 2 &&
    keys.includes('nl') &&
    keys.includes('en') &&
    typeof rec.nl === 'string' &&
    typeof rec.en === 'string'
  )
    return [{ path, nl: rec.nl, en: rec.en }];
  return Object.entries(rec).flatMap(([k, v]) => localTexts(v, `${path}.${k}`));
}

describe('shipped content', () => {
  it('has every text in Dutch and English', () => {
    const all = localTexts({
      SESSION_TEMPLATES,
      BOARD_TEMPLATES,
      BLOCK_CATALOGUE,
      BLOCK_GROUP_LABELS,
      VALUE_TYPE_LABELS,
      RATING_CRITERIA,
      SURVEY_STATEMENTS,
      SURVEY_GROUP_LABELS,
      LIKERT_LABELS,
      WIDGET_LABELS,
      CANVAS_THEMES,
      CANVAS_PHASE_LABELS,
      CANVAS_PART_LABELS,
      CATEGORIES,
    });
    expect(all.length).toBeGreaterThan(300);
    for (const t of all) {
      // Untitled canvas cells have no title in either language; anything else has both.
      if (t.nl === '' && t.en === '' && t.path.endsWith('.title')) continue;
      expect(t.nl.trim(), t.path).not.toBe('');
      expect(t.en.trim(), t.path).not.toBe('');
    }
  });

  it('has a question in every cell of the collaboration canvas', () => {
    for (const phase of CANVAS_PHASES)
      for (const part of CANVAS_PARTS) expect(canvasCell(phase, part).length).toBeGreaterThan(0);
  });

  it('gives a workshop created before the session plan existed its plan, once', () => {
    const doc = new Y.Doc();
    // What the first server release wrote: workshop and boards, no sessions.
    writeWorkshop(doc, { title: 'Oud', language: 'en', organisation: 'HU' });
    addBoard(doc, { id: 'empathise', title: '1. Empathise', stage: 'empathise', order: 0 });
    seedControlDoc(doc, { title: 'Nieuw', language: 'en' });
    expect(readWorkshop(doc).title).toBe('Oud');
    expect(readSessions(doc).map((s) => s.id)).toEqual(Object.keys(SESSION_TEMPLATES));
    seedControlDoc(doc, { title: 'Nieuw', language: 'en' });
    expect(readSessions(doc)).toHaveLength(5);
  });
});
