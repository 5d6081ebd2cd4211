/**
 * Text handling shared by the lexicon rules (rules.ts) and the statistical model (model.ts):
 * words, the idea's language, and Snowball stems (Dutch and English).
 */
import * as snowballModule from 'snowball-stemmers';
// Named imports: the bundler keeps these two of the package's sixty lists and drops the rest.
import { en as stopEn, nl as stopNl } from 'stopwords-iso/stopwords-iso.json';
import type { Lang } from '../i18n';
import { LANGUAGE_HINTS, NEGATIONS } from './lexicon';

// A CommonJS package: its functions sit on the namespace or on `default`, by bundler and runtime.
const snowball = (
  'newStemmer' in snowballModule
    ? snowballModule
    : (snowballModule as unknown as { default: typeof snowballModule }).default
) as typeof snowballModule;
const STEMMERS = { nl: snowball.newStemmer('dutch'), en: snowball.newStemmer('english') };
const STOP = { nl: new Set(stopNl), en: new Set(stopEn) };
/** Kept although the stop lists name them: they are what an idea is about. */
const KEEP = new Set(['uwv', 'roc', 'mbo']);

/**
 * Stems already found, by `<lang>:<word>`: one per call of the suggester (the caller makes it and
 * lets it go), since Snowball is the slow part and ideas repeat their words.
 */
export type StemMemo = Map<string, string>;

export function stem(word: string, lang: Lang, memo?: StemMemo): string {
  if (!memo) return STEMMERS[lang].stem(word);
  const key = `${lang}:${word}`;
  let out = memo.get(key);
  if (out === undefined) memo.set(key, (out = STEMMERS[lang].stem(word)));
  return out;
}

/** A function word of either language ("met", "our"): named as a reason only when nothing else is. */
export function isStopword(word: string): boolean {
  return (STOP.nl.has(word) || STOP.en.has(word)) && !KEEP.has(word);
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function detectLanguage(text: string): Lang {
  let nl = 0;
  let en = 0;
  for (const w of words(text)) {
    if ((LANGUAGE_HINTS.nl as readonly string[]).includes(w)) nl++;
    if ((LANGUAGE_HINTS.en as readonly string[]).includes(w)) en++;
  }
  return en > nl ? 'en' : 'nl';
}

export interface Token {
  stem: string;
  word: string;
  negated: boolean;
}

/** Content words (stopwords-iso left out), stemmed; a negation marks the next two. */
export function tokens(text: string, lang: Lang, memo?: StemMemo): Token[] {
  const out: Token[] = [];
  let negate = 0;
  for (const word of words(text)) {
    if ((NEGATIONS[lang] as readonly string[]).includes(word)) {
      negate = 2;
      continue;
    }
    if (STOP[lang].has(word) && !KEEP.has(word)) continue;
    out.push({ stem: stem(word, lang, memo), word, negated: negate > 0 });
    if (negate > 0) negate--;
  }
  return out;
}

/** The distinct stems of an idea's words (stopwords left out): what near-duplicates compare. */
export function stemsOf(text: string, lang?: Lang, memo?: StemMemo): Set<string> {
  return new Set(tokens(text, lang ?? detectLanguage(text), memo).map((t) => t.stem));
}
