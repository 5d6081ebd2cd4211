/** The two UI languages. Dutch first: it is the participants' working language. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** A text shipped in both languages (template content, labels of domain concepts). */
export interface LocalText {
  nl: string;
  en: string;
}

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

export function localize(text: LocalText, lang: Lang): string {
  return text[lang] || text.nl;
}
