/**
 * Diagnostic, not a suite: a Chrome CPU profile of Werkbank's board while it pans (or zooms) a
 * board of N stickies, summarised as the functions with the most self time. Build the app
 * unminified for readable names:
 *
 *   npx vite build --minify false --outDir /tmp/webdev
 *   BENCH_STATIC_DIR=/tmp/webdev npx tsx test/bench/render/profile.ts 10000 pan
 *
 * Motions: pan, zoom, fit (pan with everything in view), stream (pan while 20 edits/s arrive).
 * Writes the raw profile to /tmp/werkbank-<motion>.cpuprofile (open it in Chrome's DevTools).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, probedPage } from './chromium';
import { measure, panCircle, zoomPath, zoomTo } from './driver';
import { makeSeed } from './seed';
import { appRoute, ensureWebBuild, werkbankTarget } from './targets';
import { startServerChild } from '../sync/processes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const n = Number(process.argv[2] ?? 10000);
const motion = process.argv[3] ?? 'pan';
const root = join(import.meta.dirname, '../../..');
if (!process.env.BENCH_STATIC_DIR) ensureWebBuild(root);
const server = await startServerChild('ours', mkdtempSync(join(tmpdir(), 'wb-prof-')), root);
const browser = await launchChromium();
try {
  const { context, page } = await probedPage(browser);
  const seed = makeSeed(n);
  const opened = await werkbankTarget(server, appRoute, 'werkbank').open(page, seed);
  if (motion === 'fit') await zoomTo(page, Math.min(1280 / seed.width, 720 / seed.height) * 0.97);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const stop = motion === 'stream' ? opened.stream() : null;
  const moved = await measure(page, () =>
    motion === 'zoom' ? zoomPath(page, [2, 0.5, 1], 5) : panCircle(page, 5),
  );
  await stop?.();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  writeFileSync(`/tmp/werkbank-${motion}.cpuprofile`, JSON.stringify(profile));
  console.log(`${motion}: ${(moved.moving / moved.seconds).toFixed(1)} moving fps`);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    total += t;
    const f = node.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + t);
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, t] of top) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`);
  await opened.close();
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
