import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Session, StickyElement, VotingRound } from '../../../workshops';
import {
  addElement,
  addTime,
  ballot,
  endSession,
  nextActivityId,
  nextVote,
  pauseTimer,
  rankResults,
  readElements,
  readLive,
  remainingMs,
  resumeTimer,
  retimeActivity,
  setVotes,
  startActivity,
  startSession,
  countsHidden,
  votesUsed,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const session: Session = {
  id: 's3',
  stage: 'ideate',
  boardId: 'ideate',
  title: 'Ideeën genereren',
  goal: '',
  buildsOn: '',
  scheduledAt: 0,
  status: 'planned',
  activities: [
    {
      id: 'a1',
      title: 'Brainstorm',
      minutes: 10,
      instructions: 'Schrijf',
      frameId: 'f-brainstorm',
    },
    { id: 'a2', title: 'Clusteren', minutes: 15, instructions: 'Sorteer', frameId: 'f-lanes' },
  ],
};

describe('timeline', () => {
  it('starting a session moves the room to its board and first frame and starts the timer', () => {
    const doc = new Y.Doc();
    startSession(doc, session, 1_000_000);
    const live = readLive(doc);
    expect(live).toMatchObject({
      sessionId: 's3',
      activityId: 'a1',
      boardId: 'ideate',
      frameId: 'f-brainstorm',
    });
    expect(remainingMs(live.timer, 1_000_000 + 60_000)).toBe(9 * 60_000);
    expect(live.summon?.boardId).toBe('ideate');
  });

  it('next activity, end of session', () => {
    const doc = new Y.Doc();
    startSession(doc, session, 0);
    expect(nextActivityId(session, 'a1')).toBe('a2');
    expect(nextActivityId(session, 'a2')).toBeNull();
    const summoned = readLive(doc).summon;
    startActivity(doc, session, 'a2', 5_000);
    expect(readLive(doc)).toMatchObject({ activityId: 'a2', frameId: 'f-lanes' });
    // The next activity is no summon: who roams elsewhere stays there.
    expect(readLive(doc).summon).toEqual(summoned);
    expect(remainingMs(readLive(doc).timer, 5_000)).toBe(15 * 60_000);
    endSession(doc);
    expect(readLive(doc)).toMatchObject({ sessionId: null, activityId: null, timer: null });
  });

  it('changing the running activity’s minutes changes its timer (and only that one’s)', () => {
    const doc = new Y.Doc();
    startSession(doc, session, 0);
    retimeActivity(doc, 'a2', 30);
    expect(remainingMs(readLive(doc).timer, 60_000)).toBe(9 * 60_000);
    retimeActivity(doc, 'a1', 4);
    expect(remainingMs(readLive(doc).timer, 60_000)).toBe(3 * 60_000);
    pauseTimer(doc, 60_000);
    retimeActivity(doc, 'a1', 6);
    expect(remainingMs(readLive(doc).timer, 120_000)).toBe(5 * 60_000);
  });

  it('pause keeps the remaining time; resume continues from it', () => {
    const doc = new Y.Doc();
    startSession(doc, session, 0);
    pauseTimer(doc, 4 * 60_000);
    expect(remainingMs(readLive(doc).timer, 9 * 60_000)).toBe(6 * 60_000); // frozen while paused
    resumeTimer(doc, 20 * 60_000);
    expect(remainingMs(readLive(doc).timer, 21 * 60_000)).toBe(5 * 60_000);
  });

  it('+2 minutes extends a running, a paused and an expired timer', () => {
    const doc = new Y.Doc();
    startSession(doc, session, 0);
    addTime(doc, 120_000, 60_000);
    expect(remainingMs(readLive(doc).timer, 60_000)).toBe(11 * 60_000);
    addTime(doc, 120_000, 30 * 60_000); // long past: 2 minutes from now
    expect(remainingMs(readLive(doc).timer, 30 * 60_000)).toBe(120_000);
    pauseTimer(doc, 30 * 60_000 + 60_000);
    addTime(doc, 120_000, 40 * 60_000);
    expect(remainingMs(readLive(doc).timer, 50 * 60_000)).toBe(180_000);
  });

  it('devices with clocks minutes apart show the same remaining time (server clock + offset)', () => {
    const doc = new Y.Doc();
    const serverNow = 10_000_000;
    const facilitatorClock = serverNow - 3 * 60_000; // 3 minutes slow
    const facilitatorOffset = serverNow - facilitatorClock;
    startSession(doc, session, facilitatorClock + facilitatorOffset);
    const participantClock = serverNow + 5 * 60_000 + 1_000; // 5 minutes fast, 1 s later
    const participantOffset = -5 * 60_000;
    const left = remainingMs(readLive(doc).timer, participantClock + participantOffset);
    expect(left).toBe(10 * 60_000 - 1_000);
  });
});

describe('voting', () => {
  const round: VotingRound = {
    roundId: 'r',
    boardId: 'ideate',
    frameId: '',
    votesPerPerson: 3,
    allowMultiplePerItem: false,
    revealed: false,
  };
  function board() {
    const doc = new Y.Doc();
    const ids = (
      [
        ['Leerlijn', 'p1'],
        ['Samen inkopen', 'p2'],
        ['Stages', 'p2'],
        ['Netwerk', 'p2'],
      ] as const
    ).map(([text, author], i) =>
      addElement(doc, 'sticky', { x: i * 200, y: 0, text }, { author, env }),
    );
    const stickies = () => readElements(doc).filter((e): e is StickyElement => e.type === 'sticky');
    const byId = (id: string) => stickies().find((s) => s.id === id) as StickyElement;
    return { doc, ids, stickies, byId };
  }

  it('caps votes per person and allows one per item unless multiple are on', () => {
    const { doc, ids, stickies, byId } = board();
    const [a, b, c, d] = ids as [string, string, string, string];
    for (const id of [a, b, c]) {
      const n = nextVote(round, stickies(), byId(id), 'p1');
      expect(n).toBe(1);
      setVotes(doc, id, 'p1', n ?? 0);
    }
    expect(votesUsed(stickies(), 'p1')).toBe(3);
    expect(nextVote(round, stickies(), byId(d), 'p1')).toBeNull(); // cap reached
    expect(nextVote(round, stickies(), byId(a), 'p2')).toBe(1);
    setVotes(doc, a, 'p2', 1);
    expect(nextVote(round, stickies(), byId(a), 'p2')).toBeNull(); // one per item
    expect(nextVote({ ...round, allowMultiplePerItem: true }, stickies(), byId(a), 'p2')).toBe(2);
  });

  it('results stay hidden until revealed (own votes visible), then ranked', () => {
    const { doc, ids, byId } = board();
    const [a, b] = ids as [string, string];
    setVotes(doc, a, 'p1', 1);
    setVotes(doc, a, 'p2', 1);
    setVotes(doc, b, 'p2', 1);
    expect(countsHidden(round, false)).toBe(true);
    expect(countsHidden(round, true)).toBe(false);
    expect(countsHidden({ ...round, revealed: true }, false)).toBe(false);
    expect(countsHidden(null, false)).toBe(false);
    const ranked = rankResults([byId(a), byId(b)]);
    expect(ranked.map((r) => [r.text, r.votes, r.rank])).toEqual([
      ['Leerlijn', 2, 1],
      ['Samen inkopen', 1, 2],
    ]);
  });

  it('a round on a frame only counts the stickies inside it', () => {
    const doc = new Y.Doc();
    const frame = addElement(
      doc,
      'frame',
      { x: -10, y: -10, w: 400, h: 300, title: 'Kies' },
      { author: 'f', env },
    );
    addElement(doc, 'sticky', { x: 0, y: 0, text: 'binnen' }, { author: 'p', env });
    addElement(doc, 'sticky', { x: 900, y: 0, text: 'buiten' }, { author: 'p', env });
    expect(ballot(readElements(doc), { frameId: frame }).map((s) => s.text)).toEqual(['binnen']);
  });
});
