/**
 * The lexicon rules: each idea's stems matched against the weighted lexicon (lexicon.ts), in its
 * own language at full weight and in the other at half (workshops mix languages: "een workshop
 * over job carving"). Phrases claim their words before single words do; a negated match counts
 * for less. The matched words are kept, so a suggestion can say which words decided.
 */
import type { CategoryId } from '../categories';
import { CATEGORY_IDS } from '../categories';
import type { Lang } from '../i18n';
import { LEXICON } from './lexicon';
import type { StemMemo, Token } from './text';
import { tokens } from './text';

/** A lexicon stem this long also matches inside a compound word ("gemeente" in "gemeentebeleid"). */
const COMPOUND_MIN = 5;

interface Term {
  stems: string[];
  weight: number;
  category: CategoryId;
}

/** The lexicon, stemmed once per language; phrases first. */
const TERMS: Record<Lang, Term[]> = { nl: [], en: [] };
for (const category of CATEGORY_IDS) {
  for (const lang of ['nl', 'en'] as const) {
    for (const entry of LEXICON[category][lang]) {
      const stems = tokens(entry.term, lang).map((t) => t.stem);
      if (stems.length) TERMS[lang].push({ stems, weight: entry.weight, category });
    }
  }
}
for (const lang of ['nl', 'en'] as const)
  TERMS[lang].sort((a, b) => b.stems.length - a.stems.length);

/**
 * Per language, the terms (by their index in TERMS) whose first stem is this stem. A token
 * matches a first stem when it is that stem or, for long ones, holds it (a compound): the
 * token's substrings of COMPOUND_MIN letters or more are looked up here.
 */
const BY_FIRST: Record<Lang, Map<string, number[]>> = { nl: new Map(), en: new Map() };
for (const lang of ['nl', 'en'] as const)
  TERMS[lang].forEach((term, i) => {
    const first = term.stems[0] ?? '';
    const list = BY_FIRST[lang].get(first);
    if (list) list.push(i);
    else BY_FIRST[lang].set(first, [i]);
  });

/** Indices of the terms that may match somewhere in `toks`, in TERMS order. */
function candidates(toks: readonly Token[], lang: Lang): number[] {
  const out = new Set<number>();
  const take = (stem: string) => {
    for (const i of BY_FIRST[lang].get(stem) ?? []) out.add(i);
  };
  for (const tok of toks) {
    take(tok.stem);
    const s = tok.stem;
    for (let a = 0; a + COMPOUND_MIN <= s.length; a++)
      for (let b = a + COMPOUND_MIN; b <= s.length; b++) if (b - a < s.length) take(s.slice(a, b));
  }
  return [...out].sort((x, y) => x - y);
}

export interface RuleMatch {
  /** The words of the idea as written ("koopt in"). */
  found: string;
  category: CategoryId;
  weight: number;
  negated: boolean;
}

export interface RuleScores {
  scores: Record<CategoryId, number>;
  matches: RuleMatch[];
}

function matches(token: Token, stem: string): boolean {
  return token.stem === stem || (stem.length >= COMPOUND_MIN && token.stem.includes(stem));
}

function scoreIn(text: string, lang: Lang, factor: number, out: RuleScores, memo?: StemMemo): void {
  const toks = tokens(text, lang, memo);
  const used = new Set<number>();
  for (const index of candidates(toks, lang)) {
    const term = TERMS[lang][index] as Term;
    for (let i = 0; i + term.stems.length <= toks.length; i++) {
      let ok = true;
      for (let j = 0; j < term.stems.length; j++) {
        const tok = toks[i + j];
        if (!tok || used.has(i + j) || !matches(tok, term.stems[j] ?? '')) ok = false;
      }
      if (!ok) continue;
      const negated = toks[i]?.negated ?? false;
      const weight = term.weight * factor * (negated ? 0.3 : 1);
      out.scores[term.category] += weight;
      for (let j = 0; j < term.stems.length; j++) used.add(i + j);
      const found = toks
        .slice(i, i + term.stems.length)
        .map((t) => t.word)
        .join(' ');
      out.matches.push({ found, category: term.category, weight, negated });
      break;
    }
  }
}

/** The lexicon's score per category for one idea written in `lang`, with what matched. */
export function ruleScores(text: string, lang: Lang, memo?: StemMemo): RuleScores {
  const out: RuleScores = { scores: { knowledge: 0, chain: 0, ecosystem: 0 }, matches: [] };
  scoreIn(text, lang, 1, out, memo);
  scoreIn(text, lang === 'nl' ? 'en' : 'nl', 0.5, out, memo);
  return out;
}
