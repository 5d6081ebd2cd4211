/**
 * The page's first script, kept small: it loads the app (web/app/start.tsx) as a chunk of its
 * own and the board font, then asks for the board's snapshot (web/app/prefetch.ts) just before
 * the app starts, so the server reads the room while the page builds itself.
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

const fonts = boardFontLoaded();
// The snapshot is asked for once the app's code and font are in: a cold room keeps the server
// busy reading it for a moment, and these requests would otherwise wait behind it. The server's
// read then overlaps the page's own start (React, the canvas).
void Promise.all([import('./app/start'), fonts]).then(([{ start }]) => {
  prefetchBoard();
  start(fonts);
});
