/**
 * Each participant's and viewer's own side of the roaming model (workshops/facilitation/
 * roaming.ts): which summon this tab has seen, whether they follow, and the notice after being
 * brought somewhere (with the board to go back to). One store per workshop, kept for the tab
 * (sessionStorage) so that a reload neither replays a summon nor re-joins a follow they left.
 */
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type * as Y from 'yjs';
import type { Roaming } from '../../workshops';
import { NOT_STARTED, leaveFollow, liveMap, readLive, rejoinFollow, roam } from '../../workshops';

export interface RoamingState extends Roaming {
  /** Set when a summon moved this person: where they were, to offer the way back. */
  brought: { from: string; at: number } | null;
}

const stores = new Map<string, StoreApi<RoamingState>>();
const key = (workshopId: string) => `werkbank:roaming:${workshopId}`;

function load(workshopId: string): Roaming {
  try {
    const raw = sessionStorage.getItem(key(workshopId));
    const v = raw ? (JSON.parse(raw) as Partial<Roaming>) : null;
    if (v && (typeof v.seenSummonAt === 'number' || v.seenSummonAt === null))
      return { ...NOT_STARTED, ...v, following: false };
  } catch {
    // Storage off or garbled: start as a new tab would.
  }
  return NOT_STARTED;
}

export function roamingStore(workshopId: string): StoreApi<RoamingState> {
  let store = stores.get(workshopId);
  if (!store) {
    store = createStore<RoamingState>(() => ({ ...load(workshopId), brought: null }));
    store.subscribe((s) => {
      try {
        sessionStorage.setItem(
          key(workshopId),
          JSON.stringify({ seenSummonAt: s.seenSummonAt, leftFollow: s.leftFollow }),
        );
      } catch {
        // Not kept for the tab: a reload then treats the current summon as history anyway.
      }
    });
    stores.set(workshopId, store);
  }
  return store;
}

/**
 * Carries out the facilitator's summons and keeps `following` current, for one workshop.
 * Mounted by the shell above the open board (a board switch must not reset it). The facilitator
 * is never moved.
 */
export function useRoaming(options: {
  workshopId: string;
  controlDoc: Y.Doc;
  /** The control doc has reached the server's state (summons before that are history). */
  synced: boolean;
  isFacilitator: boolean;
  currentBoardId: () => string | null;
  open: (boardId: string, frameId: string | null) => void;
}): void {
  const { workshopId, controlDoc, synced, isFacilitator, currentBoardId, open } = options;
  useEffect(() => {
    if (isFacilitator) return;
    const store = roamingStore(workshopId);
    const step = (firstSync: boolean) => {
      const live = readLive(controlDoc);
      const state = store.getState();
      const { next, goTo } = roam(state, live, firstSync);
      store.setState(next);
      if (!goTo) return;
      const from = currentBoardId();
      if (from && from !== goTo.boardId) store.setState({ brought: { from, at: Date.now() } });
      else store.setState({ brought: null });
      open(goTo.boardId, goTo.frameId);
    };
    if (!synced) return;
    step(true);
    const m = liveMap(controlDoc);
    const onChange = () => step(false);
    m.observe(onChange);
    return () => m.unobserve(onChange);
  }, [workshopId, controlDoc, synced, isFacilitator, currentBoardId, open]);
}

/** The person goes elsewhere on their own: they stop following (until they choose again). */
export function roamedAway(workshopId: string, controlDoc: Y.Doc): void {
  const store = roamingStore(workshopId);
  store.setState({ ...leaveFollow(store.getState(), readLive(controlDoc)), brought: null });
}

export function followAgain(workshopId: string, controlDoc: Y.Doc): void {
  const store = roamingStore(workshopId);
  store.setState(rejoinFollow(store.getState(), readLive(controlDoc)));
}
