/**
 * `npm run bench [-- <suite|scenario filter>…] [--quick] [--list] [--out <dir>]`
 *
 * Runs the registered suites one after another (never in parallel: they measure CPU on a shared
 * 2-core machine), prints a table and writes the run to bench/results/ (latest.json plus a
 * timestamped copy). `--quick` is the smoke-test size and writes to bench/results/tmp/ so it never
 * replaces the committed figures. Exit code 1 when a suite threw; failed goals do not fail the run
 * (speed is reported, not asserted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineInfo, writeRun } from './lib/results';
import type { RunRecord } from './lib/results';
import { formatTable } from './lib/table';
import type { Row } from './lib/types';
import { SUITES, selectSuites } from './suites';

interface Options {
  quick: boolean;
  list: boolean;
  out: string | null;
  filters: string[];
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { quick: false, list: false, out: null, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--quick') opts.quick = true;
    else if (a === '--list') opts.list = true;
    else if (a === '--out') opts.out = argv[++i] ?? null;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else opts.filters.push(a.toLowerCase());
  }
  return opts;
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const opts = parseArgs(process.argv.slice(2));
  if (opts.list) {
    for (const s of SUITES) console.log(`${s.name.padEnd(12)} ${s.description}`);
    return 0;
  }
  const suites = selectSuites(SUITES, opts.filters);
  if (suites.length === 0) {
    console.error(`no suite matches ${opts.filters.join(', ')}; try --list`);
    return 2;
  }
  const tmpDir = mkdtempSync(join(os.tmpdir(), 'werkbank-bench-'));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const startedAt = new Date().toISOString();
  const rows: Row[] = [];
  const errors: RunRecord['errors'] = [];
  try {
    for (const suite of suites) {
      const t0 = performance.now();
      log(`suite ${suite.name}${opts.quick ? ' (quick)' : ''}…`);
      try {
        const got = await suite.run({ quick: opts.quick, log, tmpDir, root });
        rows.push(...got);
        console.log(formatTable(got));
      } catch (err) {
        const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
        errors.push({ suite: suite.name, error: message });
        log(`suite ${suite.name} failed: ${message}`);
      }
      log(`suite ${suite.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  const record: RunRecord = {
    startedAt,
    finishedAt: new Date().toISOString(),
    quick: opts.quick,
    suites: suites.map((s) => s.name),
    machine: machineInfo(root),
    errors,
    rows,
  };
  const dir = opts.out ?? join(root, 'bench/results', opts.quick ? 'tmp' : '');
  const file = writeRun(dir, record);
  log(`wrote ${file} and latest.json`);
  return errors.length ? 1 : 0;
}

main().then(
  // Exit explicitly: a suite that leaked a handle must not keep the run alive.
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
