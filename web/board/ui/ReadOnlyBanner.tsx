import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import type { Board } from '../board';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

/** A picture shown for less than this needs no word: the board simply becomes editable. */
const LOADING_SAID_AFTER_MS = 600;

export function ReadOnlyBanner({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const preview = useBoardState(board, (s) => s.preview);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!preview) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), LOADING_SAID_AFTER_MS);
    return () => clearTimeout(timer);
  }, [preview]);
  if (!readOnly && preview && slow)
    return (
      <div className="wb-readonly" role="status" data-reason="loading">
        {t('readOnly.loading')}
      </div>
    );
  if (!readOnly) return null;
  return (
    <div className="wb-readonly" role="status" data-reason={readOnly}>
      <Icon name="lock" size={16} /> {t(`readOnly.${readOnly}`)}
    </div>
  );
}
