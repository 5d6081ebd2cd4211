/** Renders rows as Markdown tables (one per suite), for docs/performance.md. */
import { formatValue } from './table';
import type { Row } from './types';

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTables(rows: readonly Row[]): string {
  const out: string[] = [];
  for (const suite of [...new Set(rows.map((r) => r.suite))]) {
    out.push(`\n### ${suite}\n`);
    out.push('| scenario | metric | value | reference | ratio | goal | met |');
    out.push('|---|---|---:|---:|---:|---|---|');
    for (const r of rows.filter((x) => x.suite === suite)) {
      const value = `${formatValue(r.value)} ${r.unit}`.trim();
      const ref = r.reference === undefined ? '' : `${formatValue(r.reference)} ${r.unit}`.trim();
      const ratio = r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`;
      const met = r.pass === undefined ? '' : r.pass ? 'yes' : '**no**';
      out.push(
        `| ${esc(r.scenario)} | ${esc(r.metric)} | ${value} | ${ref} | ${ratio} | ${esc(r.goal ?? '')} | ${met} |`,
      );
    }
    const notes = rows.filter((x) => x.suite === suite && x.note);
    if (notes.length) {
      out.push('');
      for (const r of notes)
        out.push(`- ${esc(r.scenario)} / ${esc(r.metric)}: ${esc(r.note ?? '')}`);
    }
  }
  return out.join('\n');
}
