/**
 * The one command registry: arrow keys nudge through it, and a feature's commands (the
 * facilitator's) are registered on one board, run by id or key, and gone once unregistered.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBoardLocked, readLive } from '../../../workshops';
import {
  canRun,
  commandForShortcut,
  commandsOf,
  registerCommands,
  runCommand,
  shortcutOf,
} from '../../../web/board/commands';
import { facilitatorCommands } from '../../../web/facilitator/commands';
import { TestBoard } from './test-board';
import { testEnv } from '../../fixtures/env';

const key = (k: string, shiftKey = false) =>
  shortcutOf({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey });

describe('command registry', () => {
  it('arrow keys nudge the selection: 2 units, with Shift 20; nothing selected, nothing runs', () => {
    const tb = new TestBoard().add('sticky', { x: 100, y: 100 });
    const id = tb.lastId;
    const right = commandForShortcut(key('ArrowRight'), tb.board);
    expect(right?.id).toBe('arrange.nudgeRight');
    expect(runCommand(tb.board, right?.id ?? '')).toBe(false);
    tb.select(id);
    runCommand(tb.board, 'arrange.nudgeRight');
    runCommand(tb.board, commandForShortcut(key('ArrowUp', true), tb.board)?.id ?? '');
    expect(tb.el(id)).toMatchObject({ x: 102, y: 80 });
  });

  it('a feature’s commands live on one board while registered', () => {
    const a = new TestBoard();
    const b = new TestBoard();
    const control = new Y.Doc();
    const off = registerCommands(
      a.board,
      facilitatorCommands({
        controlDoc: control,
        boardId: 'ideate',
        now: () => 1000,
        ids: testEnv(),
      }),
    );
    expect(commandsOf(a.board).some((c) => c.id === 'facilitate.lock')).toBe(true);
    expect(commandsOf(b.board).some((c) => c.id === 'facilitate.lock')).toBe(false);

    expect(commandForShortcut('alt+l', a.board)?.id).toBe('facilitate.lock');
    runCommand(a.board, 'facilitate.lock');
    expect(isBoardLocked(control, 'ideate')).toBe(true);
    runCommand(a.board, 'facilitate.follow');
    expect(readLive(control).follow).toBe(true);
    // Nothing is running: no next activity, no pause, nothing to reveal.
    expect(canRun(a.board, 'facilitate.next')).toBe(false);
    expect(canRun(a.board, 'facilitate.pause')).toBe(false);
    expect(canRun(a.board, 'facilitate.reveal')).toBe(false);

    off();
    expect(commandForShortcut('alt+l', a.board)).toBeUndefined();
  });
});
