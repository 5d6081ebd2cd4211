import { FILL, example, frame, text } from './build';
import { introItems } from './intro';
import type { BoardTemplate, TemplateItem } from './types';

function ambitions(): TemplateItem[] {
  const x0 = 1080;
  const colW = 560;
  const levels = [
    { key: 'individual', t: { nl: 'De medewerker', en: 'The employee' } },
    { key: 'organisation', t: { nl: 'De organisatie', en: 'The organisation' } },
    { key: 'society', t: { nl: 'De samenleving', en: 'Society' } },
  ];
  return [
    frame(
      'ambitions',
      x0,
      0,
      1840,
      640,
      { nl: 'Gedeelde ambities', en: 'Shared ambitions' },
      FILL.green,
    ),
    text(
      'ambitions-hint',
      x0 + 40,
      24,
      1760,
      56,
      {
        nl: 'Welke ambities delen jullie? Groene stickies, per niveau. Leg dubbele op elkaar.',
        en: 'Which ambitions do you share? Green stickies, per level. Stack duplicates.',
      },
      18,
    ),
    ...levels.map((l, i) =>
      text(`ambitions-${l.key}`, x0 + 40 + i * (colW + 40), 96, colW, 40, l.t, 28),
    ),
  ];
}

export const DEFINE_TEMPLATE: BoardTemplate = {
  stage: 'define',
  version: 1,
  items: [
    ...introItems('define', 1000, 1380),
    ...ambitions(),
    frame(
      'challenges',
      1080,
      740,
      880,
      640,
      { nl: 'Gedeelde uitdagingen', en: 'Shared challenges' },
      FILL.pink,
    ),
    text(
      'challenges-hint',
      1120,
      764,
      800,
      56,
      {
        nl: 'Eén roze sticky per uitdaging, zo concreet mogelijk.',
        en: 'One pink sticky per challenge, as concrete as you can.',
      },
      18,
    ),
    example('challenges-example', 1660, 1170, {
      nl: 'te weinig zicht op geschikte kandidaten',
      en: 'too little sight of suitable candidates',
    }),
    frame(
      'hmw',
      2040,
      740,
      880,
      640,
      { nl: '“Hoe kunnen wij …?”', en: '“How might we …?”' },
      FILL.blue,
    ),
    text(
      'hmw-hint',
      2080,
      764,
      800,
      80,
      {
        nl: 'Maak van elke uitdaging een vraag: “Hoe kunnen wij …?” Open genoeg voor veel ideeën, klein genoeg om aan te pakken.',
        en: 'Turn each challenge into a question: “How might we …?” Open enough for many ideas, small enough to tackle.',
      },
      18,
    ),
    example('hmw-example', 2620, 1170, {
      nl: 'Hoe kunnen wij samen kandidaten vinden die bij het werk passen?',
      en: 'How might we find candidates who fit the work, together?',
    }),
    frame('focus', 0, 1480, 1440, 600, { nl: 'Aandachtspunten', en: 'Focus points' }, FILL.amber),
    text(
      'focus-hint',
      40,
      1504,
      1360,
      56,
      {
        nl: 'De begeleider bundelt de vragen tot een paar gemeenschappelijke aandachtspunten. In een eerder project waren dat bijvoorbeeld:',
        en: 'The facilitator groups the questions into a few common focus points. In an earlier project these were, for example:',
      },
      18,
    ),
    example('focus-example-1', 40, 1600, {
      nl: 'passende werkplekken vinden of creëren',
      en: 'finding or creating suitable workplaces',
    }),
    example('focus-example-2', 320, 1600, {
      nl: 'de dienstverlening verbreden',
      en: 'broadening the services',
    }),
    example('focus-example-3', 600, 1600, {
      nl: 'andere ondernemers inspireren',
      en: 'inspiring other entrepreneurs',
    }),
    frame(
      'vote',
      1520,
      1480,
      1400,
      600,
      { nl: 'Kiezen: stemmen met stippen', en: 'Choosing: dot voting' },
      FILL.violet,
    ),
    text(
      'vote-hint',
      1560,
      1504,
      1320,
      90,
      {
        nl: 'Zet hier de vragen waaruit we kiezen. Iedereen stemt met stippen (hoeveel stemmen je hebt, staat in de balk bovenaan). De vragen met de meeste stemmen gaan door naar Ideeën genereren.',
        en: 'Put the questions we choose from here. Everyone votes with dots (how many votes you have is shown in the bar at the top). The questions with the most votes go on to Ideate.',
      },
      18,
    ),
  ],
};
