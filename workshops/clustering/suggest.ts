/**
 * `suggestCategories`: an explainable suggester that sorts ideas into the three categories.
 * Each idea is tokenised, stripped of stop words (stopwords-iso), stemmed (Snowball, Dutch and
 * English) and matched against a weighted lexicon; the reasons are the words that matched. It
 * says `null` when no category clearly wins, so the facilitator decides the hard ones.
 */
import * as snowballModule from 'snowball-stemmers';
import stopwords from 'stopwords-iso/stopwords-iso.json';
import type { CategoryId } from '../categories';
import { CATEGORIES, CATEGORY_IDS } from '../categories';
import type { Lang } from '../i18n';
import { LANGUAGE_HINTS, LEXICON, NEGATIONS } from './lexicon';

export interface Idea {
  id: string;
  text: string;
}

export interface Suggestion {
  id: string;
  category: CategoryId | null;
  /** 0–1: how clearly the winning category won. */
  confidence: number;
  /** The words or rules that decided it, readable by the facilitator. */
  reasons: string[];
}

/** Below this score nothing is suggested; a winner must lead the runner-up by the margin. */
const MIN_SCORE = 2;
const MIN_MARGIN = 1;
/** A lexicon stem this long also matches inside a compound word ("gemeente" in "gemeentebeleid"). */
const COMPOUND_MIN = 5;

// A CommonJS package: its functions sit on the namespace or on `default`, by bundler and runtime.
const snowball = (
  'newStemmer' in snowballModule
    ? snowballModule
    : (snowballModule as unknown as { default: typeof snowballModule }).default
) as typeof snowballModule;
const STEMMERS = { nl: snowball.newStemmer('dutch'), en: snowball.newStemmer('english') };
const STOP = { nl: new Set(stopwords.nl ?? []), en: new Set(stopwords.en ?? []) };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function detectLanguage(text: string): Lang {
  const ws = words(text);
  let nl = 0;
  let en = 0;
  for (const w of ws) {
    if ((LANGUAGE_HINTS.nl as readonly string[]).includes(w)) nl++;
    if ((LANGUAGE_HINTS.en as readonly string[]).includes(w)) en++;
  }
  return en > nl ? 'en' : 'nl';
}

interface Token {
  stem: string;
  word: string;
  negated: boolean;
}

function tokens(text: string, lang: Lang): Token[] {
  const out: Token[] = [];
  let negate = 0;
  for (const word of words(text)) {
    if ((NEGATIONS[lang] as readonly string[]).includes(word)) {
      negate = 2;
      continue;
    }
    if (STOP[lang].has(word) && word !== 'uwv' && word !== 'roc' && word !== 'mbo') continue;
    out.push({ stem: STEMMERS[lang].stem(word), word, negated: negate > 0 });
    if (negate > 0) negate--;
  }
  return out;
}

interface Term {
  stems: string[];
  term: string;
  weight: number;
  category: CategoryId;
}

/** The lexicon, stemmed once per language. */
const TERMS: Record<Lang, Term[]> = { nl: [], en: [] };
for (const category of CATEGORY_IDS) {
  for (const lang of ['nl', 'en'] as const) {
    for (const entry of LEXICON[category][lang]) {
      const stems = tokens(entry.term, lang).map((t) => t.stem);
      if (stems.length)
        TERMS[lang].push({ stems, term: entry.term, weight: entry.weight, category });
    }
  }
}
// Phrases first, so that a phrase claims its words before single words do.
for (const lang of ['nl', 'en'] as const)
  TERMS[lang].sort((a, b) => b.stems.length - a.stems.length);

function matches(token: Token, stem: string): boolean {
  return token.stem === stem || (stem.length >= COMPOUND_MIN && token.stem.includes(stem));
}

function score(
  text: string,
  lang: Lang,
  weightFactor: number,
  scores: Record<CategoryId, number>,
  reasons: Record<CategoryId, string[]>,
): void {
  const toks = tokens(text, lang);
  const used = new Set<number>();
  for (const term of TERMS[lang]) {
    for (let i = 0; i + term.stems.length <= toks.length; i++) {
      let ok = true;
      for (let j = 0; j < term.stems.length; j++) {
        const tok = toks[i + j];
        if (!tok || used.has(i + j) || !matches(tok, term.stems[j] ?? '')) ok = false;
      }
      if (!ok) continue;
      const negated = toks[i]?.negated ?? false;
      const weight = term.weight * weightFactor * (negated ? 0.3 : 1);
      scores[term.category] += weight;
      for (let j = 0; j < term.stems.length; j++) used.add(i + j);
      const found = toks
        .slice(i, i + term.stems.length)
        .map((t) => t.word)
        .join(' ');
      const reason = `"${found}"${negated ? ' (ontkend/negated)' : ''} → ${CATEGORIES[term.category].label[lang]}`;
      if (!reasons[term.category].includes(reason)) reasons[term.category].push(reason);
      break;
    }
  }
}

export function suggestCategory(idea: Idea, lang?: Lang): Suggestion {
  const primary = lang ?? detectLanguage(idea.text);
  const other: Lang = primary === 'nl' ? 'en' : 'nl';
  const scores: Record<CategoryId, number> = { knowledge: 0, chain: 0, ecosystem: 0 };
  const reasons: Record<CategoryId, string[]> = { knowledge: [], chain: [], ecosystem: [] };
  score(idea.text, primary, 1, scores, reasons);
  // Workshops mix languages ("een workshop over job carving"): the other lexicon counts half.
  score(idea.text, other, 0.5, scores, reasons);
  const ranked = [...CATEGORY_IDS].sort((a, b) => scores[b] - scores[a]);
  const best = ranked[0] as CategoryId;
  const second = ranked[1] as CategoryId;
  const s1 = scores[best];
  const s2 = scores[second];
  const confidence = s1 <= 0 ? 0 : Math.round(Math.min(1, s1 / 4) * (s1 / (s1 + s2)) * 100) / 100;
  if (s1 < MIN_SCORE) {
    return {
      id: idea.id,
      category: null,
      confidence,
      reasons:
        s1 > 0
          ? [
              ...reasons[best],
              `score ${s1.toFixed(1)} < ${MIN_SCORE}: te weinig aanwijzingen / too little evidence`,
            ]
          : ['geen kenmerkende woorden / no telling words'],
    };
  }
  if (s1 - s2 < MIN_MARGIN) {
    return {
      id: idea.id,
      category: null,
      confidence,
      reasons: [
        ...reasons[best],
        ...reasons[second],
        `${CATEGORIES[best].label[primary]} ${s1.toFixed(1)} ≈ ${CATEGORIES[second].label[primary]} ${s2.toFixed(1)}: twijfel / unsure`,
      ],
    };
  }
  return { id: idea.id, category: best, confidence, reasons: reasons[best] };
}

export function suggestCategories(ideas: Idea[], lang?: Lang): Suggestion[] {
  return ideas.map((idea) => suggestCategory(idea, lang));
}

/** The distinct stems of an idea's words (stopwords left out): what near-duplicates compare. */
export function stemsOf(text: string, lang?: Lang): Set<string> {
  return new Set(tokens(text, lang ?? detectLanguage(text)).map((t) => t.stem));
}

/** Groups of ideas that say nearly the same (Jaccard ≥ `threshold` on their stems). */
export function findNearDuplicates(ideas: Idea[], lang?: Lang, threshold = 0.6): string[][] {
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
        let inter = 0;
        for (const x of a) if (b.has(x)) inter++;
        if (inter / (a.size + b.size - inter) >= threshold) parent[find(j)] = find(i);
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
  accuracy: number;
  /** Correct among the ideas it did not leave unsorted. */
  precision: number;
  coverage: number;
  confusion: Record<CategoryId, Record<CategoryId | 'none', number>>;
}

/** Scores the suggester on labelled ideas (null counts as wrong for accuracy). */
export function evaluateSuggester(
  set: Array<Idea & { label: CategoryId }>,
  lang?: Lang,
): Evaluation {
  const confusion = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, { knowledge: 0, chain: 0, ecosystem: 0, none: 0 }]),
  ) as Evaluation['confusion'];
  let correct = 0;
  let decided = 0;
  for (const item of set) {
    const s = suggestCategory(item, lang);
    confusion[item.label][s.category ?? 'none']++;
    if (s.category) decided++;
    if (s.category === item.label) correct++;
  }
  const total = set.length;
  return {
    total,
    accuracy: total ? correct / total : 0,
    precision: decided ? correct / decided : 0,
    coverage: total ? decided / total : 0,
    confusion,
  };
}
