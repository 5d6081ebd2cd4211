import { defineConfig } from 'vite';

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
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:1234',
      '/healthz': 'http://127.0.0.1:1234',
      '/sync': { target: 'ws://127.0.0.1:1234', ws: true },
    },
  },
});
