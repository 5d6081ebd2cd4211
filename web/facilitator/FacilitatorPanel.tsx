/**
 * The facilitator's controls, beside the board: the five sessions with their agendas (edit,
 * reorder, minutes, end time), start / next / pause / +2 min / end, moving the room (follow me,
 * bring everyone here, lock), dot voting, silent brainstorm, pulling work forward, clustering.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Session } from '../../workshops';
import {
  DEFAULT_VOTES,
  addActivity,
  ballot,
  boardRoom,
  canPullInto,
  displaySession,
  isBoardLocked,
  isPaused,
  isStage,
  moveActivity,
  nextActivityId,
  previousStage,
  pullForward,
  readRoster,
  rosterMap,
  setParticipantRemoved,
  removeActivity,
  retimeActivity,
  sessionEndsAt,
  sessionMinutes,
  startActivity,
  startSession,
  startVoting,
  totalVotes,
  updateActivity,
  updateSession,
} from '../../workshops';
import { api, useShareOrigin } from '../app/api';
import { useWorkshop } from '../app/context';
import { browserEnv } from '../app/env';
import { useBoardState } from '../board/use-board';
import { useT } from '../i18n';
import { ReportButton } from '../report';
import { RoomSync } from '../sync/room';
import { ClusterPanel } from './ClusterPanel';
import { useFacilitate, useFacilitatorCommands } from './commands';
import { useLive } from './hooks';
import { RankedResults } from './SessionBar';
import { FACILITATOR_NS } from './strings';

/** Which sections are folded, and whether the panel is open, kept on this device. */
const FOLDS_KEY = 'werkbank:fp-folds';
const OPEN_KEY = 'werkbank:fp-open';
type FoldId = 'agenda' | 'room' | 'voting' | 'silent' | 'people';

function loadJson<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}
function saveJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // not kept: the panel opens as default next time
  }
}

/** The join code (and the address to join at), one glance away inside the workshop. */
function JoinCode({ compact = false }: { compact?: boolean }) {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const origin = useShareOrigin();
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.workshop(ctx.workshopId, ctx.token).then(
      (info) => live && setCode(info.joinCode ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [ctx.workshopId, ctx.token]);
  if (!code) return null;
  return (
    <div
      className={compact ? 'fp-code is-compact' : 'fp-code'}
      title={t('panel.joinAt', { url: `${new URL(origin).host}/join` })}
    >
      <small>{t('admin.joinCode')}</small>
      <strong data-testid="join-code">{code}</strong>
      {!compact && <small className="fp-code-url">{new URL(origin).host}/join</small>}
    </div>
  );
}

interface FoldProps {
  folds: Partial<Record<FoldId, boolean>>;
  onToggle: (id: FoldId) => void;
}

/** A section that folds; folded, its title still says what is going on (`badge`). */
function Fold({
  id,
  title,
  badge,
  folds,
  onToggle,
  children,
}: {
  id: FoldId;
  title: string;
  badge?: string | null;
  folds: Partial<Record<FoldId, boolean>>;
  onToggle: (id: FoldId) => void;
  children: ReactNode;
}) {
  const open = !folds[id];
  return (
    <section className={`fp-section fp-fold${open ? ' is-open' : ''}`} data-fold={id}>
      <h3>
        <button
          type="button"
          className="fp-fold-head"
          aria-expanded={open}
          aria-controls={`fp-${id}`}
          onClick={() => onToggle(id)}
        >
          <span className="fp-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {title}
          {badge && <span className="fp-badge">{badge}</span>}
        </button>
      </h3>
      {open && (
        <div className="fp-fold-body" id={`fp-${id}`}>
          {children}
        </div>
      )}
    </section>
  );
}

export function FacilitatorPanel() {
  const ctx = useWorkshop();
  const { t, i18n } = useT(FACILITATOR_NS);
  // Open by default beside a laptop's board; on a phone it would cover the board: folded.
  const [open, setOpenState] = useState(() => loadJson(OPEN_KEY, window.innerWidth > 720));
  const setOpen = (v: boolean) => {
    setOpenState(v);
    saveJson(OPEN_KEY, v);
  };
  const [folds, setFolds] = useState<Partial<Record<FoldId, boolean>>>(() =>
    loadJson(FOLDS_KEY, {}),
  );
  const toggle = (id: FoldId) =>
    setFolds((f) => {
      const next = { ...f, [id]: !f[id] };
      saveJson(FOLDS_KEY, next);
      return next;
    });
  const { live, sessions } = useLive(ctx.controlDoc);
  // The tally follows the board as votes and notes land.
  useBoardState(ctx.board, (s) => s.version);
  // Clustering needs the lanes: shown as soon as they arrive (a board opened directly syncs
  // after the panel first draws), selected from the store so the panel draws again then.
  const hasLanes = useBoardState(ctx.board, (s) =>
    [...s.elements.values()].some((e) => e.type === 'frame' && !!e.lane),
  );
  const doc = ctx.controlDoc;
  const now = () => Date.now() + ctx.clockOffset;
  useFacilitatorCommands(ctx.board, {
    controlDoc: doc,
    boardId: ctx.boardId,
    now,
    ids: browserEnv,
  });
  const running = sessions.find((s) => s.id === live.sessionId);

  if (!open) {
    return (
      <aside className="fp fp-collapsed" aria-label={t('panel.title')}>
        <button
          type="button"
          className="btn fp-open"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          title={t('panel.open')}
        >
          <span aria-hidden="true">«</span> {t('panel.open')}
        </button>
        <JoinCode compact />
      </aside>
    );
  }

  const start = (s: Session) => {
    if (s.status === 'done' && !window.confirm(t('panel.confirmRestart', { title: s.title })))
      return;
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
  const run = useFacilitate();

  return (
    <aside className="fp" aria-label={t('panel.title')}>
      <header className="fp-head">
        <h2>{t('panel.title')}</h2>
        <JoinCode />
        <button
          type="button"
          className="btn fp-close"
          aria-expanded={true}
          onClick={() => setOpen(false)}
          aria-label={t('panel.close')}
          title={t('panel.close')}
        >
          <span aria-hidden="true">»</span>
        </button>
      </header>

      <Fold
        id="agenda"
        title={t('panel.agenda')}
        badge={running ? t('panel.live') : null}
        folds={folds}
        onToggle={toggle}
      >
        {running && (
          <div className="fp-live">
            <h4>{displaySession(running, i18n.language === 'en' ? 'en' : 'nl').title}</h4>
            <div className="fp-row">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => run('next')}
                disabled={!nextActivityId(running, live.activityId)}
              >
                {t('panel.next')}
              </button>
              {isPaused(live.timer) ? (
                <button type="button" className="btn" onClick={() => run('resume')}>
                  {t('panel.resume')}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn"
                  onClick={() => run('pause')}
                  disabled={!live.timer}
                >
                  {t('panel.pause')}
                </button>
              )}
              <button
                type="button"
                className="btn"
                onClick={() => run('addTime')}
                disabled={!live.timer}
              >
                {t('panel.plus2')}
              </button>
              <button type="button" className="btn" onClick={() => run('endSession')}>
                {t('panel.end')}
              </button>
            </div>
          </div>
        )}
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
      </Fold>

      <RoomFold folds={folds} onToggle={toggle} />
      <VotingFold folds={folds} onToggle={toggle} />
      <SilentFold folds={folds} onToggle={toggle} />

      {hasLanes && <ClusterPanel />}

      <People folds={folds} onToggle={toggle} />
    </aside>
  );
}

/** Moving the room: follow me, bring everyone here, lock, pulling work forward, the report. */
function RoomFold({ folds, onToggle }: FoldProps) {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const { live } = useLive(ctx.controlDoc);
  const doc = ctx.controlDoc;
  const run = useFacilitate();
  const locked = isBoardLocked(doc, ctx.boardId);
  const [pulled, setPulled] = useState<string | null>(null);
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
      const res = pullForward(prev.doc, ctx.boardDoc, stage, {
        author: ctx.participantId,
        clock: browserEnv,
      });
      setPulled(t('panel.pulled', { count: res.added.length }));
    } finally {
      prev.destroy();
    }
  };
  return (
    <Fold
      id="room"
      title={t('panel.room')}
      badge={live.follow ? t('panel.followOn') : locked ? t('panel.locked') : null}
      folds={folds}
      onToggle={onToggle}
    >
      <div className="fp-row">
        <label className="fp-check">
          <input
            type="checkbox"
            checked={live.follow}
            onChange={(e) => e.target.checked !== live.follow && run('follow')}
          />{' '}
          {t('panel.follow')}
        </label>
        <button type="button" className="btn" onClick={() => run('bring')}>
          {t('panel.bring')}
        </button>
        <button type="button" className="btn" aria-pressed={locked} onClick={() => run('lock')}>
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
    </Fold>
  );
}

/** Dot voting: start a round, reveal, end, the ranked results. */
function VotingFold({ folds, onToggle }: FoldProps) {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const { live } = useLive(ctx.controlDoc);
  const doc = ctx.controlDoc;
  const run = useFacilitate();
  // The tally follows the board as votes and notes land.
  useBoardState(ctx.board, (s) => s.version);
  const [votesPer, setVotesPer] = useState(DEFAULT_VOTES);
  const [multiple, setMultiple] = useState(false);
  const voting = live.voting && live.voting.boardId === ctx.boardId ? live.voting : null;
  const ballotNotes = voting ? ballot(ctx.board.state.elements.values(), voting) : [];
  const cast = ballotNotes.reduce((n, s) => n + totalVotes(s), 0);
  return (
    <Fold
      id="voting"
      title={t('panel.voting')}
      badge={voting ? t('panel.votesCast', { count: cast }) : null}
      folds={folds}
      onToggle={onToggle}
    >
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
              startVoting(
                doc,
                {
                  boardId: ctx.boardId,
                  frameId: '',
                  votesPerPerson: votesPer,
                  allowMultiplePerItem: multiple,
                },
                browserEnv,
              )
            }
          >
            {t('panel.startVote')}
          </button>
        </div>
      ) : (
        <>
          <div className="fp-row">
            {!voting.revealed && (
              <button type="button" className="btn btn-primary" onClick={() => run('reveal')}>
                {t('panel.reveal')}
              </button>
            )}
            <button type="button" className="btn" onClick={() => run('endVote')}>
              {t('panel.endVote')}
            </button>
          </div>
          <h4>
            {t('panel.results')} <small>· {t('panel.votesCast', { count: cast })}</small>
          </h4>
          <RankedResults stickies={ballotNotes} />
        </>
      )}
    </Fold>
  );
}

/** The silent brainstorm: on and off. */
function SilentFold({ folds, onToggle }: FoldProps) {
  const ctx = useWorkshop();
  const { t } = useT(FACILITATOR_NS);
  const { live } = useLive(ctx.controlDoc);
  const run = useFacilitate();

  return (
    <Fold
      id="silent"
      title={t('panel.silent')}
      badge={live.silent?.boardId === ctx.boardId ? t('panel.live') : null}
      folds={folds}
      onToggle={onToggle}
    >
      {live.silent?.boardId === ctx.boardId ? (
        <button type="button" className="btn btn-primary" onClick={() => run('silentOff')}>
          {t('panel.silentOff')}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => run('silentOn')}>
          {t('panel.silentOn')}
        </button>
      )}
    </Fold>
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
  // The running session's agenda opens by itself (its minutes and steps are what changes now).
  useEffect(() => {
    if (isRunning) setExpanded(true);
  }, [isRunning]);
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
          <strong>{displaySession(session, i18n.language === 'en' ? 'en' : 'nl').title}</strong>
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
          {isRunning
            ? t('panel.live')
            : session.status === 'done'
              ? t('panel.restart')
              : t('panel.start')}
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
                  onChange={(e) => {
                    const minutes = Number(e.target.value) || 1;
                    doc.transact(() => {
                      updateActivity(doc, session.id, a.id, { minutes });
                      if (isRunning) retimeActivity(doc, a.id, minutes);
                    });
                  }}
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
              addActivity(
                doc,
                session.id,
                { title: t('panel.newActivity'), minutes: 10, instructions: '', frameId: '' },
                browserEnv,
              )
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
function People({
  folds,
  onToggle,
}: {
  folds: Partial<Record<FoldId, boolean>>;
  onToggle: (id: FoldId) => void;
}) {
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
    <Fold
      id="people"
      title={t('panel.people', { count: active.length })}
      folds={folds}
      onToggle={onToggle}
    >
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
    </Fold>
  );
}
