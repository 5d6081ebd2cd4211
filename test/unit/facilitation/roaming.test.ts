import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Roaming } from '../../../workshops';
import {
  NOT_STARTED,
  endSession,
  leaveFollow,
  readLive,
  rejoinFollow,
  roam,
  setFollow,
  summon,
} from '../../../workshops';

/** Runs `roam` over the control doc as a device would: first sync, then each change. */
function device(doc: Y.Doc) {
  let state: Roaming = NOT_STARTED;
  const moves: string[] = [];
  const step = (firstSync = false) => {
    const r = roam(state, readLive(doc), firstSync);
    state = r.next;
    if (r.goTo) moves.push(r.goTo.boardId);
  };
  return {
    step,
    moves,
    get state() {
      return state;
    },
    set state(s: Roaming) {
      state = s;
    },
  };
}

describe('roaming: summons are events, the route is the person’s', () => {
  it('a summon seen before the first sync is history: a reload does not move anyone', () => {
    const doc = new Y.Doc();
    summon(doc, 'empathise', 1000);
    const d = device(doc);
    d.step(); // the device copy, before the server
    d.step(true);
    d.step();
    expect(d.moves).toEqual([]);
  });

  it('each new summon moves once, and not again on later changes or after the session ends', () => {
    const doc = new Y.Doc();
    const d = device(doc);
    d.step(true);
    summon(doc, 'ideate', 2000);
    d.step();
    d.step();
    endSession(doc);
    d.step();
    expect(d.moves).toEqual(['ideate']);
    summon(doc, 'define', 3000);
    d.step();
    expect(d.moves).toEqual(['ideate', 'define']);
  });

  it('follow is an invitation each person may leave, and a new follow round invites again', () => {
    const doc = new Y.Doc();
    const d = device(doc);
    d.step(true);
    expect(d.state.following).toBe(false);
    setFollow(doc, true);
    d.step();
    expect(d.state.following).toBe(true);
    d.state = leaveFollow(d.state, readLive(doc));
    d.step();
    expect(d.state.following).toBe(false);
    d.state = rejoinFollow(d.state, readLive(doc));
    d.step();
    expect(d.state.following).toBe(true);
    d.state = leaveFollow(d.state, readLive(doc));
    setFollow(doc, false);
    d.step();
    setFollow(doc, true);
    d.step();
    expect(d.state.following).toBe(true);
  });

  it('leaving follow when no follow round runs changes nothing', () => {
    const doc = new Y.Doc();
    expect(leaveFollow(NOT_STARTED, readLive(doc))).toBe(NOT_STARTED);
  });
});
