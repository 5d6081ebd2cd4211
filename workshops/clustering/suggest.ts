/**
 * `suggestCategories`: sorts ideas into the three categories, and says why in words a
 * facilitator reads.
 *
 * Two kinds of evidence are added up per category: the lexicon rules (rules.ts: words the domain
 * says point to a category) and a naive Bayes model (model.ts) trained on the labelled corpus.
 * The workshop's own examples — ideas someone already placed in a lane — count too: as an extra
 * layer of model counts and as nearest neighbours ("like 'X', which you put in chain"), so the
 * suggestions adapt to the room at once. The sum becomes a probability per category through a
 * calibration fitted by cross-validation on the corpus's training part, so that "clearly",
 * "probably" and "unsure" mean what they say; an idea of one content word the lexicon does not
 * know is "unsure" whatever its sum.
 *
 * Every idea gets a best guess. Pure: the workshop's examples come in with each call.
 */
import type { CategoryId } from '../categories';
import { CATEGORIES, CATEGORY_IDS } from '../categories';
import type { Lang, LocalText } from '../i18n';
import { localize } from '../i18n';
import type { Counts, Featurized, Labelled } from './model';
import { corpusSplit, featurize, logLikelihoods, train } from './model';
import type { RuleScores } from './rules';
import { ruleScores } from './rules';
import type { StemMemo } from './text';
import { detectLanguage, isStopword, stemsOf } from './text';

export { detectLanguage, stemsOf } from './text';

export interface Idea {
  id: string;
  text: string;
}

/** An idea the room already sorted: it placed `text` in `category`'s lane. */
export interface Example {
  text: string;
  category: CategoryId;
}

export type Certainty = 'clear' | 'probable' | 'unsure';

export const CERTAINTY_WORDS: Record<Certainty, LocalText> = {
  clear: { nl: 'duidelijk', en: 'clearly' },
  probable: { nl: 'waarschijnlijk', en: 'probably' },
  unsure: { nl: 'onzeker', en: 'unsure' },
};

export interface Suggestion {
  id: string;
  /** The best guess; every idea gets one. */
  category: CategoryId;
  /** Calibrated probability (0–1) that the best guess is right. */
  confidence: number;
  certainty: Certainty;
  probabilities: Record<CategoryId, number>;
  /** The idea's words that pointed most to the guess, as written. */
  words: string[];
  /** The workshop's own example most like this idea, when one decided along. */
  like?: Example;
  /** Sentences in the reader's language: the words, the example, the doubt. */
  reasons: string[];
}

export interface Calibration {
  /** Weight of the model's log-likelihoods. */
  scale: number;
  /** Weight of the lexicon's score. */
  rules: number;
  /** Below this probability a guess is "unsure"; from this one on it is "clear". */
  unsureBelow: number;
  clearFrom: number;
}

/** A trained suggester: corpus counts and their calibration. Plain data, never changed. */
export interface Suggester {
  counts: Counts;
  calibration: Calibration;
}

export interface SuggestOptions {
  /** The reader's language: the reasons are written in it. Default Dutch. */
  lang?: Lang;
  /** Ideas the room already placed in a lane (this workshop only). */
  examples?: readonly Example[];
  /** Another trained suggester (the bench trains on parts of the corpus); default the shipped one. */
  suggester?: Suggester;
  /** How strongly the room's examples count (default ROOM); for choosing that default. */
  room?: RoomWeights;
}

export interface RoomWeights {
  /** Each example counts as this many corpus ideas in the model. */
  model: number;
  /** Evidence added per unit of likeness above LIKE_MIN to the nearest example's category. */
  neighbour: number;
}

/**
 * How strongly the room's examples count. A room example more alike than LIKE_MIN (Jaccard on
 * stems) is named as a reason and adds evidence to its category; one shared word between two
 * short ideas ("koffie") stays below it.
 */
export const ROOM: RoomWeights = { model: 1, neighbour: 5 };
const LIKE_MIN = 0.2;
/** A word is named as a reason when it moved the evidence this much (natural log units). */
const WORD_MIN = 0.4;
/**
 * The precision asked of confident ("clear" or "probable") guesses, and of "clear" ones: at the
 * lower end of its 95 % interval in cross-validation (see `wilsonLower`).
 */
const CONFIDENT_PRECISION = 0.95;
const CLEAR_PRECISION = 0.99;

interface Evidence {
  idea: Featurized;
  rules: RuleScores;
  model: ReturnType<typeof logLikelihoods>;
}

function evidence(
  text: string,
  idea: Featurized,
  layers: readonly Counts[],
  memo: StemMemo,
): Evidence {
  return {
    idea,
    rules: ruleScores(text, detectLanguage(text), memo),
    model: logLikelihoods(idea, layers),
  };
}

function softmax(z: Record<CategoryId, number>): Record<CategoryId, number> {
  const max = Math.max(...CATEGORY_IDS.map((c) => z[c]));
  const e = CATEGORY_IDS.map((c) => Math.exp(z[c] - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, (e[i] ?? 0) / sum])) as Record<
    CategoryId,
    number
  >;
}

function combine(
  model: Record<CategoryId, number>,
  rules: Record<CategoryId, number>,
  room: Record<CategoryId, number>,
  cal: Pick<Calibration, 'scale' | 'rules'>,
  neighbour = 0,
): Record<CategoryId, number> {
  const top = Math.max(...CATEGORY_IDS.map((c) => model[c]));
  return softmax(
    Object.fromEntries(
      CATEGORY_IDS.map((c) => [
        c,
        cal.scale * (model[c] - top) + cal.rules * rules[c] + neighbour * room[c],
      ]),
    ) as Record<CategoryId, number>,
  );
}

/**
 * Trains on `items` and calibrates by 5-fold cross-validation on them: the weights of model and
 * lexicon that give the best log-loss on the folds left out, then the probabilities from which
 * a guess is right often enough to be called "probably" and "clearly" — often enough with a margin
 * for the folds' luck: the corpus holds pairs of ideas written alike (one in Dutch, one in
 * English), which make cross-validation look better than ideas from a room will be.
 */
export function buildSuggester(items: readonly Labelled[]): Suggester {
  const folds = 5;
  const memo: StemMemo = new Map();
  const all = items.map((item) => ({ ...item, idea: featurize(item.text, memo) }));
  // Per idea left out: the model's evidence minus its top, and the lexicon's, flat.
  const model: number[] = [];
  const rules: number[] = [];
  const labels: number[] = [];
  for (let f = 0; f < folds; f++) {
    const counts = train(all.filter((_, i) => i % folds !== f));
    all.forEach((item, i) => {
      if (i % folds !== f) return;
      const ev = evidence(item.text, item.idea, [counts], memo);
      const top = Math.max(...CATEGORY_IDS.map((c) => ev.model.total[c]));
      for (const c of CATEGORY_IDS) {
        model.push(ev.model.total[c] - top);
        rules.push(ev.rules.scores[c]);
      }
      labels.push(CATEGORY_IDS.indexOf(item.label));
    });
  }
  const n = labels.length;
  /** Probability of each idea's best guess, and whether it is right, under weights (a, b). */
  const guesses = (a: number, b: number, each: (p: number[], label: number) => void) => {
    const p = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let c = 0; c < 3; c++) {
        p[c] = a * (model[i * 3 + c] ?? 0) + b * (rules[i * 3 + c] ?? 0);
        if ((p[c] as number) > max) max = p[c] as number;
      }
      let sum = 0;
      for (let c = 0; c < 3; c++) sum += p[c] = Math.exp((p[c] as number) - max);
      for (let c = 0; c < 3; c++) p[c] = (p[c] as number) / sum;
      each(p, labels[i] ?? 0);
    }
  };
  let fit = { scale: 1, rules: 0, loss: Infinity };
  for (let s = 1; s <= 30; s++)
    for (let r = 0; r <= 20; r++) {
      let loss = 0;
      guesses(s / 20, r / 10, (p, label) => (loss -= Math.log(Math.max(1e-9, p[label] ?? 0))));
      if (loss < fit.loss) fit = { scale: s / 20, rules: r / 10, loss };
    }
  const scored: Array<{ p: number; right: boolean }> = [];
  guesses(fit.scale, fit.rules, (p, label) => {
    const guess = p.indexOf(Math.max(...p));
    scored.push({ p: p[guess] ?? 0, right: guess === label });
  });
  const lowestWith = (precision: number, fallback: number) => {
    for (let t = 40; t < 99; t++) {
      const above = scored.filter((x) => x.p >= t / 100);
      if (wilsonLower(above.filter((x) => x.right).length, above.length) >= precision)
        return t / 100;
    }
    return fallback;
  };
  const unsureBelow = lowestWith(CONFIDENT_PRECISION, 0.95);
  const clearFrom = Math.max(unsureBelow, lowestWith(CLEAR_PRECISION, 0.99));
  return {
    counts: train(all),
    calibration: { scale: fit.scale, rules: fit.rules, unsureBelow, clearFrom },
  };
}

/**
 * The lower end of the Wilson interval for `right` out of `n` (one-sided, 95 %): the precision
 * one can count on, not the one that happened to come out of the folds.
 */
function wilsonLower(right: number, n: number, z = 1.645): number {
  if (!n) return 0;
  const p = right / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/**
 * What `buildSuggester` computes for the corpus's training part, written down so that the browser
 * only counts at import (the cross-validation took three times as long). A unit test
 * (test/unit/clustering/room.test.ts) computes it again: change the corpus, update this.
 */
export const CALIBRATION: Calibration = {
  scale: 0.5,
  rules: 0.9,
  unsureBelow: 0.58,
  clearFrom: 0.99,
};

/** The shipped suggester: counted on the corpus's training part at import, calibrated as above. */
export const SUGGESTER: Suggester = shippedSuggester();

function shippedSuggester(): Suggester {
  const memo: StemMemo = new Map();
  return {
    counts: train(
      corpusSplit().train.map((item) => ({ idea: featurize(item.text, memo), label: item.label })),
    ),
    calibration: CALIBRATION,
  };
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
};

const quote = (text: string) => `‘${text.length > 60 ? `${text.slice(0, 57)}…` : text}’`;
const pct = (p: number) => `${Math.round(p * 100)} %`;

/** `thin`: the guess rests on a single word the lexicon does not know (see `suggestCategories`). */
function reasonsFor(
  s: Omit<Suggestion, 'reasons'>,
  runnerUp: CategoryId,
  lang: Lang,
  thin: boolean,
): string[] {
  const short = (c: CategoryId) => localize(CATEGORIES[c].short, lang);
  const out: string[] = [];
  if (s.words.length) {
    const list = s.words.map(quote).join(', ');
    out.push(
      lang === 'nl'
        ? `${s.words.length > 1 ? 'de woorden' : 'het woord'} ${list} ${s.words.length > 1 ? 'wijzen' : 'wijst'} op ${short(s.category)}`
        : `${s.words.length > 1 ? 'the words' : 'the word'} ${list} ${s.words.length > 1 ? 'point' : 'points'} to ${short(s.category)}`,
    );
  }
  if (s.like)
    out.push(
      lang === 'nl'
        ? `zoals ${quote(s.like.text)}, dat je bij ${short(s.like.category)} zette`
        : `like ${quote(s.like.text)}, which you put in ${short(s.like.category)}`,
    );
  if (!s.words.length && !s.like)
    out.push(
      lang === 'nl'
        ? 'geen woord wijst duidelijk één kant op: een gok op de hele zin'
        : 'no word clearly points one way: a guess from the whole sentence',
    );
  if (thin && s.words.length)
    out.push(
      lang === 'nl'
        ? 'te weinig woorden om zeker te zijn: kies zelf'
        : 'too few words to be sure: your call',
    );
  else if (s.certainty === 'unsure')
    out.push(
      lang === 'nl'
        ? `twijfel tussen ${short(s.category)} (${pct(s.confidence)}) en ${short(runnerUp)} (${pct(s.probabilities[runnerUp])}): kies zelf`
        : `torn between ${short(s.category)} (${pct(s.confidence)}) and ${short(runnerUp)} (${pct(s.probabilities[runnerUp])}): your call`,
    );
  return out;
}

/**
 * The words (as written) that moved the evidence most from `runnerUp` towards `guess`: content
 * words first; function words only when nothing else decided ("wij nemen hun restpartijen af" is
 * chain by "wij" and "hun").
 */
function decidingWords(
  ev: Evidence,
  guess: CategoryId,
  runnerUp: CategoryId,
  cal: Calibration,
): string[] {
  const byWord = new Map<string, number>();
  const add = (word: string, v: number) => byWord.set(word, (byWord.get(word) ?? 0) + v);
  for (const { feature, logLik } of ev.model.perFeature) {
    const v = (cal.scale * (logLik[guess] - logLik[runnerUp])) / feature.from.length;
    for (const i of feature.from) add(ev.idea.words[i] ?? '', v);
  }
  for (const m of ev.rules.matches) {
    const sign = m.category === guess ? 1 : m.category === runnerUp ? -1 : 0;
    for (const w of m.found.split(' ')) add(w, (sign * cal.rules * m.weight) / 2);
  }
  const telling = [...byWord].filter(([w, v]) => w && v >= WORD_MIN).sort((a, b) => b[1] - a[1]);
  const content = telling.filter(([w]) => !isStopword(w));
  return (content.length ? content : telling).slice(0, 3).map(([w]) => w);
}

export function suggestCategories(
  ideas: readonly Idea[],
  options: SuggestOptions | Lang = {},
): Suggestion[] {
  const opts: SuggestOptions = typeof options === 'string' ? { lang: options } : options;
  const lang = opts.lang ?? 'nl';
  const suggester = opts.suggester ?? SUGGESTER;
  const cal = suggester.calibration;
  const examples = opts.examples ?? [];
  const memo: StemMemo = new Map();
  const layers = examples.length
    ? [
        suggester.counts,
        train(
          examples.map((e) => ({ idea: featurize(e.text, memo), label: e.category })),
          (opts.room ?? ROOM).model,
        ),
      ]
    : [suggester.counts];
  const exampleStems = examples.map((e) => stemsOf(e.text, undefined, memo));
  return ideas.map((idea) => {
    const ev = evidence(idea.text, featurize(idea.text, memo), layers, memo);
    const stems = stemsOf(idea.text, undefined, memo);
    const room = { knowledge: 0, chain: 0, ecosystem: 0 };
    const nearest: Partial<Record<CategoryId, { example: Example; sim: number }>> = {};
    examples.forEach((example, i) => {
      const sim = jaccard(stems, exampleStems[i] as Set<string>);
      if (sim > (nearest[example.category]?.sim ?? 0)) {
        room[example.category] = Math.max(0, sim - LIKE_MIN);
        nearest[example.category] = { example, sim };
      }
    });
    const probabilities = combine(
      ev.model.total,
      ev.rules.scores,
      room,
      cal,
      (opts.room ?? ROOM).neighbour,
    );
    const ranked = [...CATEGORY_IDS].sort((a, b) => probabilities[b] - probabilities[a]);
    const category = ranked[0] as CategoryId;
    const runnerUp = ranked[1] as CategoryId;
    const confidence = probabilities[category];
    const near = nearest[category];
    const named = decidingWords(ev, category, runnerUp, cal);
    const like = near && near.sim > LIKE_MIN ? near.example : undefined;
    // One content word ("koffie", "meer samenwerken") is too little to be sure of, however the
    // sum comes out, unless the lexicon knows it ("gemeente") or the room sorted one like it.
    const thin =
      like === undefined &&
      !ev.rules.matches.some((m) => m.category === category && !m.negated) &&
      ev.idea.words.filter((w) => !isStopword(w)).length < 2;
    const s: Omit<Suggestion, 'reasons'> = {
      id: idea.id,
      category,
      confidence,
      certainty: thin
        ? 'unsure'
        : confidence >= cal.clearFrom
          ? 'clear'
          : confidence >= cal.unsureBelow
            ? 'probable'
            : 'unsure',
      probabilities,
      words: named,
      ...(like ? { like } : {}),
    };
    return { ...s, reasons: reasonsFor(s, runnerUp, lang, thin) };
  });
}

export function suggestCategory(idea: Idea, options: SuggestOptions | Lang = {}): Suggestion {
  return suggestCategories([idea], options)[0] as Suggestion;
}

/** Groups of ideas that say nearly the same (Jaccard ≥ `threshold` on their stems). */
export function findNearDuplicates(
  ideas: readonly Idea[],
  lang?: Lang,
  threshold = 0.6,
): string[][] {
  const sets = ideas.map((idea) => stemsOf(idea.text, lang));
  const parent = ideas.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] ?? i)));
  // Only ideas that share a stem can be alike: compare those pairs, not all n² of them (an
  // ideate board may hold thousands of sorted notes).
  const byStem = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const stem of set) {
      const list = byStem.get(stem);
      if (list) list.push(i);
      else byStem.set(stem, [i]);
    }
  });
  for (let i = 0; i < ideas.length; i++) {
    const a = sets[i] as Set<string>;
    const compared = new Set<number>();
    for (const stem of a) {
      for (const j of byStem.get(stem) ?? []) {
        if (j <= i || compared.has(j)) continue;
        compared.add(j);
        const b = sets[j] as Set<string>;
        // Jaccard ≥ threshold needs sizes within that ratio of each other.
        if (Math.min(a.size, b.size) < threshold * Math.max(a.size, b.size)) continue;
        if (jaccard(a, b) >= threshold) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, string[]>();
  ideas.forEach((idea, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), idea.id]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

export interface Evaluation {
  total: number;
  /** Best guesses that are right, among all ideas. */
  accuracy: number;
  /** Right among the confident ("clear" or "probable") guesses. */
  precision: number;
  /** Share of ideas with a confident guess. */
  coverage: number;
  confusion: Record<CategoryId, Record<CategoryId | 'unsure', number>>;
}

/** Scores given suggestions (in the order of `set`) against the labels. */
export function evaluateSuggestions(
  set: ReadonlyArray<{ label: CategoryId }>,
  suggestions: ReadonlyArray<{ category: CategoryId | null; certainty?: Certainty }>,
): Evaluation {
  const confusion = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, { knowledge: 0, chain: 0, ecosystem: 0, unsure: 0 }]),
  ) as Evaluation['confusion'];
  let correct = 0;
  let confident = 0;
  let confidentRight = 0;
  set.forEach((item, i) => {
    const s = suggestions[i];
    if (!s) return;
    const sure = s.category !== null && s.certainty !== 'unsure';
    confusion[item.label][sure && s.category ? s.category : 'unsure']++;
    if (s.category === item.label) correct++;
    if (sure) {
      confident++;
      if (s.category === item.label) confidentRight++;
    }
  });
  const total = set.length;
  return {
    total,
    accuracy: total ? correct / total : 0,
    precision: confident ? confidentRight / confident : 0,
    coverage: total ? confident / total : 0,
    confusion,
  };
}
