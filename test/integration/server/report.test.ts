/**
 * The report endpoints on the real server: every format is opened again by a parser (the DOCX's
 * XML and media, the PDF's text, the CSV, the zips); refusals (401, 403, 404); and a board of
 * 10,000 elements finishes in the worker with progress.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateWorkshopResponse, JoinResponse } from '../../../workshops';
import {
  addElement,
  controlRoom,
  readElements,
  setVotes,
  startVoting,
  templateElementId,
  totalVotes,
} from '../../../workshops';
import { runReportJob } from '../../../sync-server/report/run';
import { buildFixtureWorkshop } from '../../fixtures/report-workshop';
import { serverFixture } from '../helpers/fixture';
import { pdfText } from '../helpers/pdf-text';
import { createWorkshop, join, settled, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();
let ws: CreateWorkshopResponse;
let chloe: JoinResponse;

const fx = serverFixture('file');
const { open, openSynced } = fx;

const IDEA = 'Gezamenlijke training voor werkbegeleiders, ook in Enschedé';

async function get(
  path: string,
  token?: string,
): Promise<{ status: number; bytes: Uint8Array; type: string; disposition: string }> {
  const res = await fetch(fx.server.url + path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: res.status,
    bytes: new Uint8Array(await res.arrayBuffer()),
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
  };
}

beforeAll(async () => {
  ws = await fx.start({}, 'Inclusief samenwerken');
  chloe = await join(fx.server, ws.joinCode, 'Chloë Peeters', 'Gemeente Zuid');
  const fac = open(`${ws.workshopId}/ideate`, ws.facilitatorToken);
  const part = open(`${ws.workshopId}/ideate`, chloe.token);
  await Promise.all([synced(fac), synced(part)]);
  const lane = readElements(fac.doc).find(
    (e) => e.id === templateElementId('ideate', 'lane-knowledge'),
  )!;
  addElement(
    fac.doc,
    'sticky',
    { x: lane.x + 60, y: lane.y + 200, text: IDEA },
    { author: 'facilitator', id: 'idea-1', env },
  );
  await waitFor(() => part.doc.getMap('elements').has('idea-1'), 10_000, 'the idea to arrive');
  // Votes count only in a voting round (sync-server/sync/policy.ts): the facilitator starts one.
  const control = await openSynced(controlRoom(ws.workshopId), ws.facilitatorToken);
  startVoting(
    control.doc,
    {
      boardId: 'ideate',
      frameId: '',
      votesPerPerson: 3,
      allowMultiplePerItem: true,
    },
    env,
  );
  await settled(control);
  setVotes(part.doc, 'idea-1', chloe.participantId, 2);
  // The server has it once the facilitator's copy sees Chloë's two votes.
  await waitFor(
    () => {
      const idea = readElements(fac.doc).find((e) => e.id === 'idea-1');
      return idea?.type === 'sticky' && totalVotes(idea) === 2;
    },
    10_000,
    'the vote',
  );
});

describe('GET /api/workshops/<id>/report.*', { timeout: 180_000 }, () => {
  it('DOCX: the XML holds the ideas with their votes, word/media the pictures', async () => {
    const r = await get(`/api/workshops/${ws.workshopId}/report.docx`, ws.facilitatorToken);
    expect(r.status).toBe(200);
    expect(r.type).toContain('wordprocessingml');
    expect(r.disposition).toContain('.docx');
    const files = unzipSync(r.bytes);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain(IDEA);
    expect(xml).toContain('Kennisuitwisseling');
    expect(xml).toContain('Deelnemer 1'); // pseudonymised by default
    expect(xml).not.toContain('Chloë');
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(5);
    expect([...files[media[0]!]!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe(
      'PNG',
    );
  });

  it('PDF: its text holds the ideas, a table of contents and page numbers', async () => {
    const r = await get(`/api/workshops/${ws.workshopId}/report.pdf`, ws.viewerToken);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    const text = pdfText(r.bytes);
    expect(text).toContain(IDEA);
    expect(text).toContain('Inhoud');
    expect(text).toContain('Definiëren');
    expect(text).toMatch(/\b2 \/ \d+\b/);
  });

  it('CSV: BOM, semicolons (or commas), Dutch characters intact, every row parses', async () => {
    const r = await get(`/api/workshops/${ws.workshopId}/report.csv`, ws.facilitatorToken);
    expect(r.status).toBe(200);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(r.bytes);
    const rows = text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]!.split(';')).toHaveLength(7);
    const idea = rows.find((row) => row.includes('Enschedé'))!;
    expect(idea).toBeDefined();
    expect(idea.split(';')).toEqual([
      '3. Ideeën genereren',
      'Kennisuitwisseling',
      'Kennisuitwisseling',
      '2',
      'Begeleider',
      IDEA,
      expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    ]);
    const comma = await get(
      `/api/workshops/${ws.workshopId}/report.csv?sep=comma&table=answers`,
      ws.facilitatorToken,
    );
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(comma.bytes).split('\r\n')[0]).toBe(
      '\ufeffbord,widget,soort,vraag,deelnemer,type organisatie,score',
    );
  });

  it('md.zip and zip: Markdown with its pictures, and everything in one zip', async () => {
    const md = unzipSync(
      (await get(`/api/workshops/${ws.workshopId}/report.md.zip`, ws.viewerToken)).bytes,
    );
    const text = strFromU8(md['report.md']!);
    expect(text).toContain(IDEA);
    const pictures = [...text.matchAll(/\]\((images\/[^)]+\.png)\)/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThan(5);
    for (const p of pictures) expect(md[p]).toBeDefined();
    const all = unzipSync(
      (await get(`/api/workshops/${ws.workshopId}/report.zip`, ws.facilitatorToken)).bytes,
    );
    expect(Object.keys(all)).toEqual(
      expect.arrayContaining([
        'report.docx',
        'report.pdf',
        'report.md',
        'stickies.csv',
        'answers.csv',
      ]),
    );
  });

  it('names only for the facilitator who asks; a viewer always gets pseudonyms', async () => {
    const named = await get(
      `/api/workshops/${ws.workshopId}/report.md.zip?names=1`,
      ws.facilitatorToken,
    );
    expect(strFromU8(unzipSync(named.bytes)['report.md']!)).toContain('Chloë Peeters');
    const viewer = await get(
      `/api/workshops/${ws.workshopId}/report.md.zip?names=1`,
      ws.viewerToken,
    );
    expect(strFromU8(unzipSync(viewer.bytes)['report.md']!)).not.toContain('Chloë');
  });

  it('refuses: no token 401, a participant 403, another workshop 403, unknown workshop 404', async () => {
    expect((await get(`/api/workshops/${ws.workshopId}/report.pdf`)).status).toBe(401);
    expect((await get(`/api/workshops/${ws.workshopId}/report.pdf`, chloe.token)).status).toBe(403);
    const other = await createWorkshop(fx.server, 'Ander');
    expect(
      (await get(`/api/workshops/${ws.workshopId}/report.csv`, other.facilitatorToken)).status,
    ).toBe(403);
    expect((await get(`/api/workshops/zzzzzzzzzz/report.docx`, ws.facilitatorToken)).status).toBe(
      404,
    );
    expect(
      (await get(`/api/workshops/${ws.workshopId}/report.exe`, ws.facilitatorToken)).status,
    ).toBe(404);
  });
});

describe('a board of 10,000 elements', () => {
  it('finishes in the worker, telling its progress', async () => {
    const w = buildFixtureWorkshop();
    const big = w.boards.get('define')!;
    big.transact(() => {
      for (let i = 0; i < 10_000; i++)
        addElement(
          big,
          'sticky',
          { x: 4000 + (i % 100) * 180, y: Math.floor(i / 100) * 180, text: `Idee ${i} – één` },
          { author: 'p-anna', id: `big-${i}`, z: `b${String(i).padStart(5, '0')}`, env },
        );
    });
    const stages = new Set<string>();
    const bytes = await runReportJob(
      {
        format: 'pdf',
        workshopId: w.workshopId,
        control: Y.encodeStateAsUpdate(w.control),
        boards: [...w.boards].map(([id, d]) => [id, Y.encodeStateAsUpdate(d)]),
      },
      { onProgress: (stage) => stages.add(stage) },
    );
    expect([...stages]).toEqual(['model', 'images', 'write']);
    expect(pdfText(bytes)).toContain('Idee 9999 – één');
  }, 300_000);
});
