/**
 * Limits that hold across instances (scale-out mode): the join limiter as a sliding window in a
 * Redis sorted set per client address, and each room's byte budget as a counter per room and
 * window that every instance adds its share to. While Redis is away each instance falls back to
 * its own, per-process limits (never to none).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { JoinLimiter } from '../http/ratelimit';
import { WindowLimiter } from '../http/ratelimit';

export class RedisWindowLimiter implements JoinLimiter {
  private readonly local: WindowLimiter;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {
    this.local = new WindowLimiter(limit, windowMs);
  }

  async retryAfter(address: string, now = Date.now()): Promise<number> {
    if (this.redis.status !== 'ready') return this.local.retryAfter(address, now);
    const k = `${this.key}:${address}`;
    try {
      const [, count, oldest] = (await this.redis
        .multi()
        .zremrangebyscore(k, 0, now - this.windowMs)
        .zcard(k)
        .zrange(k, '0', '0', 'WITHSCORES')
        .exec()) as [unknown, [null, number], [null, string[]]];
      if (count[1] < this.limit) return 0;
      const first = Number(oldest[1][1] ?? now);
      return Math.max(1, Math.ceil((first + this.windowMs - now) / 1000));
    } catch {
      return this.local.retryAfter(address, now);
    }
  }

  async record(address: string, now = Date.now()): Promise<void> {
    this.local.record(address, now);
    if (this.redis.status !== 'ready') return;
    const k = `${this.key}:${address}`;
    await this.redis
      .multi()
      .zadd(k, now, `${now}:${randomBytes(4).toString('hex')}`)
      .pexpire(k, this.windowMs)
      .exec()
      .catch(() => {});
  }
}

/**
 * A room's byte budget across instances: the bytes this instance took for a room are added to a
 * Redis counter for the current window; once all instances together are over the budget the room
 * takes no more bytes here until the window ends (the connections' own check, connection.ts).
 */
export class SharedRoomBytes {
  /** Windows of this length; the budget per window is `burst + rate × window`. */
  static readonly WINDOW_MS = 10_000;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly bytesPerSecond: number,
    private readonly burst: number,
  ) {}

  /** Adds `bytes` for `room`; resolves with the time until which the room is over, or 0. */
  async add(room: string, bytes: number, now = Date.now()): Promise<number> {
    if (this.redis.status !== 'ready' || bytes === 0) return 0;
    const windowMs = SharedRoomBytes.WINDOW_MS;
    const window = Math.floor(now / windowMs);
    const key = `${this.prefix}bytes:${room}:${window}`;
    const res = await this.redis
      .multi()
      .incrby(key, bytes)
      .pexpire(key, windowMs * 2)
      .exec()
      .catch(() => null);
    const total = Number(res?.[0]?.[1] ?? 0);
    const budget = this.burst + (this.bytesPerSecond * windowMs) / 1000;
    return total > budget ? (window + 1) * windowMs : 0;
  }
}
