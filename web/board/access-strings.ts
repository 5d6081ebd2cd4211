import { defineStrings } from '../i18n';

/** Strings of issue 14's board parts: the phone toolbar's sheet, keyboard moves, announcements. */
export const ACCESS_NS = defineStrings('access', {
  nl: {
    more: 'Meer gereedschap en kleuren',
    sheet: 'Meer gereedschap',
    closeSheet: 'Sluiten',
    element: {
      label: '{{kind}}: {{text}}',
      empty: '{{kind}} zonder tekst',
      votes_one: '{{count}} stem',
      votes_other: '{{count}} stemmen',
    },
    keyboardHelp:
      'Elementen van het bord: Tab gaat naar het volgende, pijltjes verplaatsen het, Enter bewerkt de tekst, Escape stopt.',
    moved: 'Verplaatst.',
    editing: 'Bewerken: {{what}}.',
    locked: 'Dit bord is vergrendeld: je kunt kijken maar niet wijzigen.',
    unlocked: 'Dit bord is weer open: je kunt wijzigen.',
    broughtHere: 'De begeleider heeft je hierheen gebracht: {{where}}.',
    timeUp: 'De tijd is om.',
    touchHelp:
      'Verschuiven: sleep met één vinger over een lege plek · Zoomen: knijp met twee vingers · Nieuwe notitie: tik op het notitie-gereedschap en dan op het bord · Tekst aanpassen: tik twee keer op een notitie · Verplaatsen: sleep de notitie · Alles als lijst: ☰ Lijst',
  },
  en: {
    more: 'More tools and colours',
    sheet: 'More tools',
    closeSheet: 'Close',
    element: {
      label: '{{kind}}: {{text}}',
      empty: '{{kind}} without text',
      votes_one: '{{count}} vote',
      votes_other: '{{count}} votes',
    },
    keyboardHelp:
      'Board elements: Tab goes to the next one, arrow keys move it, Enter edits its text, Escape stops.',
    moved: 'Moved.',
    editing: 'Editing: {{what}}.',
    locked: 'This board is locked: you can look but not change anything.',
    unlocked: 'This board is open again: you can make changes.',
    broughtHere: 'The facilitator brought you here: {{where}}.',
    timeUp: 'Time is up.',
    touchHelp:
      'Pan: drag one finger over empty space · Zoom: pinch with two fingers · New note: tap the note tool, then the board · Change text: tap a note twice · Move: drag the note · Everything as a list: ☰ List',
  },
});
