/**
 * Serves the built web app (dist/web): hashed assets cached for a year, everything else
 * revalidated, and the app's own routes (/join/…, /w/…, /admin) answered with index.html. No
 * source maps. Gzipped when asked, from memory (`StaticFiles`). Security headers are set by
 * server.ts for every response.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile, readdir, stat as fsStat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { acceptsGzip } from './respond';

const gzipAsync = promisify(gzip);

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

/** Types worth compressing (fonts as TTF compress to about half; PNG and WOFF2 do not). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.ttf',
  '.txt',
  '.webmanifest',
]);

interface Kept {
  /** The file's size and modification time when it was read (a rebuilt file is read again). */
  size: number;
  mtimeMs: number;
  raw: Buffer;
  gzipped: Buffer | null;
}

/**
 * The built app's files, kept in memory once read, gzipped where that helps: the app chunk is
 * a megabyte as built and a third of it gzipped, which matters on a workshop's Wi-Fi; and a
 * response written in one piece is out before the server turns to other work (a board loading),
 * where a file streamed from disk waits for every turn of the event loop. `warm` reads every
 * asset at start, in the background.
 */
export class StaticFiles {
  private readonly root: string;
  private readonly kept = new Map<string, Kept>();
  private readonly reading = new Set<string>();

  constructor(staticDir: string) {
    this.root = resolve(staticDir);
  }

  /** Reads and compresses the built assets ahead of the first page (never throws). */
  async warm(): Promise<void> {
    const dir = join(this.root, 'assets');
    const names = await readdir(dir).catch(() => [] as string[]);
    const files = [join(this.root, 'index.html'), ...names.map((n) => join(dir, n))];
    for (const file of files) await this.keep(file);
  }

  /** Serves a GET or HEAD for the app; false when it is not the app's. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const { root } = this;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // Source maps are never served (the build makes none; a stray one stays private).
    if (path.endsWith('.map')) return false;
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return false;
    let stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      if (!APP_ROUTES.some((r) => r.test(path))) return false;
      file = join(root, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The web app is not built yet: run `npm run build` (npm start does it for you).\n');
        return true;
      }
    }
    const kept = this.kept.get(file);
    const current = kept && kept.size === stat.size && kept.mtimeMs === stat.mtimeMs ? kept : null;
    const gzipped = current?.gzipped && acceptsGzip(req) ? current.gzipped : null;
    const type = extname(file);
    const immutable = path.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': MIME[type] ?? 'application/octet-stream',
      'content-length': gzipped ? gzipped.length : stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(COMPRESSIBLE.has(type) ? { vary: 'Accept-Encoding' } : {}),
      ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else if (current) res.end(gzipped ?? current.raw);
    else {
      createReadStream(file).pipe(res);
      void this.keep(file);
    }
    return true;
  }

  private async keep(file: string): Promise<void> {
    if (this.reading.has(file)) return;
    this.reading.add(file);
    try {
      const stat = await fsStat(file);
      if (!stat.isFile()) return;
      const raw = await readFile(file);
      const gzipped =
        COMPRESSIBLE.has(extname(file)) && raw.length > 1024
          ? await gzipAsync(raw, { level: 9 })
          : null;
      this.kept.set(file, {
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        raw,
        gzipped: gzipped && gzipped.length < raw.length ? gzipped : null,
      });
    } catch {
      // Not kept: served from disk as it is.
    } finally {
      this.reading.delete(file);
    }
  }
}
