/** Prints rows as a plain-text table, one block per suite. */
import type { Row } from './types';

/** NaN (stored as null in JSON) marks a figure that could not be measured: shown as —. */
export function formatValue(v: number | null | undefined): string {
  if (v === undefined) return '';
  if (v === null || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(v).toLocaleString('en-US');
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 10) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toPrecision(2);
}

const HEAD = ['scenario', 'metric', 'value', 'unit', 'reference', 'ratio', 'goal', 'pass'];

function cells(r: Row): string[] {
  return [
    r.scenario,
    r.metric,
    formatValue(r.value),
    r.unit,
    r.reference === undefined ? '' : formatValue(r.reference),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.goal ?? '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  ];
}

export function formatTable(rows: readonly Row[]): string {
  const out: string[] = [];
  const suites = [...new Set(rows.map((r) => r.suite))];
  for (const suite of suites) {
    const body = rows.filter((r) => r.suite === suite).map(cells);
    const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((c) => (c[i] ?? '').length)));
    const line = (c: string[]) =>
      c
        .map((s, i) => (i >= 2 && i <= 5 ? s.padStart(widths[i] ?? 0) : s.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    out.push(`\n== ${suite} ==`);
    out.push(line(HEAD));
    out.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const c of body) out.push(line(c));
    const notes = rows.filter((r) => r.suite === suite && r.note);
    for (const r of notes) out.push(`  note (${r.scenario} / ${r.metric}): ${r.note}`);
  }
  return out.join('\n');
}
