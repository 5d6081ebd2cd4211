import { localize } from '../i18n';
import { FILL, frame, text } from './build';
import type { CanvasPart, CanvasPhase } from './canvas';
import {
  CANVAS_PARTS,
  CANVAS_PART_LABELS,
  CANVAS_PHASES,
  CANVAS_PHASE_LABELS,
  canvasCell,
} from './canvas';
import { introItems } from './intro';
import type { BoardTemplate, TemplateItem } from './types';

const CANVAS_X = 1080;
const HEAD_W = 260;
const CELL_W = 760;
const CELL_H = 450;
const GAP = 30;

/** Where carried-forward design summaries land on the test board. */
export const DESIGNS_BOX = { x: 0, y: 2810, w: 2780, h: 600 } as const;

function cellText(phase: CanvasPhase, part: CanvasPart): { nl: string; en: string } {
  const themes = canvasCell(phase, part);
  const one = (lang: 'nl' | 'en'): string =>
    themes.map((t) => `${localize(t.theme, lang)}: ${localize(t.question, lang)}`).join('\n');
  return { nl: one('nl'), en: one('en') };
}

function canvas(): TemplateItem[] {
  const items: TemplateItem[] = [
    frame(
      'canvas',
      CANVAS_X,
      0,
      2700,
      1600,
      { nl: 'Samenwerkingscanvas (concept)', en: 'Collaboration canvas (draft)' },
      FILL.neutral,
    ),
  ];
  const colX = (j: number): number => CANVAS_X + 40 + HEAD_W + 20 + j * (CELL_W + GAP);
  const rowY = (i: number): number => 150 + i * (CELL_H + GAP);
  CANVAS_PHASES.forEach((phase, j) => {
    const p = CANVAS_PHASE_LABELS[phase];
    items.push(
      text(`canvas-${phase}`, colX(j), 30, CELL_W, 36, p.label, 28),
      text(`canvas-${phase}-about`, colX(j), 72, CELL_W, 40, p.about, 17),
    );
  });
  CANVAS_PARTS.forEach((part, i) => {
    items.push(
      text(`canvas-${part}`, CANVAS_X + 40, rowY(i) + 16, HEAD_W, 40, CANVAS_PART_LABELS[part], 26),
    );
    CANVAS_PHASES.forEach((phase, j) => {
      items.push(
        frame(
          `canvas-${phase}-${part}`,
          colX(j),
          rowY(i),
          CELL_W,
          CELL_H,
          { nl: '', en: '' },
          FILL.white,
        ),
        text(
          `canvas-${phase}-${part}-themes`,
          colX(j) + 16,
          rowY(i) + 14,
          CELL_W - 32,
          150,
          cellText(phase, part),
          17,
        ),
      );
    });
  });
  return items;
}

function feedback(): TemplateItem[] {
  const y0 = 1700;
  const boxes = [
    { key: 'well', t: { nl: 'Werkt goed', en: 'Works well' }, c: FILL.green },
    { key: 'better', t: { nl: 'Kan beter', en: 'Could be better' }, c: FILL.pink },
    { key: 'questions', t: { nl: 'Vragen', en: 'Questions' }, c: FILL.amber },
    { key: 'ideas', t: { nl: 'Nieuwe ideeën', en: 'New ideas' }, c: FILL.violet },
  ];
  return [
    frame(
      'feedback',
      0,
      y0,
      1800,
      1010,
      { nl: 'Feedback op het canvas', en: 'Feedback on the canvas' },
      FILL.neutral,
    ),
    text(
      'feedback-hint',
      40,
      y0 + 24,
      1720,
      40,
      {
        nl: 'Eén sticky per punt, in het juiste vak.',
        en: 'One sticky per point, in the right box.',
      },
      18,
    ),
    ...boxes.map((b, i) =>
      frame(
        `feedback-${b.key}`,
        40 + (i % 2) * 880,
        y0 + 130 + Math.floor(i / 2) * 450,
        840,
        400,
        b.t,
        b.c,
      ),
    ),
  ];
}

export const TEST_TEMPLATE: BoardTemplate = {
  stage: 'test',
  version: 1,
  items: [
    ...introItems('test', 1000, 1600),
    ...canvas(),
    ...feedback(),
    frame(
      'rating',
      1880,
      1700,
      900,
      580,
      { nl: 'Beoordeling: vier criteria', en: 'Rating: four criteria' },
      FILL.blue,
    ),
    {
      type: 'rating',
      key: 'rating-widget',
      x: 1920,
      y: 1740,
      w: 820,
      h: 500,
      title: { nl: 'Hoe scoort het canvas? (1–5)', en: 'How does the canvas score? (1–5)' },
    },
    frame(
      'survey',
      2820,
      1700,
      960,
      1280,
      { nl: 'Zelfevaluatie', en: 'Self-assessment' },
      FILL.blue,
    ),
    {
      type: 'survey',
      key: 'survey-widget',
      x: 2860,
      y: 1740,
      w: 880,
      h: 1200,
      title: {
        nl: 'Samenwerking met één vaste partner (1–5)',
        en: 'Collaboration with one long-standing partner (1–5)',
      },
    },
    frame(
      'designs',
      DESIGNS_BOX.x,
      DESIGNS_BOX.y,
      DESIGNS_BOX.w,
      DESIGNS_BOX.h,
      { nl: 'Ontwerpen uit Ontwerpen', en: 'Designs from Prototype' },
      FILL.neutral,
    ),
  ],
};
