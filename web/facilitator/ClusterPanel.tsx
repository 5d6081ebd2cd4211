/**
 * Clustering on the ideate board: suggestions for the unsorted stickies with their reasons;
 * accept one, accept all, or choose another category. Nothing moves until accepted; accepting
 * sets the sticky's category and lays it out in its lane, for everyone.
 */
import { useEffect, useState } from 'react';
import type { CategoryId, FrameElement, StickyElement, Suggestion } from '../../workshops';
import { CATEGORIES, CATEGORY_IDS, centreIn, localize, readElements } from '../../workshops';
import { useWorkshop } from '../app/context';
import { currentLanguage, useT } from '../i18n';
import { FACILITATOR_NS } from './strings';
import type * as ClusteringModule from '../../workshops/clustering';

const GAP = 16;

type Clustering = typeof ClusteringModule;
let clusteringModule: Promise<Clustering> | null = null;

/**
 * The suggester (stemmers and stopword lists, most of a megabyte) loads only when a
 * facilitator opens this panel, never with the board everyone else opens.
 */
function useClustering(): Clustering | null {
  const [mod, setMod] = useState<Clustering | null>(null);
  useEffect(() => {
    let live = true;
    clusteringModule ??= import('../../workshops/clustering');
    void clusteringModule.then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, []);
  return mod;
}

/** Stickies whose centre is in no category lane (the brainstorm area or the "not yet sorted" lane). */
function unsortedStickies(elements: Iterable<unknown>, lanes: FrameElement[]): StickyElement[] {
  const sorted = lanes.filter((l) => l.lane && l.lane !== 'unsorted');
  return [...elements].filter((e): e is StickyElement => {
    const s = e as StickyElement;
    if (s.type !== 'sticky' || s.templateId || s.category) return false;
    return !sorted.some((l) => centreIn(s, l));
  });
}

export function ClusterPanel() {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const lang = currentLanguage();
  const board = ctx.board;
  const clustering = useClustering();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [overrides, setOverrides] = useState<Record<string, CategoryId>>({});
  // Near-duplicates within each category, found when the facilitator clusters (suggest, accept):
  // the panel never re-renders on the board's edits, so a busy board costs it nothing.
  const [duplicates, setDuplicates] = useState<ReadonlySet<string>>(new Set());
  // Read from the board as it is when the facilitator acts.
  const lanesNow = () =>
    [...board.state.elements.values()].filter(
      (e): e is FrameElement => e.type === 'frame' && !!e.lane,
    );

  const suggest = () => {
    if (!clustering) return;
    const ideas = unsortedStickies(board.state.elements.values(), lanesNow()).map((s) => ({
      id: s.id,
      text: s.text,
    }));
    setSuggestions(clustering.suggestCategories(ideas, lang));
    setOverrides({});
    findDuplicates();
  };

  const findDuplicates = () => {
    if (!clustering) return;
    // From the doc: the store takes an accept's changes only with the next frame.
    const stickies = readElements(board.doc).filter(
      (e): e is StickyElement => e.type === 'sticky' && !!e.category,
    );
    const inCategory = (c: CategoryId) =>
      stickies.filter((s) => s.category === c).map((s) => ({ id: s.id, text: s.text }));
    setDuplicates(
      new Set(
        CATEGORY_IDS.flatMap((c) => clustering.findNearDuplicates(inCategory(c), lang).flat()),
      ),
    );
  };

  /** Sets the category and puts the sticky in the next free cell of its lane's grid. */
  const accept = (items: Array<{ id: string; category: CategoryId }>) => {
    const lanes = lanesNow();
    const laneFor = (c: CategoryId) => lanes.find((l) => l.lane === c);
    board.transact(() => {
      for (const { id, category } of items) {
        const sticky = board.get(id);
        const lane = laneFor(category);
        if (!sticky || sticky.type !== 'sticky') continue;
        if (!lane) {
          board.update(id, { category });
          continue;
        }
        const inLane =
          [...board.state.elements.values()].filter(
            (e) => e.type === 'sticky' && e.id !== id && centreIn(e, lane),
          ).length + items.findIndex((i) => i.id === id);
        const cols = Math.max(1, Math.floor((lane.w - GAP) / (sticky.w + GAP)));
        const col = inLane % cols;
        const row = Math.floor(inLane / cols);
        board.update(id, {
          category,
          x: lane.x + GAP + col * (sticky.w + GAP),
          y: lane.y + 60 + row * (sticky.h + GAP),
        });
      }
    });
    setSuggestions((prev) => prev?.filter((s) => !items.some((i) => i.id === s.id)) ?? null);
    findDuplicates();
  };

  const chosen = (s: Suggestion) => overrides[s.id] ?? s.category;
  const textOf = (id: string) => {
    const el = board.get(id);
    return el?.type === 'sticky' ? el.text : '';
  };
  return (
    <section className="fp-section" aria-label={t('cluster.title')}>
      <h3>{t('cluster.title')}</h3>
      <div className="fp-row">
        <button type="button" className="btn" onClick={suggest} disabled={!clustering}>
          {t('cluster.suggest')}
        </button>
        {suggestions && suggestions.some((s) => chosen(s)) && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              accept(
                suggestions.flatMap((s) =>
                  chosen(s) ? [{ id: s.id, category: chosen(s) as CategoryId }] : [],
                ),
              )
            }
          >
            {t('cluster.acceptAll')}
          </button>
        )}
      </div>
      {suggestions?.length === 0 && <p className="fp-note">{t('cluster.none')}</p>}
      {suggestions && suggestions.length > 0 && (
        <ul className="fp-suggestions">
          {suggestions.map((s) => (
            <li key={s.id}>
              <p className="fp-idea">{textOf(s.id) || '—'}</p>
              <div className="fp-row">
                <select
                  aria-label={t('cluster.title')}
                  value={chosen(s) ?? ''}
                  onChange={(e) =>
                    setOverrides((o) => ({ ...o, [s.id]: e.target.value as CategoryId }))
                  }
                >
                  <option value="">{t('cluster.unsure')}</option>
                  {CATEGORY_IDS.map((c) => (
                    <option key={c} value={c}>
                      {localize(CATEGORIES[c].label, lang)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn"
                  disabled={!chosen(s)}
                  onClick={() => accept([{ id: s.id, category: chosen(s) as CategoryId }])}
                >
                  {t('cluster.accept')}
                </button>
              </div>
              <small className="fp-reasons">
                {Math.round(s.confidence * 100)}% ·{' '}
                {t('cluster.because', { reasons: s.reasons.join('; ') })}
              </small>
            </li>
          ))}
        </ul>
      )}
      {duplicates.size > 0 && (
        <p className="fp-note">
          {t('cluster.duplicate')}: {[...duplicates].map(textOf).join(' · ')}
        </p>
      )}
    </section>
  );
}
