/**
 * The app's routes (docs/api.md, "Links the app understands"), parsed without React: the page's
 * first script reads them before the app is loaded (web/app/prefetch.ts).
 */
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
