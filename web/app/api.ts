/** Typed calls to the server's JSON API (contract: workshops/contract.ts). */
import { useEffect, useState } from 'react';
import type {
  ApiError,
  ConfigResponse,
  CreateWorkshopRequest,
  CreateWorkshopResponse,
  JoinRequest,
  JoinResponse,
  RevokeRequest,
  RevokeResponse,
  TicketResponse,
  TimeResponse,
  WorkshopInfo,
  WorkshopListEntry,
} from '../../workshops';
import { API } from '../../workshops';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

async function call<T>(
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch {
    throw new ApiFailure(0, 'network', 'network error');
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const err = (body ?? {}) as Partial<ApiError>;
    const retry = res.headers.get('retry-after');
    throw new ApiFailure(
      res.status,
      err.error ?? 'error',
      err.message ?? res.statusText,
      retry ? Number(retry) : null,
    );
  }
  return body as T;
}

export const api = {
  join: (req: JoinRequest) => call<JoinResponse>(API.join, { body: req }),
  workshop: (workshopId: string, token: string) =>
    call<WorkshopInfo>(API.workshop(workshopId), { token }),
  createWorkshop: (req: CreateWorkshopRequest, adminToken: string) =>
    call<CreateWorkshopResponse>(API.workshops, { body: req, token: adminToken }),
  listWorkshops: (adminToken: string) =>
    call<{ workshops: WorkshopListEntry[] }>(API.workshops, { token: adminToken }),
  time: () => call<TimeResponse>(API.time),
  config: () => call<ConfigResponse>(API.config),
  /** A single-use WebSocket ticket for the token (which stays in the header). */
  ticket: (token: string) => call<TicketResponse>(API.tickets, { token, body: {} }),
  revoke: (workshopId: string, req: RevokeRequest, adminToken: string) =>
    call<RevokeResponse>(API.revoke(workshopId), { body: req, token: adminToken }),
};

let config: Promise<ConfigResponse> | null = null;

/**
 * The address others in the room use to reach this server: the server's `PUBLIC_URL` (or LAN
 * address), else this browser's own origin. For the join link, its QR code and the room screen.
 */
export function useShareOrigin(): string {
  const [origin, setOrigin] = useState(window.location.origin);
  useEffect(() => {
    let live = true;
    config ??= api.config().catch(() => {
      config = null;
      return { publicUrl: null };
    });
    void config.then((c) => {
      if (live && c.publicUrl) setOrigin(c.publicUrl.replace(/\/$/, ''));
    });
    return () => {
      live = false;
    };
  }, []);
  return origin;
}

/** Server clock minus local clock: the median of a few round trips, each corrected by half its RTT. */
export async function measureClockOffset(samples = 3): Promise<number> {
  const offsets: number[] = [];
  for (let i = 0; i < samples; i++) {
    try {
      const t0 = Date.now();
      const { now } = await api.time();
      const t1 = Date.now();
      offsets.push(now - (t0 + t1) / 2);
    } catch {
      // offline: keep what we have
    }
  }
  offsets.sort((a, b) => a - b);
  return offsets.length ? (offsets[Math.floor(offsets.length / 2)] ?? 0) : 0;
}
