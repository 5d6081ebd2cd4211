/**
 * The collaboration canvas under test in session 5 (DOMAIN.md, "The canvas"): three phases ×
 * the three parts of the CVC framework, each cell holding themes with one concrete question.
 * Phases are not a strict sequence: partners move back and forth between them.
 */
import type { LocalText } from '../i18n';

export const CANVAS_PHASES = ['orientation', 'integration', 'transformation'] as const;
export type CanvasPhase = (typeof CANVAS_PHASES)[number];
export const CANVAS_PARTS = ['partnership', 'resources', 'value'] as const;
export type CanvasPart = (typeof CANVAS_PARTS)[number];

export const CANVAS_PHASE_LABELS: Record<CanvasPhase, { label: LocalText; about: LocalText }> = {
  orientation: {
    label: { nl: 'Oriëntatiefase', en: 'Orientation' },
    about: { nl: 'De basis voor samenwerking leggen', en: 'Laying the basis for working together' },
  },
  integration: {
    label: { nl: 'Integratiefase', en: 'Integration' },
    about: {
      nl: 'De samenwerking zo goed mogelijk organiseren',
      en: 'Organising the collaboration as well as possible',
    },
  },
  transformation: {
    label: { nl: 'Transformatiefase', en: 'Transformation' },
    about: {
      nl: 'Maatschappelijke waarde borgen, systeemverandering',
      en: 'Securing social value for the long term, system change',
    },
  },
};

export const CANVAS_PART_LABELS: Record<CanvasPart, LocalText> = {
  partnership: { nl: 'Partnerschap', en: 'Partnership' },
  resources: { nl: 'Middelen', en: 'Resources' },
  value: { nl: 'Waardecreatie', en: 'Value creation' },
};

export interface CanvasTheme {
  phase: CanvasPhase;
  part: CanvasPart;
  theme: LocalText;
  question: LocalText;
}

export const CANVAS_THEMES: readonly CanvasTheme[] = [
  {
    phase: 'orientation',
    part: 'partnership',
    theme: { nl: 'Partnerselectie', en: 'Choosing a partner' },
    question: {
      nl: 'Hoe vind en kies je een partner die bij je past?',
      en: 'How do you find and choose a partner that fits you?',
    },
  },
  {
    phase: 'orientation',
    part: 'resources',
    theme: { nl: 'Aard en aanvulling', en: 'Nature and complementarity' },
    question: {
      nl: 'Welke middelen heeft ieder te bieden, en hoe vullen die elkaar aan?',
      en: 'Which resources does each of you offer, and how do they complement each other?',
    },
  },
  {
    phase: 'orientation',
    part: 'value',
    theme: { nl: 'Ambities en motivatie', en: 'Ambitions and motivation' },
    question: {
      nl: 'Ken je elkaars ambities? Waar komt jullie intrinsieke motivatie vandaan?',
      en: 'Do you know each other’s ambitions? Where does your intrinsic motivation come from?',
    },
  },
  {
    phase: 'orientation',
    part: 'value',
    theme: { nl: 'Gemeenschappelijke doelen', en: 'Common goals' },
    question: {
      nl: 'Welke doelen willen jullie samen bereiken?',
      en: 'Which goals do you want to reach together?',
    },
  },
  {
    phase: 'integration',
    part: 'partnership',
    theme: { nl: 'Afspraken', en: 'Agreements' },
    question: {
      nl: 'Wat spreken jullie af, en hoe leggen jullie dat vast?',
      en: 'What do you agree, and how do you record it?',
    },
  },
  {
    phase: 'integration',
    part: 'partnership',
    theme: { nl: 'Vertrouwen, openheid, flexibiliteit', en: 'Trust, openness, flexibility' },
    question: {
      nl: 'Hoeveel vertrouwen en openheid geven jullie elkaar, en hoe ga je om met verschillen in werkwijze?',
      en: 'How much trust and openness do you give each other, and how do you handle different ways of working?',
    },
  },
  {
    phase: 'integration',
    part: 'resources',
    theme: { nl: 'Investeringsbereidheid', en: 'Willingness to invest' },
    question: {
      nl: 'Zijn jullie allebei bereid tijd en middelen in te zetten?',
      en: 'Are you both willing to put in time and means?',
    },
  },
  {
    phase: 'integration',
    part: 'resources',
    theme: { nl: 'Gelijkwaardigheid', en: 'Equivalence' },
    question: {
      nl: 'Zijn risico’s en opbrengsten eerlijk verdeeld?',
      en: 'Are risks and returns shared fairly?',
    },
  },
  {
    phase: 'integration',
    part: 'value',
    theme: { nl: 'Meervoudige waarde', en: 'Multiple value' },
    question: {
      nl: 'Welke economische én maatschappelijke waarde maken jullie samen waar?',
      en: 'Which economic and social value do you realise together?',
    },
  },
  {
    phase: 'integration',
    part: 'value',
    theme: { nl: 'Zichtbaarheid', en: 'Visibility' },
    question: {
      nl: 'Willen jullie je naar buiten toe laten zien met deze waarde?',
      en: 'Do you want to show this value to the outside world?',
    },
  },
  {
    phase: 'transformation',
    part: 'partnership',
    theme: { nl: 'Borging', en: 'Securing' },
    question: {
      nl: 'Hoe zorg je dat de samenwerking ook op de lange termijn blijft?',
      en: 'How do you make sure the collaboration lasts in the long run?',
    },
  },
  {
    phase: 'transformation',
    part: 'resources',
    theme: { nl: 'Indirecte partners', en: 'Indirect partners' },
    question: {
      nl: 'Welke partners uit het systeem (gemeente, UWV, opleiders) betrek je om het te borgen?',
      en: 'Which partners from the system (municipality, UWV, training centres) do you involve to secure it?',
    },
  },
  {
    phase: 'transformation',
    part: 'value',
    theme: { nl: 'Veranderkracht', en: 'Ability to change' },
    question: {
      nl: 'Kunnen jullie je organisaties veranderen om deze waarde waar te maken?',
      en: 'Can you change your organisations to realise this value?',
    },
  },
  {
    phase: 'transformation',
    part: 'value',
    theme: { nl: 'Synergie', en: 'Synergy' },
    question: {
      nl: 'Wordt één en één samen drie?',
      en: 'Does one plus one make three together?',
    },
  },
];

/** The themes of one cell, in order. */
export function canvasCell(phase: CanvasPhase, part: CanvasPart): CanvasTheme[] {
  return CANVAS_THEMES.filter((t) => t.phase === phase && t.part === part);
}
