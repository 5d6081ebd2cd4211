/**
 * The live state of a running workshop, in the control doc's `live` map (only the facilitator
 * writes it; the server enforces that): which session and activity run, on which board and
 * frame, the timer, follow mode, the voting round and silent brainstorm.
 *
 * Times are the server's clock: a facilitator writes `Date.now() + clockOffset`, every device
 * reads with its own offset, so a countdown agrees across devices whose clocks disagree.
 */
import type * as Y from 'yjs';
import { liveMap } from '../control/doc';
import type { Ids } from '../env';
import type { Session } from '../sessions/model';

export interface Timer {
  /** Server time the current run started. */
  startedAt: number;
  /** Length of the activity including added minutes. */
  durationMs: number;
  /** Set while paused: what was left when the pause began. */
  pausedRemainingMs: number | null;
}

export interface VotingRound {
  roundId: string;
  boardId: string;
  /** Restrict the round to the stickies in one frame ('' = the whole board). */
  frameId: string;
  votesPerPerson: number;
  allowMultiplePerItem: boolean;
  revealed: boolean;
}

export interface SilentRound {
  roundId: string;
  boardId: string;
}

export interface LiveState {
  sessionId: string | null;
  activityId: string | null;
  boardId: string | null;
  frameId: string | null;
  timer: Timer | null;
  /** Participants' views follow the facilitator's. */
  follow: boolean;
  /** Bumped by "bring everyone here": each device jumps once per new value. */
  summon: { at: number; boardId: string } | null;
  voting: VotingRound | null;
  silent: SilentRound | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function obj<T>(v: unknown): T | null {
  return v && typeof v === 'object' ? (v as T) : null;
}

export function readLive(doc: Y.Doc): LiveState {
  const m = liveMap(doc);
  return {
    sessionId: str(m.get('sessionId')),
    activityId: str(m.get('activityId')),
    boardId: str(m.get('boardId')),
    frameId: str(m.get('frameId')),
    timer: obj<Timer>(m.get('timer')),
    follow: m.get('follow') === true,
    summon: obj<{ at: number; boardId: string }>(m.get('summon')),
    voting: obj<VotingRound>(m.get('voting')),
    silent: obj<SilentRound>(m.get('silent')),
  };
}

function write(doc: Y.Doc, patch: Partial<LiveState>): void {
  const m = liveMap(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined) m.delete(k);
      else m.set(k, v);
    }
  });
}

// ---- timer --------------------------------------------------------------------------------

/** Milliseconds left at server time `now` (negative once time is up). */
export function remainingMs(timer: Timer | null, now: number): number | null {
  if (!timer) return null;
  if (timer.pausedRemainingMs !== null) return timer.pausedRemainingMs;
  return timer.startedAt + timer.durationMs - now;
}

export function isPaused(timer: Timer | null): boolean {
  return !!timer && timer.pausedRemainingMs !== null;
}

export function startTimer(minutes: number, now: number): Timer {
  return { startedAt: now, durationMs: Math.max(0, minutes) * 60_000, pausedRemainingMs: null };
}

export function pauseTimer(doc: Y.Doc, now: number): void {
  const { timer } = readLive(doc);
  if (!timer || timer.pausedRemainingMs !== null) return;
  write(doc, { timer: { ...timer, pausedRemainingMs: remainingMs(timer, now) } });
}

export function resumeTimer(doc: Y.Doc, now: number): void {
  const { timer } = readLive(doc);
  if (!timer || timer.pausedRemainingMs === null) return;
  // Restart the run so that what was left is left again from now.
  write(doc, {
    timer: { startedAt: now, durationMs: timer.pausedRemainingMs, pausedRemainingMs: null },
  });
}

/** "+2 minutes": also works when time is already up (adds from zero). */
export function addTime(doc: Y.Doc, ms: number, now: number): void {
  const { timer } = readLive(doc);
  if (!timer) return;
  const left = remainingMs(timer, now) ?? 0;
  if (timer.pausedRemainingMs !== null)
    write(doc, { timer: { ...timer, pausedRemainingMs: Math.max(0, left) + ms } });
  else if (left < 0)
    write(doc, { timer: { startedAt: now, durationMs: ms, pausedRemainingMs: null } });
  else write(doc, { timer: { ...timer, durationMs: timer.durationMs + ms } });
}

/**
 * The running activity's minutes changed in the agenda: the timer takes the new length, as if
 * it had been started with it (time already spent stays spent; paused stays paused).
 */
export function retimeActivity(doc: Y.Doc, activityId: string, minutes: number): void {
  const live = readLive(doc);
  const { timer } = live;
  if (!timer || live.activityId !== activityId) return;
  const durationMs = Math.max(0, minutes) * 60_000;
  const delta = durationMs - timer.durationMs;
  if (delta === 0) return;
  write(doc, {
    timer: {
      ...timer,
      durationMs,
      pausedRemainingMs:
        timer.pausedRemainingMs === null ? null : Math.max(0, timer.pausedRemainingMs + delta),
    },
  });
}

// ---- the timeline -------------------------------------------------------------------------

/** Starts a session at its first activity: moves the room to its board and frame. */
export function startSession(doc: Y.Doc, session: Session, now: number): void {
  const first = session.activities[0];
  write(doc, {
    sessionId: session.id,
    activityId: first?.id ?? null,
    boardId: session.boardId,
    frameId: first?.frameId || null,
    timer: first ? startTimer(first.minutes, now) : null,
    summon: { at: now, boardId: session.boardId },
  });
}

/**
 * Goes to an activity of the running session (next, previous or any): the room's board and
 * frame move (those on that board see the frame centred; others are offered the way there), but
 * nobody is carried off a board they chose (workshops/facilitation/roaming.ts).
 */
export function startActivity(doc: Y.Doc, session: Session, activityId: string, now: number): void {
  const activity = session.activities.find((a) => a.id === activityId);
  if (!activity) return;
  write(doc, {
    sessionId: session.id,
    activityId,
    boardId: session.boardId,
    frameId: activity.frameId || null,
    timer: startTimer(activity.minutes, now),
  });
}

/** The activity after the current one, or null at the end of the session. */
export function nextActivityId(session: Session, currentId: string | null): string | null {
  const i = session.activities.findIndex((a) => a.id === currentId);
  return session.activities[i + 1]?.id ?? null;
}

export function endSession(doc: Y.Doc): void {
  write(doc, {
    sessionId: null,
    activityId: null,
    frameId: null,
    timer: null,
    voting: null,
    silent: null,
    follow: false,
  });
}

export function setFollow(doc: Y.Doc, follow: boolean): void {
  write(doc, { follow });
}

/** "Bring everyone here": every device opens `boardId` once (and centres the facilitator's view). */
export function summon(doc: Y.Doc, boardId: string, now: number): void {
  write(doc, { summon: { at: now, boardId }, boardId });
}

// ---- voting and silent brainstorm ---------------------------------------------------------

/** Length of a fresh round id. */
const ROUND_ID_LENGTH = 8;

export function startVoting(
  doc: Y.Doc,
  round: Omit<VotingRound, 'roundId' | 'revealed'>,
  ids: Ids,
): VotingRound {
  const v: VotingRound = {
    ...round,
    votesPerPerson: Math.max(1, Math.min(20, Math.floor(round.votesPerPerson))),
    roundId: ids.newId(ROUND_ID_LENGTH),
    revealed: false,
  };
  write(doc, { voting: v });
  return v;
}

export function revealVoting(doc: Y.Doc): void {
  const { voting } = readLive(doc);
  if (voting) write(doc, { voting: { ...voting, revealed: true } });
}

export function endVoting(doc: Y.Doc): void {
  write(doc, { voting: null });
}

export function startSilent(doc: Y.Doc, boardId: string, ids: Ids): SilentRound {
  const s = { roundId: ids.newId(ROUND_ID_LENGTH), boardId };
  write(doc, { silent: s });
  return s;
}

export function endSilent(doc: Y.Doc): void {
  write(doc, { silent: null });
}
