import { FILL, example, frame, text } from './build';
import { introItems } from './intro';
import type { BoardTemplate, TemplateItem } from './types';

/** How many firm profiles the board starts with; the facilitator copies a frame for more. */
export const PROFILE_COUNT = 6;

const PROFILE_W = 560;
const PROFILE_H = 440;

function profiles(): TemplateItem[] {
  const x0 = 1080;
  const items: TemplateItem[] = [
    frame(
      'profiles',
      x0,
      0,
      1840,
      1160,
      { nl: 'Bedrijfsprofielen', en: 'Firm profiles' },
      FILL.blue,
    ),
    text(
      'profiles-hint',
      x0 + 40,
      30,
      1760,
      70,
      {
        nl: 'Eén vak per bedrijf. Zet je naam in de titel-sticky en beantwoord de vragen met gele stickies. Meer bedrijven dan vakken? De begeleider kopieert een vak.',
        en: 'One frame per firm. Put your name on a sticky and answer the questions with yellow stickies. More firms than frames? The facilitator copies one.',
      },
      18,
    ),
  ];
  for (let i = 0; i < PROFILE_COUNT; i++) {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const x = x0 + 40 + col * (PROFILE_W + 40);
    const y = 170 + row * (PROFILE_H + 90);
    items.push(
      frame(
        `profile-${i + 1}`,
        x,
        y,
        PROFILE_W,
        PROFILE_H,
        {
          nl: `Bedrijf ${i + 1}`,
          en: `Firm ${i + 1}`,
        },
        FILL.white,
      ),
      text(
        `profile-${i + 1}-prompts`,
        x + 20,
        y + 16,
        PROFILE_W - 40,
        120,
        {
          nl: 'Naam · sociale onderneming, reguliere onderneming of partner?\nWat doen we?\nWie hebben we in dienst, wie willen we in dienst nemen?',
          en: 'Name · social enterprise, regular enterprise or partner?\nWhat do we do?\nWhom do we employ, whom do we want to employ?',
        },
        16,
      ),
    );
  }
  return items;
}

const ZONE_W = 906;

function interview(): TemplateItem[] {
  const y0 = 1260;
  const zones: Array<{
    key: string;
    title: { nl: string; en: string };
    hint: { nl: string; en: string };
    color: string;
    ex?: { nl: string; en: string };
  }> = [
    {
      key: 'ambition-individual',
      title: { nl: 'Ambitie · de medewerker', en: 'Ambition · the employee' },
      hint: {
        nl: 'Wat wil je bereiken voor de mensen die bij je werken? Werkfit worden, duurzaam betaald werk.',
        en: 'What do you want to achieve for the people who work with you? Becoming work-ready, durable paid work.',
      },
      color: FILL.green,
      ex: {
        nl: 'elke medewerker een vast contract binnen twee jaar',
        en: 'a permanent contract for every employee within two years',
      },
    },
    {
      key: 'ambition-organisation',
      title: { nl: 'Ambitie · de organisatie', en: 'Ambition · the organisation' },
      hint: {
        nl: 'Hoe wil je het werk anders organiseren? Een inclusieve cultuur, begeleiding op de werkvloer.',
        en: 'How do you want to organise work differently? An inclusive culture, coaching on the shop floor.',
      },
      color: FILL.green,
    },
    {
      key: 'ambition-society',
      title: { nl: 'Ambitie · de samenleving', en: 'Ambition · society' },
      hint: {
        nl: 'Welke verandering wil je zien? Een anders ingerichte, inclusieve arbeidsmarkt.',
        en: 'What change do you want to see? A labour market arranged differently, inclusive.',
      },
      color: FILL.green,
    },
    {
      key: 'challenges',
      title: { nl: 'Uitdagingen', en: 'Challenges' },
      hint: {
        nl: 'Waar loop je tegenaan? Kennis, regelgeving, marges, instroom van kandidaten …',
        en: 'What stands in your way? Know-how, regulations, margins, inflow of candidates …',
      },
      color: FILL.pink,
      ex: {
        nl: 'regels rond proefplaatsing en loonkostensubsidie zijn ingewikkeld',
        en: 'rules on trial placements and wage subsidies are complicated',
      },
    },
    {
      key: 'offer',
      title: { nl: 'Wat kunnen wij bieden?', en: 'What can we offer?' },
      hint: {
        nl: 'Kennis, een methode, werkplekken, opdrachten, netwerk …',
        en: 'Knowledge, a method, workplaces, orders, network …',
      },
      color: FILL.amber,
    },
    {
      key: 'need',
      title: { nl: 'Wat hebben wij nodig?', en: 'What do we need?' },
      hint: {
        nl: 'Vaste klanten, volume, kandidaten, kennis over begeleiding …',
        en: 'Steady customers, volume, candidates, know-how about coaching …',
      },
      color: FILL.amber,
    },
  ];
  const items: TemplateItem[] = [
    frame(
      'interview',
      0,
      y0,
      2920,
      1080,
      { nl: 'Duo-interview', en: 'Pair interview' },
      FILL.neutral,
    ),
    text(
      'interview-hint',
      40,
      y0 + 30,
      2840,
      60,
      {
        nl: 'Interview elkaar om de beurt. Schrijf de antwoorden van de ander op stickies, met de naam van het bedrijf erbij.',
        en: 'Take turns interviewing each other. Write the other’s answers on stickies, with the firm’s name.',
      },
      20,
    ),
  ];
  zones.forEach((z, i) => {
    const x = 40 + (i % 3) * (ZONE_W + 41);
    const y = y0 + 150 + Math.floor(i / 3) * 470;
    items.push(
      frame(z.key, x, y, ZONE_W, 400, z.title, z.color),
      text(`${z.key}-hint`, x + 20, y + 16, ZONE_W - 40, 56, z.hint, 16),
    );
    if (z.ex) items.push(example(`${z.key}-example`, x + ZONE_W - 290, y + 200, z.ex));
  });
  return items;
}

export const EMPATHISE_TEMPLATE: BoardTemplate = {
  stage: 'empathise',
  version: 1,
  items: [...introItems('empathise', 1000, 1160), ...profiles(), ...interview()],
};
