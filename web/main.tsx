/**
 * The page's first script, kept small: it asks for the board's snapshot (web/app/prefetch.ts),
 * starts loading the board font, and loads the app (web/app/start.tsx) as a chunk of its own, so
 * all three travel while the app's code is read.
 */
import { prefetchBoard } from './app/prefetch';
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

prefetchBoard();
const fonts = boardFontLoaded();
void import('./app/start').then(({ start }) => start(fonts));
