/**
 * A board drawn before its document has arrived: the server's snapshot of the board's elements
 * (`GET …/boards/<boardId>/snapshot`, docs/api.md) is plain JSON, a fraction of the document's
 * bytes, and decoding it costs a fraction of decoding the Yjs document. The first board a page
 * opens has its snapshot asked for by the page's first script (web/app/prefetch.ts), so the
 * server reads the room while the page starts.
 *
 * A `BoardPreview` holds the board's sync connection back (`held`) until the picture is on
 * screen: otherwise the document's bytes, arriving first, would keep the page busy decoding them
 * and the picture would come too late to matter. It lets go at once when there is nothing to
 * show (the device's own copy loaded, no snapshot, an error) and in any case after
 * LOCAL_LOAD_TIMEOUT_MS (web/sync/room.ts).
 */
import type { BoardSnapshotResponse, Element } from '../../workshops';
import { decodeElement } from '../../workshops';
import { takeSnapshotBody } from './snapshot-fetch';

/** Each record decoded and checked as a document's element is (malformed ones are left out). */
export function decodeSnapshot(body: unknown): Element[] | null {
  if (!isRecord(body)) return null;
  // The contract's field name, checked by the compiler; its value checked here.
  const elements = body['elements' satisfies keyof BoardSnapshotResponse];
  if (!isRecord(elements)) return null;
  const out: Element[] = [];
  for (const [id, raw] of Object.entries(elements)) {
    if (!isRecord(raw)) continue;
    const el = decodeElement(id, raw);
    if (el) out.push(el);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class BoardPreview {
  /** The snapshot's elements, or null when there is none to show. */
  readonly snapshot: Promise<Element[] | null>;
  /** Resolves once the picture is on screen or there is nothing to wait for. */
  readonly held: Promise<void>;
  private letGo!: () => void;

  constructor(workshopId: string, boardId: string, token: string) {
    this.snapshot = takeSnapshotBody(workshopId, boardId, token).then(decodeSnapshot);
    this.held = new Promise<void>((resolve) => (this.letGo = resolve));
  }

  /** The board's connection may go ahead. */
  release(): void {
    this.letGo();
  }
}
