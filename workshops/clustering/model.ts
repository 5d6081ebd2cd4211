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

/** Every idea of the corpus, with an id `<category>-<index>`. */
export const CORPUS: readonly Labelled[] = CATEGORY_IDS.flatMap((label) =>
  corpus[label].map((text, i) => ({ id: `${label}-${i}`, text, label })),
);

/** The held-out quarter: every fourth idea of each category. Never trained or tuned on. */
export function isHeldOut(item: Labelled): boolean {
  return Number(item.id.slice(item.id.lastIndexOf('-') + 1)) % 4 === 3;
}

export function corpusSplit(): { train: Labelled[]; heldOut: Labelled[] } {
  return {
    train: CORPUS.filter((i) => !isHeldOut(i)),
    heldOut: CORPUS.filter(isHeldOut),
  };
}

/**
 * Function words (and words every category uses) the model leaves out (a short list of its own: the full stop lists name words
 * such as "buy", "work" and "together" that tell a category).
 */
const MODEL_STOP = new Set(
  (
    'de het een en of van in op te aan met voor door om bij naar uit als dat die dit deze er is zijn ' +
    'we wij ze zij hun ons onze jullie je jij ik hij u wat wie hoe waar dan ook nog al maar want ' +
    'tot over na per elke elk iedereen iets wordt worden kan kunnen moet moeten wil willen gaan gaat ' +
    'the a an and or of in on at to for with by from as that this these is are be we our us they ' +
    'their them you your i it its what who how do does so too also can should will would than then ' +
    'wel niet geen ja nee nou even toch heel veel gewoon eens echt zo mee hier daar nu dus want ' +
    'misschien zien zou zouden kunnen heb heeft had is was waren worden geworden goed beter ' +
    'just really very maybe yes no well see get got has had was were been here there now ' +
    // Named in ideas of every category: they tell nothing about which.
    'sociale sociaal social onderneming ondernemingen ondernemer ondernemers enterprise enterprises ' +
    'bedrijf bedrijven company companies mensen people zodat hebben have doen eigen more meer'
  ).split(' '),
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
