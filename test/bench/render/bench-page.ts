/**
 * Builds and serves the bench's board page (render/app): Vite into a scratch folder, a plain
 * static HTTP server on loopback. Returns its base URL and a stop function.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface BenchPage {
  url: string;
  stop(): Promise<void>;
}

export async function serveBenchPage(outDir: string): Promise<BenchPage> {
  await build({
    root: fileURLToPath(new URL('./app', import.meta.url)),
    base: './',
    logLevel: 'error',
    configFile: false,
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/'));
    let file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(outDir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
