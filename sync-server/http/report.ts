/**
 * GET /api/workshops/<id>/report.(docx|pdf|md.zip|csv|zip) — the series report as a file, for
 * facilitator and viewer tokens (docs/api.md). Participants are refused: the report holds
 * everyone's answers. The documents are read through the rooms registry (a snapshot of each,
 * the rooms released at once) and the file is built in a worker thread (sync-server/report).
 *
 * Query: `lang=nl|en` (default: the workshop's), `names=1` (real names; facilitator only),
 * `sep=comma` (CSV with `,` instead of `;`), `table=answers` (CSV of the answers, not the stickies).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { isLang, readBoards } from '../../workshops';
import type { ReportFormat, ReportJob } from '../report/build';
import { CONTENT_TYPES, REPORT_FORMATS } from '../report/build';
import { runReportJob } from '../report/run';
import type { ApiDeps } from './api';
import { HttpError, bearer } from './respond';

const ROUTE = /^\/api\/workshops\/([a-z0-9]{6,40})\/report\.(docx|pdf|md\.zip|csv|zip)$/;

async function snapshot(
  deps: ApiDeps,
  workshopId: string,
): Promise<Pick<ReportJob, 'control' | 'boards'>> {
  const control = await deps.rooms.acquire({ kind: 'control', workshopId });
  try {
    const boards: Array<[string, Uint8Array]> = [];
    for (const b of readBoards(control.doc)) {
      const room = await deps.rooms.acquire({ kind: 'board', workshopId, boardId: b.id });
      try {
        boards.push([b.id, Y.encodeStateAsUpdate(room.doc)]);
      } finally {
        deps.rooms.release(room);
      }
    }
    return { control: Y.encodeStateAsUpdate(control.doc), boards };
  } finally {
    deps.rooms.release(control);
  }
}

/** Serves a report request; returns false when the path is not a report route. */
export async function handleReport(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ApiDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  const match = ROUTE.exec(url.pathname);
  if (!match?.[1] || !match[2]) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new HttpError(405, 'method_not_allowed', 'use GET', { allow: 'GET' });
  const workshopId = match[1];
  const format = match[2] as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new HttpError(404, 'not_found', 'no such report format');
  const claims = await deps.tokens.verify(bearer(req));
  if (!claims) throw new HttpError(401, 'unauthorized', 'a valid token is required');
  const workshop = await deps.workshops.get(workshopId);
  if (!workshop) throw new HttpError(404, 'not_found', 'no such workshop');
  if (claims.workshopId !== workshopId)
    throw new HttpError(403, 'forbidden', 'this token is for another workshop');
  if (claims.role !== 'facilitator' && claims.role !== 'viewer')
    throw new HttpError(403, 'forbidden', 'the report is for the facilitator and viewers');
  const lang = url.searchParams.get('lang');
  const job: ReportJob = {
    format,
    workshopId,
    ...(await snapshot(deps, workshopId)),
    ...(isLang(lang) ? { lang } : {}),
    // Real names only when the facilitator asks for them; a viewer always gets pseudonyms.
    names: claims.role === 'facilitator' && url.searchParams.get('names') === '1',
    sep: url.searchParams.get('sep') === 'comma' ? ',' : ';',
    table: url.searchParams.get('table') === 'answers' ? 'answers' : 'stickies',
  };
  const aborted = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) aborted.abort();
  };
  res.on('close', onClose);
  let bytes: Uint8Array;
  try {
    bytes = await runReportJob(job, { signal: aborted.signal });
  } catch (err) {
    if (aborted.signal.aborted) return true;
    deps.log.error({ workshop: workshopId, format, err }, 'report failed');
    throw new HttpError(500, 'report_failed', 'the report could not be made');
  }
  const name = `werkbank-${workshopId}-${format === 'csv' ? job.table : 'report'}.${format}`;
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[format],
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  res.end(
    req.method === 'HEAD'
      ? undefined
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  deps.log.info({ workshop: workshopId, format, bytes: bytes.byteLength }, 'report made');
  return true;
}
