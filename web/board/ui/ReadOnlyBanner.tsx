import { useT } from '../../i18n';
import type { Board } from '../board';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

export function ReadOnlyBanner({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div className="wb-readonly" role="status" data-reason={readOnly}>
      <Icon name="lock" size={16} /> {t(`readOnly.${readOnly}`)}
    </div>
  );
}
