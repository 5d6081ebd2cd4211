/**
 * Issue 10: 100,000 frames from hostile participants against `npm start`'s own process, valid
 * and invalid mixed: notes, forged authors and roots, updates with a clock gap, awareness for
 * their own and for others' client ids, query-awareness and sync step 1 floods, truncated frames
 * and garbage (a closed hostile connection reconnects). Meanwhile honest participants keep
 * working with the stock client. Afterwards the honest clients and a newcomer hold the same
 * board, and the server's resident memory stayed within a generous bound throughout.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE, addElement, boardRoom, elementsMap, readElements } from '../../../workshops';
import type { JoinResponse } from '../../../workshops';
import type { RawClient } from '../helpers/raw';
import { rawConnect, updateFrame } from '../helpers/raw';
import { freePort, rssOf, startMain } from '../helpers/main';
import type { Client } from '../helpers/server';
import { connect, createWorkshop, join as joinWorkshop, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const HOSTILE = 8;
const HONEST = 3;
/** Generous: the server idles at ~100 MB; unbounded buffering would pass this quickly. */
const RSS_GROWTH_LIMIT = 400 * 1024 * 1024;

const children: ChildProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** JSON with object keys sorted (two docs may hold the same map in a different order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** One hostile participant: makes the next frame of its mix. */
function hostile(p: JoinResponse, seed: number, victims: () => number[]) {
  const rand = prng(seed);
  const doc = new Y.Doc();
  let clock = 0;
  let n = 0;
  const grab = (f: () => void): Uint8Array => {
    const updates: Uint8Array[] = [];
    const on = (u: Uint8Array) => updates.push(u);
    doc.on('update', on);
    doc.transact(f);
    doc.off('update', on);
    return Y.mergeUpdates(updates);
  };
  const note = (author: string) =>
    grab(() => {
      addElement(
        doc,
        'sticky',
        { x: rand() * 2000, y: rand() * 2000, text: `h${seed}-${n++}` },
        { author, env },
      );
    });
  return (): Uint8Array => {
    const r = rand();
    if (r < 0.3) return new Uint8Array([MESSAGE.queryAwareness]);
    if (r < 0.6)
      return awarenessFrame(doc.clientID, ++clock, {
        cursor: { x: rand() * 1000, y: rand() * 1000 },
      });
    if (r < 0.65) {
      const ids = victims();
      const id = ids[Math.floor(rand() * ids.length)] ?? 1;
      return awarenessFrame(id, 1e6 + clock++, { facilitatorView: { x: 0, y: 0, scale: 9 } });
    }
    if (r < 0.68) return new Uint8Array([MESSAGE.sync, 0, 1, 0]); // sync step 1, empty vector
    if (r < 0.7) return updateFrame(note(p.participantId));
    if (r < 0.71) return updateFrame(note('someone-else'));
    if (r < 0.72) {
      const meta = new Y.Doc();
      meta.getMap('meta').set('seededAt', 0);
      return updateFrame(Y.encodeStateAsUpdate(meta));
    }
    if (r < 0.73) {
      // A gap: an update whose earlier part is never sent.
      note(p.participantId);
      return updateFrame(note(p.participantId).slice());
    }
    if (r < 0.995) return new Uint8Array([MESSAGE.auth, 0]); // ignored by the server
    if (r < 0.998) return updateFrame(note(p.participantId)).subarray(0, 9); // truncated
    return Uint8Array.from({ length: 16 }, () => Math.floor(rand() * 256)); // garbage
  };
}

describe('fuzz', () => {
  it(`${FRAMES.toLocaleString('en')} hostile frames: honest clients converge, memory bounded`, async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'werkbank-fuzz-'));
    dirs.push(dataDir);
    const child = await startMain(port, dataDir, { MESSAGES_PER_SECOND: '50000' });
    children.push(child);
    const pid = child.pid as number;
    const server = { url: `http://127.0.0.1:${port}`, adminToken: 'main-test-admin-token' };
    const workshop = await createWorkshop(server);
    const room = boardRoom(workshop.workshopId, 'ideate');

    const honest: Array<{ c: Client; p: JoinResponse }> = [];
    for (let i = 0; i < HONEST; i++) {
      const p = await joinWorkshop(server, workshop.joinCode, `Eerlijk ${i}`);
      const c = connect(server, room, p.token);
      clients.push(c);
      honest.push({ c, p });
    }
    await Promise.all(honest.map(({ c }) => synced(c)));
    const victims = () => honest.map(({ c }) => c.doc.clientID);
    const base = rssOf(pid);
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssOf(pid) - base);
    }, 200);

    let sent = 0;
    /** How the hostile connections ended, by close code (printed: what the mix provoked). */
    const closes: Record<number, number> = {};
    let honestNotes = 0;
    const attack = async (k: number) => {
      const p = await joinWorkshop(server, workshop.joinCode, `Vijand ${k}`);
      const next = hostile(p, 1000 + k, victims);
      let raw: RawClient | null = null;
      while (sent < FRAMES) {
        if (!raw || raw.ws.readyState !== raw.ws.OPEN) {
          raw = rawConnect(server.url, `/sync/${room}?token=${encodeURIComponent(p.token)}`);
          const r = raw;
          void r.closed.then(({ code }) => (closes[code] = (closes[code] ?? 0) + 1));
          const opened = await Promise.race([
            r.opened.then(() => true),
            r.closed.then(() => false),
          ]);
          if (!opened) continue;
        }
        for (let i = 0; i < 200 && sent < FRAMES && raw.ws.readyState === raw.ws.OPEN; i++) {
          raw.send(next());
          sent++;
        }
        // Honest work goes on meanwhile: a note now and then, cursors all the time.
        const h = honest[k % HONEST];
        if (h && k < HONEST && sent % 2000 < 200) {
          addElement(
            h.c.doc,
            'sticky',
            { x: honestNotes * 5, y: 0, text: `eerlijk ${honestNotes++}` },
            { author: h.p.participantId, env },
          );
        }
        h?.c.awareness.setLocalStateField('cursor', { x: sent % 997, y: k });
        while (raw.ws.readyState === raw.ws.OPEN && raw.ws.bufferedAmount > 256 * 1024)
          await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setImmediate(r));
      }
      raw?.ws.close();
    };
    await Promise.all(Array.from({ length: HOSTILE }, (_, k) => attack(k)));

    // The honest clients converge with each other and with a newcomer reading the server.
    const late = connect(server, room, workshop.facilitatorToken);
    clients.push(late);
    await synced(late, 30_000);
    const honestOf = (c: Client) =>
      readElements(c.doc).filter((e) => e.type === 'sticky' && e.text.startsWith('eerlijk '))
        .length;
    await waitFor(
      () => [late, ...honest.map((h) => h.c)].every((c) => honestOf(c) === honestNotes),
      30_000,
      'every honest note everywhere',
    );
    const state = (c: Client) => canonical(elementsMap(c.doc).toJSON());
    await waitFor(
      () => honest.every((h) => state(h.c) === state(late)),
      30_000,
      'the honest clients hold what the server holds',
    );
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid) - base);
    console.log(
      `fuzz: ${sent} frames, peak RSS growth ${Math.round(peak / 2 ** 20)} MB, closes`,
      closes,
    );
    expect(sent).toBe(FRAMES);
    expect(honestNotes).toBeGreaterThan(0);
    expect(late.doc.store.pendingStructs).toBeNull();
    expect(peak).toBeLessThan(RSS_GROWTH_LIMIT);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  }, 120_000);
});
