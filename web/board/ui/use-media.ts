import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now (re-renders when it changes). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => typeof window !== 'undefined' && !!window.matchMedia?.(query).matches,
  );
}

/** A phone-sized screen: the toolbar shows its compact set (web/board/ui/Toolbar.tsx). */
export const PHONE_QUERY = '(max-width: 640px)';
/** A touch screen as the main pointer: instructions say "tap", not "click" or keys. */
export const TOUCH_QUERY = '(pointer: coarse)';
