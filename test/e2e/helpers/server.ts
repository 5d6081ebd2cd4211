/**
 * The real server for end-to-end tests: the built web app (dist/web, built here when missing)
 * served by `startServer` on a free port with a temporary DATA_DIR. Reuses the integration
 * helpers for the server and the HTTP API so there is one way to start a test server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerOptions } from '../../../sync-server/server';
import type { CreateWorkshopResponse } from '../../../workshops';
import type { TestServer } from '../../integration/helpers/server';
import { createWorkshop, startTestServer } from '../../integration/helpers/server';

export type { TestServer };
export { api, createWorkshop, join, waitFor } from '../../integration/helpers/server';

const ROOT = resolve(import.meta.dirname, '../../..');
export const STATIC_DIR = resolve(ROOT, 'dist/web');

/** Builds the web app once if `npm test` has not (it runs `vite build` before vitest). */
export function ensureBuilt(): void {
  if (existsSync(resolve(STATIC_DIR, 'index.html'))) return;
  const r = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('vite build failed');
}

/**
 * The real server with the built app, on a free port, with a temporary data folder; `options`
 * for what a test needs besides (rooms unloaded sooner, say).
 */
export async function startAppServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  ensureBuilt();
  return startTestServer({
    staticDir: STATIC_DIR,
    ...options,
    // All browser contexts share 127.0.0.1: the join limit must not bite a test.
    limits: { joinAttemptsPerMinute: 1000, joinFailuresPerMinute: 1000, ...options.limits },
  });
}

/** A workshop with its five boards, created through the admin API. */
export function newWorkshop(
  server: TestServer,
  title = 'Meer impact door samenwerking',
): Promise<CreateWorkshopResponse> {
  return createWorkshop(server, title, 'nl');
}

/** The link to one of the workshop's boards with a token: the facilitator's unless given. */
export function boardLink(
  server: { url: string },
  workshop: { workshopId: string; facilitatorToken: string },
  board: string,
  token = workshop.facilitatorToken,
): string {
  return `${server.url}/w/${workshop.workshopId}/${board}#token=${token}`;
}
