/**
 * A participant opens a board of 400 notes in a fresh browser (nothing on the device): the
 * board is drawn from the server's snapshot before its document has come, read-only while only
 * that picture is there, and then the document takes over and the person edits as always.
 * The ticket for the board's socket is held back by the test, so the picture stays on screen
 * as long as a slow network would keep it there.
 */
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addElement, boardRoom, readElements } from '../../workshops';
import type { Client } from '../integration/helpers/server';
import { connect, settled, synced } from '../integration/helpers/server';
import type { Person } from './helpers/browser';
import {
  newPerson,
  readScene,
  screenshot,
  waitForBoard,
  waitUntil,
  worldToPage,
} from './helpers/browser';
import { join } from './helpers/server';
import { workshopInChromium } from './helpers/workshop';
import { testEnv } from '../fixtures/env';

const env = testEnv();

const app = workshopInChromium();

let watcher: Client;
const people: Person[] = [];
const NOTES = 400;

beforeAll(async () => {
  watcher = connect(
    app.server,
    boardRoom(app.workshop.workshopId, 'ideate'),
    app.workshop.facilitatorToken,
  );
  await synced(watcher);
  for (let i = 0; i < NOTES; i++)
    addElement(
      watcher.doc,
      'sticky',
      { x: 100 + (i % 20) * 180, y: 100 + Math.floor(i / 20) * 180, text: `Idee ${i}` },
      { author: 'facilitator', env },
    );
  await settled(watcher);
});

afterAll(async () => {
  watcher?.destroy();
  for (const p of people) await p.context.close();
});

const boardState = (person: Person) =>
  person.page.evaluate(() => {
    const s = window.__werkbank?.board.state;
    return s ? { preview: s.preview, elements: s.elements.size } : null;
  });

/** The centre of a note in view (world coordinates) and its id. */
const noteInView = async (person: Person) => {
  const scene = await readScene(person.page);
  const note = await person.page.evaluate(
    (ids) => {
      const s = window.__werkbank?.board.state;
      const el = ids.map((id) => s?.elements.get(id)).find((e) => e?.type === 'sticky');
      return el ? { id: el.id, x: el.x + el.w / 2, y: el.y + el.h / 2 } : null;
    },
    [...scene.keys()],
  );
  if (!note) throw new Error('no note in view');
  return note;
};

describe('a board drawn before its document arrives', () => {
  it('shows the picture read-only, then the document takes over', async () => {
    const person = await newPerson(app.browser);
    people.push(person);
    const { page } = person;
    const joined = await join(app.server, app.workshop.joinCode, 'Noor', 'Buurtbedrijf');
    // The board's socket waits for its ticket; the control room's passes.
    let ticketsAsked = 0;
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    await page.route('**/api/tickets', async (route: Route) => {
      ticketsAsked++;
      if (ticketsAsked > 1) await held;
      await route.continue();
    });
    const snapshot = page.waitForResponse((r) => r.url().includes('/boards/ideate/snapshot'));
    await page.goto(app.boardLink('ideate', joined.token));
    const res = await snapshot;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-encoding']).toBe('gzip');

    await waitUntil(
      page,
      async () => (await boardState(person))?.preview === true,
      'the picture on the board',
      30_000,
      () => boardState(person),
    );
    const total = (await boardState(person))?.elements ?? 0;
    expect(total).toBeGreaterThanOrEqual(NOTES);
    await waitUntil(
      page,
      async () => [...(await readScene(page)).values()].some((n) => n.type === 'sticky'),
      'notes drawn',
    );
    await expect(page.locator('[data-state="connecting"]').count()).resolves.toBe(1);
    // Kept waiting this long, the person is told why nothing can be changed yet.
    const loading = page.locator('.wb-readonly[data-reason="loading"]');
    await loading.waitFor();
    expect(await loading.textContent()).toContain('Het bord wordt geladen');
    await screenshot(page, 'board-preview-loading');

    // Read-only while only the picture is there: a double-click on a note opens no editor.
    const note = await noteInView(person);
    const at = await worldToPage(page, note.x, note.y);
    await page.mouse.dblclick(at.x, at.y);
    await page.keyboard.type('niet bewaard');
    await expect(page.locator('textarea.wb-text-editor').count()).resolves.toBe(0);
    expect((await boardState(person))?.elements).toBe(total);

    letGo();
    await waitForBoard(page);
    await loading.waitFor({ state: 'detached' });
    await waitUntil(
      page,
      async () => (await boardState(person))?.preview === false,
      'the document taking over',
    );
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('werkbank:'))
          .map((m) => [m.name, m.startTime]),
      ),
    );
    expect(marks['werkbank:board-preview']).toBeLessThan(marks['werkbank:board-live'] ?? 0);
    expect((await boardState(person))?.elements).toBe(readElements(watcher.doc).length);

    // Now editable: the same double-click edits the note, and the server keeps it.
    await page.mouse.dblclick(at.x, at.y);
    const editor = page.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.press('End');
    await editor.pressSequentially(' na het laden');
    await page.keyboard.press('Escape');
    await waitUntil(
      page,
      async () =>
        readElements(watcher.doc).some(
          (e) => e.id === note.id && e.type === 'sticky' && e.text.endsWith(' na het laden'),
        ),
      'the edit on the server',
    );
    expect(
      readElements(watcher.doc).some((e) => e.type === 'sticky' && e.text.includes('niet bewaard')),
    ).toBe(false);
    expect(person.errors).toEqual([]);
  });
});
