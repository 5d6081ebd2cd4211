// `npm test`: format, lint, types, build, then every test (unit, integration, e2e) in one
// vitest run. Ends with the plain line 'N passed, N failed' that CI reads.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const extra = process.argv.slice(2);

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    console.log('0 passed, 1 failed');
    process.exit(r.status ?? 1);
  }
}

if (!extra.length) {
  step('prettier --check', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  step('eslint', bin('eslint'), ['.']);
  step('tsc --noEmit', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
  step('vite build', bin('vite'), ['build', '--logLevel', 'warn']);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results/vitest.json');
console.log('\n▶ vitest run');
const r = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { cwd: root, stdio: 'inherit', env: process.env },
);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + (json.numTodoTests ?? 0);
} catch {
  failed = Math.max(1, failed);
}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(r.status ?? 1);
