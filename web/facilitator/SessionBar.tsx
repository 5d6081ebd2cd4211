/**
 * What everyone sees under the top bar: the running session, the current activity with its
 * instructions, a countdown that agrees across devices, and the state of voting / silent
 * rounds. For participants it also carries out the facilitator's moves (summon, follow, silent
 * rounds, voting clicks).
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StickyElement } from '../../workshops';
import {
  ballot,
  countsHidden,
  displaySession,
  isPaused,
  previousVote,
  rankResults,
  remainingMs,
  setVotes,
  tapVote,
  votesLeft,
} from '../../workshops';
import { useBoardState } from '../board/use-board';
import { useWorkshop } from '../app/context';
import type { FollowedView } from '../board';
import { fitFrame, followCamera } from '../board';
import { useT } from '../i18n';
import { formatClock, useLive, useServerNow } from './hooks';
import { followAgain, roamedAway, roamingStore } from './roaming';
import { FACILITATOR_NS } from './strings';

export function SessionBar() {
  const ctx = useWorkshop();
  const { t, i18n } = useT(FACILITATOR_NS);
  const { live, sessions } = useLive(ctx.controlDoc);
  const now = useServerNow(ctx.clockOffset);
  const [showInfo, setShowInfo] = useState(false);
  const isFacilitator = ctx.role === 'facilitator';
  const board = ctx.board;

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

  // Follow mode: the view of those who follow follows the facilitator's (published in control
  // awareness); each person may leave it (web/facilitator/roaming.ts).
  const roaming = useStore(roamingStore(ctx.workshopId));
  const following = roaming.following;
  useEffect(() => {
    if (isFacilitator || !following) return;
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
  }, [following, isFacilitator, ctx, board]);

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

  // Voting: a tap or click on a note adds a vote, or takes one back (tapVote); Alt-click also
  // takes one back. Counts are hidden until revealed; one's own dots are always drawn.
  const voting = live.voting && live.voting.boardId === ctx.boardId ? live.voting : null;
  useEffect(() => {
    board.store.setState({ votesHidden: countsHidden(voting, isFacilitator) });
    if (!voting || ctx.role !== 'participant') return;
    let alt = false;
    const trackAlt = (e: KeyboardEvent | PointerEvent) => {
      alt = e.altKey;
    };
    window.addEventListener('pointerdown', trackAlt, true);
    const unregister = board.registerInteraction('vote', (id) => {
      const target = board.get(id);
      if (target?.type !== 'sticky') return false;
      const stickies = ballot(board.state.elements.values(), voting);
      const count = alt
        ? previousVote(target, ctx.participantId)
        : tapVote(voting, stickies, target, ctx.participantId);
      if (count !== null) board.transact(() => setVotes(board.doc, id, ctx.participantId, count));
      return true;
    });
    return () => {
      window.removeEventListener('pointerdown', trackAlt, true);
      unregister();
    };
  }, [board, voting, isFacilitator, ctx.role, ctx.participantId]);
  // The count left and the results follow every vote as it lands.
  useBoardState(board, (s) => s.version);
  const [showResults, setShowResults] = useState(false);

  // Escape closes the open popover (instructions, results), as any popover.
  useEffect(() => {
    if (!showInfo && !showResults) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setShowInfo(false);
      setShowResults(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showInfo, showResults]);

  // Shipped agenda texts in this person's language, with the round's actual number of votes.
  const stored = sessions.find((s) => s.id === live.sessionId);
  const session = stored
    ? displaySession(stored, i18n.language === 'en' ? 'en' : 'nl', voting?.votesPerPerson)
    : undefined;
  const activity = session?.activities.find((a) => a.id === live.activityId);
  const timeLeft = remainingMs(live.timer, now);
  const up = timeLeft !== null && timeLeft <= 0;
  const stickies = voting ? ballot(board.state.elements.values(), voting) : [];
  const left = voting ? votesLeft(voting, stickies, ctx.participantId) : 0;

  if (!session && !voting && !silentRound && !live.follow) return null;
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
          {timeLeft !== null && (
            <span
              className={`sb-timer${up ? ' is-up' : ''}${isPaused(live.timer) ? ' is-paused' : ''}`}
              role="timer"
              aria-live={up ? 'assertive' : 'off'}
              aria-label={t('bar.remaining')}
              data-remaining={Math.round(timeLeft / 1000)}
            >
              {up ? t('bar.timeUp') : formatClock(timeLeft)}
              {isPaused(live.timer) && <small> · {t('bar.paused')}</small>}
            </span>
          )}
        </>
      ) : (
        <span className="sb-session">{t('bar.noSession')}</span>
      )}
      {voting && ctx.role === 'participant' && (
        <span className="sb-note sb-votes" role="status" data-left={left}>
          <span className="sb-dots" aria-hidden="true">
            {Array.from({ length: Math.min(voting.votesPerPerson, 10) }, (_, i) => (
              <span
                key={i}
                className={i < left ? 'sb-dot' : 'sb-dot is-used'}
                style={{ background: i < left ? ctx.user.color : undefined }}
              />
            ))}
          </span>
          <strong>
            {left > 0
              ? t('bar.votesLeft', { left, total: voting.votesPerPerson })
              : t('bar.votingDone')}
          </strong>
          <span className="sb-hint">{left > 0 ? t('bar.voteHint') : t('bar.voteBackHint')}</span>
        </span>
      )}
      {voting?.revealed && (
        <button
          type="button"
          className="btn sb-results-toggle"
          aria-expanded={showResults}
          onClick={() => setShowResults((v) => !v)}
        >
          {t('bar.revealed')}
        </button>
      )}
      {voting?.revealed && showResults && (
        <div className="sb-info sb-results" role="note">
          <strong>{t('bar.results')}</strong>
          <RankedResults stickies={stickies} />
        </div>
      )}
      {silentRound && !isFacilitator && <span className="sb-note">{t('bar.silent')}</span>}
      {live.follow && !isFacilitator && (
        <span className="sb-note sb-follow">
          {following ? t('bar.following') : t('bar.followOffer')}{' '}
          <button
            type="button"
            className="btn sb-follow-toggle"
            aria-pressed={following}
            onClick={() =>
              following
                ? roamedAway(ctx.workshopId, ctx.controlDoc)
                : followAgain(ctx.workshopId, ctx.controlDoc)
            }
          >
            {following ? t('bar.stopFollowing') : t('bar.follow')}
          </button>
        </span>
      )}
      {!isFacilitator && !following && live.boardId && live.boardId !== ctx.boardId && (
        <button
          type="button"
          className="btn sb-back"
          onClick={() => {
            ctx.navigate(
              live.boardId ?? ctx.boardId,
              live.frameId ? { frameId: live.frameId } : undefined,
            );
          }}
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

/** After a summon moved this person: says so, with the way back; gone after a while. */
export function SummonNotice() {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const store = roamingStore(ctx.workshopId);
  const brought = useStore(store, (s) => s.brought);
  useEffect(() => {
    if (!brought) return;
    const timer = setTimeout(() => store.setState({ brought: null }), 12_000);
    return () => clearTimeout(timer);
  }, [brought, store]);
  if (!brought || ctx.role === 'facilitator') return null;
  return (
    <div className="toast toast-summon" role="status">
      {t('bar.brought')}{' '}
      <button
        type="button"
        className="btn"
        onClick={() => {
          store.setState({ brought: null });
          roamedAway(ctx.workshopId, ctx.controlDoc);
          ctx.navigate(brought.from);
        }}
      >
        {t('bar.broughtBack')}
      </button>
    </div>
  );
}

/** The ranked results of a round (equal counts share a rank), for everyone once revealed. */
export function RankedResults({ stickies, max = 10 }: { stickies: StickyElement[]; max?: number }) {
  const { t } = useT(FACILITATOR_NS);
  const results = rankResults(stickies);
  if (results.length === 0) return <p className="fp-note">{t('panel.noVotes')}</p>;
  return (
    <ol className="fp-results">
      {results.slice(0, max).map((r) => (
        <li key={r.id} data-rank={r.rank}>
          <span className="fp-rank">{r.rank}.</span>
          <span>{r.text || '—'}</span>
          <strong>{r.votes}</strong>
        </li>
      ))}
    </ol>
  );
}
