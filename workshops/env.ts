/**
 * What the core does not take from the world itself: the time and fresh random ids. The core is
 * pure (docs/architecture.md); a function that stamps something new asks for these as a
 * parameter, and its callers bring them: the browser's in web/app/env.ts, the server's in
 * sync-server/env.ts, tests a fixed clock and counted ids (test/fixtures/env.ts).
 */

/** The time, in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Fresh random ids. */
export interface Ids {
  /** An id of `length` characters, lowercase letters and digits (never a dash). */
  newId(length: number): string;
}

export type CoreEnv = Clock & Ids;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** An id spelled from random bytes, one character per byte (for an `Ids` at the edges). */
export function idFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
