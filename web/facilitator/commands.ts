/**
 * The facilitator's actions as commands of the board's one registry (web/board/commands.ts):
 * the panel's buttons run them, and so do their keys (listed under "Facilitate" in the shortcut
 * overview) and the tests. Registered on the board while the facilitator's panel is there
 * (`useFacilitatorCommands`), so the board engine itself knows no facilitation.
 */
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { Ids } from '../../workshops';
import {
  addTime,
  endSession,
  endSilent,
  endVoting,
  isBoardLocked,
  isPaused,
  nextActivityId,
  pauseTimer,
  readLive,
  readSessions,
  resumeTimer,
  revealVoting,
  setBoardLocked,
  setFollow,
  startActivity,
  startSilent,
  summon,
  updateSession,
} from '../../workshops';
import type { Board, Command } from '../board';
import { registerCommands, runCommand } from '../board';
import { useWorkshop } from '../app/context';
import { FACILITATOR_NS } from './strings';

/**
 * What the facilitator's commands act on: the workshop's control doc, this board, the clock and
 * fresh ids (a silent round's).
 */
export interface FacilitationTarget {
  controlDoc: Y.Doc;
  boardId: string;
  /** The server's time now (the device's clock plus its offset). */
  now(): number;
  ids: Ids;
}

/** Two extra minutes on the timer. */
const EXTRA_TIME = 120_000;

const label = (key: string) => `${FACILITATOR_NS}:panel.${key}`;

export function facilitatorCommands(target: FacilitationTarget): Command[] {
  const { controlDoc: doc, boardId, now, ids } = target;
  const running = () => {
    const live = readLive(doc);
    const session = readSessions(doc).find((s) => s.id === live.sessionId);
    return session ? { live, session } : null;
  };
  const timer = () => readLive(doc).timer;
  const silent = () => readLive(doc).silent?.boardId === boardId;
  const voting = () => {
    const v = readLive(doc).voting;
    return v && v.boardId === boardId ? v : null;
  };
  const command = (
    id: string,
    key: string,
    shortcuts: string[],
    perform: () => void,
    predicate?: () => boolean,
  ): Command => ({
    id: `facilitate.${id}`,
    label: label(key),
    group: 'facilitate',
    shortcuts,
    perform,
    ...(predicate ? { predicate: () => predicate() } : {}),
  });
  return [
    command(
      'next',
      'next',
      ['alt+n'],
      () => {
        const r = running();
        const id = r && nextActivityId(r.session, r.live.activityId);
        if (r && id) startActivity(doc, r.session, id, now());
      },
      () => {
        const r = running();
        return !!r && !!nextActivityId(r.session, r.live.activityId);
      },
    ),
    command(
      'pause',
      'pause',
      ['alt+p'],
      () => pauseTimer(doc, now()),
      () => {
        const t = timer();
        return !!t && !isPaused(t);
      },
    ),
    command(
      'resume',
      'resume',
      ['alt+r'],
      () => resumeTimer(doc, now()),
      () => isPaused(timer()),
    ),
    command(
      'addTime',
      'plus2',
      [],
      () => addTime(doc, EXTRA_TIME, now()),
      () => !!timer(),
    ),
    command(
      'endSession',
      'end',
      [],
      () => {
        const r = running();
        if (!r) return;
        doc.transact(() => {
          updateSession(doc, r.session.id, { status: 'done' });
          endSession(doc);
        });
      },
      () => !!running(),
    ),
    command('follow', 'follow', [], () => setFollow(doc, !readLive(doc).follow)),
    command('bring', 'bring', ['alt+b'], () => summon(doc, boardId, now())),
    command('lock', 'lock', ['alt+l'], () =>
      setBoardLocked(doc, boardId, !isBoardLocked(doc, boardId)),
    ),
    command(
      'silentOn',
      'silentOn',
      [],
      () => startSilent(doc, boardId, ids),
      () => !silent(),
    ),
    command(
      'silentOff',
      'silentOff',
      [],
      () => endSilent(doc),
      () => silent(),
    ),
    command(
      'reveal',
      'reveal',
      [],
      () => revealVoting(doc),
      () => !!voting() && !voting()?.revealed,
    ),
    command(
      'endVote',
      'endVote',
      [],
      () => endVoting(doc),
      () => !!voting(),
    ),
  ];
}

/** Registers the facilitator's commands on `board` while the calling component is there. */
export function useFacilitatorCommands(board: Board, target: FacilitationTarget): void {
  const latest = useRef(target);
  latest.current = target;
  const { controlDoc, boardId, ids } = target;
  useEffect(
    () =>
      registerCommands(
        board,
        facilitatorCommands({ controlDoc, boardId, now: () => latest.current.now(), ids }),
      ),
    [board, controlDoc, boardId, ids],
  );
}

/** Runs one of the facilitator's commands on the open board (`facilitate.<id>`), as a button does. */
export function useFacilitate(): (id: string) => boolean {
  const { board } = useWorkshop();
  return (id) => runCommand(board, `facilitate.${id}`);
}
