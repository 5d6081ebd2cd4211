/**
 * The server's clock and ids for the domain core (workshops/env.ts): the one place in
 * sync-server/ that stamps what the core writes (a board's seeding time, the report's date) and
 * the ids it hands out (workshops, participants).
 */
import { randomBytes } from 'node:crypto';
import type { CoreEnv } from '../workshops';
import { idFromBytes } from '../workshops';

export const serverEnv: CoreEnv = {
  now: () => Date.now(),
  newId: (length) => idFromBytes(randomBytes(length)),
};
