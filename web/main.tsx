/**
 * The page's first script, kept small: it asks for the board's snapshot (web/app/prefetch.ts)
 * and loads the app (web/app/start.tsx, a chunk of its own) and the board font meanwhile.
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

// The board's snapshot is asked for first, beside the app's code and font: the server answers a
// board nobody has open from the picture it stored (no decoding) and one that is open from its
// room, while the page loads and evaluates the app. The room is loaded after that answer, for
// the socket that follows.
prefetchBoard();
const fonts = boardFontLoaded();
void Promise.all([import('./app/start'), fonts]).then(([{ start }]) => start(fonts));
