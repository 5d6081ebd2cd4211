/**
 * A board's picture: its elements as plain JSON (`BoardSnapshotResponse`), what the app draws
 * read-only before the board's Yjs document has arrived (sync-server/http/snapshot.ts). Built
 * from a loaded room's document, or kept by the store beside a compacted room
 * (`DocStore.picture`), so that a board nobody has open is drawn without decoding it.
 */
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type * as Y from 'yjs';
import type { BoardSnapshotResponse } from '../../workshops';
import { elementsMap } from '../../workshops';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The picture of a board document, as JSON. */
export function pictureJson(doc: Y.Doc): Buffer {
  const picture: BoardSnapshotResponse = {
    elements: elementsMap(doc).toJSON() as BoardSnapshotResponse['elements'],
  };
  return Buffer.from(JSON.stringify(picture));
}

/**
 * Gzipped, as it is sent and stored. Level 4: within a few per cent of the default's size at
 * about half its time; in zlib's thread pool, off the event loop.
 */
export function gzipPicture(json: Buffer): Promise<Buffer> {
  return gzipAsync(json, { level: 4 });
}

/** The gzipped picture of a board document (what the store keeps). */
export function boardPicture(doc: Y.Doc): Promise<Buffer> {
  return gzipPicture(pictureJson(doc));
}

/** A stored picture as JSON, for a client that does not take gzip. */
export function unzipPicture(gzipped: Uint8Array): Promise<Buffer> {
  return gunzipAsync(gzipped);
}
