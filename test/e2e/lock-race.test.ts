/**
 * Issue 10, points 2 and 3 in Chromium: a participant types while the facilitator locks the
 * board (the keystroke reaches the server after the lock), the facilitator unlocks, the
 * participant goes on typing. Nothing is stranded: the later text reaches another participant
 * and the store. The chip is honest throughout: "Niet geaccepteerd" after the refusal, never
 * "Opgeslagen" until a later edit is stored.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { controlRoom, isBoardLocked, readElements, setBoardLocked } from '../../workshops';
import { synced, waitFor } from '../integration/helpers/server';
import { onePerson } from './helpers/one-person';
import { PHONE, screenshot } from './helpers/browser';
import { join } from './helpers/server';

const app = onePerson({ idleUnloadMs: 300 });

const texts = (doc: Y.Doc) =>
  readElements(doc).flatMap((e) => (e.type === 'sticky' ? [e.text] : []));

describe('typing while the facilitator locks the board', () => {
  it('strands nothing, and the chip never says saved while something is not stored', async () => {
    const { workshop, boardId, room } = await app.joinNewWorkshop('Kringloop Oost');
    const { page } = app.person;
    // Every state the chip shows, in order (and markers the test adds).
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { chipLog: string[] }).chipLog = log;
      const chip = () => document.querySelector('.topbar .chip')?.getAttribute('data-state');
      let last = chip();
      if (last) log.push(last);
      new MutationObserver(() => {
        const now = chip();
        if (now && now !== last) log.push(now);
        last = now;
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const chipLog = () => page.evaluate(() => (window as unknown as { chipLog: string[] }).chipLog);
    const mark = (what: string) =>
      page.evaluate((m) => (window as unknown as { chipLog: string[] }).chipLog.push(m), what);

    const facilitator = app.open(controlRoom(workshop.workshopId), workshop.facilitatorToken);
    const bo = await join(app.server, workshop.joinCode, 'Bo');
    const other = app.open(room, bo.token);
    const boControl = app.open(controlRoom(workshop.workshopId), bo.token);
    await Promise.all([synced(facilitator), synced(other), synced(boControl)]);

    // Femke writes a note; it is stored.
    const id = await page.evaluate(
      () => window.__werkbank?.board.add('sticky', { x: 0, y: 0, text: 'voor het slot' }) ?? '',
    );
    await waitFor(() => texts(other.doc).includes('voor het slot'), 10_000, 'first note');
    await page.locator('.topbar [data-state="saved"]').waitFor();

    // The facilitator locks; Femke's next keystroke was already on its way (it reaches the
    // server after the lock, as in the race): written as the board writes a keystroke.
    setBoardLocked(facilitator.doc, boardId, true);
    await waitFor(() => isBoardLocked(boControl.doc, boardId), 10_000, 'lock on the server');
    await mark('race');
    await page.evaluate((noteId) => {
      const board = window.__werkbank?.board;
      board?.transact(() => {
        const note = board.doc.getMap('elements').get(noteId) as Y.Map<unknown> | undefined;
        note?.set('text', 'voor het slot, getypt');
      });
    }, id);

    // Told what was not accepted and why; the chip says so.
    await page
      .getByText('Het bord is vergrendeld; je laatste wijziging is niet opgeslagen.')
      .waitFor({ timeout: 10_000 });
    await page.locator('.topbar [data-state="rejected"]').waitFor({ timeout: 10_000 });
    await screenshot(page, 'screens/durable-chip-not-accepted-laptop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'screens/durable-chip-not-accepted-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The board was loaded anew from the server: the refused text is gone there too.
    await page.waitForFunction(
      (noteId) =>
        (window.__werkbank?.board.get(noteId) as { text?: string } | undefined)?.text ===
        'voor het slot',
      id,
      { timeout: 10_000 },
    );
    expect(texts(other.doc)).not.toContain('voor het slot, getypt');

    // Unlocked, Femke goes on typing in the UI's way (the board engine), and adds a note.
    setBoardLocked(facilitator.doc, boardId, false);
    await page.waitForFunction(() => window.__werkbank?.board.canEdit === true, undefined, {
      timeout: 10_000,
    });
    await mark('typing');
    await page.evaluate((noteId) => {
      const board = window.__werkbank?.board;
      for (const text of ['n', 'na', 'na h', 'na het slot'])
        board?.update<'sticky'>(noteId, { text });
      board?.add('sticky', { x: 300, y: 0, text: 'verder getypt' });
    }, id);
    await waitFor(
      () => texts(other.doc).includes('na het slot') && texts(other.doc).includes('verder getypt'),
      20_000,
      'the later text at another participant',
    );
    await page.locator('.topbar [data-state="saved"]').waitFor({ timeout: 10_000 });
    await page.locator('.toast').waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'screens/durable-chip-saved-laptop');

    // The chip, in order: never "saved" between the refusal and the later, stored edits.
    const log = await chipLog();
    const afterRace = log.slice(log.indexOf('race') + 1);
    expect(afterRace).toContain('rejected');
    const beforeTyping = afterRace.slice(0, afterRace.indexOf('typing'));
    expect(beforeTyping).not.toContain('saved');
    expect(afterRace.slice(afterRace.indexOf('typing'))).toContain('saved');

    // The store holds the later text: the room unloaded (flushed), then read from disk.
    app.closeClients();
    await page.goto('about:blank');
    await waitFor(() => app.server.stats().rooms === 0, 10_000, 'rooms unloaded');
    const check = app.open(room, workshop.facilitatorToken);
    await synced(check);
    expect(texts(check.doc)).toEqual(expect.arrayContaining(['na het slot', 'verder getypt']));
    expect(texts(check.doc)).not.toContain('voor het slot, getypt');
    expect(
      app.person.errors.filter((e) => !/WebSocket|ERR_INTERNET|Failed to load/.test(e)),
    ).toEqual([]);
  }, 90_000);
});
