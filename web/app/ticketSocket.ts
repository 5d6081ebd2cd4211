/**
 * A WebSocket for the y-websocket provider that never puts the long-lived token in a URL: each
 * time the provider opens a socket (first connect and every reconnect), this one first trades the
 * token for a single-use ticket (`POST /api/tickets`, token in the Authorization header), then
 * opens the real socket with `?ticket=`. Looks like a WebSocket to the provider: it sets the
 * on… handlers, sends, closes and reads `readyState`.
 */
import { CLOSE } from '../../workshops';
import { ApiFailure, api } from './api';

type Handler<E> = ((event: E) => void) | null;

/** Close codes for a refused ticket: what the server would have closed the socket with. */
const REFUSED: Record<number, number> = {
  401: CLOSE.unauthorized,
  403: CLOSE.forbidden,
  404: CLOSE.notFound,
};

export function ticketSocket(
  token: string,
  getTicket: (token: string) => Promise<string> = async (t) => (await api.ticket(t)).ticket,
): typeof WebSocket {
  class TicketSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'arraybuffer';
    readyState = 0;
    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onerror: Handler<Event> = null;
    onclose: Handler<CloseEvent> = null;
    private socket: WebSocket | null = null;
    private abandoned = false;

    constructor(url: string, protocols?: string | string[]) {
      void this.open(url, protocols);
    }

    private async open(url: string, protocols?: string | string[]): Promise<void> {
      let ticket: string;
      try {
        ticket = await getTicket(token);
      } catch (err) {
        if (this.abandoned) return;
        const code = err instanceof ApiFailure ? (REFUSED[err.status] ?? 1006) : 1006;
        this.readyState = 3;
        this.onclose?.({ code, reason: 'no ticket', wasClean: false } as CloseEvent);
        return;
      }
      if (this.abandoned) return;
      const ws = new WebSocket(
        `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`,
        protocols,
      );
      ws.binaryType = this.binaryType;
      ws.onopen = (e) => {
        this.readyState = 1;
        this.onopen?.(e);
      };
      ws.onmessage = (e) => this.onmessage?.(e);
      ws.onerror = (e) => this.onerror?.(e);
      ws.onclose = (e) => {
        this.readyState = 3;
        this.onclose?.(e);
      };
      this.socket = ws;
    }

    send(data: ArrayBufferLike | ArrayBufferView | Blob | string): void {
      this.socket?.send(data);
    }

    close(code?: number, reason?: string): void {
      this.abandoned = true;
      if (this.socket) this.socket.close(code, reason);
      this.readyState = this.socket ? 2 : 3;
    }
  }
  return TicketSocket as unknown as typeof WebSocket;
}
