/**
 * QuietTimes (sync-server/http/quiet.ts): work waits while any response is in flight, runs once
 * the last one has closed, and runs anyway after its longest wait when one stays open.
 */
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietTimes } from '../../../sync-server/http/quiet';

const response = () => new EventEmitter() as unknown as ServerResponse;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('QuietTimes', () => {
  it('runs at once when nothing is in flight', () => {
    const quiet = new QuietTimes(1000);
    const work = vi.fn();
    quiet.then(work);
    vi.advanceTimersToNextTimer();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for every open response to close', () => {
    const quiet = new QuietTimes(1000);
    const [a, b] = [response(), response()];
    quiet.started(a);
    quiet.started(b);
    const work = vi.fn();
    quiet.then(work);
    vi.advanceTimersByTime(10);
    a.emit('close');
    vi.advanceTimersByTime(10);
    expect(work).not.toHaveBeenCalled();
    b.emit('close');
    vi.advanceTimersByTime(10);
    expect(work).toHaveBeenCalledTimes(1);
    // Once only, also when its longest wait passes later.
    vi.advanceTimersByTime(2000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs after its longest wait when a response stays open', () => {
    const quiet = new QuietTimes(1000);
    quiet.started(response());
    const work = vi.fn();
    quiet.then(work);
    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
