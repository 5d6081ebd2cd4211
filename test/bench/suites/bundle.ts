/**
 * Bundle suite: what a browser downloads for the first page — the scripts and styles that
 * dist/web/index.html links (module preloads included) and the app chunk its first script
 * imports at once (web/main.tsx → web/app/start.tsx, found through Vite's manifest), raw and
 * gzip-compressed (level 9, as a static server with gzip would send them). Builds into a scratch
 * folder with Vite so it never touches dist/web that a running server or another test may be
 * using.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row } from '../lib/types';
import type { Row, Suite } from '../lib/types';

/** Asset URLs referenced by an HTML page: scripts, stylesheets, module preloads. */
export function firstPageAssets(html: string): string[] {
  const out = new Set<string>();
  const re = /<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g;
  for (const m of html.matchAll(re)) {
    const tag = m[0];
    const url = m[1] ?? '';
    if (/^https?:|^\/\//.test(url)) continue;
    if (tag.startsWith('<link') && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue;
    out.add(url);
  }
  return [...out];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * The chunks the entry's first script imports as soon as it runs (web/main.tsx loads the app
 * chunk at once), with their static imports and styles. Later, lazy imports (clustering, the
 * service worker's helper) are not part of the first page.
 */
export function startupAssets(manifest: Record<string, ManifestChunk>, startKey: string): string[] {
  const out = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || out.has('/' + chunk.file)) return;
    out.add('/' + chunk.file);
    for (const css of chunk.css ?? []) out.add('/' + css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  const entry = Object.values(manifest).find((c) => c.isEntry);
  if (!entry?.dynamicImports?.includes(startKey))
    throw new Error(`the entry no longer imports ${startKey}: update the bundle suite`);
  visit(startKey);
  return [...out];
}

export const bundleSuite: Suite = {
  name: 'bundle',
  description: 'client bundle of the first page, raw and gzip (vite build)',
  async run(ctx) {
    const outDir = join(ctx.tmpDir, 'web-build');
    const t0 = performance.now();
    execFileSync(
      join(ctx.root, 'node_modules/.bin/vite'),
      ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error'],
      { cwd: ctx.root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const buildS = (performance.now() - t0) / 1000;
    const html = readFileSync(join(outDir, 'index.html'));
    let raw = html.byteLength;
    let gz = gzipSync(html, { level: 9 }).byteLength;
    let js = 0;
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
    ) as Record<string, ManifestChunk>;
    const assets = [
      ...new Set([
        ...firstPageAssets(html.toString()),
        ...startupAssets(manifest, 'app/start.tsx'),
      ]),
    ];
    for (const url of assets) {
      const file = join(outDir, url.replace(/^\//, ''));
      const bytes = readFileSync(file);
      raw += statSync(file).size;
      gz += gzipSync(bytes, { level: 9 }).byteLength;
      if (url.endsWith('.js')) js += bytes.byteLength;
    }
    const scen = `first page (${assets.length + 1} files)`;
    const rows: Row[] = [
      row('bundle', scen, 'gzip size', gz / 1024, 'KiB'),
      row('bundle', scen, 'raw size', raw / 1024, 'KiB'),
      row('bundle', scen, 'JavaScript, raw', js / 1024, 'KiB'),
      row('bundle', 'vite build', 'build time', buildS, 's'),
    ];
    return rows;
  },
};
