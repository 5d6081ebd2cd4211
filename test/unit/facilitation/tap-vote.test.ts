import { describe, expect, it } from 'vitest';
import type { StickyElement, VotingRound } from '../../../workshops';
import { tapVote, votesLeft } from '../../../workshops';

const round = (votesPerPerson: number, allowMultiplePerItem: boolean): VotingRound => ({
  roundId: 'r',
  boardId: 'b',
  frameId: '',
  votesPerPerson,
  allowMultiplePerItem,
  revealed: false,
});
const note = (id: string, votes: Record<string, number> = {}) =>
  ({ id, type: 'sticky', x: 0, y: 0, w: 100, h: 100, text: id, votes }) as unknown as StickyElement;

describe('voting by tap, no modifier keys', () => {
  it('one vote per note: a tap adds, a second tap on the same note takes it back', () => {
    const r = round(2, false);
    const a = note('a');
    expect(tapVote(r, [a], a, 'p')).toBe(1);
    const voted = note('a', { p: 1 });
    expect(tapVote(r, [voted], voted, 'p')).toBe(0);
  });

  it('several per note: adds until the cap, then a tap on a note with own dots takes one back', () => {
    const r = round(3, true);
    const a = note('a', { p: 2 });
    const b = note('b');
    expect(tapVote(r, [a, b], a, 'p')).toBe(3);
    const full = note('a', { p: 3 });
    expect(tapVote(r, [full, b], full, 'p')).toBe(2);
    // All votes cast elsewhere: tapping a note without own dots does nothing.
    expect(tapVote(r, [full, b], b, 'p')).toBeNull();
    expect(votesLeft(r, [full, b], 'p')).toBe(0);
    expect(votesLeft(r, [a, b], 'p')).toBe(1);
  });

  it('a note outside the ballot is no vote', () => {
    const r = round(3, false);
    expect(tapVote(r, [note('a')], note('x'), 'p')).toBeNull();
  });
});
