import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseRoute } from './app/router';
import { tokenFor } from './app/storage';
import { prefetchBoardSnapshot } from './sync/board-snapshot';
import { currentLanguage } from './i18n';
import { registerServiceWorker } from './sw-register';
import './styles/global.css';
import './report/fonts.css';

/**
 * The board measures and draws its text in the shipped font (web/report/fonts.css); a board
 * drawn before it loaded would keep a fallback font's line breaks. So the app starts once both
 * weights are loaded — a local file, cached by the service worker — or after 3 s at worst.
 */
function boardFontLoaded(): Promise<unknown> {
  if (!('fonts' in document)) return Promise.resolve();
  return Promise.race([
    Promise.all([
      document.fonts.load("400 16px 'DejaVu Sans'"),
      document.fonts.load("700 16px 'DejaVu Sans'"),
    ]).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
}

/**
 * A board page asks for its board's snapshot before anything renders: the server reads the room
 * while the page loads its font and starts (web/sync/board-snapshot.ts).
 */
function prefetchBoard(): void {
  const route = parseRoute(window.location.pathname);
  if (route.name !== 'board' || !route.boardId) return;
  const token = tokenFor(route.workshopId);
  if (token) prefetchBoardSnapshot(route.workshopId, route.boardId, token);
}

prefetchBoard();
document.documentElement.lang = currentLanguage();
const root = document.getElementById('root');
void boardFontLoaded().then(() => {
  if (root) createRoot(root).render(<App />);
});
registerServiceWorker();
