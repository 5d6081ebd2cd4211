import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The client lives in web/; the built app goes to dist/web, which the sync server serves.
export default defineConfig({
  root: 'web',
  publicDir: 'public',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // No public source maps (issue 10): the server would not serve them anyway (http/static.ts).
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  plugins: [
    // The app shell for a reload without network (web/main.tsx registers it from the bundle: no
    // inline script). The board itself comes from the device's IndexedDB copy (web/sync/room.ts);
    // the API and the sync socket are never cached.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icon.svg', 'icon-180.png'],
      manifest: {
        name: 'Werkbank',
        short_name: 'Werkbank',
        description: 'Samen werken aan inclusief ondernemen — het werkbord van de workshop.',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f8fafc',
        theme_color: '#ffffff',
        icons: [
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync/, /^\/healthz/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/healthz': 'http://127.0.0.1:1234',
      '/sync': { target: 'ws://127.0.0.1:1234', ws: true },
    },
  },
});
