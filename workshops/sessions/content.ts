/**
 * The default series: five sessions after the Design Thinking stages (DOMAIN.md; the research
 * report in seeds/001). Each builds on the one before. Texts are ours, written from the report,
 * in Dutch (the participants' working language) and English. A facilitator edits a copy of the
 * agenda per workshop (`model.ts`); this file is only the starting point.
 */
import type { Stage } from '../rooms';
import { stageFrameId as f } from '../templates/ids';
import type { SessionTemplate } from './types';

const empathise: SessionTemplate = {
  stage: 'empathise',
  boardId: 'empathise',
  title: { nl: '1. Inleven', en: '1. Empathise' },
  goal: {
    nl: 'Elkaar leren kennen en je inleven in de ander: elk bedrijf vertelt in gesprekken in tweetallen wat het wil bereiken voor mensen met een kwetsbare positie op de arbeidsmarkt, en waar het tegenaan loopt.',
    en: 'Get to know each other and see through the other’s eyes: in conversations in pairs, each firm tells what it wants to achieve for people in a vulnerable position on the labour market, and what stands in the way.',
  },
  buildsOn: {
    nl: 'De eerste sessie: bouwt voort op wat de bedrijven al doen en op hun bestaande samenwerkingen.',
    en: 'The first session: it builds on what the firms already do and on the partnerships they have.',
  },
  produces: {
    nl: 'Per bedrijf een profiel en ambities op drie niveaus (individu, organisatie, samenleving), uitdagingen, wat je te bieden hebt en wat je nodig hebt.',
    en: 'Per firm a profile, and ambitions on three levels (individual, organisation, society), challenges, what it can offer and what it needs.',
  },
  lengthMinutes: 120,
  activities: [
    {
      id: 'empathise-welcome',
      title: { nl: 'Welkom en doel van de reeks', en: 'Welcome and aim of the series' },
      minutes: 10,
      instructions: {
        nl: 'Luister mee: we werken in vijf sessies aan samenwerking met meer impact. Vandaag leren we elkaar kennen.',
        en: 'Listen in: over five sessions we work on collaboration with more impact. Today we get to know each other.',
      },
      frameId: f('empathise', 'intro'),
    },
    {
      id: 'empathise-profile',
      title: { nl: 'Bedrijfsprofiel invullen', en: 'Fill in your firm’s profile' },
      minutes: 20,
      instructions: {
        nl: 'Kies een leeg profielvak en zet er je bedrijf in: sociale of reguliere onderneming of partner, wat je doet en wie je in dienst hebt of wilt nemen. Eén gele sticky per punt.',
        en: 'Pick an empty profile frame and put your firm in it: social or regular enterprise or partner, what you do and whom you employ or want to employ. One yellow sticky per point.',
      },
      frameId: f('empathise', 'profiles'),
    },
    {
      id: 'empathise-interview-1',
      title: { nl: 'Duo-interview, ronde 1', en: 'Pair interview, round 1' },
      minutes: 30,
      instructions: {
        nl: 'Vorm een tweetal met iemand van een ander soort bedrijf. Interview de ander: welke ambities heb je voor de medewerker, je organisatie en de samenleving? Waar loop je tegenaan? Wat kun je bieden, wat heb je nodig? Schrijf de antwoorden van de ander op stickies in het interviewcanvas.',
        en: 'Pair up with someone from another kind of firm. Interview them: what are your ambitions for the employee, your organisation and society? What stands in your way? What can you offer, what do you need? Write their answers on stickies in the interview canvas.',
      },
      frameId: f('empathise', 'interview'),
    },
    {
      id: 'empathise-interview-2',
      title: { nl: 'Duo-interview, ronde 2', en: 'Pair interview, round 2' },
      minutes: 30,
      instructions: {
        nl: 'Wissel van rol: nu word jij geïnterviewd. Vul aan wat de ander over jouw bedrijf heeft opgeschreven.',
        en: 'Swap roles: now you are interviewed. Add to what the other person wrote about your firm.',
      },
      frameId: f('empathise', 'interview'),
    },
    {
      id: 'empathise-share',
      title: { nl: 'Delen: wat viel op?', en: 'Share: what stood out?' },
      minutes: 25,
      instructions: {
        nl: 'Vertel in één minuut wat je van de ander hebt geleerd. Zet een ster (stem) bij ambities en uitdagingen die je herkent.',
        en: 'Tell in one minute what you learned from the other. Put a star (vote) on ambitions and challenges you recognise.',
      },
      frameId: f('empathise', 'interview'),
    },
    {
      id: 'empathise-close',
      title: { nl: 'Afsluiting en vooruitblik', en: 'Closing and look ahead' },
      minutes: 5,
      instructions: {
        nl: 'Volgende keer maken we de gedeelde ambities en uitdagingen expliciet.',
        en: 'Next time we make the shared ambitions and challenges explicit.',
      },
      frameId: f('empathise', 'intro'),
    },
  ],
};

const define: SessionTemplate = {
  stage: 'define',
  boardId: 'define',
  title: { nl: '2. Definiëren', en: '2. Define' },
  goal: {
    nl: 'Van de gesprekken naar heldere, gedeelde ambities en uitdagingen, en van de uitdagingen naar vragen die we samen willen beantwoorden. Met stippen kiezen we waar we in de volgende sessie ideeën voor bedenken.',
    en: 'From the conversations to clear, shared ambitions and challenges, and from the challenges to questions we want to answer together. With dot voting we choose what the next session generates ideas for.',
  },
  buildsOn: {
    nl: 'De ambities en uitdagingen uit de duo-interviews van sessie 1.',
    en: 'The ambitions and challenges from the pair interviews of session 1.',
  },
  produces: {
    nl: 'Gedeelde ambities, gedeelde uitdagingen, “Hoe kunnen wij …?”-vragen, de aandachtspunten en de uitdagingen met de meeste stemmen.',
    en: 'Shared ambitions, shared challenges, “How might we …?” questions, the focus points and the challenges with the most votes.',
  },
  lengthMinutes: 120,
  activities: [
    {
      id: 'define-recap',
      title: { nl: 'Terugblik op de interviews', en: 'Looking back at the interviews' },
      minutes: 10,
      instructions: {
        nl: 'Kijk nog eens naar het inleven-bord: welke ambities en uitdagingen kwamen vaker terug?',
        en: 'Look at the empathise board again: which ambitions and challenges came up more than once?',
      },
      frameId: f('define', 'intro'),
    },
    {
      id: 'define-ambitions',
      title: { nl: 'Gedeelde ambities', en: 'Shared ambitions' },
      minutes: 20,
      instructions: {
        nl: 'Schrijf ambities die jullie delen op een groene sticky en zet ze bij het juiste niveau: individu, organisatie of samenleving. Leg dubbele stickies op elkaar.',
        en: 'Write ambitions you share on a green sticky and place them at the right level: individual, organisation or society. Stack duplicates on top of each other.',
      },
      frameId: f('define', 'ambitions'),
    },
    {
      id: 'define-challenges',
      title: { nl: 'Gedeelde uitdagingen', en: 'Shared challenges' },
      minutes: 20,
      instructions: {
        nl: 'Welke uitdagingen delen jullie? Eén roze sticky per uitdaging, zo concreet mogelijk (bijvoorbeeld: regelgeving rond proefplaatsing, dunne marges, te weinig zicht op kandidaten).',
        en: 'Which challenges do you share? One pink sticky per challenge, as concrete as you can (e.g. rules on trial placements, thin margins, too little sight of candidates).',
      },
      frameId: f('define', 'challenges'),
    },
    {
      id: 'define-hmw',
      title: { nl: '“Hoe kunnen wij …?”', en: '“How might we …?”' },
      minutes: 25,
      instructions: {
        nl: 'Maak van elke uitdaging een vraag die met “Hoe kunnen wij …” begint. Houd hem open genoeg voor veel ideeën en klein genoeg om aan te pakken.',
        en: 'Turn each challenge into a question starting with “How might we …”. Keep it open enough for many ideas and small enough to tackle.',
      },
      frameId: f('define', 'hmw'),
    },
    {
      id: 'define-focus',
      title: { nl: 'Aandachtspunten bundelen', en: 'Grouping the focus points' },
      minutes: 20,
      instructions: {
        nl: 'Samen met de begeleider bundelen we de vragen tot een paar gemeenschappelijke aandachtspunten.',
        en: 'Together with the facilitator we group the questions into a few common focus points.',
      },
      frameId: f('define', 'focus'),
    },
    {
      id: 'define-vote',
      title: { nl: 'Stemmen met stippen', en: 'Dot voting' },
      minutes: 15,
      instructions: {
        nl: 'Je hebt {{votes}} stemmen. Geef ze aan de vragen waar jij volgende keer ideeën voor wilt bedenken.',
        en: 'You have {{votes}} votes. Give them to the questions you want to generate ideas for next time.',
      },
      frameId: f('define', 'vote'),
    },
    {
      id: 'define-close',
      title: { nl: 'Uitslag en afsluiting', en: 'Result and closing' },
      minutes: 10,
      instructions: {
        nl: 'De vragen met de meeste stemmen nemen we mee naar de brainstorm.',
        en: 'The questions with the most votes go on to the brainstorm.',
      },
      frameId: f('define', 'vote'),
    },
  ],
};

const ideate: SessionTemplate = {
  stage: 'ideate',
  boardId: 'ideate',
  title: { nl: '3. Ideeën genereren', en: '3. Ideate' },
  goal: {
    nl: 'Zoveel mogelijk ideeën bedenken voor de gekozen uitdagingen, en ze samen ordenen in drie categorieën: kennisuitwisseling, samenwerking in de keten en samenwerking in het ecosysteem.',
    en: 'Come up with as many ideas as possible for the chosen challenges, and sort them together into three categories: knowledge exchange, chain collaboration and ecosystem collaboration.',
  },
  buildsOn: {
    nl: 'De uitdagingen en vragen met de meeste stemmen uit sessie 2.',
    en: 'The challenges and questions with the most votes in session 2.',
  },
  produces: {
    nl: 'Ideeën per categorie, met stemmen: de grondstof voor de ontwerpen met bouwstenen.',
    en: 'Ideas per category, with votes: the raw material for the building-block designs.',
  },
  lengthMinutes: 120,
  activities: [
    {
      id: 'ideate-challenges',
      title: { nl: 'De gekozen uitdagingen', en: 'The chosen challenges' },
      minutes: 10,
      instructions: {
        nl: 'Lees de uitdagingen die uit de vorige sessie zijn gekozen. Vragen? Stel ze nu.',
        en: 'Read the challenges chosen in the previous session. Questions? Ask them now.',
      },
      frameId: f('ideate', 'challenges'),
    },
    {
      id: 'ideate-silent',
      title: { nl: 'Stille brainstorm', en: 'Silent brainstorm' },
      minutes: 15,
      instructions: {
        nl: 'Schrijf in stilte zoveel mogelijk ideeën op, één idee per sticky. Alles mag: oordelen doen we later.',
        en: 'In silence, write down as many ideas as you can, one idea per sticky. Anything goes: we judge later.',
      },
      frameId: f('ideate', 'brainstorm'),
    },
    {
      id: 'ideate-build',
      title: { nl: 'Voortbouwen op elkaar', en: 'Building on each other' },
      minutes: 20,
      instructions: {
        nl: 'Lees de ideeën van anderen. Wat kun je toevoegen of combineren? Schrijf het op een nieuwe sticky ernaast.',
        en: 'Read the others’ ideas. What can you add or combine? Write it on a new sticky beside it.',
      },
      frameId: f('ideate', 'brainstorm'),
    },
    {
      id: 'ideate-sort',
      title: { nl: 'Ordenen in drie categorieën', en: 'Sorting into three categories' },
      minutes: 35,
      instructions: {
        nl: 'Sleep elk idee naar een baan: kennisuitwisseling, samenwerking in de keten of samenwerking in het ecosysteem. Twijfel je? Laat het in “nog niet gesorteerd”; de begeleider helpt.',
        en: 'Drag each idea into a lane: knowledge exchange, chain collaboration or ecosystem collaboration. Not sure? Leave it in “not yet sorted”; the facilitator will help.',
      },
      frameId: f('ideate', 'lane-unsorted'),
    },
    {
      id: 'ideate-vote',
      title: { nl: 'Stemmen op ideeën', en: 'Voting on ideas' },
      minutes: 15,
      instructions: {
        nl: 'Geef je {{votes}} stemmen aan de ideeën waar jij in de volgende sessie mee aan de slag wilt.',
        en: 'Give your {{votes}} votes to the ideas you want to work on in the next session.',
      },
      frameId: f('ideate', 'lane-knowledge'),
    },
    {
      id: 'ideate-close',
      title: { nl: 'Terugblik en afsluiting', en: 'Review and closing' },
      minutes: 25,
      instructions: {
        nl: 'Per categorie vertelt iemand welke ideeën eruit springen. Volgende keer ontwerpen we samenwerkingen met bouwstenen.',
        en: 'Per category someone tells which ideas stand out. Next time we design collaborations with building blocks.',
      },
      frameId: f('ideate', 'lane-chain'),
    },
  ],
};

const prototype: SessionTemplate = {
  stage: 'prototype',
  boardId: 'prototype',
  title: { nl: '4. Ontwerpen met bouwstenen', en: '4. Prototype with building blocks' },
  goal: {
    nl: 'Elk bedrijf verbeeldt zijn huidige of gewenste samenwerking met bouwstenen: jezelf in het midden, partners eromheen, bruggen ertussen en wat er via die bruggen stroomt. Daarna vertalen we de ontwerpen naar herkenbare stappen en voorwaarden.',
    en: 'Each firm pictures its current or intended collaboration with building blocks: itself in the middle, partners around it, bridges between them and what flows over those bridges. Then we turn the designs into recognisable steps and preconditions.',
  },
  buildsOn: {
    nl: 'De geordende ideeën per categorie, met hun stemmen, uit sessie 3.',
    en: 'The sorted ideas per category, with their votes, from session 3.',
  },
  produces: {
    nl: 'Een ontwerp per bedrijf en algemene stappen en randvoorwaarden voor samenwerking met impact.',
    en: 'A design per firm and general steps and preconditions for collaboration with impact.',
  },
  lengthMinutes: 150,
  activities: [
    {
      id: 'prototype-blocks',
      title: { nl: 'Uitleg van de bouwstenen', en: 'The building blocks explained' },
      minutes: 15,
      instructions: {
        nl: 'Bekijk het palet: wijzelf, directe partners, indirecte partners, mensen, wat er stroomt (de vijf M’s, kennis, een methode) en het niveau van samenwerking.',
        en: 'Look at the palette: ourselves, direct partners, indirect partners, people, what flows (the five M’s, knowledge, a method) and the level of collaboration.',
      },
      frameId: f('prototype', 'palette'),
    },
    {
      id: 'prototype-design',
      title: { nl: 'Je samenwerking ontwerpen', en: 'Designing your collaboration' },
      minutes: 50,
      instructions: {
        nl: 'Kies een ontwerpvak. Zet je eigen bedrijf in het midden, partners eromheen en trek bruggen. Schrijf op elke brug wat er stroomt en kies het soort waarde: transactie, reputatie, interactie of synergie. Gebruik de ideeën hiernaast.',
        en: 'Pick a design area. Put your own firm in the middle, partners around it and draw bridges. Write on each bridge what flows and choose the kind of value: transaction, reputation, interaction or synergy. Use the ideas alongside.',
      },
      frameId: f('prototype', 'design-1'),
    },
    {
      id: 'prototype-pitch',
      title: { nl: 'Ontwerpen toelichten', en: 'Presenting the designs' },
      minutes: 35,
      instructions: {
        nl: 'Licht je ontwerp in drie minuten toe aan een ander bedrijf. De ander stelt vragen en zet tips op een sticky in jouw ontwerpvak.',
        en: 'Explain your design in three minutes to another firm. They ask questions and put tips on a sticky in your design area.',
      },
      frameId: f('prototype', 'design-1'),
    },
    {
      id: 'prototype-steps',
      title: { nl: 'Stappen en randvoorwaarden', en: 'Steps and preconditions' },
      minutes: 40,
      instructions: {
        nl: 'Welke stappen keren in meerdere ontwerpen terug, en wat moet er geregeld zijn om ze te zetten? Denk aan intrinsieke motivatie, investeringsbereidheid en transparantie.',
        en: 'Which steps return in several designs, and what must be in place to take them? Think of intrinsic motivation, willingness to invest and transparency.',
      },
      frameId: f('prototype', 'steps'),
    },
    {
      id: 'prototype-close',
      title: { nl: 'Afsluiting', en: 'Closing' },
      minutes: 10,
      instructions: {
        nl: 'Spreek voor de tussenronde af met welke partner je je ontwerp concreet maakt.',
        en: 'Agree, for the in-between round, with which partner you will make your design concrete.',
      },
      frameId: f('prototype', 'intro'),
    },
  ],
};

const test: SessionTemplate = {
  stage: 'test',
  boardId: 'test',
  title: { nl: '5. Testen', en: '5. Test' },
  goal: {
    nl: 'Het conceptinstrument testen: het samenwerkingscanvas met drie fasen (oriëntatie, integratie, transformatie). Is het herkenbaar, volledig, begrijpelijk en bruikbaar voor andere ondernemers?',
    en: 'Test the draft instrument: the collaboration canvas with three phases (orientation, integration, transformation). Is it recognisable, complete, understandable and usable for other entrepreneurs?',
  },
  buildsOn: {
    nl: 'De ontwerpen en de stappen en randvoorwaarden uit sessie 4.',
    en: 'The designs and the steps and preconditions from session 4.',
  },
  produces: {
    nl: 'Feedback op het canvas, scores op de vier criteria en de antwoorden op de zelfevaluatie.',
    en: 'Feedback on the canvas, scores on the four criteria and the answers to the self-assessment.',
  },
  lengthMinutes: 120,
  activities: [
    {
      id: 'test-intro',
      title: { nl: 'Het canvas uitgelegd', en: 'The canvas explained' },
      minutes: 15,
      instructions: {
        nl: 'Het canvas heeft drie fasen en per fase thema’s over partnerschap, middelen en waarde, elk met één vraag. De fasen lopen niet per se na elkaar: je kunt heen en weer gaan.',
        en: 'The canvas has three phases and per phase themes on partnership, resources and value, each with one question. The phases need not follow each other: you can move back and forth.',
      },
      frameId: f('test', 'canvas'),
    },
    {
      id: 'test-try',
      title: { nl: 'Het canvas uitproberen', en: 'Trying the canvas' },
      minutes: 30,
      instructions: {
        nl: 'Neem je eigen samenwerking (zie de ontwerpen hiernaast) en beantwoord per fase de vragen op stickies in de vakken van het canvas.',
        en: 'Take your own collaboration (see the designs alongside) and answer the questions per phase on stickies in the canvas cells.',
      },
      frameId: f('test', 'canvas'),
    },
    {
      id: 'test-feedback',
      title: { nl: 'Feedback geven', en: 'Giving feedback' },
      minutes: 25,
      instructions: {
        nl: 'Wat werkt goed? Wat kan beter? Welke vragen heb je? Welke nieuwe ideeën krijg je? Eén sticky per punt in het juiste vak.',
        en: 'What works well? What could be better? What questions do you have? What new ideas come up? One sticky per point in the right box.',
      },
      frameId: f('test', 'feedback'),
    },
    {
      id: 'test-rating',
      title: { nl: 'Beoordelen op vier criteria', en: 'Rating on four criteria' },
      minutes: 10,
      instructions: {
        nl: 'Geef het canvas een score van 1 tot 5 op herkenbaarheid, volledigheid, begrijpelijkheid en bruikbaarheid. Klik op een cijfer; je kunt het veranderen.',
        en: 'Score the canvas from 1 to 5 on recognisability, completeness, understandability and usability. Click a number; you can change it.',
      },
      frameId: f('test', 'rating'),
    },
    {
      id: 'test-survey',
      title: { nl: 'Zelfevaluatie van een samenwerking', en: 'Self-assessment of a partnership' },
      minutes: 15,
      instructions: {
        nl: 'Denk aan één partner met wie je al lang samenwerkt. Geef bij elke stelling aan hoe eens je het ermee bent, van 1 (helemaal oneens) tot 5 (helemaal eens).',
        en: 'Think of one partner you have worked with for a long time. For each statement, say how much you agree, from 1 (strongly disagree) to 5 (strongly agree).',
      },
      frameId: f('test', 'survey'),
    },
    {
      id: 'test-close',
      title: { nl: 'Nabespreken en afsluiten', en: 'Discussion and closing' },
      minutes: 25,
      instructions: {
        nl: 'We bespreken de scores en de feedback. Wat neem je mee naar je eigen samenwerkingen?',
        en: 'We discuss the scores and the feedback. What do you take back to your own partnerships?',
      },
      frameId: f('test', 'feedback'),
    },
  ],
};

/** The five sessions, in order. */
export const SESSION_TEMPLATES: Readonly<Record<Stage, SessionTemplate>> = {
  empathise,
  define,
  ideate,
  prototype,
  test,
};

export function sessionTemplate(stage: Stage): SessionTemplate {
  return SESSION_TEMPLATES[stage];
}
