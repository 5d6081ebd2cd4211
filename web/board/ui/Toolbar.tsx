import { useId, useState } from 'react';
import type { StickyColor } from '../../../workshops';
import { BLOCK_CATALOGUE, STICKY_COLORS, STICKY_FILL, localize } from '../../../workshops';
import { currentLanguage, useT } from '../../i18n';
import type { Board } from '../board';
import { canRun, displayShortcut, getCommand, runCommand } from '../commands';
import { BOARD_NS } from '../strings';
import type { ToolId } from '../types';
import { useBoardState } from '../use-board';
import { ACCESS_NS } from '../access-strings';
import { Icon } from './icons';
import { PHONE_QUERY, useMedia } from './use-media';

const TOOLS: ToolId[] = [
  'select',
  'hand',
  'sticky',
  'text',
  'rect',
  'ellipse',
  'diamond',
  'connector',
  'frame',
  'block',
];

/** On a phone the bar holds these (and undo, redo, "more"); the rest opens in a sheet. */
const COMPACT: ReadonlySet<ToolId> = new Set(['select', 'sticky', 'text']);

/**
 * The tool bar: tools, sticky colours, building blocks, undo/redo — all through commands. On a
 * phone it fits without scrolling sideways: a compact set, the other tools and the colours in a
 * sheet above it ("more").
 */
export function Toolbar({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const tool = useBoardState(board, (s) => s.tool);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const color = useBoardState(board, (s) => s.stickyColor);
  const blockKindId = useBoardState(board, (s) => s.blockKind);
  useBoardState(board, (s) => s.canUndo);
  useBoardState(board, (s) => s.canRedo);
  const [palette, setPalette] = useState(false);
  const lang = currentLanguage();
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS;

  const { t: ta } = useT(ACCESS_NS);
  const phone = useMedia(PHONE_QUERY);
  const [sheet, setSheet] = useState(false);
  const sheetId = useId();
  const shown = phone ? tools.filter((id) => COMPACT.has(id)) : tools;
  const rest = phone ? tools.filter((id) => !COMPACT.has(id)) : [];

  // On a phone no shortcut in the name: there is no keyboard to press it on.
  const labelOf = (cmd: ReturnType<typeof getCommand>) =>
    phone ? t(cmd.label) : `${t(cmd.label)} (${displayShortcut(cmd.shortcuts[0] ?? '')})`;

  const toolButton = (id: ToolId) => {
    const cmd = getCommand(`tool.${id}`);
    const label = labelOf(cmd);
    return (
      <button
        key={id}
        type="button"
        className={`wb-tool${tool === id ? ' is-active' : ''}`}
        aria-pressed={tool === id}
        aria-label={label}
        title={label}
        data-tool={id}
        onClick={() => {
          runCommand(board, cmd.id, 'toolbar');
          if (id === 'block') setPalette((p) => !p);
          else setPalette(false);
          if (id !== 'block') setSheet(false);
        }}
      >
        <Icon name={id} />
      </button>
    );
  };

  const swatches = (
    <div className="wb-swatches" role="radiogroup" aria-label={t('tools.colour')}>
      {STICKY_COLORS.map((c: StickyColor) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={color === c}
          aria-label={t(`colors.${c}`)}
          title={t(`colors.${c}`)}
          className={`wb-swatch${color === c ? ' is-active' : ''}`}
          style={{ background: STICKY_FILL[c] }}
          onClick={() => {
            board.store.setState({ stickyColor: c });
            const sel = [...board.state.selection].filter((id) => board.get(id)?.type === 'sticky');
            if (sel.length)
              board.transact(() => sel.forEach((id) => board.update(id, { color: c })));
            else board.setTool('sticky');
            setSheet(false);
          }}
        />
      ))}
    </div>
  );

  return (
    <div
      className={`wb-toolbar${phone ? ' is-compact' : ''}`}
      role="toolbar"
      aria-label={t('groups.tools')}
    >
      {shown.map(toolButton)}
      {!readOnly && (
        <>
          {!phone && (
            <>
              <span className="wb-sep" />
              {swatches}
            </>
          )}
          <span className="wb-sep" />
          {(['edit.undo', 'edit.redo'] as const).map((id) => {
            const cmd = getCommand(id);
            const label = labelOf(cmd);
            return (
              <button
                key={id}
                type="button"
                className="wb-tool"
                aria-label={label}
                title={label}
                disabled={!canRun(board, id)}
                onClick={() => runCommand(board, id, 'toolbar')}
              >
                <Icon name={id === 'edit.undo' ? 'undo' : 'redo'} />
              </button>
            );
          })}
        </>
      )}
      {phone && (rest.length > 0 || !readOnly) && (
        <button
          type="button"
          className={`wb-tool wb-more${sheet ? ' is-active' : ''}`}
          aria-label={ta('more')}
          title={ta('more')}
          aria-expanded={sheet}
          aria-controls={sheetId}
          data-tool="more"
          onClick={() => setSheet((v) => !v)}
        >
          <span
            className="wb-more-colour"
            aria-hidden="true"
            style={{ background: STICKY_FILL[color] }}
          />
          <Icon name="more" />
        </button>
      )}
      {phone && sheet && (
        <div
          id={sheetId}
          className="wb-sheet"
          role="dialog"
          aria-label={ta('sheet')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setSheet(false);
            }
          }}
        >
          <div className="wb-sheet-tools">{rest.map(toolButton)}</div>
          {!readOnly && swatches}
          <button type="button" className="wb-sheet-close" onClick={() => setSheet(false)}>
            {ta('closeSheet')}
          </button>
        </div>
      )}
      {palette && tool === 'block' && (
        <div className="wb-palette" role="listbox" aria-label={t('blocks')}>
          {BLOCK_CATALOGUE.map((k) => (
            <button
              key={k.id}
              type="button"
              role="option"
              aria-selected={blockKindId === k.id}
              className={`wb-palette-item${blockKindId === k.id ? ' is-active' : ''}`}
              title={localize(k.description, lang)}
              onClick={() => board.store.setState({ blockKind: k.id, tool: 'block' })}
            >
              <span className={`wb-block-chip shape-${k.shape}`} style={{ background: k.color }}>
                {k.icon}
              </span>
              <span>{localize(k.label, lang)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
