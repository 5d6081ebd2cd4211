/**
 * The statistical half of the suggester: a multinomial naive Bayes over stemmed words, word
 * pairs and the letter groups inside words (which carry Dutch compounds and typos: "inkoopbeleid",
 * "doorstoom"), trained on the labelled corpus that ships beside it (corpus.json).
 *
 * Counts are plain data. A workshop's own examples (ideas someone placed in a lane) are another
 * layer of counts over the corpus, passed in with each call: nothing here remembers a workshop.
 */
import type { CategoryId } from '../categories';
import { CATEGORY_IDS } from '../categories';
import corpus from './corpus.json';
import type { StemMemo } from './text';
import { detectLanguage, stem, words } from './text';

export interface Labelled {
  id: string;
  text: string;
  label: CategoryId;
}

/**
 * Every idea of the corpus, with an id `<category>-<index>`; the ideas written later (`added`,
 * training only) as `<category>-added-<index>`.
 */
export const CORPUS: readonly Labelled[] = CATEGORY_IDS.flatMap((label) => [
  ...corpus[label].map((text, i) => ({ id: `${label}-${i}`, text, label })),
  ...corpus.added[label].map((text, i) => ({ id: `${label}-added-${i}`, text, label })),
]);

/**
 * The held-out quarter: every fourth idea of each category's first list (not of `added`). Never
 * trained or tuned on.
 */
export function isHeldOut(item: Labelled): boolean {
  const match = /^[a-z]+-(\d+)$/.exec(item.id);
  return match !== null && Number(match[1]) % 4 === 3;
}

export function corpusSplit(): { train: Labelled[]; heldOut: Labelled[] } {
  return {
    train: CORPUS.filter((i) => !isHeldOut(i)),
    heldOut: CORPUS.filter(isHeldOut),
  };
}

/**
 * Only articles and fillers ("nou", "hoor", "well") are left out. The small words carry the
 * category more often than not: "their painters do our maintenance" is chain by "their" and
 * "our", "samen met de gemeente" is ecosystem by "met de". With a long stop list the model made
 * nearly twice as many mistakes in cross-validation on the training part (10.8 % against 5.8 %).
 */
const MODEL_STOP = new Set(
  'de het een the a an nou ja nee hoor eh toch gewoon even wel zo oh yeah yes no ok well just'.split(
    ' ',
  ),
);

export interface Feature {
  key: string;
  weight: number;
  /** Indices into `Featurized.words`: the written words this feature came from. */
  from: number[];
}

export interface Featurized {
  words: string[];
  stems: string[];
  features: Feature[];
}

/** How long the letter groups are, and the weight of all of one word's groups together. */
const GRAM = 4;
const GRAM_WEIGHT = 1;

export function featurize(text: string, memo?: StemMemo): Featurized {
  const lang = detectLanguage(text);
  const ws = words(text).filter((w) => !MODEL_STOP.has(w));
  const stems = ws.map((w) => stem(w, lang, memo));
  const features: Feature[] = [];
  stems.forEach((s, i) => {
    features.push({ key: `w:${s}`, weight: 1, from: [i] });
    const padded = `^${s}$`;
    const grams = padded.length - GRAM + 1;
    if (s.length >= GRAM)
      for (let j = 0; j < grams; j++)
        features.push({
          key: `c:${padded.slice(j, j + GRAM)}`,
          weight: GRAM_WEIGHT / grams,
          from: [i],
        });
    if (i > 0) features.push({ key: `b:${stems[i - 1]}_${s}`, weight: 1, from: [i - 1, i] });
  });
  return { words: ws, stems, features };
}

/** Feature counts per category. */
export interface Counts {
  byClass: Record<CategoryId, Map<string, number>>;
  totals: Record<CategoryId, number>;
  vocabulary: number;
}

export function emptyCounts(): Counts {
  return {
    byClass: { knowledge: new Map(), chain: new Map(), ecosystem: new Map() },
    totals: { knowledge: 0, chain: 0, ecosystem: 0 },
    vocabulary: 0,
  };
}

/** Counts of `items` (their features), each counted `weight` times. */
export function train(
  items: ReadonlyArray<{ idea: Featurized; label: CategoryId }>,
  weight = 1,
): Counts {
  const counts = emptyCounts();
  const vocabulary = new Set<string>();
  for (const item of items) {
    const map = counts.byClass[item.label];
    for (const f of item.idea.features) {
      map.set(f.key, (map.get(f.key) ?? 0) + f.weight * weight);
      counts.totals[item.label] += f.weight * weight;
      vocabulary.add(f.key);
    }
  }
  counts.vocabulary = vocabulary.size;
  return counts;
}

/** Add-α smoothing. */
const ALPHA = 0.3;

export interface FeatureScore {
  feature: Feature;
  /** log P(feature | category) per category, times the feature's weight. */
  logLik: Record<CategoryId, number>;
}

/**
 * Naive Bayes log-likelihoods of an idea under each category, over the layers of counts (the
 * corpus, then the workshop's own examples). Features no layer has seen are left out: they say
 * nothing about a category. Equal priors: the corpus is balanced and a room's first examples
 * should not tilt every later idea.
 */
export function logLikelihoods(
  idea: Featurized,
  layers: readonly Counts[],
): { total: Record<CategoryId, number>; perFeature: FeatureScore[] } {
  const total: Record<CategoryId, number> = { knowledge: 0, chain: 0, ecosystem: 0 };
  const perFeature: FeatureScore[] = [];
  const vocabulary = layers.reduce((n, l) => n + l.vocabulary, 0);
  for (const feature of idea.features) {
    if (!layers.some((l) => CATEGORY_IDS.some((c) => l.byClass[c].has(feature.key)))) continue;
    const logLik = { knowledge: 0, chain: 0, ecosystem: 0 };
    for (const c of CATEGORY_IDS) {
      let count = 0;
      let sum = 0;
      for (const l of layers) {
        count += l.byClass[c].get(feature.key) ?? 0;
        sum += l.totals[c];
      }
      logLik[c] = feature.weight * Math.log((count + ALPHA) / (sum + ALPHA * vocabulary));
      total[c] += logLik[c];
    }
    perFeature.push({ feature, logLik });
  }
  return { total, perFeature };
}
