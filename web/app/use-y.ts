import { useEffect, useState } from 'react';

/** What `useY` watches: any Y type (maps, arrays, texts) — watched deeply. */
export interface Observable {
  observeDeep(f: () => void): void;
  unobserveDeep(f: () => void): void;
}

/**
 * Reads Y types in a component: re-renders on any (deep) change of the given types and returns
 * `read()` afresh. The one hook for it (web/app, web/facilitator).
 */
export function useY<T>(types: Observable | readonly Observable[], read: () => T): T {
  const list: readonly Observable[] = Array.isArray(types) ? types : [types as Observable];
  const [, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    list.forEach((t) => t.observeDeep(bump));
    return () => list.forEach((t) => t.unobserveDeep(bump));
  }, list);
  return read();
}
