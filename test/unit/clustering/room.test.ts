/**
 * Issue 15: suggestions a facilitator can trust. Ten ideas written as a room writes them (none
 * of them in the corpus): every one gets a best guess with a confidence in words, the reasons
 * are in the reader's language, and the room's own sorting changes the next suggestions.
 */
import { describe, expect, it } from 'vitest';
import type { Example } from '../../../workshops';
import { CATEGORY_IDS, CERTAINTY_WORDS, suggestCategories } from '../../../workshops';
import { buildSuggester, CALIBRATION, SUGGESTER } from '../../../workshops/clustering/suggest';
import { CORPUS, corpusSplit, isHeldOut } from '../../../workshops/clustering/model';

const ROOM = [
  'Metaal BV koopt in bij Groenwerk',
  'gemeente moet vaker langskomen',
  'samen lunchen en ervaringen delen',
  'stagiairs van het ROC bij ons',
  'wie heeft tips voor het inwerken?',
  'koffie uit de werkplaats halen',
  'vaker bij elkaar op bezoek',
  'regels UWV te ingewikkeld!!',
  'onze schoonmaak door hun team',
  'netwerk van ondernemers in de regio',
].map((text, i) => ({ id: `r${i}`, text }));

describe('suggestions for ideas written as a room writes them', () => {
  it('are not in the corpus the suggester learned from', () => {
    const known = new Set(CORPUS.map((i) => i.text.toLowerCase()));
    for (const idea of ROOM) expect(known.has(idea.text.toLowerCase())).toBe(false);
  });

  it('give every idea a best guess, with a confidence in words and a reason', () => {
    const out = suggestCategories(ROOM);
    expect(out).toHaveLength(ROOM.length);
    for (const s of out) {
      expect(CATEGORY_IDS).toContain(s.category);
      expect(s.confidence).toBeGreaterThan(0.34);
      expect(Object.keys(CERTAINTY_WORDS)).toContain(s.certainty);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
  });

  it('put "Metaal BV koopt in bij Groenwerk" in the chain, naming the word', () => {
    const [s] = suggestCategories([ROOM[0] as (typeof ROOM)[number]]);
    expect(s?.category).toBe('chain');
    expect(s?.confidence).toBeGreaterThan(0.5);
    expect(s?.words).toContain('koopt');
    expect(s?.reasons.join(' ')).toContain('‘koopt’');
  });

  it('write the reasons in the reader’s language only', () => {
    const idea = [{ id: 'e', text: 'regels UWV te ingewikkeld' }];
    const [nl] = suggestCategories(idea, { lang: 'nl' });
    const [en] = suggestCategories(idea, { lang: 'en' });
    expect(nl?.reasons.join(' ')).toMatch(/wijst op ecosysteem|wijzen op ecosysteem/);
    expect(nl?.reasons.join(' ')).not.toMatch(/ points? to /);
    expect(en?.reasons.join(' ')).toMatch(/points? to ecosystem/);
    expect(en?.reasons.join(' ')).not.toMatch(/wijst|wijzen/);
  });
});

describe('learning from the room', () => {
  // This room's firms: Groenwerk and Pluimveebedrijf Hazeveld trade, Hazeveld's "Leerlunch" is
  // where they learn from each other. Unknown names until the room sorts them.
  const idea = { id: 'x', text: 'Hazeveld en Groenwerk in gesprek' };

  it('adapts at once to the ideas placed in a lane, and says which one', () => {
    const before = suggestCategories([idea])[0];
    const examples: Example[] = [
      { text: 'Hazeveld neemt eieren af van Groenwerk', category: 'chain' },
      { text: 'Leerlunch bij Hazeveld', category: 'knowledge' },
    ];
    const after = suggestCategories([idea], { examples, lang: 'nl' })[0];
    expect(after?.category).toBe('chain');
    expect(after?.confidence).toBeGreaterThan(before?.category === 'chain' ? before.confidence : 0);
    expect(after?.like?.text).toBe('Hazeveld neemt eieren af van Groenwerk');
    expect(after?.reasons.join(' ')).toContain(
      'zoals ‘Hazeveld neemt eieren af van Groenwerk’, dat je bij keten zette',
    );
    const en = suggestCategories([idea], { examples, lang: 'en' })[0];
    expect(en?.reasons.join(' ')).toContain(
      'like ‘Hazeveld neemt eieren af van Groenwerk’, which you put in chain',
    );
  });

  it('keeps nothing between calls: another workshop starts from the corpus again', () => {
    const examples: Example[] = [{ text: 'Hazeveld en Groenwerk', category: 'ecosystem' }];
    const first = suggestCategories([idea]);
    suggestCategories([idea], { examples });
    expect(suggestCategories([idea])).toEqual(first);
  });
});

describe('the corpus', () => {
  it('holds at least 300 ideas, balanced, with a fixed held-out part', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    for (const c of CATEGORY_IDS) {
      const n = CORPUS.filter((i) => i.label === c).length;
      expect(n).toBeGreaterThanOrEqual(100);
    }
    const { train, heldOut } = corpusSplit();
    // Every fourth idea of the first lists; the ideas added later are training only.
    expect(heldOut.length).toBe(102);
    expect(heldOut.every((i) => /^[a-z]+-\d+$/.test(i.id))).toBe(true);
    expect(train.some(isHeldOut)).toBe(false);
    expect(train.length + heldOut.length).toBe(CORPUS.length);
  });

  it('ships the calibration that cross-validation on its training part gives', () => {
    const built = buildSuggester(corpusSplit().train);
    expect(CALIBRATION).toEqual(built.calibration);
    expect(SUGGESTER.counts).toEqual(built.counts);
  });
});
