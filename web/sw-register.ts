/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker that caches the app shell (vite.config.ts, vite-plugin-pwa), from
 * the bundle rather than an inline script (the Content-Security-Policy allows no inline script).
 * A reload without network then opens the app, which shows the board from the device's copy.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // A new version activates at once (skipWaiting); the next navigation loads it.
  void registerSW({ immediate: true });
}
