/** The app's routes (docs/api.md, "Links the app understands"), on the History API. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'join'; code: string }
  | { name: 'board'; workshopId: string; boardId: string | null }
  | { name: 'admin' }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/admin' || pathname === '/admin/') return { name: 'admin' };
  const join = /^\/join(?:\/([A-Za-z0-9-]{0,16}))?\/?$/.exec(pathname);
  if (join) return { name: 'join', code: (join[1] ?? '').toUpperCase() };
  const board = /^\/w\/([a-z0-9]{6,40})(?:\/([a-z][a-z0-9-]{0,39}))?\/?$/.exec(pathname);
  if (board?.[1]) return { name: 'board', workshopId: board[1], boardId: board[2] ?? null };
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(path: string, replace = false): void {
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function usePathname(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => window.location.pathname,
  );
}
