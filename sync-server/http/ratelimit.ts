/**
 * Sliding-window counter per key (client address): at most `limit` events per `windowMs`.
 * Holds at most `maxKeys` keys; past that the least recently used one is evicted (a Map keeps
 * insertion order, and every use moves a key to the end), so a flood of addresses costs one
 * eviction per new key instead of a scan of them all.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
  }

  record(key: string, now = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // Only the last `limit` events decide; older ones need not be kept.
    if (recent.length > this.limit) recent.splice(0, recent.length - this.limit);
    this.hits.delete(key);
    this.hits.set(key, recent);
    while (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest === undefined) break;
      this.hits.delete(oldest);
    }
  }

  /** Keys held (for tests). */
  get size(): number {
    return this.hits.size;
  }

  private recent(key: string, now: number): number[] {
    const held = this.hits.get(key);
    if (!held) return [];
    const recent = held.filter((t) => t > now - this.windowMs);
    if (recent.length === 0) this.hits.delete(key);
    return recent;
  }
}

/** What the join endpoint asks of a limiter: in one process, or shared by all instances. */
export interface JoinLimiter {
  retryAfter(key: string): number | Promise<number>;
  record(key: string): void | Promise<void>;
}
