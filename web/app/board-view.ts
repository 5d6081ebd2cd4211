/**
 * The board view's parts with one job each (WorkshopPage.tsx composes them): fitting the board
 * into view when it opens, the lock, the toasts for refused writes, presence in the workshop.
 */
import { useEffect, useState } from 'react';
import { elementsMap, isBoardLocked, locksMap } from '../../workshops';
import type { Role } from '../../workshops';
import type { Board, ReadOnlyReason } from '../board';
import { fitBoard, fitFrame } from '../board';
import { useT } from '../i18n';
import type { BoardPreview } from '../sync/board-snapshot';
import type { RoomSync } from '../sync/room';
import { APP_NS } from './strings';
import { useY } from './use-y';

/**
 * Fit the board into view once, when it opens: as soon as content arrives from the device or
 * the server, or when the first sync finds none. Never later: someone's first sticky on an
 * empty board must not yank everybody's view. Nor over a view placed meanwhile: the session bar
 * centring the activity the facilitator summoned to, or the person's own pan. `takeFrame` gives
 * the frame to open at, if one was asked for (and forgets it).
 */
export function useFitOnOpen(
  board: Board,
  sync: RoomSync,
  boardId: string,
  takeFrame: () => string | null,
): void {
  useEffect(() => {
    let done = false;
    let frame = 0;
    const opened = board.state.camera;
    const fitNow = () => {
      if (done) return;
      done = true;
      const frame = takeFrame();
      if (board.state.camera !== opened) return;
      // Fitted to this screen at a readable size (web/board/camera-fit.ts).
      if (!(frame && fitFrame(board, frame))) fitBoard(board);
    };
    const unsubBoard = board.store.subscribe((s) => {
      if (s.elements.size > 0) fitNow();
    });
    const afterSync = () => {
      // The engine batches doc changes into the store once per frame: fit after that batch.
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(fitNow)));
    };
    const unsubSync = sync.state.subscribe((s, prev) => {
      if (s.synced && !prev.synced) afterSync();
    });
    if (board.state.elements.size > 0) fitNow();
    else if (sync.state.getState().synced) afterSync();
    return () => {
      cancelAnimationFrame(frame);
      unsubBoard();
      unsubSync();
    };
  }, [board, sync, boardId]);
}

/**
 * The board's picture (its server snapshot) drawn while its document loads: only over an empty
 * board (nothing from the device) before the first sync, and given way to the document once
 * that has synced (`Board.endPreview`). The board's connection waits for the picture to be on
 * screen (`BoardPreview.held`) and goes ahead at once when there is nothing to show.
 * Leaves `werkbank:board-preview` and `werkbank:board-live` performance marks (the bench reads them).
 */
export function useBoardPreview(board: Board, sync: RoomSync, preview: BoardPreview): void {
  useEffect(() => {
    let gone = false;
    let frame = 0;
    void preview.snapshot.then((elements) => {
      // showPreview itself refuses a board that already shows something.
      if (
        gone ||
        !elements?.length ||
        sync.state.getState().synced ||
        !board.showPreview(elements)
      ) {
        preview.release();
        return;
      }
      performance.mark('werkbank:board-preview');
      // Two frames: the one that draws the picture has been painted.
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => preview.release())));
    });
    let live = false;
    const markLive = () => {
      if (live || board.state.preview || !sync.state.getState().synced) return;
      live = true;
      performance.mark('werkbank:board-live');
    };
    const unsubSync = sync.state.subscribe((s, prev) => {
      // The device's copy is on screen: no picture is wanted.
      if (s.storedLocally && !prev.storedLocally && elementsMap(board.doc).size > 0)
        preview.release();
      if (s.synced && !prev.synced) board.endPreview();
      markLive();
    });
    const unsubBoard = board.store.subscribe(markLive);
    if (sync.state.getState().synced) board.endPreview();
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      preview.release();
      unsubSync();
      unsubBoard();
    };
  }, [board, sync, preview]);
}

/** Locked (reactive) or viewer: the board is read-only, and says why. */
export function useBoardLock(
  board: Board,
  control: RoomSync,
  boardId: string,
  role: Role,
): ReadOnlyReason {
  const locked = useY(locksMap(control.doc), () => isBoardLocked(control.doc, boardId));
  const readOnly =
    role === 'viewer' ? 'viewer' : locked && role !== 'facilitator' ? 'locked' : null;
  useEffect(() => board.setReadOnly(readOnly), [board, readOnly]);
  return readOnly;
}

/**
 * Refused writes: a short, translated message, only after a write from this page (not what
 * arrived from the server or loaded from the device: opening a board is no attempt, whatever
 * the handshake carries). Gone after four seconds.
 */
export function useRefusalToasts(sync: RoomSync, control: RoomSync): string | null {
  const { t } = useT(APP_NS);
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    const tried = { board: false, control: false };
    const onBoard = (_u: Uint8Array, origin: unknown) => {
      if (origin !== sync.provider && origin !== sync.local) tried.board = true;
    };
    const onControl = (_u: Uint8Array, origin: unknown) => {
      if (origin !== control.provider && origin !== control.local) tried.control = true;
    };
    sync.doc.on('update', onBoard);
    control.doc.on('update', onControl);
    const show = (d: { reason: string } | null, which: keyof typeof tried) => {
      if (!d || !tried[which]) return;
      tried[which] = false;
      setToast(t(`denied.${d.reason}`, { defaultValue: d.reason }));
    };
    const unsubs = [
      () => sync.doc.off('update', onBoard),
      () => control.doc.off('update', onControl),
      sync.state.subscribe((s, prev) => s.denied !== prev.denied && show(s.denied, 'board')),
      sync.state.subscribe(({ renewed: r }, prev) => {
        if (!r || prev.renewed) return;
        if (r.kind === 'stale') setToast(t(r.carried > 0 ? 'renewed' : 'renewedNone'));
        else if (r.carried > 0) setToast(t('resent'));
      }),
      control.state.subscribe((s, prev) => s.denied !== prev.denied && show(s.denied, 'control')),
    ];
    return () => unsubs.forEach((u) => u());
  }, [sync, control, t]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);
  return toast;
}

/**
 * The control room's awareness says who is in the workshop and on which board (the board's own
 * awareness carries cursors and selections).
 */
export function useWorkshopPresence(
  control: RoomSync,
  user: { id: string; name: string; color: string; organisation: string },
  boardId: string,
): void {
  useEffect(() => {
    control.provider.awareness.setLocalStateField('user', { ...user, boardId });
  }, [control, user, boardId]);
}
