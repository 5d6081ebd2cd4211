/**
 * What this device remembers: per workshop the token and the person's name, and the admin
 * token. Tokens arrive in the URL fragment (never sent to a server log) and are moved here and
 * out of the address bar at once.
 */
import type { Role } from '../../workshops';

export interface Identity {
  workshopId: string;
  token: string;
  role: Role;
  participantId: string;
  name: string;
  organisation: string;
  /** The join code used, so scanning the same code again returns to the board. */
  joinCode?: string;
}

const key = (workshopId: string) => `werkbank:ws:${workshopId}`;
export const ADMIN_KEY = 'werkbank:admin';
const LAST_KEY = 'werkbank:last';

function get(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}

function set(k: string, v: string | null): void {
  try {
    if (v === null) localStorage.removeItem(k);
    else localStorage.setItem(k, v);
  } catch {
    // private mode: the session still works, it is just not remembered
  }
}

export function loadIdentity(workshopId: string): Identity | null {
  const raw = get(key(workshopId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Identity;
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  set(key(identity.workshopId), JSON.stringify(identity));
  set(LAST_KEY, identity.workshopId);
}

export function forgetIdentity(workshopId: string): void {
  set(key(workshopId), null);
  if (get(LAST_KEY) === workshopId) set(LAST_KEY, null);
}

export function lastWorkshop(): Identity | null {
  const id = get(LAST_KEY);
  return id ? loadIdentity(id) : null;
}

export function adminToken(): string | null {
  return get(ADMIN_KEY);
}

export function saveAdminToken(token: string): void {
  set(ADMIN_KEY, token);
}

/** The `#token=…` in the address, left where it is. */
export function fragmentToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Reads `#token=…` from the address, removes it from the bar, and returns it. */
export function takeFragmentToken(): string | null {
  const token = fragmentToken();
  if (!token) return null;
  window.history.replaceState(
    window.history.state,
    '',
    window.location.pathname + window.location.search,
  );
  return token;
}

/** The token this page will open `workshopId` with: the link's, else the one remembered. */
export function tokenFor(workshopId: string): string | null {
  const fromLink = fragmentToken();
  if (fromLink && peekClaims(fromLink)?.workshopId === workshopId) return fromLink;
  return loadIdentity(workshopId)?.token ?? null;
}

/** The claims of a token, read without verifying (the server verifies; this only routes). */
export function peekClaims(
  token: string,
): { workshopId: string; role: Role; participantId: string } | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const json = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
      string,
      unknown
    >;
    if (typeof json.workshopId !== 'string' || typeof json.participantId !== 'string') return null;
    if (json.role !== 'facilitator' && json.role !== 'participant' && json.role !== 'viewer')
      return null;
    return { workshopId: json.workshopId, role: json.role, participantId: json.participantId };
  } catch {
    return null;
  }
}

/** Each with white text at WCAG AA (test/unit/access/contrast.test.ts). */
export const PERSON_COLOURS = [
  '#e11d48',
  '#db2777',
  '#9333ea',
  '#4f46e5',
  '#2563eb',
  '#0e7490',
  '#047857',
  '#4d7c0f',
  '#b45309',
  '#c2410c',
];

/** A stable colour per person (cursor, avatar). */
export function colourFor(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return PERSON_COLOURS[h % PERSON_COLOURS.length] ?? '#2563eb';
}
