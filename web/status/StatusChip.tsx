import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { APP_NS } from '../app/strings';
import { useT } from '../i18n';
import type { RoomSyncState } from '../sync/room';

export type ChipState =
  'connecting' | 'saved' | 'saving' | 'offline' | 'refused' | 'rejected' | 'locked' | 'readonly';

/**
 * Folds the sync state and the board's lock into the one state a person sees. "Saved" only when
 * the server's store holds every local edit (web/sync/room.ts); "rejected" (not accepted) from a
 * refused write until a later edit of this person is stored.
 */
export function chipState(
  s: Pick<RoomSyncState, 'status' | 'synced' | 'pending'> &
    Partial<Pick<RoomSyncState, 'notAccepted'>>,
  readOnly: 'locked' | 'viewer' | null,
): ChipState {
  if (s.status === 'refused') return 'refused';
  if (s.status === 'offline') return 'offline';
  if (s.notAccepted) return 'rejected';
  if (s.status === 'connecting' || !s.synced) return 'connecting';
  if (readOnly === 'locked') return 'locked';
  if (readOnly === 'viewer') return 'readonly';
  return s.pending ? 'saving' : 'saved';
}

export function StatusView({ state }: { state: ChipState }) {
  const { t } = useT(APP_NS);
  return (
    <span
      className="chip"
      data-state={state}
      role="status"
      aria-live="polite"
      title={t(`status.${state}`)}
    >
      <span className="chip-label">{t(`status.${state}`)}</span>
    </span>
  );
}

export function StatusChip({
  sync,
  readOnly,
}: {
  sync: StoreApi<RoomSyncState>;
  readOnly: 'locked' | 'viewer' | null;
}) {
  const s = useStore(sync);
  return <StatusView state={chipState(s, readOnly)} />;
}
