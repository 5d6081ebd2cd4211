import { BLOCK_GROUP_LABELS, blocksInGroup } from '../blocks/catalogue';
import type { BlockGroup } from '../blocks/types';
import { CATEGORIES, CATEGORY_IDS } from '../categories';
import { FILL, example, frame, text } from './build';
import { introItems } from './intro';
import type { BoardTemplate, TemplateItem } from './types';

/** How many design areas the board starts with; the facilitator copies one for more firms. */
export const DESIGN_AREA_COUNT = 6;
export const DESIGN_W = 900;
export const DESIGN_H = 720;
const DESIGN_X = 1080;
const DESIGN_Y = 1100;

/** The ideas column beside the design areas, where carried-forward ideas land. */
export const IDEAS_BOX = { x: 0, y: DESIGN_Y, w: 1000, h: 2320 } as const;

const PALETTE_X = 1080;

/** One sample of every block kind, by group: the palette as a legend on the board. */
function palette(): TemplateItem[] {
  const items: TemplateItem[] = [
    frame(
      'palette',
      PALETTE_X,
      0,
      1840,
      1000,
      { nl: 'Bouwstenen', en: 'Building blocks' },
      FILL.white,
    ),
    text(
      'palette-hint',
      PALETTE_X + 40,
      24,
      1760,
      80,
      {
        nl: 'Kies “Bouwsteen” (B) in de werkbalk, blader of zoek, en klik: de bouwsteen komt midden in je beeld, in je ontwerpvak. Dit zijn ze allemaal. Meer bedrijven dan ontwerpvakken? De begeleider kopieert een vak.',
        en: 'Choose “Building block” (B) in the toolbar, browse or search, and click: the block lands in the middle of your view, in your design area. These are all of them. More firms than design areas? The facilitator copies one.',
      },
      18,
    ),
  ];
  const group = (g: BlockGroup, x: number, y: number, vertical = false): void => {
    items.push(text(`palette-${g}`, x, y, 520, 30, BLOCK_GROUP_LABELS[g], 20));
    let cx = x;
    let cy = y + 40;
    for (const kind of blocksInGroup(g)) {
      items.push({
        type: 'block',
        key: `palette-${kind.id}`,
        x: cx,
        y: cy,
        w: kind.size.w,
        h: kind.size.h,
        kind: kind.id,
      });
      if (vertical) cy += kind.size.h + 14;
      else cx += kind.size.w + 30;
    }
  };
  group('self', PALETTE_X + 40, 120);
  group('chain', PALETTE_X + 470, 120);
  group('people', PALETTE_X + 1010, 120);
  group('ecosystem', PALETTE_X + 40, 370);
  group('badge', PALETTE_X + 920, 370, true);
  group('resource', PALETTE_X + 40, 610);
  items.push(
    text(
      'palette-bridges',
      PALETTE_X + 40,
      800,
      1760,
      90,
      {
        nl: 'Bruggen: trek een verbinding (C) van bouwsteen naar bouwsteen. Klik op de brug voor de naam, wat er stroomt, het soort waarde (transactie · reputatie · interactie · synergie) en de richting.',
        en: 'Bridges: draw a connector (C) from block to block. Click the bridge for its name, what flows, the kind of value (transaction · reputation · interaction · synergy) and its direction.',
      },
      20,
    ),
  );
  return items;
}

function ideas(): TemplateItem[] {
  const colW = (IDEAS_BOX.w - 80) / 3;
  return [
    frame(
      'ideas',
      IDEAS_BOX.x,
      IDEAS_BOX.y,
      IDEAS_BOX.w,
      IDEAS_BOX.h,
      { nl: 'Ideeën uit Ideeën genereren', en: 'Ideas from Ideate' },
      FILL.neutral,
    ),
    text(
      'ideas-hint',
      IDEAS_BOX.x + 40,
      IDEAS_BOX.y + 24,
      IDEAS_BOX.w - 80,
      56,
      {
        nl: 'Per categorie, met de meeste stemmen bovenaan. De begeleider haalt ze hierheen.',
        en: 'Per category, most votes first. The facilitator pulls them in here.',
      },
      16,
    ),
    ...CATEGORY_IDS.map((id, i) =>
      text(
        `ideas-${id}`,
        IDEAS_BOX.x + 40 + i * colW,
        IDEAS_BOX.y + 96,
        colW - 16,
        56,
        CATEGORIES[id].label,
        18,
      ),
    ),
  ];
}

function designs(): TemplateItem[] {
  const items: TemplateItem[] = [];
  for (let i = 0; i < DESIGN_AREA_COUNT; i++) {
    const x = DESIGN_X + (i % 2) * (DESIGN_W + 40);
    const y = DESIGN_Y + Math.floor(i / 2) * (DESIGN_H + 80);
    items.push(
      frame(
        `design-${i + 1}`,
        x,
        y,
        DESIGN_W,
        DESIGN_H,
        { nl: `Ontwerp ${i + 1}`, en: `Design ${i + 1}` },
        FILL.blue,
      ),
      text(
        `design-${i + 1}-hint`,
        x + 20,
        y + 14,
        DESIGN_W - 40,
        48,
        {
          nl: 'Je eigen bedrijf in het midden, partners eromheen, bruggen ertussen. Zet de naam van je bedrijf op een sticky.',
          en: 'Your own firm in the middle, partners around it, bridges between them. Put your firm’s name on a sticky.',
        },
        15,
      ),
    );
  }
  return items;
}

function steps(): TemplateItem[] {
  const y = DESIGN_Y + IDEAS_BOX.h + 100;
  return [
    frame(
      'steps',
      0,
      y,
      2920,
      420,
      { nl: 'Stappen en randvoorwaarden', en: 'Steps and preconditions' },
      FILL.green,
    ),
    text(
      'steps-hint',
      40,
      y + 24,
      2840,
      56,
      {
        nl: 'Welke stappen keren in meerdere ontwerpen terug? Wat moet er geregeld zijn om ze te zetten? Eerder genoemd:',
        en: 'Which steps return in several designs? What must be in place to take them? Named before:',
      },
      18,
    ),
    example('steps-example-1', 40, y + 110, {
      nl: 'intrinsieke motivatie',
      en: 'intrinsic motivation',
    }),
    example('steps-example-2', 320, y + 110, {
      nl: 'samen willen investeren',
      en: 'willingness to invest together',
    }),
    example('steps-example-3', 600, y + 110, {
      nl: 'transparant zijn over je propositie',
      en: 'being transparent about your proposition',
    }),
  ];
}

export const PROTOTYPE_TEMPLATE: BoardTemplate = {
  stage: 'prototype',
  version: 2,
  items: [
    ...introItems('prototype', 1000, 1000),
    ...palette(),
    ...ideas(),
    ...designs(),
    ...steps(),
  ],
};
