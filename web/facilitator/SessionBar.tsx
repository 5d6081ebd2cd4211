/**
 * What everyone sees under the top bar: the running session, the current activity with its
 * instructions, a countdown that agrees across devices, and the state of voting / silent
 * rounds. For participants it also carries out the facilitator's moves (summon, follow, silent
 * rounds, voting clicks).
 */
import { useEffect, useRef, useState } from 'react';
import type { StickyElement } from '../../workshops';
import {
  ballot,
  isPaused,
  nextVote,
  previousVote,
  remainingMs,
  setVotes,
  votesUsed,
} from '../../workshops';
import { useWorkshop } from '../app/context';
import type { FollowedView } from '../board';
import { announceBroughtHere, fitFrame, followCamera } from '../board';
import { useT } from '../i18n';
import { formatClock, useLive, useServerNow } from './hooks';
import { FACILITATOR_NS } from './strings';

export function SessionBar() {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const { live, sessions } = useLive(ctx.controlDoc);
  const now = useServerNow(ctx.clockOffset);
  const [showInfo, setShowInfo] = useState(false);
  const isFacilitator = ctx.role === 'facilitator';
  const board = ctx.board;

  // Summon: each new summon moves this device once (participants and viewers).
  const lastSummon = useRef<number>(0);
  useEffect(() => {
    if (isFacilitator || !live.summon || live.summon.at <= lastSummon.current) return;
    lastSummon.current = live.summon.at;
    if (live.summon.boardId !== ctx.boardId) ctx.navigate(live.summon.boardId);
    else if (live.frameId) fitFrame(board, live.frameId);
    // Said to screen readers (web/board/keyboard-nav.tsx).
    const here = sessions.find((s) => s.id === live.sessionId);
    announceBroughtHere(here?.activities.find((a) => a.id === live.activityId)?.title ?? '');
  }, [
    live.summon,
    live.frameId,
    live.sessionId,
    live.activityId,
    sessions,
    isFacilitator,
    ctx,
    board,
  ]);

  // After arriving on the facilitator's board, centre the activity's frame once it has loaded.
  useEffect(() => {
    if (isFacilitator || !live.frameId || live.boardId !== ctx.boardId) return;
    const frameId = live.frameId;
    let done = false;
    const centre = () => {
      if (done || !board.get(frameId)) return;
      done = true;
      // Outside the store's notification: centring sets the camera, which notifies again.
      queueMicrotask(() => fitFrame(board, frameId));
    };
    centre();
    if (done) return;
    const unsub = board.store.subscribe(() => {
      centre();
      if (done) unsub();
    });
    return unsub;
  }, [live.frameId, live.boardId, ctx.boardId, isFacilitator, board]);

  // Follow mode: participants' view follows the facilitator's (published in control awareness).
  useEffect(() => {
    if (isFacilitator || !live.follow) return;
    const aw = ctx.controlAwareness;
    const apply = () => {
      for (const state of aw.getStates().values()) {
        const view = state.facilitatorView as (FollowedView & { boardId: string }) | undefined;
        if (!view) continue;
        if (view.boardId !== ctx.boardId) {
          ctx.navigate(view.boardId);
          return;
        }
        // Fitted to this screen, not the facilitator's zoom (web/board/camera-fit.ts).
        board.setCamera(followCamera(board, view));
      }
    };
    apply();
    aw.on('change', apply);
    // This screen changing size (a bar appearing, a phone turned) fits the view again.
    const unsub = board.store.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport) apply();
    });
    return () => {
      aw.off('change', apply);
      unsub();
    };
  }, [live.follow, isFacilitator, ctx, board]);

  // The facilitator publishes their view (centre + zoom) for follow mode, throttled.
  useEffect(() => {
    if (!isFacilitator) return;
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      last = Date.now();
      const { camera, viewport } = board.state;
      ctx.controlAwareness.setLocalStateField('facilitatorView', {
        boardId: ctx.boardId,
        cx: camera.x + viewport.w / 2 / camera.zoom,
        cy: camera.y + viewport.h / 2 / camera.zoom,
        zoom: camera.zoom,
        w: viewport.w / camera.zoom,
        h: viewport.h / camera.zoom,
      });
    };
    publish();
    const unsub = board.store.subscribe((s, prev) => {
      if (s.camera === prev.camera || timer) return;
      timer = setTimeout(publish, Math.max(0, 150 - (Date.now() - last)));
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [isFacilitator, board, ctx.controlAwareness, ctx.boardId]);

  // Silent brainstorm: participants see only their own new stickies on that board.
  const silentRound =
    live.silent && live.silent.boardId === ctx.boardId ? live.silent.roundId : null;
  useEffect(() => {
    board.store.setState({ hiddenSilentRound: isFacilitator ? null : silentRound });
  }, [board, silentRound, isFacilitator]);

  // Voting: a click on a sticky is a vote (Alt-click takes one back); counts hidden until revealed.
  const voting = live.voting && live.voting.boardId === ctx.boardId ? live.voting : null;
  useEffect(() => {
    board.store.setState({ votesHidden: !!voting && !voting.revealed && !isFacilitator });
    if (!voting || ctx.role !== 'participant') {
      board.clickHandler = null;
      return;
    }
    let alt = false;
    const trackAlt = (e: KeyboardEvent | PointerEvent) => {
      alt = e.altKey;
    };
    window.addEventListener('pointerdown', trackAlt, true);
    board.clickHandler = (id) => {
      const target = board.get(id);
      if (target?.type !== 'sticky') return false;
      const stickies = ballot(board.state.elements.values(), voting);
      const count = alt
        ? previousVote(target, ctx.participantId)
        : nextVote(voting, stickies, target, ctx.participantId);
      if (count !== null) board.transact(() => setVotes(board.doc, id, ctx.participantId, count));
      return true;
    };
    return () => {
      window.removeEventListener('pointerdown', trackAlt, true);
      board.clickHandler = null;
    };
  }, [board, voting, isFacilitator, ctx.role, ctx.participantId]);

  const session = sessions.find((s) => s.id === live.sessionId);
  const activity = session?.activities.find((a) => a.id === live.activityId);
  const left = remainingMs(live.timer, now);
  const up = left !== null && left <= 0;
  const stickies = voting ? ballot(board.state.elements.values(), voting) : [];
  const used = voting ? votesUsed(stickies as StickyElement[], ctx.participantId) : 0;

  if (!session && !voting && !silentRound) return null;
  return (
    <div className="session-bar" role="region" aria-label={t('bar.agenda')}>
      {session ? (
        <>
          <span className="sb-session">
            {t('bar.session')}: <strong>{session.title}</strong>
          </span>
          {activity && (
            <button
              type="button"
              className="sb-activity"
              aria-expanded={showInfo}
              onClick={() => setShowInfo((v) => !v)}
            >
              {t('bar.activity')}: <strong>{activity.title}</strong>
            </button>
          )}
          {left !== null && (
            <span
              className={`sb-timer${up ? ' is-up' : ''}${isPaused(live.timer) ? ' is-paused' : ''}`}
              role="timer"
              aria-live={up ? 'assertive' : 'off'}
              aria-label={t('bar.remaining')}
              data-remaining={Math.round(left / 1000)}
            >
              {up ? t('bar.timeUp') : formatClock(left)}
              {isPaused(live.timer) && <small> · {t('bar.paused')}</small>}
            </span>
          )}
        </>
      ) : (
        <span className="sb-session">{t('bar.noSession')}</span>
      )}
      {voting && ctx.role === 'participant' && (
        <span className="sb-note" role="status">
          {used >= voting.votesPerPerson
            ? t('bar.votingDone')
            : t('bar.voting', { left: voting.votesPerPerson - used, total: voting.votesPerPerson })}
        </span>
      )}
      {voting?.revealed && <span className="sb-note">{t('bar.revealed')}</span>}
      {silentRound && !isFacilitator && <span className="sb-note">{t('bar.silent')}</span>}
      {live.follow && !isFacilitator && <span className="sb-note">{t('bar.following')}</span>}
      {!isFacilitator && live.boardId && live.boardId !== ctx.boardId && (
        <button
          type="button"
          className="btn sb-back"
          onClick={() =>
            ctx.navigate(
              live.boardId ?? ctx.boardId,
              live.frameId ? { frameId: live.frameId } : undefined,
            )
          }
        >
          {t('bar.back')}
        </button>
      )}
      {showInfo && activity && (
        <div className="sb-info" role="note">
          <strong>{t('bar.instructions')}</strong>
          <p>{activity.instructions}</p>
        </div>
      )}
    </div>
  );
}
