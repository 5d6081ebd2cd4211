import { describe, expect, it } from 'vitest';
import type { CategoryId } from '../../../workshops';
import {
  detectLanguage,
  evaluateSuggestions,
  findNearDuplicates,
  stemsOf,
  suggestCategories,
} from '../../../workshops';
import evalSet from '../../fixtures/ideas-eval.json';

const set = evalSet.ideas as Array<{ id: string; text: string; label: CategoryId }>;

describe('suggestCategories', () => {
  it('suggests each category in Dutch and English, with the words that decided it', () => {
    const out = suggestCategories([
      { id: 'k', text: 'Kennis delen over het begeleiden van nieuwe collega’s' },
      { id: 'c', text: 'Doorstroom van dagbesteding naar onze productie' },
      { id: 'e', text: 'Afspraken met de gemeente en het UWV' },
      { id: 'k2', text: 'Share knowledge on coaching new staff' },
      { id: 'c2', text: 'Outsource orders to our chain partner' },
      { id: 'e2', text: 'Lobby the municipality for better policy' },
    ]);
    expect(out.map((s) => s.category)).toEqual([
      'knowledge',
      'chain',
      'ecosystem',
      'knowledge',
      'chain',
      'ecosystem',
    ]);
    for (const s of out) {
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(s.confidence).toBeGreaterThan(0);
    }
    expect(out[2]?.reasons.join(' ')).toMatch(/gemeente/);
  });

  it('gives text without telling words a guess, but calls it unsure and says so', () => {
    const [party, shrug, coffee, council] = suggestCategories([
      { id: 'x', text: 'Vrijdag borrel!' },
      { id: 'y', text: 'nou ja, we zien wel' },
      { id: 'z', text: 'koffie' },
      { id: 'g', text: 'gemeente' },
    ]);
    expect(party?.confidence).toBeLessThan(0.4);
    expect(party?.reasons.join(' ')).toMatch(/geen woord wijst duidelijk één kant op/);
    expect(party?.reasons.join(' ')).toMatch(/twijfel tussen/);
    // One content word the lexicon does not know: unsure, whatever the model's sum.
    for (const s of [party, shrug, coffee]) expect(s?.certainty).toBe('unsure');
    for (const s of [shrug, coffee])
      expect(s?.reasons.join(' ')).toMatch(/te weinig woorden om zeker te zijn: kies zelf/);
    // One word the lexicon knows is enough.
    expect(council?.category).toBe('ecosystem');
    expect(council?.certainty).not.toBe('unsure');
  });

  it('names content words as reasons, small words only when nothing else decided', () => {
    const [lunch] = suggestCategories([{ id: 'l', text: 'hun koks doen onze lunch' }]);
    expect(lunch?.category).toBe('chain');
    expect(lunch?.words).toEqual(['lunch']);
  });

  it('stems: inflected and compound forms match', () => {
    const [a, b] = suggestCategories([
      { id: 'a', text: 'Gemeentelijke regelingen vereenvoudigen' },
      { id: 'b', text: 'Leerlijnen voor de hele sector' },
    ]);
    expect(a?.category).toBe('ecosystem');
    expect(b?.category).toBe('ecosystem');
  });

  it('detects the language', () => {
    expect(detectLanguage('Samen met de gemeente een plan maken')).toBe('nl');
    expect(detectLanguage('Make a plan together with the municipality')).toBe('en');
  });

  it('on the labelled set: stays above a floor (the headline figures are in npm run bench)', () => {
    expect(set.length).toBeGreaterThanOrEqual(60);
    const result = evaluateSuggestions(set, suggestCategories(set));
    expect(result.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
  });
});

describe('findNearDuplicates', () => {
  it('groups ideas that say nearly the same and leaves others alone', () => {
    const groups = findNearDuplicates([
      { id: '1', text: 'Stageplekken delen tussen onze bedrijven' },
      { id: '2', text: 'Stageplekken delen tussen de bedrijven' },
      { id: '3', text: 'Afspraken met de gemeente' },
    ]);
    expect(groups).toEqual([['1', '2']]);
  });

  it('finds the same groups as comparing every pair, on the labelled set and its variants', () => {
    // Each labelled idea, plus a near copy of every third one (a word dropped), plus noise.
    const ideas = set.flatMap((idea, i) => [
      { id: idea.id, text: idea.text },
      ...(i % 3 === 0
        ? [{ id: `${idea.id}-copy`, text: idea.text.split(' ').slice(0, -1).join(' ') }]
        : []),
    ]);
    const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort();
    for (const threshold of [0.4, 0.6, 0.8])
      expect(sorted(findNearDuplicates(ideas, 'nl', threshold))).toEqual(
        sorted(everyPair(ideas, threshold)),
      );
    expect(findNearDuplicates(ideas, 'nl').length).toBeGreaterThan(5);
  });
});

/** The plain O(n²) definition: union every pair whose stem sets have Jaccard ≥ threshold. */
function everyPair(ideas: Array<{ id: string; text: string }>, threshold: number): string[][] {
  const stems = ideas.map((idea) => stemsOf(idea.text, 'nl'));
  const group = ideas.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : root(group[i] ?? i));
  for (let i = 0; i < ideas.length; i++)
    for (let j = i + 1; j < ideas.length; j++) {
      const a = stems[i] as Set<string>;
      const b = stems[j] as Set<string>;
      if (!a.size || !b.size) continue;
      const inter = [...a].filter((x) => b.has(x)).length;
      if (inter / (a.size + b.size - inter) >= threshold) group[root(j)] = root(i);
    }
  const out = new Map<number, string[]>();
  ideas.forEach((idea, i) => out.set(root(i), [...(out.get(root(i)) ?? []), idea.id]));
  return [...out.values()].filter((g) => g.length > 1);
}
