import { CATEGORIES, CATEGORY_IDS } from '../categories';
import type { LaneId } from '../elements/frame';
import { FILL, frame, text } from './build';
import { introItems } from './intro';
import type { BoardTemplate, TemplateItem } from './types';

const LANE_W = 700;
const LANE_Y = 1560;
const LANE_H = 1000;

function lanes(): TemplateItem[] {
  const lanesDef: Array<{
    lane: LaneId;
    title: { nl: string; en: string };
    hint: { nl: string; en: string };
  }> = [
    ...CATEGORY_IDS.map((id) => ({
      lane: id as LaneId,
      title: CATEGORIES[id].label,
      hint: CATEGORIES[id].description,
    })),
    {
      lane: 'unsorted',
      title: { nl: 'Nog niet gesorteerd', en: 'Not yet sorted' },
      hint: {
        nl: 'Twijfel je bij welke categorie een idee hoort? Laat het hier; we sorteren het samen.',
        en: 'Not sure which category an idea belongs to? Leave it here; we sort it together.',
      },
    },
  ];
  return lanesDef.flatMap((l, i) => {
    const x = i * (LANE_W + 40);
    const item: TemplateItem = {
      type: 'frame',
      key: `lane-${l.lane}`,
      x,
      y: LANE_Y,
      w: LANE_W,
      h: LANE_H,
      title: l.title,
      color: l.lane === 'unsorted' ? FILL.neutral : FILL.white,
      lane: l.lane,
    };
    return [item, text(`lane-${l.lane}-hint`, x + 24, LANE_Y + 28, LANE_W - 48, 110, l.hint, 16)];
  });
}

export const IDEATE_TEMPLATE: BoardTemplate = {
  stage: 'ideate',
  version: 1,
  items: [
    ...introItems('ideate', 1000, 1360),
    frame(
      'challenges',
      1080,
      0,
      1840,
      560,
      { nl: 'Gekozen uitdagingen (uit Definiëren)', en: 'Chosen challenges (from Define)' },
      FILL.violet,
    ),
    text(
      'challenges-hint',
      1120,
      24,
      1760,
      56,
      {
        nl: 'De vragen met de meeste stemmen uit de vorige sessie. De begeleider haalt ze hierheen.',
        en: 'The questions with the most votes in the previous session. The facilitator pulls them in here.',
      },
      18,
    ),
    frame('brainstorm', 1080, 660, 1840, 700, { nl: 'Brainstorm', en: 'Brainstorm' }, FILL.amber),
    text(
      'brainstorm-hint',
      1120,
      684,
      1760,
      56,
      {
        nl: 'Eén idee per sticky. Eerst in stilte, dan voortbouwen op elkaar. Alles mag: oordelen doen we later.',
        en: 'One idea per sticky. First in silence, then build on each other. Anything goes: we judge later.',
      },
      18,
    ),
    text(
      'lanes-heading',
      0,
      LANE_Y - 130,
      2920,
      50,
      {
        nl: 'Sorteren in drie categorieën: sleep elk idee naar een baan',
        en: 'Sorting into three categories: drag each idea into a lane',
      },
      32,
    ),
    ...lanes(),
  ],
};
