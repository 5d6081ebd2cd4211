// snowball-stemmers ships JavaScript without declarations.
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
  const api: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default api;
}
declare module 'stopwords-iso/stopwords-iso.json' {
  const lists: Record<string, string[]>;
  export default lists;
  export const nl: string[];
  export const en: string[];
}
