/**
 * The building-block palette (prototype stage): browse by family (partners, what flows, value
 * and level) or search, then click, tap or press Enter to place the block at the centre of the
 * view (the nearest free spot, inside the design frame there). Rendered beside the toolbar, not
 * in it, so nothing clips it; on a phone it is a bottom sheet that closes after placing.
 *
 * Keyboard: focus stays in the search field (a combobox): ↑/↓ choose, Home/End, Enter places,
 * ←/→ switch family while the field is empty, Escape closes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BlockFamily, BlockKind } from '../../../workshops';
import {
  BLOCK_FAMILIES,
  BLOCK_FAMILY_LABELS,
  BLOCK_GROUP_LABELS,
  FAMILY_GROUPS,
  blockInk,
  blocksInGroup,
  localize,
  searchBlocks,
} from '../../../workshops';
import { currentLanguage, useT } from '../../i18n';
import type { Board } from '../board';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

/** The palette's rows: group headings and the kinds under them. */
type Row = { heading: string } | { kind: BlockKind };

function rowsOf(family: BlockFamily, query: string, lang: 'nl' | 'en', found: string): Row[] {
  if (query.trim()) {
    const hits = searchBlocks(query);
    return hits.length ? [{ heading: found }, ...hits.map((kind) => ({ kind }))] : [];
  }
  return FAMILY_GROUPS[family].flatMap((g) => [
    { heading: localize(BLOCK_GROUP_LABELS[g], lang) },
    ...blocksInGroup(g).map((kind) => ({ kind })),
  ]);
}

const isPhone = () =>
  typeof window !== 'undefined' && window.matchMedia?.('(max-width: 640px)').matches;

export function BlockPalette({ board }: { board: Board }) {
  const open = useBoardState(board, (s) => s.paletteOpen);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  if (!open || readOnly) return null;
  return <PaletteSheet board={board} />;
}

function PaletteSheet({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const lang = currentLanguage();
  const [family, setFamily] = useState<BlockFamily>('partners');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const uid = useId();
  const rows = useMemo(
    () => rowsOf(family, query, lang, t('palette.results')),
    [family, query, lang, t],
  );
  const kinds = rows.flatMap((r) => ('kind' in r ? [r.kind] : []));
  const current = kinds[Math.min(active, kinds.length - 1)];
  const optionId = (k: BlockKind) => `${uid}-${k.id}`;

  // Focus the search field for a keyboard; on a phone the on-screen keyboard would hide the sheet.
  useEffect(() => {
    if (!isPhone()) search.current?.focus();
  }, []);
  useEffect(() => setActive(0), [family, query]);
  useEffect(() => {
    if (!current) return;
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const close = () => board.store.setState({ paletteOpen: false });
  const place = (kind: BlockKind) => {
    board.placeBlock(kind.id);
    // On a phone the sheet covers the board: close it so the new block shows.
    if (isPhone()) close();
  };
  const switchFamily = (step: number) => {
    const i = BLOCK_FAMILIES.indexOf(family);
    const next = BLOCK_FAMILIES[(i + step + BLOCK_FAMILIES.length) % BLOCK_FAMILIES.length];
    if (next) setFamily(next);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    e.stopPropagation();
    const last = kinds.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((a) => Math.min(last, a + 1)),
      ArrowUp: () => setActive((a) => Math.max(0, a - 1)),
      Home: () => setActive(0),
      End: () => setActive(last),
      Enter: () => current && place(current),
      Escape: close,
    };
    if (!query) {
      keys.ArrowRight = () => switchFamily(1);
      keys.ArrowLeft = () => switchFamily(-1);
    }
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="wb-palette" role="dialog" aria-label={t('blocks')} onKeyDown={onKeyDown}>
      <div className="wb-palette-head">
        <Icon name="search" size={18} />
        <input
          ref={search}
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${uid}-list`}
          aria-activedescendant={current ? optionId(current) : undefined}
          aria-label={t('palette.search')}
          placeholder={t('palette.search')}
          title={t('palette.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="wb-palette-close"
          aria-label={t('palette.close')}
          title={`${t('palette.close')} (Esc)`}
          onClick={close}
        >
          <Icon name="close" size={18} />
        </button>
      </div>
      {!query && (
        <div className="wb-palette-tabs" role="tablist" aria-label={t('palette.families')}>
          {BLOCK_FAMILIES.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={family === f}
              aria-controls={`${uid}-list`}
              tabIndex={family === f ? 0 : -1}
              className={`wb-palette-tab${family === f ? ' is-active' : ''}`}
              data-family={f}
              onClick={() => {
                setFamily(f);
                if (!isPhone()) search.current?.focus();
              }}
            >
              {localize(BLOCK_FAMILY_LABELS[f], lang)}
            </button>
          ))}
        </div>
      )}
      <div
        ref={list}
        id={`${uid}-list`}
        className="wb-palette-list"
        role="listbox"
        aria-label={t('blocks')}
      >
        {rows.length === 0 && (
          <p className="wb-palette-empty">{t('palette.noResults', { query })}</p>
        )}
        {rows.map((r) =>
          'heading' in r ? (
            <div key={`h:${r.heading}`} className="wb-palette-heading" role="presentation">
              {r.heading}
            </div>
          ) : (
            <div
              key={r.kind.id}
              id={optionId(r.kind)}
              role="option"
              aria-selected={current === r.kind}
              aria-label={localize(r.kind.label, lang)}
              className={`wb-palette-item${current === r.kind ? ' is-active' : ''}`}
              data-kind={r.kind.id}
              title={t('palette.place', { label: localize(r.kind.label, lang) })}
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(kinds.indexOf(r.kind));
                place(r.kind);
              }}
            >
              <span
                className={`wb-block-chip shape-${r.kind.shape}`}
                style={{ background: r.kind.color, color: blockInk(r.kind.color) }}
                aria-hidden="true"
              >
                {r.kind.icon}
              </span>
              <span className="wb-palette-text">
                <span className="wb-palette-label">{localize(r.kind.label, lang)}</span>
                <span className="wb-palette-desc">{localize(r.kind.description, lang)}</span>
              </span>
            </div>
          ),
        )}
      </div>
    </div>
  );
}
