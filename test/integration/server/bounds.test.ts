/**
 * Issue 10, point 4: what one connection can cost the server is bounded. Byte quotas per
 * connection and per room, a maximum document size, query-awareness from one cached encoding
 * and rate-limited, no unapplicable updates kept or served, refused sockets read nothing, the
 * join limiter bounded, and the client address taken from what the proxy appended.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, addElement, boardRoom, readElements } from '../../../workshops';
import { WindowLimiter } from '../../../sync-server/http/ratelimit';
import type { RawClient } from '../helpers/raw';
import { serverFixture } from '../helpers/fixture';
import { rawConnect, updateFrame } from '../helpers/raw';
import { freePort, rssOf, startMain } from '../helpers/main';
import type { Client } from '../helpers/server';
import { api, join as joinWorkshop, startTestServer, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const raws: RawClient[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const r of raws.splice(0)) r.ws.terminate();
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ideate = () => boardRoom(fx.workshop.workshopId, 'ideate');
const observe = (room = ideate()) => fx.openSynced(room, fx.workshop.facilitatorToken);
const flooded = (c: Client) =>
  readElements(c.doc).filter((e) => e.type === 'sticky' && e.text.startsWith('vloed')).length;

/** A participant on a raw socket, with a doc of its own that makes valid notes. */
async function rawParticipant(room = ideate()) {
  const p = await joinWorkshop(fx.server, fx.workshop.joinCode, 'Vloed');
  const raw = rawConnect(fx.server.url, `/sync/${room}?token=${encodeURIComponent(p.token)}`);
  raws.push(raw);
  await raw.opened;
  const doc = new Y.Doc();
  let n = 0;
  /** One update frame of `notes` notes of about 900 bytes each. */
  const frame = (notes = 10): Uint8Array => {
    const updates: Uint8Array[] = [];
    const grab = (u: Uint8Array) => updates.push(u);
    doc.on('update', grab);
    doc.transact(() => {
      for (let i = 0; i < notes; i++)
        addElement(
          doc,
          'sticky',
          { x: (n++ % 40) * 30, y: 0, text: `vloed ${n} ${'x'.repeat(900)}` },
          { author: p.participantId, env },
        );
    });
    doc.off('update', grab);
    return updateFrame(updates[0] as Uint8Array);
  };
  return { raw, frame, doc, participant: p };
}

/** Sends frames until the socket closes (at most `max`); returns the close. */
async function floodUntilClosed(raw: RawClient, frame: () => Uint8Array, max: number) {
  for (let i = 0; i < max && raw.ws.readyState === raw.ws.OPEN; i++) {
    raw.send(frame());
    if (i % 5 === 4) await new Promise((r) => setImmediate(r));
  }
  return raw.closed;
}

describe('byte quotas', () => {
  it('a connection over its bytes per second is closed with 4429; what it sent before stays', async () => {
    await fx.start({ limits: { bytesPerSecond: 16 * 1024, byteBurst: 128 * 1024 } });
    const { raw, frame } = await rawParticipant();
    // 400 notes of ~900 bytes: 360 KB, far over the 128 KB burst.
    expect((await floodUntilClosed(raw, () => frame(10), 40)).code).toBe(CLOSE.tooFast);
    const seen = flooded(await observe());
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(200);
    fx.server = await fx.server.restart();
    const after = await observe();
    expect(flooded(after)).toBe(seen);
  });

  it('joining a board larger than the burst is no flood; asking for it again and again is', async () => {
    await fx.start();
    const { raw, frame } = await rawParticipant();
    for (let i = 0; i < 30; i++) raw.send(frame(10)); // ~270 KB of notes
    const o = await observe();
    await waitFor(() => flooded(o) === 300, 10_000, 'the notes stored');
    await fx.server.stop();
    fx.server = await startTestServer(
      { limits: { bytesPerSecond: 8 * 1024, byteBurst: 64 * 1024 } },
      fx.server.dataDir,
    );
    const newcomer = await observe();
    expect(flooded(newcomer)).toBe(300);
    const { raw: asker } = await rawParticipant();
    for (let i = 0; i < 10 && asker.ws.readyState === asker.ws.OPEN; i++)
      asker.send(new Uint8Array([0, 0, 1, 0])); // sync step 1 with an empty state vector
    expect((await asker.closed).code).toBe(CLOSE.tooFast);
  });

  it('a room over its bytes per second refuses the connection that tips it (4529, retryable)', async () => {
    await fx.start({
      limits: {
        bytesPerSecond: 10 * 1024 * 1024,
        roomBytesPerSecond: 1024,
        roomByteBurst: 150 * 1024,
      },
    });
    const a = await rawParticipant();
    const b = await rawParticipant();
    for (let i = 0; i < 10; i++) a.raw.send(a.frame(10)); // ~90 KB: within the room's burst
    expect((await floodUntilClosed(b.raw, () => b.frame(10), 20)).code).toBe(CLOSE.roomBusy);
    expect(a.raw.ws.readyState).toBe(a.raw.ws.OPEN);
    const o = await observe();
    await waitFor(() => flooded(o) >= 100, 10_000, "the first participant's notes");
  });

  it('a document at its maximum size takes no more (4422), also after a restart', async () => {
    await fx.start({ limits: { maxDocumentBytes: 80 * 1024 } });
    const { raw, frame } = await rawParticipant();
    expect((await floodUntilClosed(raw, () => frame(10), 30)).code).toBe(CLOSE.documentFull);
    fx.server = await fx.server.restart();
    const o = await observe();
    expect(Y.encodeStateAsUpdate(o.doc).length).toBeLessThanOrEqual(80 * 1024);
    expect(flooded(o)).toBeGreaterThan(0);
    const again = await rawParticipant();
    again.raw.send(again.frame(10));
    expect((await again.raw.closed).code).toBe(CLOSE.documentFull);
  });
});

describe('awareness', () => {
  const awarenessFrames = (raw: RawClient) => raw.received.filter((m) => m[0] === 1);
  const text = (m: Uint8Array) => new TextDecoder().decode(m);

  it('query-awareness is answered from one encoding, at most once a second per connection', async () => {
    await fx.start();
    const f = await observe();
    f.awareness.setLocalStateField('user', { name: 'Begeleider' });
    const { raw } = await rawParticipant();
    await waitFor(() => awarenessFrames(raw).some((m) => text(m).includes('Begeleider')));
    const before = awarenessFrames(raw).length;
    for (let i = 0; i < 300; i++) raw.send(new Uint8Array([3]));
    // A sync step 1 after the queries: its answer comes after theirs (one connection, in order).
    raw.send(new Uint8Array([0, 0, 1, 0]));
    const replies = raw.received.length;
    await waitFor(() => raw.received.slice(replies).some((m) => m[0] === 0 && m[1] === 1));
    expect(awarenessFrames(raw).length - before).toBeLessThanOrEqual(2);

    // The cached encoding follows changes: a newcomer sees the new name at once.
    f.awareness.setLocalStateField('user', { name: 'Nieuwe naam' });
    const { raw: late } = await rawParticipant();
    await waitFor(() => awarenessFrames(late).length > 0);
    expect(text(awarenessFrames(late)[0] as Uint8Array)).toContain('Nieuwe naam');
  });
});

describe('updates with a gap', () => {
  it('are neither kept nor served to joiners; the sender is asked for what is missing', async () => {
    await fx.start();
    const { raw, frame } = await rawParticipant();
    const first = frame(1);
    const second = frame(1); // depends on `first` (same client, next clock)
    const step1s = () => raw.received.filter((m) => m[0] === 0 && m[1] === 0).length;
    await waitFor(() => step1s() === 1, 5000, "the server's first sync step 1");
    raw.send(second);
    await waitFor(() => step1s() === 2, 5000, 'the server asks for what it lacks');

    const joiner = await observe();
    expect(joiner.doc.store.pendingStructs).toBeNull();
    expect(flooded(joiner)).toBe(0);

    raw.send(first);
    raw.send(second);
    await waitFor(() => flooded(joiner) === 2, 5000, 'both notes once complete');
    fx.server = await fx.server.restart();
    const after = await observe();
    expect(after.doc.store.pendingStructs).toBeNull();
    expect(flooded(after)).toBe(2);
  });
});

describe('unauthenticated sockets', () => {
  it('cost nothing beyond their close: what they send is never read', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'werkbank-bounds-'));
    dirs.push(dataDir);
    const child = await startMain(port, dataDir);
    children.push(child);
    const pid = child.pid as number;
    const base = rssOf(pid);
    // 16 sockets with a bad token, each offering 32 MB of binary frames right after its request.
    const payload = Buffer.alloc(1024 * 1024, 7);
    const header = Buffer.from([0x82, 0xff, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0]);
    const frame = Buffer.concat([header, payload]); // masked with key 0: payload as is
    const sockets = Array.from({ length: 16 }, () => {
      const s = netConnect(port, '127.0.0.1');
      s.on('error', () => {});
      s.write(
        `GET /sync/abcdefgh/control?token=forged HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n` +
          `Sec-WebSocket-Version: 13\r\n\r\n`,
      );
      for (let i = 0; i < 32; i++) s.write(frame);
      return s;
    });
    const answers = sockets.map(
      (s) =>
        new Promise<string>((ok) => {
          let got = '';
          s.on('data', (d: Buffer) => {
            got += d.toString('latin1');
            if (got.includes('forged') || got.includes('invalid')) ok(got);
          });
        }),
    );
    const replies = await Promise.all(answers);
    expect(replies.every((r) => r.startsWith('HTTP/1.1 101'))).toBe(true);
    // The server has refused them all; offered 512 MB, it holds next to nothing of it.
    // Sampled while the sockets still have bytes to hand over (for at most 5 s).
    let peak = 0;
    await waitFor(() => {
      peak = Math.max(peak, rssOf(pid) - base);
      return !sockets.some((s) => s.writableLength > 0);
    }, 5000).catch(() => undefined);
    peak = Math.max(peak, rssOf(pid) - base);
    expect(peak).toBeLessThan(128 * 1024 * 1024);
    for (const s of sockets) s.destroy();
  }, 60_000);
});

describe('the join limiter', () => {
  it('keeps at most its number of addresses, evicting the least recently used', () => {
    const limiter = new WindowLimiter(3, 60_000, 100);
    for (let i = 0; i < 3; i++) limiter.record('attacker');
    for (let i = 0; i < 1000; i++) {
      limiter.record(`10.0.${i >> 8}.${i & 255}`);
      if (i % 50 === 0) expect(limiter.retryAfter('attacker')).toBeGreaterThan(0); // used: kept
      if (i % 50 === 0) limiter.record('attacker');
    }
    expect(limiter.size).toBeLessThanOrEqual(100);
    expect(limiter.retryAfter('attacker')).toBeGreaterThan(0);
  });
});

describe('TRUST_PROXY', () => {
  const wrongJoin = (forwardedFor: string) =>
    fetch(`${fx.server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ joinCode: 'ZZZZZZ', name: 'X' }),
    }).then((r) => r.status);

  it('takes the address the proxy appended, not the one the client sent', async () => {
    await fx.start({ trustProxy: 1, limits: { joinFailuresPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await wrongJoin(`198.51.100.${i}, 203.0.113.7`));
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    // Another real client is not limited.
    expect(await wrongJoin('198.51.100.1, 203.0.113.8')).toBe(404);
  });

  it('with N proxies, takes the entry N places from the right', async () => {
    await fx.start({ trustProxy: 2, limits: { joinFailuresPerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(await wrongJoin(`spoof-${i}, 203.0.113.9, 10.0.0.${i}`));
    expect(statuses).toEqual([404, 404, 429]);
    expect((await api(fx.server, '/healthz')).status).toBe(200);
  });
});
