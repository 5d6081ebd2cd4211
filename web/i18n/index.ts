/**
 * Translations: i18next with one namespace per feature. Each feature keeps its strings beside
 * its code in a `strings.ts` (`defineStrings('board', {nl: {...}, en: {...}})`) and registers
 * them on import, so no component hard-codes a string and no feature edits another's file.
 * Dutch is the default, the browser's language when it is English; a choice made in the app is
 * remembered per device.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Lang } from '../../workshops';
import { isLang } from '../../workshops';

export type Strings = { [key: string]: string | Strings };

const STORAGE_KEY = 'werkbank:lang';

function initialLanguage(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // storage blocked: fall through to the browser's languages
  }
  return fromBrowser(globalThis.navigator?.languages ?? []);
}

/**
 * The first of the browser's preferred languages that we speak (`en-GB` → English); Dutch when
 * none is, so a room on Dutch laptops and a visitor on a German phone both start in Dutch.
 */
export function fromBrowser(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'nl';
}

void i18next.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false },
  resources: {},
  initAsync: false,
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18next.language;

/** Registers a feature's strings under its namespace; returns the namespace for `useT`. */
export function defineStrings<N extends string>(
  namespace: N,
  strings: { nl: Strings; en: Strings },
): N {
  i18next.addResourceBundle('nl', namespace, strings.nl, true, true);
  i18next.addResourceBundle('en', namespace, strings.en, true, true);
  return namespace;
}

/** `const { t } = useT('board')` inside components. */
export function useT(namespace: string) {
  return useTranslation(namespace);
}

export function currentLanguage(): Lang {
  const lng = i18next.language;
  return isLang(lng) ? lng : 'nl';
}

export function setLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  void i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** For non-React code (board engine, commands): translate outside a component. */
export function translate(namespace: string, key: string, vars?: Record<string, unknown>): string {
  return i18next.t(key, { ns: namespace, ...vars });
}

export { i18next };
