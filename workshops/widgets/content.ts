/**
 * What the test-stage widgets ask (DOMAIN.md, session 5 and the self-assessment survey): the four
 * criteria the draft instrument is rated on, and the Likert statements about one long-standing
 * partner, grouped as in the Collaborative Value Creation framework. Widgets store ids only; the
 * texts live here so a wording fix reaches every board.
 */
import type { LocalText } from '../i18n';

export interface Criterion {
  id: string;
  label: LocalText;
  question: LocalText;
}

export const RATING_CRITERIA: readonly Criterion[] = [
  {
    id: 'recognisability',
    label: { nl: 'Herkenbaarheid', en: 'Recognisability' },
    question: {
      nl: 'Herken je je eigen samenwerking in het canvas?',
      en: 'Do you recognise your own collaboration in the canvas?',
    },
  },
  {
    id: 'completeness',
    label: { nl: 'Volledigheid', en: 'Completeness' },
    question: {
      nl: 'Staat alles erin wat voor een samenwerking met impact nodig is?',
      en: 'Does it hold everything a collaboration with impact needs?',
    },
  },
  {
    id: 'understandability',
    label: { nl: 'Begrijpelijkheid', en: 'Understandability' },
    question: {
      nl: 'Zijn de fasen, thema’s en vragen duidelijk?',
      en: 'Are the phases, themes and questions clear?',
    },
  },
  {
    id: 'usability',
    label: { nl: 'Bruikbaarheid', en: 'Usability' },
    question: {
      nl: 'Zou je het canvas gebruiken in een gesprek met een (nieuwe) partner?',
      en: 'Would you use the canvas in a conversation with a (new) partner?',
    },
  },
];

export const SURVEY_GROUPS = ['partnership', 'resources', 'value'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

export const SURVEY_GROUP_LABELS: Record<SurveyGroup, LocalText> = {
  partnership: { nl: 'Partnerschap', en: 'Partnership' },
  resources: { nl: 'Middelen', en: 'Resources' },
  value: { nl: 'Waardecreatie', en: 'Value creation' },
};

export interface SurveyStatement {
  id: string;
  group: SurveyGroup;
  text: LocalText;
}

export const SURVEY_STATEMENTS: readonly SurveyStatement[] = [
  {
    id: 'p-specific',
    group: 'partnership',
    text: {
      nl: 'We kozen deze partner omdat die iets specifieks inbrengt (kennis, een eigen methode).',
      en: 'We chose this partner because they bring something specific (knowledge, a method).',
    },
  },
  {
    id: 'p-searched',
    group: 'partnership',
    text: {
      nl: 'We zochten actief naar een partner als deze.',
      en: 'We actively looked for a partner like this one.',
    },
  },
  {
    id: 'p-structural',
    group: 'partnership',
    text: {
      nl: 'De samenwerking is structureel, niet eenmalig.',
      en: 'The collaboration is structural, not a one-off.',
    },
  },
  {
    id: 'p-formal',
    group: 'partnership',
    text: {
      nl: 'De samenwerking is vastgelegd (contract, overeenkomst, overlegorgaan).',
      en: 'The collaboration is formalised (contract, agreement, joint board).',
    },
  },
  {
    id: 'r-specific',
    group: 'resources',
    text: {
      nl: 'Wat we uitwisselen is vooral specifiek (kennis, een unieke aanpak).',
      en: 'What we exchange is mainly specific (knowledge, a unique approach).',
    },
  },
  {
    id: 'r-mutual',
    group: 'resources',
    text: {
      nl: 'De uitwisseling gaat twee kanten op.',
      en: 'The exchange goes both ways.',
    },
  },
  {
    id: 'r-complementary',
    group: 'resources',
    text: {
      nl: 'Wat we inbrengen vult elkaar aan.',
      en: 'What we each bring complements the other.',
    },
  },
  {
    id: 'r-equal',
    group: 'resources',
    text: {
      nl: 'De samenwerking voelt gelijkwaardig, ook in risico’s en opbrengsten.',
      en: 'The collaboration feels equal, in risks and returns too.',
    },
  },
  {
    id: 'v-transaction',
    group: 'value',
    text: {
      nl: 'Producten of diensten tegen betaling (transactie) zijn belangrijk in deze samenwerking.',
      en: 'Products or services for payment (transaction) matter in this collaboration.',
    },
  },
  {
    id: 'v-reputation',
    group: 'value',
    text: {
      nl: 'De samenwerking draagt bij aan onze reputatie.',
      en: 'The collaboration adds to our reputation.',
    },
  },
  {
    id: 'v-interaction',
    group: 'value',
    text: {
      nl: 'Samen creëren we meer waarde voor ons beiden (interactie).',
      en: 'Together we create more value for both of us (interaction).',
    },
  },
  {
    id: 'v-synergy',
    group: 'value',
    text: {
      nl: 'Samen creëren we meer waarde voor de samenleving dan ieder alleen (synergie).',
      en: 'Together we create more value for society than each of us alone (synergy).',
    },
  },
];

/** The Likert scale, 1–5. */
export const LIKERT_LABELS: readonly LocalText[] = [
  { nl: 'helemaal oneens', en: 'strongly disagree' },
  { nl: 'oneens', en: 'disagree' },
  { nl: 'neutraal', en: 'neutral' },
  { nl: 'eens', en: 'agree' },
  { nl: 'helemaal eens', en: 'strongly agree' },
];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

const CRITERIA_BY_ID = new Map(RATING_CRITERIA.map((c) => [c.id, c]));
const STATEMENTS_BY_ID = new Map(SURVEY_STATEMENTS.map((s) => [s.id, s]));

export function criterion(id: string): Criterion | undefined {
  return CRITERIA_BY_ID.get(id);
}

export function surveyStatement(id: string): SurveyStatement | undefined {
  return STATEMENTS_BY_ID.get(id);
}

/** Labels the widgets draw (kept with the content so board and report say the same). */
export const WIDGET_LABELS = {
  ratingTitle: { nl: 'Beoordeling van het canvas (1–5)', en: 'Rating the canvas (1–5)' },
  surveyTitle: {
    nl: 'Zelfevaluatie: samenwerking met één vaste partner (1–5)',
    en: 'Self-assessment: collaboration with one long-standing partner (1–5)',
  },
  yourScore: { nl: 'Jouw score: kies 1–5', en: 'Your score: pick 1–5' },
  results: { nl: 'Gemiddelde en verdeling', en: 'Average and distribution' },
  respondent: { nl: 'deelnemer', en: 'participant' },
  respondents: { nl: 'deelnemers', en: 'participants' },
  noAnswers: { nl: 'nog geen antwoorden', en: 'no answers yet' },
} as const satisfies Record<string, LocalText>;
