/**
 * Serves the built web app (dist/web): hashed assets cached for a year, everything else
 * revalidated, and the app's own routes (/join/…, /w/…, /admin) answered with index.html. No
 * source maps. Security headers are set by server.ts for every response.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const APP_ROUTES = [/^\/$/, /^\/join(\/|$)/, /^\/w\//, /^\/admin\/?$/];

export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse): boolean {
  const root = resolve(staticDir);
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  // Source maps are never served (the build makes none; a stray one stays private).
  if (path.endsWith('.map')) return false;
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return false;
  const isFile = existsSync(file) && statSync(file).isFile();
  if (!isFile) {
    if (!APP_ROUTES.some((r) => r.test(path))) return false;
    file = join(root, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The web app is not built yet: run `npm run build` (npm start does it for you).\n');
      return true;
    }
  }
  const immutable = path.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
