import { defineStrings } from '../../i18n';

/** The answer widgets' page controls: the answer sheet on a phone and the outline's questions. */
export const WIDGETS_NS = defineStrings('widgets', {
  nl: {
    yourScore: 'Jouw score voor {{question}}',
    scored: 'Score {{score}} gegeven voor {{question}}.',
    unscored: 'Score voor {{question}} weggehaald.',
    average_one: 'gemiddeld {{avg}} ({{count}} antwoord)',
    average_other: 'gemiddeld {{avg}} ({{count}} antwoorden)',
    noAnswers: 'nog geen antwoorden',
    sheet: 'Antwoorden: {{title}}',
    done: 'Klaar',
  },
  en: {
    yourScore: 'Your score for {{question}}',
    scored: 'Score {{score}} given for {{question}}.',
    unscored: 'Score for {{question}} removed.',
    average_one: 'average {{avg}} ({{count}} answer)',
    average_other: 'average {{avg}} ({{count}} answers)',
    noAnswers: 'no answers yet',
    sheet: 'Answers: {{title}}',
    done: 'Done',
  },
});
