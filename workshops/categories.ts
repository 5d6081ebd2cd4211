import type { LocalText } from './i18n';

/**
 * The three categories the facilitator clusters ideas into (DOMAIN.md, session 3).
 * Order is the order of the lanes on the ideate board.
 */
export const CATEGORY_IDS = ['knowledge', 'chain', 'ecosystem'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface Category {
  id: CategoryId;
  label: LocalText;
  /** The word a sentence uses for it ("zoals X, dat je bij keten zette"). */
  short: LocalText;
  description: LocalText;
  /** Lane and badge colour. */
  color: string;
}

export const CATEGORIES: Record<CategoryId, Category> = {
  knowledge: {
    id: 'knowledge',
    label: { nl: 'Kennisuitwisseling', en: 'Knowledge exchange' },
    short: { nl: 'kennisuitwisseling', en: 'knowledge exchange' },
    description: {
      nl: 'Sociale en reguliere ondernemers leren van elkaar: instroom van kandidaten, werk anders organiseren, een inclusieve werkvloer, begeleiding van het zittende personeel.',
      en: 'Social and regular enterprises learn from each other: inflow of candidates, organising work differently, an inclusive workplace, coaching current staff.',
    },
    color: '#3b82f6',
  },
  chain: {
    id: 'chain',
    label: { nl: 'Samenwerking in de keten', en: 'Chain collaboration' },
    short: { nl: 'keten', en: 'chain' },
    description: {
      nl: 'Sterkere banden met directe partners, zodat werk duurzaam geborgd is en mensen kunnen doorstromen.',
      en: 'Stronger ties with direct partners, so that work is durably secured and people can progress.',
    },
    color: '#f59e0b',
  },
  ecosystem: {
    id: 'ecosystem',
    label: { nl: 'Samenwerking in het ecosysteem', en: 'Ecosystem collaboration' },
    short: { nl: 'ecosysteem', en: 'ecosystem' },
    description: {
      nl: 'Indirecte partners (gemeente, UWV, opleiders, maatschappelijke organisaties) verbeteren samen de randvoorwaarden, op weg naar een inclusieve arbeidsmarkt.',
      en: 'Indirect partners (municipality, UWV, training centres, social organisations) improve the preconditions together, towards an inclusive labour market.',
    },
    color: '#10b981',
  },
};

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}
