/**
 * `npx tsx test/bench/report.ts [bench/results/latest.json]` prints a recorded run as Markdown
 * (machine, then one table per suite), ready to paste into docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { markdownTables } from './lib/markdown';
import type { RunRecord } from './lib/results';

const file = process.argv[2] ?? 'bench/results/latest.json';
const run = JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
const m = run.machine;
console.log(
  `Run ${run.startedAt} → ${run.finishedAt}${run.quick ? ' (quick)' : ''}; ${m.cpus} × ${m.cpuModel}, ` +
    `${m.totalMemMB} MB, Node ${m.node}, commit ${m.gitCommit.slice(0, 10)}${m.gitDirty ? ' (dirty)' : ''}` +
    (m.loadAverage1m === undefined ? '.' : `, load average ${m.loadAverage1m} at the end.`),
);
console.log(markdownTables(run.rows));
for (const e of run.errors)
  console.log(`\n- suite ${e.suite} failed: ${e.error.split('\n')[0] ?? ''}`);
