/**
 * The browser's clock and ids for the domain core (workshops/env.ts): the one place in web/ that
 * stamps what the core writes (element ids and times, round and activity ids, the report's date).
 * The live state's times are the server's clock instead (the device's plus its offset, api.ts).
 */
import type { CoreEnv } from '../../workshops';
import { idFromBytes } from '../../workshops';

export const browserEnv: CoreEnv = {
  now: () => Date.now(),
  newId: (length) => idFromBytes(crypto.getRandomValues(new Uint8Array(length))),
};
