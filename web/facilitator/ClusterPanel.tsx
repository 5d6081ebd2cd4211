/**
 * Clustering on the ideate board: a best guess for every unsorted idea, with its confidence in
 * words and its reasons in the reader's language; the confident ones first, the unsure ones
 * together at the end for the facilitator to decide; near-duplicates offered to be stacked.
 * Nothing moves until accepted; accepting sets the idea's category and lays it out in a grid in
 * its lane (workshops/clustering/layout.ts), for everyone. Only the session's own ideas move:
 * challenges carried in from session 2 (`source`) and template notes stay put. Every idea
 * placed in a lane — accepted here or dragged there by anyone — is an example the next
 * suggestions learn from.
 */
import { useEffect, useState } from 'react';
import type { Box, CategoryId, Element, Example, StickyElement, Suggestion } from '../../workshops';
import { CATEGORIES, CATEGORY_IDS, centreIn, localize, readElements } from '../../workshops';
import { useWorkshop } from '../app/context';
import { currentLanguage, useT } from '../i18n';
import { CLUSTER_NS } from './cluster-strings';
import type * as ClusteringModule from '../../workshops/clustering';

type Clustering = typeof ClusteringModule;
let clusteringModule: Promise<Clustering> | null = null;

/**
 * The suggester (stemmers, stopword lists and the corpus it trains on) loads only when a
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

/** A participant's idea: not seeded by the template, not carried in from an earlier session. */
const isIdea = (e: Element): e is StickyElement =>
  e.type === 'sticky' && !e.templateId && !e.source;

const categoryLanes = (elements: readonly Element[]) =>
  elements.filter(
    (e): e is Extract<Element, { type: 'frame' }> =>
      e.type === 'frame' && !!e.lane && e.lane !== 'unsorted',
  );

/** Ideas in no category lane and without a category (the brainstorm area, "not yet sorted"). */
function unsortedIdeas(elements: readonly Element[]): StickyElement[] {
  const lanes = categoryLanes(elements);
  return elements.filter(
    (e): e is StickyElement => isIdea(e) && !e.category && !lanes.some((l) => centreIn(e, l)),
  );
}

/** The room's own sorting: every idea that has a category. */
const examplesOf = (elements: readonly Element[]): Example[] =>
  elements.flatMap((e) =>
    isIdea(e) && e.category ? [{ text: e.text, category: e.category }] : [],
  );

/** Whether a group of look-alikes already lies stacked (each within a corner's reach of the first). */
function isStack(group: readonly string[], elements: readonly Element[]): boolean {
  const at = (id: string) => elements.find((e) => e.id === id);
  const first = at(group[0] ?? '');
  return group.every((id) => {
    const e = at(id);
    return !!e && !!first && Math.abs(e.x - first.x) <= 40 && Math.abs(e.y - first.y) <= 40;
  });
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A guess is never shown as certain: 99.6 % reads as 99 %, not 100 %. */
const pct = (p: number) => `${Math.min(99, Math.round(p * 100))} %`;

export function ClusterPanel() {
  const ctx = useWorkshop();
  const { t } = useT(CLUSTER_NS);
  const lang = currentLanguage();
  const board = ctx.board;
  const clustering = useClustering();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [learnedFrom, setLearnedFrom] = useState(0);
  const [overrides, setOverrides] = useState<Record<string, CategoryId>>({});
  const [duplicates, setDuplicates] = useState<string[][]>([]);
  // Read from the doc as it is when the facilitator acts: the store takes an accept's changes
  // only with the next frame, and the panel never re-renders on the board's edits.
  const elementsNow = () => readElements(board.doc);

  /** Suggestions for `ids` (default: every unsorted idea), learning from the room's examples. */
  const suggest = (ids?: readonly string[]) => {
    if (!clustering) return;
    const elements = elementsNow();
    const unsorted = unsortedIdeas(elements);
    const ideas = ids ? unsorted.filter((s) => ids.includes(s.id)) : unsorted;
    const examples = examplesOf(elements);
    setSuggestions(
      clustering.suggestCategories(
        ideas.map((s) => ({ id: s.id, text: s.text })),
        { lang, examples },
      ),
    );
    setLearnedFrom(examples.length);
    setDuplicates(
      clustering
        .findNearDuplicates(elements.filter(isIdea).map((s) => ({ id: s.id, text: s.text })))
        .filter((group) => group.some((id) => ideas.some((i) => i.id === id)))
        .filter((group) => !isStack(group, elements)),
    );
  };

  // The reasons are written in the reader's language: write them again when it changes.
  useEffect(() => {
    if (suggestions) suggest(suggestions.map((s) => s.id));
    // Only on a change of language: suggest reads everything else when it runs.
  }, [lang]);

  /** Sets the categories and lays the ideas out in a grid in their lanes, in one transaction. */
  const accept = (items: Array<{ id: string; category: CategoryId }>) => {
    if (!clustering) return;
    const elements = elementsNow();
    const byId = new Map(elements.map((e) => [e.id, e]));
    const moving = items.filter((i) => {
      const el = byId.get(i.id);
      return el !== undefined && isIdea(el);
    });
    const movingIds = new Set(moving.map((i) => i.id));
    const lanes = categoryLanes(elements);
    board.transact(() => {
      for (const category of CATEGORY_IDS) {
        const mine = moving.filter((i) => i.category === category);
        if (!mine.length) continue;
        const lane = lanes.find((l) => l.lane === category);
        if (!lane) {
          for (const { id } of mine) board.update(id, { category });
          continue;
        }
        const occupied = elements.filter(
          (e) => e.type !== 'frame' && !movingIds.has(e.id) && intersects(e, lane),
        );
        const layout = clustering.laneSlots(
          lane,
          occupied,
          mine.map(({ id }) => {
            const el = byId.get(id) as StickyElement;
            return { id, w: el.w, h: el.h };
          }),
        );
        if (layout.laneHeight > lane.h) board.update(lane.id, { h: layout.laneHeight });
        for (const { id, x, y } of layout.slots) board.update(id, { category, x, y });
      }
    });
    setOverrides((o) => Object.fromEntries(Object.entries(o).filter(([id]) => !movingIds.has(id))));
    // Learn at once: the rest are suggested again with these ideas as examples.
    const rest = (suggestions ?? []).filter((s) => !movingIds.has(s.id)).map((s) => s.id);
    suggest(rest);
  };

  /** Stacks a group of look-alikes on its first idea (slightly offset, so each stays visible). */
  const stack = (group: string[]) => {
    const elements = elementsNow();
    const first = elements.find((e) => e.id === group[0]);
    if (!first || first.type !== 'sticky') return;
    board.transact(() =>
      group.slice(1).forEach((id, i) =>
        board.update(id, {
          x: first.x + 12 * (i + 1),
          y: first.y + 12 * (i + 1),
          ...(first.category ? { category: first.category } : {}),
        }),
      ),
    );
    suggest((suggestions ?? []).map((s) => s.id));
  };

  const chosen = (s: Suggestion): CategoryId | null =>
    overrides[s.id] ?? (s.certainty === 'unsure' ? null : s.category);
  const textOf = (id: string) => {
    const el = board.get(id);
    return el?.type === 'sticky' ? el.text : '';
  };
  const short = (c: CategoryId) => localize(CATEGORIES[c].short, lang);
  const confident = suggestions?.filter((s) => s.certainty !== 'unsure') ?? [];
  const unsure = suggestions?.filter((s) => s.certainty === 'unsure') ?? [];
  const acceptable = (suggestions ?? []).flatMap((s) => {
    const c = chosen(s);
    return c ? [{ id: s.id, category: c }] : [];
  });

  const item = (s: Suggestion) => {
    const c = chosen(s);
    const w = clustering ? localize(clustering.CERTAINTY_WORDS[s.certainty], lang) : '';
    const word = w.charAt(0).toUpperCase() + w.slice(1);
    return (
      <li key={s.id} data-certainty={s.certainty}>
        <p className="fp-idea">{textOf(s.id) || '—'}</p>
        <p className="fp-note" style={{ margin: '0 0 6px' }}>
          <strong style={{ color: CATEGORIES[s.category].color }}>●</strong>{' '}
          {s.certainty === 'unsure'
            ? `${word}: ${t('maybe', { category: short(s.category) })}`
            : `${word}: ${short(s.category)}`}{' '}
          ({pct(s.confidence)})
        </p>
        <div className="fp-row">
          <select
            aria-label={t('choose')}
            value={c ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              setOverrides((o) => {
                const next = { ...o };
                if (value) next[s.id] = value as CategoryId;
                else delete next[s.id];
                return next;
              });
            }}
          >
            <option value="">{t('pick')}</option>
            {CATEGORY_IDS.map((id) => (
              <option key={id} value={id}>
                {localize(CATEGORIES[id].label, lang)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn"
            disabled={!c}
            onClick={() => c && accept([{ id: s.id, category: c }])}
          >
            {t('accept')}
          </button>
        </div>
        <small className="fp-reasons">{s.reasons.join('; ')}</small>
      </li>
    );
  };

  return (
    <section className="fp-section" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <div className="fp-row">
        <button type="button" className="btn" onClick={() => suggest()} disabled={!clustering}>
          {suggestions ? t('again') : t('suggest')}
        </button>
        {acceptable.length > 0 && (
          <button type="button" className="btn btn-primary" onClick={() => accept(acceptable)}>
            {t('acceptAll', { count: acceptable.length })}
          </button>
        )}
      </div>
      {!clustering && <p className="fp-note">{t('loading')}</p>}
      {suggestions && learnedFrom > 0 && (
        <p className="fp-note">{t('learned', { count: learnedFrom })}</p>
      )}
      {suggestions?.length === 0 && <p className="fp-note">{t('none')}</p>}
      {confident.length > 0 && (
        <>
          <h4>{t('confident')}</h4>
          <ul className="fp-suggestions" aria-label={t('confident')}>
            {confident.map(item)}
          </ul>
        </>
      )}
      {unsure.length > 0 && (
        <>
          <h4>{t('unsure', { count: unsure.length })}</h4>
          <p className="fp-note">{t('unsureHint')}</p>
          <ul
            className="fp-suggestions fp-unsure"
            aria-label={t('unsure', { count: unsure.length })}
          >
            {unsure.map(item)}
          </ul>
        </>
      )}
      {duplicates.length > 0 && (
        <>
          <h4>{t('duplicates')}</h4>
          <ul className="fp-suggestions">
            {duplicates.map((group) => (
              <li key={group.join(' ')}>
                <p className="fp-note" style={{ margin: '0 0 6px' }}>
                  {group.map((id) => `‘${textOf(id)}’`).join(' · ')}
                </p>
                <button type="button" className="btn" onClick={() => stack(group)}>
                  {t('stack')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
