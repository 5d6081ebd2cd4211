/**
 * Forgetting a participant reaches PostgreSQL: the stored updates of the workshop's rooms no longer
 * hold their name, organisation, answers or removed note — not only the documents' current state
 * (a Yjs update history keeps what later edits replaced or deleted), nor the boards' kept pictures.
 * Read from the tables as raw bytes, while the rooms are still open, and again after a restart.
 */
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addElement,
  boardRoom,
  controlRoom,
  isWidget,
  readElements,
  readRoster,
  recordWidgetAnswer,
  widgetQuestions,
} from '../../../workshops';
import { forgetParticipant } from '../../../workshops/report';
import { join, synced, waitFor } from '../helpers/server';
import { serverFixture } from '../helpers/fixture';
import type { TestDatabase } from '../helpers/scale';
import { freshDatabase } from '../helpers/scale';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const NAME = 'Annelies Vergeetmij';
const ORG = 'Stichting Geheugensteun';
const NOTE = 'Een notitie die weg moet 7f3a';

let db: TestDatabase;

beforeEach(async () => {
  db = await freshDatabase();
});

afterEach(() => db.drop());

// Registered after the database's hooks: vitest runs after-hooks last-registered first, so the
// server is gone before its database is dropped.
const fx = serverFixture();
const { open } = fx;

/**
 * Stored rows of the workshop's rooms that still hold any of `needles`, as raw bytes: the
 * documents' updates, and the boards' kept pictures (gzipped JSON, inflated to be read).
 */
async function storedWith(workshopId: string, needles: string[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ room: string; bytes: Buffer; picture: boolean }>(
      `SELECT room, update AS bytes, false AS picture FROM werkbank_updates WHERE room LIKE $1
       UNION ALL
       SELECT room, picture AS bytes, true AS picture FROM werkbank_pictures WHERE room LIKE $1`,
      [`${workshopId}%`],
    );
    return rows
      .filter((r) => {
        const text = r.picture ? gunzipSync(r.bytes) : r.bytes;
        return needles.some((n) => text.includes(Buffer.from(n, 'utf8')));
      })
      .map((r) => (r.picture ? `${r.room} (picture)` : r.room));
  } finally {
    await c.end();
  }
}

/** How many board pictures PostgreSQL keeps for the workshop. */
async function pictures(workshopId: string): Promise<number> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      'SELECT count(*) AS n FROM werkbank_pictures WHERE room LIKE $1',
      [`${workshopId}%`],
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await c.end();
  }
}

describe('forgetting a participant, in storage', () => {
  it('rewrites the stored history of the workshop without them', async () => {
    const ws = await fx.start({
      databaseUrl: db.url,
      adminToken: 'forget-admin-token',
      tokenSecret: 'forget-secret',
    });
    const who = await join(fx.server, ws.joinCode, NAME, ORG);
    // They write a note and rate the canvas.
    const board = open(boardRoom(ws.workshopId, 'empathise'), who.token);
    const test = open(boardRoom(ws.workshopId, 'test'), who.token);
    await Promise.all([synced(board), synced(test)]);
    addElement(board.doc, 'sticky', { x: 0, y: 0, text: NOTE }, { author: who.participantId, env });
    const rating = readElements(test.doc).find((e) => e.type === 'rating');
    if (!isWidget(rating)) throw new Error('no rating');
    for (const q of widgetQuestions(rating))
      recordWidgetAnswer(test.doc, rating, { questionId: q, score: 5 }, who.participantId);
    await waitFor(
      async () => (await storedWith(ws.workshopId, [NAME, NOTE])).length >= 2,
      15_000,
      'name and note stored',
    );

    // The facilitator forgets them, their writing removed, through the stock client.
    const control = open(controlRoom(ws.workshopId), ws.facilitatorToken);
    const boards = new Map(
      ['empathise', 'define', 'ideate', 'prototype', 'test'].map((b) => [
        b,
        open(boardRoom(ws.workshopId, b), ws.facilitatorToken),
      ]),
    );
    await Promise.all([synced(control), ...[...boards.values()].map((c) => synced(c))]);
    const docs = new Map([...boards].map(([b, c]) => [b, c.doc]));
    expect(forgetParticipant(control.doc, docs, who.participantId, { removeContent: true })).toBe(
      true,
    );

    // Everything stays open: the rooms are rewritten anyway, not only when they go idle.
    await waitFor(
      async () => (await storedWith(ws.workshopId, [NAME, ORG, NOTE])).length === 0,
      20_000,
      'the stored history rewritten',
    );
    // What is stored still reads as the workshop, with the pseudonym. The restart compacts every
    // room, and each board keeps a picture of what is stored: none may show them either.
    fx.server = await fx.server.restart();
    expect(await pictures(ws.workshopId)).toBe(5);
    const fresh = open(controlRoom(ws.workshopId), ws.facilitatorToken);
    await synced(fresh);
    expect(readRoster(fresh.doc).find((p) => p.id === who.participantId)?.name).toBe('Deelnemer 1');
    const freshTest = open(boardRoom(ws.workshopId, 'test'), ws.facilitatorToken);
    await synced(freshTest);
    const r = readElements(freshTest.doc).find((e) => e.type === 'rating');
    expect(isWidget(r) && r.type === 'rating' ? r.scores[who.participantId] : 'none').toBe(
      undefined,
    );
    expect(await storedWith(ws.workshopId, [NAME, ORG, NOTE])).toEqual([]);
  });
});
