/**
 * Issue 12, point 11: the room's address. With PUBLIC_URL set (here: an address only the room
 * would use), the join link, its QR code and the room screen show it, even though the
 * facilitator opened the app at 127.0.0.1; the facilitator's panel shows it with the join code.
 * Without it, they show the browser's own address.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigResponse, CreateWorkshopResponse } from '../../workshops';
import { api, createWorkshop, ensureBuilt, STATIC_DIR } from './helpers/server';
import type { TestServer } from './helpers/server';
import { startTestServer } from '../integration/helpers/server';
import { launchChromium, newPerson, openLink, screenshot } from './helpers/browser';

const PUBLIC = 'http://192.168.77.5:1234';
let server: TestServer;
let plain: TestServer;
let workshop: CreateWorkshopResponse;
let browser: Browser;
let fac: Page;

beforeAll(async () => {
  ensureBuilt();
  server = await startTestServer({ staticDir: STATIC_DIR, publicUrl: PUBLIC });
  plain = await startTestServer({ staticDir: STATIC_DIR });
  workshop = await createWorkshop(server);
  browser = await launchChromium();
  fac = (await newPerson(browser)).page;
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
  await plain?.dispose();
});

describe('the room’s address', () => {
  it('the server tells its public address; without one, none', async () => {
    expect((await api<ConfigResponse>(server, '/api/config')).body.publicUrl).toBe(PUBLIC);
    expect((await api<ConfigResponse>(plain, '/api/config')).body.publicUrl).toBeNull();
  });

  it('the room screen and its QR code use it, not the address the facilitator opened', async () => {
    await fac.goto(`${server.url}/admin#token=${server.adminToken}`);
    await fac.getByRole('button', { name: 'Toon op groot scherm' }).first().click();
    const screen = fac.locator('.room-screen');
    await expect.poll(() => screen.textContent()).toContain('192.168.77.5:1234');
    expect(await screen.textContent()).not.toContain('127.0.0.1');
    await expect
      .poll(() => screen.locator('img').getAttribute('alt'))
      .toBe(`${PUBLIC}/join/${workshop.joinCode}`);
    await screenshot(fac, 'screens/roomui-address-room-screen');
  });

  it('the facilitator’s panel shows the join code and where to join', async () => {
    await openLink(
      fac,
      `${server.url}/w/${workshop.workshopId}/define#token=${workshop.facilitatorToken}`,
    );
    const code = fac.locator('.fp-code');
    await expect.poll(() => fac.getByTestId('join-code').textContent()).toBe(workshop.joinCode);
    expect(await code.getAttribute('title')).toContain('192.168.77.5:1234/join');
  });

  it('only the facilitator gets the join code from the workshop API', async () => {
    const info = (token: string) =>
      api<{ joinCode?: string }>(server, `/api/workshops/${workshop.workshopId}`, { token });
    expect((await info(workshop.facilitatorToken)).body.joinCode).toBe(workshop.joinCode);
    expect((await info(workshop.viewerToken)).body.joinCode).toBeUndefined();
  });
});
