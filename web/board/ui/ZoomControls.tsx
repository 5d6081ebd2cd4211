import { useT } from '../../i18n';
import type { Board } from '../board';
import { runCommand } from '../commands';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

export function ZoomControls({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const zoom = useBoardState(board, (s) => s.camera.zoom);
  return (
    <div className="wb-zoom" role="group" aria-label={t('zoom')}>
      <button
        type="button"
        aria-label={t('commands.zoomOut')}
        title={t('commands.zoomOut')}
        onClick={() => runCommand(board, 'view.zoomOut')}
      >
        <Icon name="minus" size={18} />
      </button>
      <button
        type="button"
        className="wb-zoom-value"
        aria-label={`${Math.round(zoom * 100)}% (${t('commands.zoomReset')})`}
        title={t('commands.zoomReset')}
        onClick={() => runCommand(board, 'view.zoomReset')}
      >
        {Math.round(zoom * 100)}%
      </button>
      <button
        type="button"
        aria-label={t('commands.zoomIn')}
        title={t('commands.zoomIn')}
        onClick={() => runCommand(board, 'view.zoomIn')}
      >
        <Icon name="plus" size={18} />
      </button>
      <button
        type="button"
        aria-label={t('commands.zoomFit')}
        title={t('commands.zoomFit')}
        onClick={() => runCommand(board, 'view.zoomFit')}
      >
        <Icon name="fit" size={18} />
      </button>
      <button
        type="button"
        aria-label={t('commands.help')}
        title={`${t('commands.help')} (?)`}
        onClick={() => runCommand(board, 'help.toggle')}
      >
        <Icon name="help" size={18} />
      </button>
    </div>
  );
}
