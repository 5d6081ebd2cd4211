import { useT } from '../../i18n';
import type { Board } from '../board';
import { COMMANDS, canRun, displayShortcut, runCommand } from '../commands';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';

export function ContextMenu({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const at = useBoardState(board, (s) => s.contextMenu);
  useBoardState(board, (s) => s.selection);
  if (!at) return null;
  const items = COMMANDS.filter(
    (c) => (c.inContextMenu || c.id === 'edit.paste') && canRun(board, c.id),
  );
  if (!items.length) return null;
  return (
    <div className="wb-menu" role="menu" style={{ left: at.x, top: at.y }}>
      {items.map((c) => (
        <button
          key={c.id}
          type="button"
          role="menuitem"
          onClick={() => {
            runCommand(board, c.id);
            board.store.setState({ contextMenu: null });
          }}
        >
          <span>{t(c.label)}</span>
          <kbd>{displayShortcut(c.shortcuts[0] ?? '')}</kbd>
        </button>
      ))}
    </div>
  );
}
