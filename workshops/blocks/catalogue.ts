/**
 * The building-block catalogue of the prototype stage (DOMAIN.md, session 4): each firm puts
 * itself in the middle and places partners, people and resources around it, joined by bridges
 * (connectors carrying what flows and the value type). Every kind has its own shape, colour and
 * icon so designs read at a glance, on screen and in the report.
 *
 * Icons are single Unicode symbols from the BMP that common system fonts (DejaVu Sans, Segoe UI
 * Symbol, Apple Symbols) all draw, not emoji: a headless Chromium or a locked-down school laptop
 * may have no emoji font, and a block that shows a tofu box reads as broken.
 */
import type { ValueType } from '../elements/connector';
import type { LocalText } from '../i18n';
import type { BlockFamily, BlockGroup, BlockKind } from './types';

const SELF = { w: 170, h: 170 };
const PARTNER = { w: 140, h: 140 };
const RESOURCE = { w: 120, h: 120 };
const BADGE = { w: 190, h: 56 };

export const BLOCK_CATALOGUE: readonly BlockKind[] = [
  // -- Ourselves, in the middle -----------------------------------------------------------
  {
    id: 'social-enterprise',
    group: 'self',
    shape: 'circle',
    color: '#7c3aed',
    icon: '★',
    size: SELF,
    label: { nl: 'Wij: sociale onderneming', en: 'Us: social enterprise' },
    description: {
      nl: 'Je eigen bedrijf, met een economisch én een sociaal doel. Zet het in het midden.',
      en: 'Your own firm, with an economic and a social goal. Put it in the middle.',
    },
  },
  {
    id: 'regular-enterprise',
    group: 'self',
    shape: 'circle',
    color: '#2563eb',
    icon: '◆',
    size: SELF,
    label: { nl: 'Wij: reguliere onderneming', en: 'Us: regular enterprise' },
    description: {
      nl: 'Je eigen bedrijf, een reguliere onderneming met de ambitie inclusiever te werken.',
      en: 'Your own firm, a regular enterprise that wants to become more inclusive.',
    },
  },
  // -- Direct partners in the chain -------------------------------------------------------
  {
    id: 'chain-customer',
    group: 'chain',
    shape: 'roundRect',
    color: '#f59e0b',
    icon: '✔',
    size: PARTNER,
    label: { nl: 'Klant / opdrachtgever', en: 'Customer / client' },
    description: {
      nl: 'Wie jullie producten of diensten afneemt; vaste klanten geven werk zekerheid.',
      en: 'Who buys your products or services; steady customers make work secure.',
    },
  },
  {
    id: 'chain-supplier',
    group: 'chain',
    shape: 'roundRect',
    color: '#fb923c',
    icon: '⛁',
    size: PARTNER,
    label: { nl: 'Leverancier', en: 'Supplier' },
    description: { nl: 'Wie aan jullie levert.', en: 'Who supplies you.' },
  },
  {
    id: 'chain-partner',
    group: 'chain',
    shape: 'roundRect',
    color: '#eab308',
    icon: '⚭',
    size: PARTNER,
    label: { nl: 'Ketenpartner', en: 'Chain partner' },
    description: {
      nl: 'Een directe partner, bijvoorbeeld voor doorstroom van dagbesteding naar productie naar een andere werkgever.',
      en: 'A direct partner, e.g. for people progressing from day care to production to another employer.',
    },
  },
  // -- Indirect partners in the ecosystem -------------------------------------------------
  {
    id: 'eco-municipality',
    group: 'ecosystem',
    shape: 'hexagon',
    color: '#10b981',
    icon: '⌂',
    size: PARTNER,
    label: { nl: 'Gemeente', en: 'Municipality' },
    description: {
      nl: 'Beleid, re-integratie, werkgeversdienstverlening, subsidies.',
      en: 'Policy, reintegration, employer services, subsidies.',
    },
  },
  {
    id: 'eco-uwv',
    group: 'ecosystem',
    shape: 'hexagon',
    color: '#047857',
    icon: '⚖',
    size: PARTNER,
    label: { nl: 'UWV', en: 'UWV (employee insurance agency)' },
    description: {
      nl: 'Uitkeringen, loonkostensubsidie, proefplaatsing, jobcoaching.',
      en: 'Benefits, wage subsidies, trial placements, job coaching.',
    },
  },
  {
    id: 'eco-school',
    group: 'ecosystem',
    shape: 'hexagon',
    color: '#0f766e',
    icon: '✎',
    size: PARTNER,
    label: { nl: 'School / opleider', en: 'School / training centre' },
    description: {
      nl: 'Leerlijnen, praktijkleren, certificaten; een bron van instroom.',
      en: 'Learning lines, work-based learning, certificates; a source of candidates.',
    },
  },
  {
    id: 'eco-social-org',
    group: 'ecosystem',
    shape: 'hexagon',
    color: '#14b8a6',
    icon: '♥',
    size: PARTNER,
    label: { nl: 'Maatschappelijke organisatie', en: 'Social organisation' },
    description: {
      nl: 'Zorg, welzijn, dagbesteding, vrijwilligerswerk.',
      en: 'Care, welfare, day care, volunteering.',
    },
  },
  {
    id: 'eco-sector',
    group: 'ecosystem',
    shape: 'hexagon',
    color: '#22c55e',
    icon: '⚑',
    size: PARTNER,
    label: { nl: 'Branche / sectororganisatie', en: 'Sector body' },
    description: {
      nl: 'Brancheafspraken, sectorbrede leerlijnen.',
      en: 'Sector agreements, sector-wide learning lines.',
    },
  },
  // -- People -----------------------------------------------------------------------------
  {
    id: 'people-candidates',
    group: 'people',
    shape: 'triangle',
    color: '#be185d',
    icon: '☺',
    size: PARTNER,
    label: { nl: 'Mensen die we aan het werk helpen', en: 'People we want to employ' },
    description: {
      nl: 'Mensen met een kwetsbare positie op de arbeidsmarkt: wie, hoeveel, met welke begeleiding?',
      en: 'People in a vulnerable position on the labour market: who, how many, with what support?',
    },
  },
  {
    id: 'people-staff',
    group: 'people',
    shape: 'triangle',
    color: '#f472b6',
    icon: '☻',
    size: PARTNER,
    label: { nl: 'Zittend personeel', en: 'Current staff' },
    description: {
      nl: 'Collega’s en leidinggevenden die nieuwe medewerkers begeleiden.',
      en: 'Colleagues and managers who coach new employees.',
    },
  },
  // -- Resources that flow: the five M's, knowledge and a method -------------------------
  {
    id: 'res-people',
    group: 'resource',
    shape: 'diamond',
    color: '#f97316',
    icon: '♟',
    size: RESOURCE,
    label: { nl: 'Mensen', en: 'People' },
    description: {
      nl: 'Inzet van medewerkers, vrijwilligers, begeleiding.',
      en: 'Staff time, volunteers, coaching.',
    },
  },
  {
    id: 'res-money',
    group: 'resource',
    shape: 'diamond',
    color: '#facc15',
    icon: '€',
    size: RESOURCE,
    label: { nl: 'Munten', en: 'Money' },
    description: { nl: 'Geld, investeringen, opdrachten.', en: 'Money, investment, orders.' },
  },
  {
    id: 'res-means',
    group: 'resource',
    shape: 'diamond',
    color: '#a3a3a3',
    icon: '⚙',
    size: RESOURCE,
    label: { nl: 'Middelen', en: 'Means' },
    description: {
      nl: 'Faciliteiten, ruimte, machines, materiaal.',
      en: 'Facilities, space, machines, material.',
    },
  },
  {
    id: 'res-mass',
    group: 'resource',
    shape: 'diamond',
    color: '#60a5fa',
    icon: '⊕',
    size: RESOURCE,
    label: { nl: 'Massa', en: 'Mass / network' },
    description: { nl: 'Netwerk, toegang tot contacten.', en: 'Network, access to contacts.' },
  },
  {
    id: 'res-media',
    group: 'resource',
    shape: 'diamond',
    color: '#c084fc',
    icon: '✉',
    size: RESOURCE,
    label: { nl: 'Media', en: 'Media' },
    description: {
      nl: 'Promotie, zichtbaarheid, het verhaal naar buiten.',
      en: 'Promotion, visibility, telling the story.',
    },
  },
  {
    id: 'res-knowledge',
    group: 'resource',
    shape: 'star',
    color: '#38bdf8',
    icon: 'ℹ',
    size: RESOURCE,
    label: { nl: 'Kennis', en: 'Knowledge' },
    description: {
      nl: 'Kennis en ervaring die je deelt, bijvoorbeeld over begeleiding of regelgeving.',
      en: 'Knowledge and experience you share, e.g. about coaching or regulations.',
    },
  },
  {
    id: 'res-method',
    group: 'resource',
    shape: 'rect',
    color: '#94a3b8',
    icon: '☰',
    size: RESOURCE,
    label: { nl: 'Methode', en: 'Method' },
    description: {
      nl: 'Een eigen werkwijze, bijvoorbeeld taakgericht werk anders organiseren.',
      en: 'A way of working of your own, e.g. organising work around tasks.',
    },
  },
  // -- Collaboration level badges (CVC: transaction → integration → transformation) -------
  {
    id: 'level-transaction',
    group: 'badge',
    shape: 'pill',
    color: '#cbd5e1',
    icon: '⇄',
    size: BADGE,
    label: { nl: 'Niveau: transactie', en: 'Level: transaction' },
    description: {
      nl: 'Producten of diensten uitwisselen tegen betaling.',
      en: 'Exchanging products or services for payment.',
    },
  },
  {
    id: 'level-integration',
    group: 'badge',
    shape: 'pill',
    color: '#93c5fd',
    icon: '∞',
    size: BADGE,
    label: { nl: 'Niveau: integratie', en: 'Level: integration' },
    description: {
      nl: 'Processen op elkaar afstemmen, samen organiseren, gedeelde doelen.',
      en: 'Aligning processes, organising together, shared goals.',
    },
  },
  {
    id: 'level-transformation',
    group: 'badge',
    shape: 'pill',
    color: '#86efac',
    icon: '↻',
    size: BADGE,
    label: { nl: 'Niveau: transformatie', en: 'Level: transformation' },
    description: {
      nl: 'Samen het systeem veranderen: een inclusieve arbeidsmarkt.',
      en: 'Changing the system together: an inclusive labour market.',
    },
  },
];

/** Palette headings, in the order of `BLOCK_GROUPS`. */
export const BLOCK_GROUP_LABELS: Record<BlockGroup, LocalText> = {
  self: { nl: 'Wij, in het midden', en: 'Us, in the middle' },
  chain: { nl: 'Directe partners (keten)', en: 'Direct partners (chain)' },
  ecosystem: { nl: 'Indirecte partners (ecosysteem)', en: 'Indirect partners (ecosystem)' },
  people: { nl: 'Mensen', en: 'People' },
  resource: { nl: 'Wat er stroomt: de vijf M’s', en: 'What flows: the five M’s' },
  badge: { nl: 'Niveau van samenwerking', en: 'Level of collaboration' },
};

/** The groups of each palette family, in palette order. */
export const FAMILY_GROUPS: Record<BlockFamily, readonly BlockGroup[]> = {
  partners: ['self', 'chain', 'ecosystem', 'people'],
  flows: ['resource'],
  value: ['badge'],
};

/** Palette tabs. */
export const BLOCK_FAMILY_LABELS: Record<BlockFamily, LocalText> = {
  partners: { nl: 'Partners', en: 'Partners' },
  flows: { nl: 'Wat er stroomt', en: 'What flows' },
  value: { nl: 'Waarde en niveau', en: 'Value and level' },
};

/**
 * Kinds whose label, group or description (in either language) contains every word of `query`,
 * ignoring case and accents: those found by their label first, then catalogue order. An empty
 * query finds nothing.
 */
export function searchBlocks(query: string): BlockKind[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const has = (parts: string[]) => {
    const hay = fold(parts.join(' '));
    return words.every((w) => hay.includes(w));
  };
  const byLabel = (b: BlockKind) => has([b.label.nl, b.label.en]);
  return BLOCK_CATALOGUE.filter((b) => {
    const group = BLOCK_GROUP_LABELS[b.group];
    return has([b.label.nl, b.label.en, group.nl, group.en, b.description.nl, b.description.en]);
  }).sort((a, b) => Number(byLabel(b)) - Number(byLabel(a)));
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const BY_ID = new Map(BLOCK_CATALOGUE.map((b) => [b.id, b]));

export function blockKind(id: string): BlockKind | undefined {
  return BY_ID.get(id);
}

/** The kinds of one palette group, in catalogue order. */
export function blocksInGroup(group: BlockGroup): BlockKind[] {
  return BLOCK_CATALOGUE.filter((b) => b.group === group);
}

/**
 * Text colour that reads on a block's fill: white on dark fills, near-black on light ones
 * (relative luminance, WCAG formula), so renderers need no list of "dark" colours.
 */
export function blockInk(color: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m?.[1]) return '#1f2937';
  const n = parseInt(m[1], 16);
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  // Contrast against white vs against #1f2937 (luminance ≈ 0.019): pick the larger.
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.069 ? '#ffffff' : '#1f2937';
}

/** Names of the value a bridge carries (CVC: the value created), for labels and the report. */
export const VALUE_TYPE_LABELS: Record<ValueType, LocalText> = {
  transaction: { nl: 'transactie', en: 'transaction' },
  reputation: { nl: 'reputatie', en: 'reputation' },
  interaction: { nl: 'interactie', en: 'interaction' },
  synergy: { nl: 'synergie', en: 'synergy' },
};
