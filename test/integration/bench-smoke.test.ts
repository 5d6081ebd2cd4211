/**
 * Smoke test of the benchmark harness (`npm run bench`): a tiny run of every suite checks that the
 * harness still produces sane figures. Speed is never asserted here — only that numbers exist, are
 * plausible, and that correctness figures (dropped, diverged, loaded) are right.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../bench/lib/results';
import { formatTable } from '../bench/lib/table';
import type { Row, SuiteContext } from '../bench/lib/types';
import { SUITES, selectSuites } from '../bench/suites';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tmpDir = mkdtempSync(join(os.tmpdir(), 'werkbank-bench-smoke-'));
const ctx: SuiteContext = { quick: true, log: () => {}, tmpDir, root };

afterAll(() => rmSync(tmpDir, { recursive: true, force: true }));

function suite(name: string) {
  const s = SUITES.find((x) => x.name === name);
  if (!s) throw new Error(`no suite ${name}`);
  return s;
}

function pick(rows: Row[], scenario: RegExp, metric: string): Row {
  const r = rows.find((x) => scenario.test(x.scenario) && x.metric === metric);
  if (!r) throw new Error(`no row ${scenario} / ${metric} in\n${formatTable(rows)}`);
  return r;
}

describe('bench harness (quick)', () => {
  it('selects suites by name prefix', () => {
    expect(selectSuites(SUITES, ['sync']).map((s) => s.name)).toEqual(['sync']);
    expect(selectSuites(SUITES, []).length).toBe(SUITES.length);
    expect(selectSuites(SUITES, ['nothing-like-this'])).toEqual([]);
  });

  it('sync: clients edit through both servers, nothing dropped or diverged', async () => {
    const rows = await suite('sync').run(ctx);
    const ref = /· reference$/;
    const p50 = pick(rows, ref, 'latency p50').value;
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(5000);
    expect(pick(rows, ref, 'latency p99').value).toBeGreaterThanOrEqual(p50);
    expect(pick(rows, ref, 'receipts measured').value).toBeGreaterThan(0);
    expect(pick(rows, ref, 'dropped updates').value).toBe(0);
    expect(pick(rows, ref, 'diverged rooms').value).toBe(0);
    expect(pick(rows, ref, 'server peak RSS').value).toBeGreaterThan(10);
    const ours = /· werkbank$/;
    expect(pick(rows, ours, 'receipts measured').value).toBeGreaterThan(0);
    expect(pick(rows, ours, 'dropped updates').value).toBe(0);
    expect(pick(rows, ours, 'diverged rooms').value).toBe(0);
    expect(pick(rows, ours, 'latency p50').reference).toBe(p50);
    // The app's own provider (web/sync/provider.ts) beside stock clients: it sends only its own
    // awareness, so the server takes in fewer bytes; nothing is lost either way.
    const app = /the app's client$/;
    const stock = /stock clients$/;
    expect(pick(rows, app, 'server bytes in').value).toBeLessThan(
      pick(rows, stock, 'server bytes in').value,
    );
    expect(pick(rows, app, 'cursor latency p50').value).toBeGreaterThan(0);
    expect(pick(rows, app, 'dropped updates').value).toBe(0);
    expect(pick(rows, stock, 'dropped updates').value).toBe(0);
  }, 180_000);

  it('load: a board written through the server comes back whole after a restart', async () => {
    const rows = await suite('load').run(ctx);
    // Both rooms start as the same stage board (its template), then get the 100 stickies.
    const ref = pick(rows, /· reference$/, 'elements loaded');
    expect(ref.value).toBeGreaterThanOrEqual(100);
    expect(ref.pass).toBe(true);
    expect(pick(rows, /· reference$/, 'room open, cold (all content)').value).toBeGreaterThan(0);
    const ours = pick(rows, /· werkbank$/, 'elements loaded');
    expect(ours.value).toBeGreaterThanOrEqual(100);
    expect(ours.pass).toBe(true);
  }, 120_000);

  it('size: write-on-drop is smaller than writing every pointer move', async () => {
    const rows = await suite('size').run(ctx);
    const fresh = pick(rows, /no drags/, 'bytes per element').value;
    expect(fresh).toBeGreaterThan(50);
    expect(fresh).toBeLessThan(2000);
    const drop = pick(rows, /write on drop/, 'doc size');
    expect(drop.reference).toBeGreaterThan(drop.value);
    // What the server stores once the idle board is compacted is smaller than the live doc.
    const stored = pick(rows, /stored \(idle board compacted\)/, 'doc size');
    expect(stored.value).toBeLessThan(drop.value);
  }, 60_000);

  it('bundle: the first page has scripts and gzip shrinks them', async () => {
    const rows = await suite('bundle').run(ctx);
    const gz = pick(rows, /first page/, 'gzip size').value;
    const raw = pick(rows, /first page/, 'raw size').value;
    expect(gz).toBeGreaterThan(1);
    expect(gz).toBeLessThan(raw);
  }, 120_000);

  it('render: Chromium pans and zooms the naive baseline and counts moving frames', async () => {
    const rows = await suite('render').run(ctx);
    const naive = /· naive Konva$/;
    expect(pick(rows, naive, 'first render').value).toBeGreaterThan(0);
    expect(pick(rows, naive, 'JS heap after load').value).toBeGreaterThan(0.1);
    const moving = pick(rows, naive, 'pan 100 %, moving fps').value;
    const raf = pick(rows, naive, 'pan 100 %, rAF fps').value;
    expect(moving).toBeGreaterThan(1);
    // A moving frame is a rAF frame whose view changed: never more of them than frames.
    expect(moving).toBeLessThanOrEqual(raf + 0.5);
    expect(pick(rows, naive, 'zoom, moving fps').value).toBeGreaterThan(1);
    expect(pick(rows, naive, 'pan + 20 edits/s, moving fps').value).toBeGreaterThan(1);
    // Werkbank is measured through the real app (the suite throws when the app opens no board):
    // its rows exist, with moving frames, and the first render saw the seeded stickies drawn.
    const ours = /· werkbank$/;
    expect(pick(rows, ours, 'first render').value).toBeGreaterThan(0);
    expect(pick(rows, ours, 'first render').note ?? '').not.toMatch(/not measured/);
    expect(pick(rows, ours, 'pan 100 %, moving fps').value).toBeGreaterThan(1);
  }, 180_000);

  it('coldopen: a participant opens the board from the server; drawn and editable', async () => {
    const rows = await suite('coldopen').run(ctx);
    const cold = /cold room, fresh profile$/;
    const drawn = pick(rows, cold, 'all in view drawn').value;
    const live = pick(rows, cold, 'editable (document synced and shown)').value;
    expect(drawn).toBeGreaterThan(0);
    // The app's mark exists (the suite throws without it); which comes first is not asserted.
    expect(live).toBeGreaterThan(0);
    expect(pick(rows, cold, 'received over the sockets').value).toBeGreaterThan(1);
    expect(pick(rows, /warm room, fresh profile$/, 'all in view drawn').value).toBeGreaterThan(0);
    // The figures say which picture the board was drawn from: a room nobody has open is shown
    // from the one its store kept; the second open finds the room loaded.
    expect(pick(rows, cold, 'all in view drawn').note).toMatch(/^snapshot from the stored picture/);
    expect(pick(rows, /warm room, fresh profile$/, 'all in view drawn').note).toMatch(
      /^snapshot from the live picture/,
    );
  }, 240_000);

  it('clustering: reports figures or says why not', async () => {
    const rows = await suite('clustering').run(ctx);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number.isFinite(r.value) || Boolean(r.note)).toBe(true);
  }, 60_000);

  it('scale: one and three instances on PostgreSQL + Redis drop nothing; a fresh one serves the room', async () => {
    const rows = await suite('scale').run(ctx);
    for (const who of [/· 1 instance$/, /· 3 instances$/]) {
      expect(pick(rows, who, 'receipts').value).toBeGreaterThan(0);
      expect(pick(rows, who, 'dropped updates').value).toBe(0);
      expect(pick(rows, who, 'diverged rooms').value).toBe(0);
    }
    expect(pick(rows, /· 3 instances$/, 'latency p99').reference).toBeGreaterThan(0);
    expect(
      pick(rows, /fresh instance/, 'first client synced (room from PostgreSQL)').value,
    ).toBeGreaterThan(0);
  }, 180_000);

  it('the CLI prints a table and writes the run with machine info', () => {
    const out = join(tmpDir, 'cli');
    const stdout = execFileSync(
      join(root, 'node_modules/.bin/tsx'),
      ['test/bench/run.ts', 'size', '--quick', '--out', out],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(stdout).toContain('== size ==');
    const run = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as RunRecord;
    expect(run.quick).toBe(true);
    expect(run.suites).toEqual(['size']);
    expect(run.machine.cpus).toBeGreaterThan(0);
    expect(run.machine.node).toBe(process.version);
    expect(run.rows.length).toBeGreaterThan(3);
    expect(run.errors).toEqual([]);
  }, 60_000);
});
