/**
 * Single-use tickets for opening a WebSocket: the app trades its long-lived token (sent in a
 * header) for a ticket that is good for one connection within TICKET_TTL_MS, so the token never
 * sits in a URL that a proxy or access log records. Held in memory (a restart voids them: the
 * app asks for a new one on every connect), at most MAX_TICKETS, the oldest evicted first.
 */
import { randomBytes } from 'node:crypto';
import type { TokenClaims } from '../../workshops';

export const TICKET_TTL_MS = 30_000;
const MAX_TICKETS = 50_000;

export class TicketDesk {
  /** Insertion order is issue order: the first entry is the oldest. */
  private readonly tickets = new Map<string, { claims: TokenClaims; expires: number }>();

  constructor(private readonly ttlMs = TICKET_TTL_MS) {}

  issue(claims: TokenClaims, now = Date.now()): string {
    for (const [key, t] of this.tickets) {
      if (t.expires > now && this.tickets.size < MAX_TICKETS) break;
      this.tickets.delete(key);
    }
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { claims, expires: now + this.ttlMs });
    return ticket;
  }

  /** The claims of a valid ticket, which is used up; null for anything else. */
  redeem(ticket: string | null, now = Date.now()): TokenClaims | null {
    if (!ticket) return null;
    const held = this.tickets.get(ticket);
    if (!held) return null;
    this.tickets.delete(ticket);
    return held.expires > now ? held.claims : null;
  }
}
