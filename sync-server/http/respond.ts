import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '../../workshops';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(json);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  const body: ApiError = { error: err.code, message: err.message };
  sendJson(res, err.status, body, err.headers);
}

/** Reads a JSON body of at most `limit` bytes; anything else is a 400/413 HttpError. */
export async function readJson(
  req: IncomingMessage,
  limit = 16 * 1024,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'too_large', `request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'bad_json', 'the request body must be a JSON object');
  }
}

export function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h || !h.startsWith('Bearer ')) return null;
  return h.slice(7).trim() || null;
}

/**
 * The client address. Behind `hops` trusted reverse proxies (TRUST_PROXY=N) it is the entry N
 * places from the right of X-Forwarded-For: each proxy appends the address it saw, so the
 * entries left of that one are whatever the client sent and prove nothing. With fewer entries
 * than hops, the proxies are not set up as configured: the socket's address is used.
 */
export function clientAddress(req: IncomingMessage, hops: number): string {
  if (hops > 0) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const appended = entries[entries.length - hops];
    if (appended) return appended;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Whether Accept-Encoding lists gzip with a weight above 0 (`gzip`, `gzip;q=0.8`, not `gzip;q=0`). */
export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
