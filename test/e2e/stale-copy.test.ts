/**
 * A participant offline while the server drops the board's history (compaction.ts) loses
 * nothing: in Chromium, on a board bloated by 10,000 drags, the participant goes offline, the
 * idle board is compacted, they add a note offline and come back. The server refuses their old
 * copy (4409); the app loads the board anew, carries the note over and says so.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addElement, moveElements, readElements, readHistory } from '../../workshops';
import { synced, waitFor } from '../integration/helpers/server';
import { onePerson } from './helpers/one-person';
import { deviceCopyWritten, screenshot } from './helpers/browser';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const app = onePerson({ idleUnloadMs: 300 });

const notes = (doc: Y.Doc, text: string) =>
  readElements(doc).filter((e) => e.type === 'sticky' && e.text === text).length;

describe('a copy from before the board was cleaned up', () => {
  it('is loaded anew, and what was added offline is carried over', async () => {
    const { workshop, room } = await app.joinNewWorkshop('Kringloop Oost');
    const { context } = app.person;
    let { page } = app.person;

    // The facilitator's busy day on this board: 200 notes, dragged 10,000 times.
    const writer = app.open(room, workshop.facilitatorToken);
    await synced(writer);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++)
      ids.push(
        addElement(
          writer.doc,
          'sticky',
          { x: 3000 + (i % 20) * 180, y: (i / 20) * 180, text: `idee ${i}` },
          { author: 'f', env },
        ),
      );
    for (let round = 0; round < 50; round++)
      moveElements(
        writer.doc,
        ids.map((id, i) => ({ id, x: 3000 + (i % 20) * 180 + round, y: Math.floor(i / 20) * 180 })),
      );
    const total = readElements(writer.doc).length;
    await page.waitForFunction(
      (n) => (window.__werkbank?.board.state.elements.size ?? 0) >= n,
      total,
    );
    writer.destroy();

    // Offline, a note added on the train, the laptop closed (the page's sockets die with it).
    await context.setOffline(true);
    await page.locator('[data-state="offline"]').first().waitFor();
    await page.evaluate(() =>
      window.__werkbank?.board.add('sticky', { x: 2600, y: 0, text: 'bedacht in de trein' }),
    );
    await deviceCopyWritten(page);
    const url = page.url();
    await page.close();
    // Meanwhile the idle board is compacted on the server.
    await waitFor(() => app.server.stats().rooms === 0, 10_000, 'rooms unloaded');

    // Back online, the board reopened from the device copy: refused as stale, loaded anew, the
    // offline note carried over.
    await context.setOffline(false);
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    await page.getByText('opgeschoond', { exact: false }).waitFor({ timeout: 20_000 });
    await page.locator('[data-state="saved"]').first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'stale-copy-renewed');

    const check = app.open(room, workshop.facilitatorToken);
    await synced(check);
    await waitFor(
      () => notes(check.doc, 'bedacht in de trein') === 1,
      10_000,
      'note on the server',
    );
    expect(readElements(check.doc).length).toBe(total + 1);
    expect(readHistory(check.doc).epoch).toBe(1);
    expect(notes(check.doc, 'idee 7')).toBe(1);
    const onPage = await page.evaluate(
      () =>
        [...(window.__werkbank?.board.state.elements.values() ?? [])].filter(
          (e) => e.type === 'sticky' && (e as { text?: string }).text === 'bedacht in de trein',
        ).length,
    );
    expect(onPage).toBe(1);
    // No script errors, before or after the board was loaded anew.
    expect(
      [...app.person.errors, ...errors].filter(
        (e) => !/WebSocket|ERR_INTERNET|Failed to load/.test(e),
      ),
    ).toEqual([]);
  }, 90_000);
});
