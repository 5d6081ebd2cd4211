/**
 * What the page's first script does before the app itself has loaded: a board page asks for its
 * board's snapshot (web/sync/snapshot-fetch.ts), so the server reads the room while the page
 * loads and starts the app. Kept small: routes, the remembered token, the fetch.
 */
import { parseRoute } from './routes';
import { tokenFor } from './storage';
import { prefetchBoardSnapshot } from '../sync/snapshot-fetch';

export function prefetchBoard(): void {
  const route = parseRoute(window.location.pathname);
  if (route.name !== 'board' || !route.boardId) return;
  const token = tokenFor(route.workshopId);
  if (token) prefetchBoardSnapshot(route.workshopId, route.boardId, token);
}
