import type { StickyColor } from '../../../workshops';
import { STICKY_COLORS, STICKY_FILL } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { canRun, displayShortcut, getCommand, runCommand } from '../commands';
import { BOARD_NS } from '../strings';
import type { ToolId } from '../types';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

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

/**
 * The tool bar: tools, sticky colours, undo/redo — all through commands. The building-block
 * button opens the palette (BlockPalette.tsx), drawn beside the bar so its overflow clips nothing.
 */
export function Toolbar({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const tool = useBoardState(board, (s) => s.tool);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const color = useBoardState(board, (s) => s.stickyColor);
  const paletteOpen = useBoardState(board, (s) => s.paletteOpen);
  useBoardState(board, (s) => s.canUndo);
  useBoardState(board, (s) => s.canRedo);
  const tools = readOnly ? TOOLS.slice(0, 2) : TOOLS;

  return (
    <div className="wb-toolbar" role="toolbar" aria-label={t('groups.tools')}>
      {tools.map((id) => {
        const cmd = getCommand(`tool.${id}`);
        const label = `${t(cmd.label)} (${displayShortcut(cmd.shortcuts[0] ?? '')})`;
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
              runCommand(board, cmd.id, 'toolbar');
            }}
          >
            <Icon name={id} />
          </button>
        );
      })}
      {!readOnly && (
        <>
          <span className="wb-sep" />
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
                  const sel = [...board.state.selection].filter(
                    (id) => board.get(id)?.type === 'sticky',
                  );
                  if (sel.length)
                    board.transact(() => sel.forEach((id) => board.update(id, { color: c })));
                  else board.setTool('sticky');
                }}
              />
            ))}
          </div>
          <span className="wb-sep" />
          {(['edit.undo', 'edit.redo'] as const).map((id) => {
            const cmd = getCommand(id);
            const label = `${t(cmd.label)} (${displayShortcut(cmd.shortcuts[0] ?? '')})`;
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
    </div>
  );
}
