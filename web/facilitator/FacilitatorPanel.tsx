/**
 * The facilitator's controls, beside the board: the five sessions with their agendas (edit,
 * reorder, minutes, end time), start / next / pause / +2 min / end, moving the room (follow me,
 * bring everyone here, lock), dot voting, silent brainstorm, pulling work forward, clustering.
 */
import { useEffect, useState } from 'react';
import type { Session } from '../../workshops';
import {
  addActivity,
  addTime,
  ballot,
  boardRoom,
  canPullInto,
  endSession,
  endSilent,
  endVoting,
  isBoardLocked,
  isPaused,
  isStage,
  moveActivity,
  nextActivityId,
  pauseTimer,
  previousStage,
  pullForward,
  readRoster,
  rosterMap,
  setParticipantRemoved,
  rankResults,
  removeActivity,
  resumeTimer,
  revealVoting,
  sessionEndsAt,
  sessionMinutes,
  setBoardLocked,
  setFollow,
  startActivity,
  startSession,
  startSilent,
  startVoting,
  summon,
  updateActivity,
  updateSession,
} from '../../workshops';
import { useWorkshop } from '../app/context';
import { useT } from '../i18n';
import { ReportButton } from '../report';
import { RoomSync } from '../sync/room';
import { ClusterPanel } from './ClusterPanel';
import { useLive } from './hooks';
import { FACILITATOR_NS } from './strings';

export function FacilitatorPanel() {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const [open, setOpen] = useState(true);
  const { live, sessions } = useLive(ctx.controlDoc);
  const doc = ctx.controlDoc;
  const now = () => Date.now() + ctx.clockOffset;
  const running = sessions.find((s) => s.id === live.sessionId);
  const locked = isBoardLocked(doc, ctx.boardId);
  const [votesPer, setVotesPer] = useState(3);
  const [multiple, setMultiple] = useState(false);
  const [pulled, setPulled] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="btn btn-primary fp-open" onClick={() => setOpen(true)}>
        {t('panel.open')}
      </button>
    );
  }

  const start = (s: Session) => {
    doc.transact(() => {
      for (const other of sessions)
        if (other.status === 'live' && other.id !== s.id)
          updateSession(doc, other.id, { status: 'done' });
      updateSession(doc, s.id, {
        status: 'live',
        ...(s.scheduledAt ? {} : { scheduledAt: now() }),
      });
      startSession(doc, s, now());
    });
    if (s.boardId !== ctx.boardId) ctx.navigate(s.boardId);
  };
  const next = () => {
    if (!running) return;
    const id = nextActivityId(running, live.activityId);
    if (id) startActivity(doc, running, id, now());
  };
  const end = () => {
    if (!running) return;
    doc.transact(() => {
      updateSession(doc, running.id, { status: 'done' });
      endSession(doc);
    });
  };
  const voting = live.voting && live.voting.boardId === ctx.boardId ? live.voting : null;
  const results = voting ? rankResults(ballot(ctx.board.state.elements.values(), voting)) : [];
  const stage = isStage(ctx.boardId) ? ctx.boardId : null;
  const pull = async () => {
    if (!stage) return;
    const from = previousStage(stage);
    if (!from) return;
    const prev = new RoomSync(boardRoom(ctx.workshopId, from), ctx.token, { persist: false });
    try {
      await new Promise<void>((resolve) => {
        if (prev.provider.synced) resolve();
        else prev.provider.once('sync', () => resolve());
      });
      const res = pullForward(prev.doc, ctx.boardDoc, stage, { author: ctx.participantId });
      setPulled(t('panel.pulled', { count: res.added.length }));
    } finally {
      prev.destroy();
    }
  };

  return (
    <aside className="fp" aria-label={t('panel.title')}>
      <header className="fp-head">
        <h2>{t('panel.title')}</h2>
        <button
          type="button"
          className="btn"
          onClick={() => setOpen(false)}
          aria-label={t('panel.close')}
        >
          ×
        </button>
      </header>

      {running && (
        <section className="fp-section fp-live">
          <h3>{running.title}</h3>
          <div className="fp-row">
            <button
              type="button"
              className="btn btn-primary"
              onClick={next}
              disabled={!nextActivityId(running, live.activityId)}
            >
              {t('panel.next')}
            </button>
            {isPaused(live.timer) ? (
              <button type="button" className="btn" onClick={() => resumeTimer(doc, now())}>
                {t('panel.resume')}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={() => pauseTimer(doc, now())}
                disabled={!live.timer}
              >
                {t('panel.pause')}
              </button>
            )}
            <button
              type="button"
              className="btn"
              onClick={() => addTime(doc, 120_000, now())}
              disabled={!live.timer}
            >
              {t('panel.plus2')}
            </button>
            <button type="button" className="btn" onClick={end}>
              {t('panel.end')}
            </button>
          </div>
        </section>
      )}

      <section className="fp-section">
        <h3>{t('panel.room')}</h3>
        <div className="fp-row">
          <label className="fp-check">
            <input
              type="checkbox"
              checked={live.follow}
              onChange={(e) => setFollow(doc, e.target.checked)}
            />{' '}
            {t('panel.follow')}
          </label>
          <button type="button" className="btn" onClick={() => summon(doc, ctx.boardId, now())}>
            {t('panel.bring')}
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={locked}
            onClick={() => setBoardLocked(doc, ctx.boardId, !locked)}
          >
            {locked ? t('panel.unlock') : t('panel.lock')}
          </button>
          {stage && canPullInto(stage) && (
            <button type="button" className="btn" onClick={() => void pull()}>
              {t('panel.pull')}
            </button>
          )}
          <ReportButton />
        </div>
        {pulled && <p className="fp-note">{pulled}</p>}
      </section>

      <section className="fp-section">
        <h3>{t('panel.voting')}</h3>
        {!voting ? (
          <div className="fp-row">
            <label className="fp-inline">
              {t('panel.votesPerPerson')}
              <input
                type="number"
                min={1}
                max={20}
                value={votesPer}
                onChange={(e) => setVotesPer(Number(e.target.value) || 1)}
              />
            </label>
            <label className="fp-check">
              <input
                type="checkbox"
                checked={multiple}
                onChange={(e) => setMultiple(e.target.checked)}
              />{' '}
              {t('panel.multiple')}
            </label>
            <button
              type="button"
              className="btn"
              onClick={() =>
                startVoting(doc, {
                  boardId: ctx.boardId,
                  frameId: '',
                  votesPerPerson: votesPer,
                  allowMultiplePerItem: multiple,
                })
              }
            >
              {t('panel.startVote')}
            </button>
          </div>
        ) : (
          <>
            <div className="fp-row">
              {!voting.revealed && (
                <button type="button" className="btn btn-primary" onClick={() => revealVoting(doc)}>
                  {t('panel.reveal')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => endVoting(doc)}>
                {t('panel.endVote')}
              </button>
            </div>
            <h4>{t('panel.results')}</h4>
            {results.length === 0 ? (
              <p className="fp-note">{t('panel.noVotes')}</p>
            ) : (
              <ol className="fp-results">
                {results.slice(0, 10).map((r) => (
                  <li key={r.id}>
                    <span>{r.text || '—'}</span>
                    <strong>{r.votes}</strong>
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </section>

      <section className="fp-section">
        <h3>{t('panel.silent')}</h3>
        {live.silent?.boardId === ctx.boardId ? (
          <button type="button" className="btn btn-primary" onClick={() => endSilent(doc)}>
            {t('panel.silentOff')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => startSilent(doc, ctx.boardId)}>
            {t('panel.silentOn')}
          </button>
        )}
      </section>

      {ctx.board.state.elements.size > 0 &&
        [...ctx.board.state.elements.values()].some((e) => e.type === 'frame' && e.lane) && (
          <ClusterPanel />
        )}

      <People />

      <section className="fp-section">
        <h3>{t('panel.sessions')}</h3>
        <ol className="fp-sessions">
          {sessions.map((s) => (
            <SessionItem
              key={s.id}
              session={s}
              isRunning={s.id === live.sessionId}
              currentActivity={live.activityId}
              onStart={() => start(s)}
              onGo={(activityId) => startActivity(doc, s, activityId, now())}
            />
          ))}
        </ol>
      </section>
    </aside>
  );
}

function SessionItem({
  session,
  isRunning,
  currentActivity,
  onStart,
  onGo,
}: {
  session: Session;
  isRunning: boolean;
  currentActivity: string | null;
  onStart: () => void;
  onGo: (activityId: string) => void;
}) {
  const ctx = useWorkshop();
  const { t, i18n } = useT(FACILITATOR_NS);
  const [expanded, setExpanded] = useState(isRunning);
  const doc = ctx.controlDoc;
  const ends = sessionEndsAt(session);
  const toLocalInput = (ms: number) => {
    const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
    return d.toISOString().slice(0, 16);
  };
  return (
    <li className={`fp-session is-${session.status}`}>
      <div className="fp-session-head">
        <button
          type="button"
          className="fp-expand"
          aria-expanded={expanded}
          onClick={() => setExpanded((v) => !v)}
        >
          <strong>{session.title}</strong>
          <small>
            {t(`panel.${session.status}`)} ·{' '}
            {t('panel.total', { minutes: sessionMinutes(session) })}
            {ends
              ? ` · ${t('panel.endsAt', { time: new Date(ends).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' }) })}`
              : ''}
          </small>
        </button>
        <button
          type="button"
          className="btn btn-primary fp-start"
          onClick={onStart}
          disabled={isRunning}
        >
          {isRunning ? t('panel.live') : t('panel.start')}
        </button>
      </div>
      {expanded && (
        <div className="fp-agenda">
          <label className="fp-inline">
            {t('panel.scheduled')}
            <input
              type="datetime-local"
              value={session.scheduledAt ? toLocalInput(session.scheduledAt) : ''}
              onChange={(e) =>
                updateSession(doc, session.id, {
                  scheduledAt: e.target.value ? new Date(e.target.value).getTime() : 0,
                })
              }
            />
          </label>
          <ol>
            {session.activities.map((a, i) => (
              <li key={a.id} className={currentActivity === a.id && isRunning ? 'is-current' : ''}>
                <input
                  aria-label={a.title}
                  className="fp-title"
                  value={a.title}
                  onChange={(e) => updateActivity(doc, session.id, a.id, { title: e.target.value })}
                />
                <input
                  aria-label={t('panel.minutes', { count: a.minutes })}
                  className="fp-minutes"
                  type="number"
                  min={1}
                  max={600}
                  value={a.minutes}
                  onChange={(e) =>
                    updateActivity(doc, session.id, a.id, { minutes: Number(e.target.value) || 1 })
                  }
                />
                <span className="fp-tools">
                  {isRunning && (
                    <button
                      type="button"
                      title={t('panel.start')}
                      aria-label={`${t('panel.start')}: ${a.title}`}
                      onClick={() => onGo(a.id)}
                    >
                      ▶
                    </button>
                  )}
                  <button
                    type="button"
                    title={t('panel.moveUp')}
                    aria-label={t('panel.moveUp')}
                    disabled={i === 0}
                    onClick={() => moveActivity(doc, session.id, a.id, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    title={t('panel.moveDown')}
                    aria-label={t('panel.moveDown')}
                    disabled={i === session.activities.length - 1}
                    onClick={() => moveActivity(doc, session.id, a.id, i + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    title={t('panel.remove')}
                    aria-label={t('panel.remove')}
                    onClick={() => removeActivity(doc, session.id, a.id)}
                  >
                    ×
                  </button>
                </span>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="btn"
            onClick={() =>
              addActivity(doc, session.id, {
                title: t('panel.newActivity'),
                minutes: 10,
                instructions: '',
                frameId: '',
              })
            }
          >
            + {t('panel.addActivity')}
          </button>
        </div>
      )}
    </li>
  );
}

/** Who joined (name, organisation, kind), and removing someone (the server then refuses them). */
function People() {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const [, setTick] = useState(0);
  useEffect(() => {
    const roster = rosterMap(ctx.controlDoc);
    const bump = () => setTick((n) => n + 1);
    roster.observeDeep(bump);
    return () => roster.unobserveDeep(bump);
  }, [ctx.controlDoc]);
  const people = readRoster(ctx.controlDoc);
  const active = people.filter((p) => !p.removed);
  return (
    <section className="fp-section">
      <h3>{t('panel.people', { count: active.length })}</h3>
      {people.length === 0 && <p className="fp-note">{t('panel.noPeople')}</p>}
      <ul className="fp-people">
        {people.map((p) => (
          <li key={p.id} className={p.removed ? 'is-removed' : ''}>
            <span>
              <strong>{p.name}</strong>
              {p.organisation && <small> · {p.organisation}</small>}
              {p.kind && <small> · {t(`panel.kinds.${p.kind}`)}</small>}
              {p.removed && <small> · {t('panel.removed')}</small>}
            </span>
            {!p.removed && (
              <button
                type="button"
                aria-label={`${t('panel.removePerson')}: ${p.name}`}
                title={t('panel.removePerson')}
                onClick={() => {
                  if (window.confirm(t('panel.confirmRemove', { name: p.name })))
                    setParticipantRemoved(ctx.controlDoc, p.id, true);
                }}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
