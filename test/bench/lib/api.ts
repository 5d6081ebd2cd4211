/** The server's HTTP API as the benches use it (ours only): JSON posts, workshops made by the admin. */
import type { CreateWorkshopResponse } from '../../../workshops/contract';
import { API } from '../../../workshops/contract';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** POSTs `body` as JSON; throws an HttpError (with the status) unless the answer is 2xx. */
export async function post<T>(url: string, body: unknown, bearer?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new HttpError(res.status, `POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A Dutch workshop titled `title`, made with the server's admin token. */
export function createWorkshop(
  server: { ready: { httpUrl: string; adminToken?: string } },
  title: string,
): Promise<CreateWorkshopResponse> {
  return post<CreateWorkshopResponse>(
    server.ready.httpUrl + API.workshops,
    { title, language: 'nl' },
    server.ready.adminToken,
  );
}
