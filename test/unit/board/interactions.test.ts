import { describe, expect, it } from 'vitest';
import { TestBoard } from './test-board';

describe('registered interactions (voting takes taps on notes)', () => {
  it('a registered feature takes taps until it unregisters; others do not clobber it', () => {
    const { board } = new TestBoard();
    const taps: string[] = [];
    expect(board.interacting).toBe(false);
    expect(board.offerTap('n1')).toBe(false);
    const off = board.registerInteraction('vote', (id) => {
      taps.push(id);
      return id.startsWith('n');
    });
    const offOther = board.registerInteraction('other', () => false);
    expect(board.interacting).toBe(true);
    expect(board.offerTap('n1')).toBe(true);
    expect(board.offerTap('frame')).toBe(false);
    offOther();
    expect(board.offerTap('n2')).toBe(true);
    off();
    expect(board.interacting).toBe(false);
    expect(board.offerTap('n3')).toBe(false);
    expect(taps).toEqual(['n1', 'frame', 'n2']);
  });

  it('an old unregister does not remove a newer registration of the same name', () => {
    const { board } = new TestBoard();
    const off = board.registerInteraction('vote', () => true);
    board.registerInteraction('vote', () => true);
    off();
    expect(board.interacting).toBe(true);
  });
});
