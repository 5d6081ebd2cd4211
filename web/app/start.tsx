/**
 * Starts the app (loaded by web/main.tsx as its own chunk, while the board's snapshot and the
 * board font are on their way): the language, React, the service worker.
 */
import { createRoot } from 'react-dom/client';
import { currentLanguage } from '../i18n';
import { registerServiceWorker } from '../sw-register';
import { App } from './App';

/** Renders the app once `ready` (the board font, web/main.tsx) has settled. */
export function start(ready: Promise<unknown>): void {
  document.documentElement.lang = currentLanguage();
  const root = document.getElementById('root');
  void ready.then(() => {
    if (root) createRoot(root).render(<App />);
  });
  registerServiceWorker();
}
