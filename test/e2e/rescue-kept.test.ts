/**
 * Issue 10, point 6: the copy kept aside when a board starts over (stale copy, refused write)
 * lives in IndexedDB (`werkbank-rescue`), not in the tab's memory: a tab closed after the device's
 * copy was cleared, but before the changes were carried over, carries them over on its next
 * start; the kept copy is deleted once the server has stored them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, readElements } from '../../workshops';
import { synced, waitFor } from '../integration/helpers/server';
import { onePerson } from './helpers/one-person';
import { testEnv } from '../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const app = onePerson();

/** Writes a kept copy of `room` into the page's IndexedDB, as a closed tab left it. */
function keepCopy([room, update]: readonly [string, readonly number[]]) {
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('werkbank-rescue');
    open.onupgradeneeded = () => open.result.createObjectStore('rescues');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const store = open.result.transaction('rescues', 'readwrite').objectStore('rescues');
      const kept = {
        update: new Uint8Array(update),
        kind: 'refused',
        reason: 'board-locked',
        applied: null,
      };
      const request = store.put(kept, room);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        open.result.close();
        resolve();
      };
    };
  });
}

describe('the kept copy of a board that starts over', () => {
  it('survives a closed tab and is carried over on the next start, then deleted', async () => {
    const { workshop, room } = await app.joinNewWorkshop();
    const { page } = app.person;
    const url = page.url();
    const other = app.open(room, workshop.facilitatorToken);
    await synced(other);

    // The participant as the app knows them: their notes carry their id as author.
    const me = await page.evaluate(
      (id) =>
        (
          JSON.parse(localStorage.getItem(`werkbank:ws:${id}`) ?? '{}') as {
            participantId?: string;
          }
        ).participantId ?? '',
      workshop.workshopId,
    );
    expect(me).not.toBe('');

    // The copy a closed tab kept: the board as the server had it, plus a note of theirs never
    // sent, and one of someone else (seen from a server that lost it since): a participant may
    // not create that one, and it must not take their own note down with it.
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(other.doc));
    addElement(old, 'sticky', { x: 0, y: 0, text: 'uit de bewaarde kopie' }, { author: me, env });
    addElement(
      old,
      'sticky',
      { x: 300, y: 0, text: 'van iemand anders' },
      { author: 'p-other', env },
    );
    await page.goto('about:blank');
    await page.goto(new URL(url).origin + '/');
    await page.evaluate(keepCopy, [room, [...Y.encodeStateAsUpdate(old)]] as const);

    await page.goto(url);
    await waitFor(
      () =>
        readElements(other.doc).some(
          (e) => e.type === 'sticky' && e.text === 'uit de bewaarde kopie',
        ),
      20_000,
      'the kept note on the server',
    );
    await page.locator('.topbar [data-state="saved"]').waitFor({ timeout: 10_000 });
    // Stored: the kept copy is gone (deleted once the server answered "stored").
    await page.waitForFunction(
      async (r) => {
        const kept = await new Promise<unknown>((resolve) => {
          const open = indexedDB.open('werkbank-rescue');
          open.onsuccess = () => {
            const get = open.result.transaction('rescues').objectStore('rescues').get(r);
            get.onsuccess = () => {
              resolve(get.result);
              open.result.close();
            };
          };
        });
        return kept === undefined;
      },
      room,
      { timeout: 10_000 },
    );
    // Carried over once, as a new note of this tab; the other person's note not at all.
    expect(
      readElements(other.doc).some((e) => e.type === 'sticky' && e.text === 'van iemand anders'),
    ).toBe(false);
    expect(
      readElements(other.doc).filter(
        (e) => e.type === 'sticky' && e.text === 'uit de bewaarde kopie',
      ),
    ).toHaveLength(1);
  }, 60_000);
});
