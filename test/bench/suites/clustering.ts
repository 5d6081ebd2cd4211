/**
 * Clustering suite: accuracy and precision of `suggestCategories` on the labelled set. The
 * clustering engineer owns the measurement (test/bench/clustering.ts exports
 * `runClusteringBench(): Promise<Record<string, number>>`); this suite turns its figures into rows
 * and reports a missing module as a note instead of failing the run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { row } from '../lib/types';
import type { Row, Suite } from '../lib/types';

type ClusteringModule = { runClusteringBench?: () => Promise<Record<string, number>> };

/** Units from the figure's name: `…Ms` → ms, rates and scores in 0–1 → plain numbers. */
export function unitOf(name: string): string {
  if (/ms$|Ms$|_ms\b|time/i.test(name)) return 'ms';
  if (/percent|pct/i.test(name)) return '%';
  if (/count|items|labels|notes/i.test(name)) return 'count';
  return '';
}

export const clusteringSuite: Suite = {
  name: 'clustering',
  description: 'accuracy and precision of suggestCategories on the labelled set',
  async run() {
    const file = fileURLToPath(new URL('../clustering.ts', import.meta.url));
    if (!existsSync(file)) {
      return [
        row('clustering', 'labelled set', 'accuracy', Number.NaN, '', {
          note: 'test/bench/clustering.ts does not exist yet',
        }),
      ];
    }
    // A computed specifier: this file must type-check before the module lands.
    const specifier = '../clustering.ts';
    const mod = (await import(specifier)) as ClusteringModule;
    if (typeof mod.runClusteringBench !== 'function') {
      throw new Error('test/bench/clustering.ts does not export runClusteringBench()');
    }
    const figures = await mod.runClusteringBench();
    const rows: Row[] = [];
    for (const [name, value] of Object.entries(figures)) {
      rows.push(row('clustering', 'labelled set', name, value, unitOf(name)));
    }
    return rows;
  },
};
