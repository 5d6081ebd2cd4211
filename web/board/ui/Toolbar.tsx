import { useId, useState } from 'react';
import type { StickyColor } from '../../../workshops';
import { STICKY_COLORS, STICKY_FILL } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { canRun, displayShortcut, getCommand, runCommand } from '../commands';
import { BOARD_NS } from '../strings';
import { PLACE_TOOLS, placeTool } from '../elements';
import type { ToolId } from '../types';
import { useBoardState } from '../use-board';
import { ACCESS_NS } from '../access-strings';
import { Icon } from './icons';
import { PHONE_QUERY, useMedia } from './use-media';

/** The board's own tools, then the placing tools of the element views (by their `order`). */
const TOOLS: ToolId[] = [
  'select',
  'hand',
  ...PLACE_TOOLS.filter((p) => p.tool.order < 60).map((p) => p.id),
  'connector',
  ...PLACE_TOOLS.filter((p) => p.tool.order >= 60).map((p) => p.id),
  'block',
];

/** On a phone the bar holds these (and undo, redo, "more"); the rest opens in a sheet. */
const COMPACT: ReadonlySet<ToolId> = new Set(['select', 'sticky', 'text']);

/**
 * The tool bar: tools, sticky colours, undo/redo — all through commands. The building-block
 * button opens the palette (BlockPalette.tsx), drawn beside the bar so its overflow clips nothing.
 * On a phone the bar fits without scrolling sideways: a compact set, the other tools and the
 * colours in a sheet above it ("more"). A board's own tool (`featured`: the building blocks on
 * the prototype board) stays in the compact set: it is what that session is for.
 */
export function Toolbar({ board, featured }: { board: Board; featured?: ToolId }) {
  const { t } = useT(BOARD_NS);
  const { t: ta } = useT(ACCESS_NS);
  const tool = useBoardState(board, (s) => s.tool);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const color = useBoardState(board, (s) => s.stickyColor);
  const paletteOpen = useBoardState(board, (s) => s.paletteOpen);
  useBoardState(board, (s) => s.canUndo);
  useBoardState(board, (s) => s.canRedo);
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS;

  const phone = useMedia(PHONE_QUERY);
  const [sheet, setSheet] = useState(false);
  const sheetId = useId();
  const compact = (id: ToolId) => COMPACT.has(id) || id === featured;
  const shown = phone ? tools.filter(compact) : tools;
  const rest = phone ? tools.filter((id) => !compact(id)) : [];

  // On a phone no shortcut in the name: there is no keyboard to press it on.
  const labelOf = (cmd: ReturnType<typeof getCommand>) =>
    phone ? t(cmd.label) : `${t(cmd.label)} (${displayShortcut(cmd.shortcuts[0] ?? '')})`;

  const toolButton = (id: ToolId) => {
    const cmd = getCommand(`tool.${id}`);
    const label = labelOf(cmd);
    const active = id === 'block' ? paletteOpen : tool === id && !paletteOpen;
    return (
      <button
        key={id}
        type="button"
        className={`wb-tool${active ? ' is-active' : ''}`}
        aria-pressed={active}
        {...(id === 'block' ? { 'aria-haspopup': 'dialog' as const } : {})}
        aria-label={label}
        title={label}
        data-tool={id}
        onClick={() => {
          if (id !== 'block') board.store.setState({ paletteOpen: false });
          runCommand(board, cmd.id);
          setSheet(false);
        }}
      >
        <Icon name={id} path={placeTool(id)?.tool.icon} />
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
                onClick={() => runCommand(board, id)}
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
    </div>
  );
}
