/**
 * The category suggester's figures for `npm run bench` (issue 15), never asserted in `npm test`:
 *
 * - on the corpus's held-out quarter (workshops/clustering/corpus.json, every fourth idea of each
 *   category's first list; never trained or tuned on): accuracy of the best guess, precision of the
 *   confident ("clearly" or "probably") guesses, and coverage (the share with a confident guess);
 * - the same on a second held-out set (workshops/clustering/fresh.json), written after the first
 *   figures and before any tuning, to see whether the work overfitted the first;
 * - on one workshop's ideas (test/fixtures/ideas-eval.json, `workshop`: a room with its own firms
 *   and words) after 0, 3, 6 and 12 of them were sorted by hand, measured on its last 24;
 * - the time to suggest for 500 ideas.
 *
 * "Before" is the lexicon-only suggester as it was at commit BASELINE (read from git into a
 * scratch folder and run as it was: it left an idea without a suggestion when unsure).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CategoryId, Evaluation, Example, Idea } from '../../workshops';
import { CATEGORY_IDS, evaluateSuggestions, suggestCategories } from '../../workshops';
import { buildSuggester } from '../../workshops/clustering/suggest';
import { corpusSplit, featurize, train } from '../../workshops/clustering/model';
import fresh from '../../workshops/clustering/fresh.json';
import evalSet from '../fixtures/ideas-eval.json';
import type { Row, SuiteContext } from './lib/types';
import { atLeast, atMost, row } from './lib/types';

/** The last commit with the lexicon-only suggester. */
const BASELINE = '9cf0fac242376df6333c9d9a79bdc35bc3b65cf8';
const BASELINE_FILES = [
  'workshops/categories.ts',
  'workshops/i18n.ts',
  'workshops/clustering/suggest.ts',
  'workshops/clustering/lexicon.ts',
  'workshops/clustering/types.d.ts',
];

type Labelled = Idea & { label: CategoryId };
type OldSuggest = (ideas: Idea[]) => Array<{ category: CategoryId | null }>;

async function loadBaseline(ctx: SuiteContext): Promise<OldSuggest> {
  const dir = join(ctx.tmpDir, 'clustering-baseline');
  for (const file of BASELINE_FILES) {
    const text = execFileSync('git', ['show', `${BASELINE}:${file}`], {
      cwd: ctx.root,
      encoding: 'utf8',
    });
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  symlinkSync(join(ctx.root, 'node_modules'), join(dir, 'node_modules'));
  const mod = (await import(pathToFileURL(join(dir, 'workshops/clustering/suggest.ts')).href)) as {
    suggestCategories: OldSuggest;
  };
  return mod.suggestCategories;
}

const GOALS = {
  accuracy: atLeast(90, '%'),
  precision: atLeast(95, '%'),
  coverage: atLeast(95, '%'),
};

function figures(
  scenario: string,
  after: Evaluation,
  before: Evaluation | null,
  beforeLabel: string,
): Row[] {
  return (['accuracy', 'precision', 'coverage'] as const).map((metric) =>
    row(
      'clustering',
      scenario,
      metric === 'precision' ? 'precision of confident guesses' : metric,
      Math.round(after[metric] * 1000) / 10,
      '%',
      {
        goal: GOALS[metric],
        ...(before
          ? { reference: Math.round(before[metric] * 1000) / 10, referenceLabel: beforeLabel }
          : {}),
      },
    ),
  );
}

export async function runClusteringBench(ctx: SuiteContext): Promise<Row[]> {
  const rows: Row[] = [];
  let baseline: OldSuggest | null = null;
  try {
    baseline = await loadBaseline(ctx);
  } catch (err) {
    ctx.log(`clustering: no baseline from git (${String(err)})`);
  }
  const before = (set: readonly Labelled[]) =>
    baseline ? evaluateSuggestions(set, baseline(set.map(({ id, text }) => ({ id, text })))) : null;
  const label = `lexicon only (${BASELINE.slice(0, 7)})`;

  const { heldOut } = corpusSplit();
  rows.push(
    ...figures(
      `corpus held out (${heldOut.length} ideas)`,
      evaluateSuggestions(heldOut, suggestCategories(heldOut)),
      before(heldOut),
      label,
    ),
  );
  const second: Labelled[] = CATEGORY_IDS.flatMap((label) =>
    fresh[label].map((text, i) => ({ id: `fresh-${label}-${i}`, text, label })),
  );
  rows.push(
    ...figures(
      `second held-out set (${second.length} ideas)`,
      evaluateSuggestions(second, suggestCategories(second)),
      before(second),
      label,
    ),
  );
  const old = evalSet.ideas as Labelled[];
  rows.push(
    ...figures(
      `first labelled set (${old.length}, written with the lexicon)`,
      evaluateSuggestions(old, suggestCategories(old)),
      before(old),
      label,
    ),
  );

  // Learning from the room: the first k ideas sorted by hand, measured on the last 24.
  const room = evalSet.workshop.ideas as Labelled[];
  const rest = room.slice(12);
  const alone = evaluateSuggestions(rest, suggestCategories(rest));
  for (const k of [0, 3, 6, 12]) {
    const examples: Example[] = room.slice(0, k).map((i) => ({ text: i.text, category: i.label }));
    rows.push(
      ...figures(
        `workshop, ${k} sorted by hand (last ${rest.length} ideas)`,
        evaluateSuggestions(rest, suggestCategories(rest, { examples })),
        k === 0 ? before(rest) : alone,
        k === 0 ? label : 'same suggester, 0 sorted',
      ),
    );
  }

  // Time for 500 ideas (the corpus and the workshop, repeated), without and with 12 examples.
  const pool = [...corpusSplit().train, ...heldOut, ...room];
  const ideas = Array.from({ length: 500 }, (_, i) => {
    const idea = pool[i % pool.length] as Labelled;
    return { id: `b${i}`, text: i < pool.length ? idea.text : `${idea.text} (${i})` };
  });
  const examples = room.slice(0, 12).map((i) => ({ text: i.text, category: i.label }));
  const time = (f: () => void) => {
    const runs: number[] = [];
    for (let r = 0; r < (ctx.quick ? 1 : 5); r++) {
      const t0 = performance.now();
      f();
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
  };
  rows.push(
    row(
      'clustering',
      '500 ideas',
      'suggest time',
      time(() => suggestCategories(ideas)),
      'ms',
      {
        goal: atMost(1000, 'ms'),
        ...(baseline ? { reference: time(() => baseline?.(ideas)), referenceLabel: label } : {}),
      },
    ),
    row(
      'clustering',
      '500 ideas, 12 sorted by hand',
      'suggest time',
      time(() => suggestCategories(ideas, { examples })),
      'ms',
      { goal: atMost(1000, 'ms') },
    ),
    row(
      'clustering',
      `counting at import, in the browser (${corpusSplit().train.length} ideas)`,
      'time',
      time(() =>
        train(corpusSplit().train.map((i) => ({ idea: featurize(i.text), label: i.label }))),
      ),
      'ms',
    ),
    row(
      'clustering',
      `training + calibration, offline (${corpusSplit().train.length} ideas)`,
      'time',
      time(() => buildSuggester(corpusSplit().train)),
      'ms',
    ),
  );
  return rows;
}
