/**
 * Dot voting as pure rules over the stickies of a board: caps per person, one or several votes
 * per item, hidden results until revealed, ranked results. Votes live on the stickies
 * (`votes`: participantId → count) so later sessions and the report keep them.
 */
import type { Element } from '../elements/registry';
import type { StickyElement } from '../elements/sticky';
import { totalVotes } from '../elements/sticky';
import type { VotingRound } from './live';

/** Stickies the round is about: all on the board, or those whose centre is in its frame. */
export function ballot(
  elements: Iterable<Element>,
  round: Pick<VotingRound, 'frameId'>,
): StickyElement[] {
  const all = [...elements];
  const frame = round.frameId ? all.find((e) => e.id === round.frameId) : undefined;
  return all.filter((e): e is StickyElement => {
    if (e.type !== 'sticky') return false;
    if (!frame) return true;
    const cx = e.x + e.w / 2;
    const cy = e.y + e.h / 2;
    return cx >= frame.x && cx <= frame.x + frame.w && cy >= frame.y && cy <= frame.y + frame.h;
  });
}

export function votesUsed(stickies: Iterable<StickyElement>, participantId: string): number {
  let n = 0;
  for (const s of stickies) n += s.votes[participantId] ?? 0;
  return n;
}

/** The vote count this person would have on `target` after clicking it, or null if not allowed. */
export function nextVote(
  round: VotingRound,
  stickies: StickyElement[],
  target: StickyElement,
  participantId: string,
): number | null {
  if (!stickies.some((s) => s.id === target.id)) return null;
  const mine = target.votes[participantId] ?? 0;
  if (votesUsed(stickies, participantId) >= round.votesPerPerson) return null;
  if (!round.allowMultiplePerItem && mine > 0) return null;
  return mine + 1;
}

/**
 * A tap (or click) on a note during a round, with no modifier keys: adds a vote while this
 * person may; otherwise takes one of theirs back from that note (one vote per note: the tap
 * toggles; several per note: once all votes are cast, a tap on a note with one's dots takes
 * one back). Null: nothing to do (not on the ballot, or all votes cast elsewhere).
 */
export function tapVote(
  round: VotingRound,
  stickies: StickyElement[],
  target: StickyElement,
  participantId: string,
): number | null {
  if (!stickies.some((s) => s.id === target.id)) return null;
  const add = nextVote(round, stickies, target, participantId);
  if (add !== null) return add;
  const mine = target.votes[participantId] ?? 0;
  return mine > 0 ? mine - 1 : null;
}

/** Votes this person has left in the round. */
export function votesLeft(round: VotingRound, stickies: StickyElement[], participantId: string) {
  return Math.max(0, round.votesPerPerson - votesUsed(stickies, participantId));
}

/** Taking a vote back (always allowed while the round runs). */
export function previousVote(target: StickyElement, participantId: string): number {
  return Math.max(0, (target.votes[participantId] ?? 0) - 1);
}

export interface RankedIdea {
  id: string;
  text: string;
  votes: number;
  rank: number;
}

/** Results, highest first; equal counts share a rank. */
export function rankResults(stickies: Iterable<StickyElement>): RankedIdea[] {
  const sorted = [...stickies]
    .map((s) => ({ id: s.id, text: s.text, votes: totalVotes(s) }))
    .filter((r) => r.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.text.localeCompare(b.text));
  let rank = 0;
  let last = -1;
  return sorted.map((r, i) => {
    if (r.votes !== last) rank = i + 1;
    last = r.votes;
    return { ...r, rank };
  });
}

/**
 * Whether a person sees only their own votes (others' counts hidden): while a round runs and is
 * not yet revealed, for everyone but the facilitator.
 */
export function countsHidden(round: VotingRound | null, isFacilitator: boolean): boolean {
  return !!round && !round.revealed && !isFacilitator;
}
