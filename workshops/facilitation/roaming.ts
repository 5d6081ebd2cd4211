/**
 * Where a participant or viewer is, as their own choice: the route in the address bar is the
 * only "current board". The facilitator's moves reach them as events, never as a state that
 * pulls them back:
 * - a summon ("bring everyone here", starting a session or an activity) moves each device once,
 *   when it sees a summon it has not seen before while present; a reload or a later visit
 *   does not replay it;
 * - follow mode is an invitation: each person follows while they choose to and leaves it by
 *   going elsewhere themselves; a new "follow me" invites again.
 *
 * `live.boardId` (workshops/facilitation/live.ts) stays what it says: where the room is now,
 * opened for someone who arrives without naming a board.
 */
import type { LiveState } from './live';

export interface Roaming {
  /** The summon this device has taken into account (`at`), or null before it first synced. */
  seenSummonAt: number | null;
  /** Whether this person's view follows the facilitator now. */
  following: boolean;
  /** They left the current follow round themselves (reset when the round ends). */
  leftFollow: boolean;
}

export const NOT_STARTED: Roaming = { seenSummonAt: null, following: false, leftFollow: false };

/** What a device does when it (re)reads the live state. */
export interface RoamStep {
  next: Roaming;
  /** Move once to this board (a new summon), and centre `frameId` there when given. */
  goTo: { boardId: string; frameId: string | null } | null;
}

/**
 * One step of the model. `firstSync`: the control doc has just reached the server's state for
 * the first time on this page (what was summoned before is history, not an event).
 */
export function roam(state: Roaming, live: LiveState, firstSync = false): RoamStep {
  const summonAt = live.summon?.at ?? 0;
  let goTo: RoamStep['goTo'] = null;
  let seenSummonAt = state.seenSummonAt;
  if (seenSummonAt === null) {
    if (firstSync) seenSummonAt = summonAt;
  } else if (live.summon && summonAt !== seenSummonAt) {
    seenSummonAt = summonAt;
    goTo = {
      boardId: live.summon.boardId,
      frameId: live.boardId === live.summon.boardId ? live.frameId : null,
    };
  }
  const leftFollow = live.follow ? state.leftFollow : false;
  const following = live.follow && !leftFollow;
  return { next: { seenSummonAt, following, leftFollow }, goTo };
}

/** The person goes elsewhere themselves (a tab, the board menu, "stop following"). */
export function leaveFollow(state: Roaming, live: LiveState): Roaming {
  return live.follow ? { ...state, following: false, leftFollow: true } : state;
}

/** The person chooses to follow the facilitator again (while follow mode is on). */
export function rejoinFollow(state: Roaming, live: LiveState): Roaming {
  return live.follow ? { ...state, following: true, leftFollow: false } : state;
}
