import { defineStrings } from '../i18n';

export const FACILITATOR_NS = defineStrings('facilitator', {
  nl: {
    admin: {
      title: 'Werksessies',
      lead: 'Maak een reeks van vijf bijeenkomsten aan en deel de code met de deelnemers.',
      create: 'Nieuwe werksessie',
      name: 'Titel',
      namePlaceholder: 'Meer impact door samenwerking',
      organisation: 'Organisatie',
      language: 'Taal van de inhoud',
      languages: { nl: 'Nederlands', en: 'Engels' },
      submit: 'Aanmaken',
      busy: 'Aanmaken…',
      none: 'Nog geen werksessies.',
      joinCode: 'Deelnamecode',
      open: 'Openen als begeleider',
      copyParticipant: 'Deelnemerslink kopiëren',
      copyViewer: 'Meeleeslink kopiëren',
      copied: 'Gekopieerd',
      roomScreen: 'Toon op groot scherm',
      close: 'Sluiten',
      joinAt: 'Ga naar {{url}} en vul de code in',
      noToken:
        'Open deze pagina via de begeleiderslink die de server bij de eerste start toonde (…/admin#token=…).',
      badToken:
        'Deze begeleiderslink klopt niet (meer). Gebruik de link uit het serverlog of de ADMIN_TOKEN.',
      created: 'Aangemaakt op {{date}}',
    },
  },
  en: {
    admin: {
      title: 'Workshops',
      lead: 'Create a series of five sessions and share the code with the participants.',
      create: 'New workshop',
      name: 'Title',
      namePlaceholder: 'More impact through collaboration',
      organisation: 'Organisation',
      language: 'Content language',
      languages: { nl: 'Dutch', en: 'English' },
      submit: 'Create',
      busy: 'Creating…',
      none: 'No workshops yet.',
      joinCode: 'Join code',
      open: 'Open as facilitator',
      copyParticipant: 'Copy participant link',
      copyViewer: 'Copy viewer link',
      copied: 'Copied',
      roomScreen: 'Show on the room screen',
      close: 'Close',
      joinAt: 'Go to {{url}} and enter the code',
      noToken:
        'Open this page through the facilitator link the server printed on first start (…/admin#token=…).',
      badToken:
        'This facilitator link is not (or no longer) valid. Use the link from the server log or the ADMIN_TOKEN.',
      created: 'Created on {{date}}',
    },
  },
});
