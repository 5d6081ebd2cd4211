/**
 * Clustering suite: the category suggester on ideas it never saw, before and after, learning
 * from the room, and its speed (the measurement is test/bench/clustering.ts).
 */
import { runClusteringBench } from '../clustering';
import type { Suite } from '../lib/types';

export const clusteringSuite: Suite = {
  name: 'clustering',
  description: 'category suggester: held-out accuracy, precision, coverage; learning from the room',
  run: (ctx) => runClusteringBench(ctx),
};
