/**
 * The suggester on its labelled set (test/fixtures/ideas-eval.json), for `npm run bench`.
 * Accuracy counts "unsure" as wrong; precision is measured on the ideas it did sort.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CategoryId } from '../../workshops';
import { evaluateSuggester } from '../../workshops';

export async function runClusteringBench(): Promise<Record<string, number>> {
  const file = fileURLToPath(new URL('../fixtures/ideas-eval.json', import.meta.url));
  const set = (
    JSON.parse(readFileSync(file, 'utf8')) as {
      ideas: Array<{ id: string; text: string; label: CategoryId }>;
    }
  ).ideas;
  const started = performance.now();
  const result = evaluateSuggester(set);
  const ms = performance.now() - started;
  const nl = evaluateSuggester(set.filter((i) => i.id.startsWith('nl')));
  const en = evaluateSuggester(set.filter((i) => i.id.startsWith('en')));
  return {
    accuracy: result.accuracy,
    precision: result.precision,
    coverage: result.coverage,
    accuracyDutch: nl.accuracy,
    accuracyEnglish: en.accuracy,
    labelledIdeasCount: result.total,
    suggestTimeMs: ms,
  };
}
