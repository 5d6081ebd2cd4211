/**
 * Issue 10, point 8: HTTP. Security headers on every response, no source maps, the app gzipped
 * when asked (and a rebuilt file served new), 400 for a
 * malformed URL, the JSON API only as JSON, invisible characters stripped from names and titles,
 * single-use WebSocket tickets instead of tokens in URLs, revocable facilitator and viewer links.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TicketDesk } from '../../../sync-server/auth/tickets';
import type { RevokeResponse, TicketResponse, WorkshopListEntry } from '../../../workshops';
import { CLOSE, boardRoom, controlRoom, readRoster } from '../../../workshops';
import { serverFixture } from '../helpers/fixture';
import { rawConnect } from '../helpers/raw';
import { api, createWorkshop, join as joinWorkshop, synced, waitFor } from '../helpers/server';

const fx = serverFixture();
const { open, openSynced } = fx;
let staticDir: string;

beforeEach(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'werkbank-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'app.js.map'), '{"sources":["secret.ts"]}');
  await fx.start({ staticDir });
});

afterEach(() => rmSync(staticDir, { recursive: true, force: true }));

/** A raw GET (fetch would normalise the URL). */
function rawGet(path: string): Promise<number> {
  const { hostname, port } = new URL(fx.server.url);
  return new Promise((ok, fail) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('security headers', () => {
  it('every response: a CSP without inline script, no framing, no referrer, nosniff', async () => {
    for (const path of ['/', '/w/abc', '/assets/app.js', '/api/time', '/healthz', '/nothing']) {
      const res = await fetch(fx.server.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(script, path).toBe("'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('source maps are not served, even when one lies in the folder', async () => {
    expect((await fetch(`${fx.server.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${fx.server.url}/assets/app.js.map`)).status).toBe(404);
  });

  it('the app is gzipped when asked, the same bytes inflated, plain otherwise; a rebuilt file is served new', async () => {
    const big = `export const words = ${JSON.stringify('samenwerking '.repeat(4000))};`;
    writeFileSync(join(staticDir, 'assets', 'big.js'), big);
    /** A raw GET with its headers and body as sent (fetch would inflate it). */
    const get = (path: string, encoding: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((ok, fail) => {
        const { hostname, port } = new URL(fx.server.url);
        const req = request(
          { host: hostname, port, path, headers: { 'accept-encoding': encoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        );
        req.on('error', fail);
        req.end();
      });
    // The first answer streams the file from disk and keeps it; once kept, gzip when asked.
    await waitFor(
      async () => (await get('/assets/big.js', 'gzip')).headers['content-encoding'] === 'gzip',
      10_000,
      'the asset kept and gzipped',
    );
    const zipped = await get('/assets/big.js', 'gzip, deflate, br');
    expect(zipped.body.length).toBeLessThan(big.length / 10);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).toString()).toBe(big);
    const plain = await get('/assets/big.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(big);
    expect((await get('/assets/big.js', 'gzip;q=0')).headers['content-encoding']).toBeUndefined();
    // A file changed on disk (a rebuild) is not served from what was kept.
    writeFileSync(join(staticDir, 'assets', 'big.js'), `${big}\n// rebuilt`);
    expect((await get('/assets/big.js', 'identity')).body.toString()).toBe(`${big}\n// rebuilt`);
  });

  it('a malformed URL is a 400, not a 500', async () => {
    expect(await rawGet('/%E0%A4%A')).toBe(400);
    expect(await rawGet('/api/%E0%A4%A')).toBe(400);
    expect(await rawGet('/join/%ZZ')).toBe(400);
    expect((await api(fx.server, '/healthz')).status).toBe(200);
  });
});

describe('the JSON API', () => {
  it('takes only application/json (415 otherwise)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', null]) {
      const res = await fetch(`${fx.server.url}/api/join`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: JSON.stringify({ joinCode: fx.workshop.joinCode, name: 'Formulier' }),
      });
      expect(res.status, String(type)).toBe(415);
    }
    const ok = await api(fx.server, '/api/join', {
      body: { joinCode: fx.workshop.joinCode, name: 'Ann' },
    });
    expect(ok.status).toBe(200);
  });

  it('strips bidi and zero-width characters from titles and names', async () => {
    const created = await createWorkshop(fx.server, 'Werk\u202Esessie\u200B\u2066 2026');
    const list = await api<{ workshops: WorkshopListEntry[] }>(fx.server, '/api/workshops', {
      token: fx.server.adminToken,
    });
    expect(list.body.workshops.find((w) => w.workshopId === created.workshopId)?.title).toBe(
      'Werksessie 2026',
    );
    await joinWorkshop(fx.server, created.joinCode, 'A\u200Bn\u200Dn\u202E', 'Org\uFEFF');
    const c = await openSynced(controlRoom(created.workshopId), created.facilitatorToken);
    await waitFor(() => readRoster(c.doc).length === 1);
    expect(readRoster(c.doc)[0]?.name).toBe('Ann');
    expect(readRoster(c.doc)[0]?.organisation).toBe('Org');
  });
});

describe('WebSocket tickets', () => {
  const ticketFor = (token: string) =>
    api<TicketResponse>(fx.server, '/api/tickets', { token, body: {} });

  it('a token traded for a ticket opens one socket, once', async () => {
    const p = await joinWorkshop(fx.server, fx.workshop.joinCode, 'Ann');
    const { status, body } = await ticketFor(p.token);
    expect(status).toBe(200);
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const first = rawConnect(fx.server.url, `/sync/${room}?ticket=${body.ticket}`);
    await first.opened;
    await waitFor(() => first.received.length > 0, 5000, 'sync step 1 from the server');
    const again = rawConnect(fx.server.url, `/sync/${room}?ticket=${body.ticket}`);
    expect((await again.closed).code).toBe(CLOSE.unauthorized);
    first.ws.close();
    expect((await ticketFor('not-a-token')).status).toBe(401);
  });

  it('expires after its time', () => {
    const desk = new TicketDesk(30_000);
    const claims = { workshopId: 'w', role: 'participant' as const, participantId: 'p' };
    const t = desk.issue(claims, 1000);
    expect(desk.redeem(t, 31_001)).toBeNull();
    const u = desk.issue(claims, 1000);
    expect(desk.redeem(u, 2000)).toEqual(claims);
    expect(desk.redeem(u, 2000)).toBeNull();
  });
});

describe('revoking links', () => {
  it("closes the role's connections with 4401 and refuses its old links; fresh links work", async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const facilitator = open(room, fx.workshop.facilitatorToken);
    const viewer = open(room, fx.workshop.viewerToken);
    await Promise.all([synced(facilitator), synced(viewer)]);

    const revoked = await api<RevokeResponse>(
      fx.server,
      `/api/workshops/${fx.workshop.workshopId}/revoke`,
      {
        token: fx.server.adminToken,
        body: { role: 'facilitator' },
      },
    );
    expect(revoked.status).toBe(200);
    await waitFor(() => facilitator.closes.includes(CLOSE.unauthorized), 5000, 'closed with 4401');
    expect(viewer.closes).toEqual([]);
    expect((await ticketFor(fx.workshop.facilitatorToken)).status).toBe(401);
    const info = await api(fx.server, `/api/workshops/${fx.workshop.workshopId}`, {
      token: fx.workshop.facilitatorToken,
    });
    expect(info.status).toBe(401);

    // Only the admin may revoke.
    const denied = await api(fx.server, `/api/workshops/${fx.workshop.workshopId}/revoke`, {
      token: fx.workshop.facilitatorToken,
      body: { role: 'viewer' },
    });
    expect(denied.status).toBe(401);

    fx.server = await fx.server.restart();
    const old = rawConnect(fx.server.url, `/sync/${room}?token=${fx.workshop.facilitatorToken}`);
    expect((await old.closed).code).toBe(CLOSE.unauthorized);
    await openSynced(room, revoked.body.facilitatorToken);
    await openSynced(room, fx.workshop.viewerToken);
  });

  const ticketFor = (token: string) =>
    api<TicketResponse>(fx.server, '/api/tickets', { token, body: {} });
});
