/**
 * The harness's contracts: a suite is a named async function that returns rows. Adding a suite is
 * one file in suites/ and one line in the registry of `run.ts`.
 */

/** One measured figure. `reference` and `goal` put it beside what it must beat. */
export interface Row {
  suite: string;
  /** What was run, e.g. `1 room × 50, ours`. */
  scenario: string;
  /** What was measured, e.g. `latency p99`. */
  metric: string;
  value: number;
  unit: string;
  /** The same figure for the reference (a peer server measured in the same run, or a published anchor). */
  reference?: number;
  /** Where the reference comes from, e.g. `@y/websocket-server 0.1.1 (same run)` or `Excalidraw (ANCHORS.md)`. */
  referenceLabel?: string;
  /** value / reference. */
  ratio?: number;
  /** Human-readable goal, e.g. `≤ 10 ms`. */
  goal?: string;
  /** Whether the goal was met; absent when there is no goal. */
  pass?: boolean;
  /** A short note (why a figure is missing, what limited it). */
  note?: string;
}

export interface SuiteContext {
  /** Tiny, fast run for the smoke test: same code paths, small sizes, short durations. */
  quick: boolean;
  /** Progress lines go here (stderr), never into the table. */
  log: (line: string) => void;
  /** Scratch folder for this run (removed afterwards). */
  tmpDir: string;
  /** Repository root. */
  root: string;
}

export interface Suite {
  name: string;
  /** One line for `npm run bench -- --list`. */
  description: string;
  run(ctx: SuiteContext): Promise<Row[]>;
}

/** A goal as a predicate plus its printed form. */
export interface Goal {
  text: string;
  ok: (value: number) => boolean;
}

export const atMost = (limit: number, unit: string): Goal => ({
  text: `≤ ${limit} ${unit}`.trim(),
  ok: (v) => v <= limit,
});

export const atLeast = (limit: number, unit: string): Goal => ({
  text: `≥ ${limit} ${unit}`.trim(),
  ok: (v) => v >= limit,
});

/** Builds a row; fills ratio and pass from reference and goal. */
export function row(
  suite: string,
  scenario: string,
  metric: string,
  value: number,
  unit: string,
  extra: { reference?: number; referenceLabel?: string; goal?: Goal; note?: string } = {},
): Row {
  const r: Row = { suite, scenario, metric, value, unit };
  if (extra.reference !== undefined && Number.isFinite(extra.reference)) {
    r.reference = extra.reference;
    if (extra.referenceLabel) r.referenceLabel = extra.referenceLabel;
    if (extra.reference !== 0) r.ratio = value / extra.reference;
  }
  if (extra.goal) {
    r.goal = extra.goal.text;
    r.pass = Number.isFinite(value) && extra.goal.ok(value);
  }
  if (extra.note) r.note = extra.note;
  return r;
}
