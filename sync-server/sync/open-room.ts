/**
 * Who may open which room, in one place: the WebSocket upgrade (sync-server/server.ts) and the
 * board snapshot (sync-server/http/snapshot.ts) ask the same question and get the same answer.
 * The token's claims are already verified; this checks the workshop, the revocation, the
 * participant's removal and the board, and opens the rooms (held until `releaseRooms`).
 */
import type { RoomRef, TokenClaims } from '../../workshops';
import { isParticipantRemoved, readBoards, readWorkshop, seedBoardDoc } from '../../workshops';
import { isRevoked } from '../auth/tokens';
import { serverEnv } from '../env';
import type { WorkshopStore } from '../store/workshops';
import type { Room } from './room';
import type { Rooms } from './rooms';

/** How long an opener waits for the store to take what the room's load wrote. */
const OWN_WRITES_WAIT_MS = 5_000;

export type RoomRefusal =
  'other-workshop' | 'no-workshop' | 'revoked' | 'removed' | 'no-board' | 'unavailable';

export interface OpenedRooms {
  /** The room asked for (the control room itself when that was asked for). */
  room: Room;
  control: Room;
}

export type RoomAccess =
  | ({ ok: true } & OpenedRooms)
  | { ok: false; refusal: RoomRefusal; /** Why a room could not be opened. */ error?: unknown };

/** Opens `ref` for the holder of `claims`, or says why not. Never throws. */
export async function openRoomFor(
  rooms: Rooms,
  workshops: WorkshopStore,
  claims: TokenClaims,
  ref: RoomRef,
): Promise<RoomAccess> {
  const access = await mayOpen(rooms, workshops, claims, ref);
  if (!access.ok || ref.kind !== 'board') return access;
  return openBoard(rooms, access.control, ref);
}

/**
 * Opens the board `ref` for a caller `mayOpen` let in, who holds its workshop's `control` room:
 * on success both are held (`releaseRooms`), on a refusal the control room is let go.
 */
export async function openBoard(
  rooms: Rooms,
  control: Room,
  ref: Extract<RoomRef, { kind: 'board' }>,
): Promise<RoomAccess> {
  let room: Room;
  try {
    room = await rooms.acquire(ref);
  } catch (err) {
    rooms.release(control);
    return { ok: false, refusal: 'unavailable', error: err };
  }
  try {
    // Once per load: seeds a board added later, and brings an older template up to date (a
    // no-op for a current board; people's work is never touched).
    if (!room.templateChecked) {
      room.templateChecked = true;
      seedBoardDoc(room.doc, ref.boardId, readWorkshop(control.doc).language, serverEnv);
    }
  } catch (err) {
    releaseRooms(rooms, { room, control });
    return { ok: false, refusal: 'unavailable', error: err };
  }
  // What the check wrote (a migration, a template upgrade) is stored before anyone syncs: see
  // Room.ownWritesOut. A store too slow for that lets the joiner in anyway.
  await room.ownWritesOut(OWN_WRITES_WAIT_MS);
  return { ok: true, room, control };
}

/**
 * Whether the holder of `claims` may open `ref`, without opening a board's room: the answer of
 * `openRoomFor`, with only the workshop's control room held (`room` is the control room; let go
 * with `releaseRooms`). The board snapshot asks this first, to show a board nobody has open from
 * its stored picture without decoding it.
 */
export async function mayOpen(
  rooms: Rooms,
  workshops: WorkshopStore,
  claims: TokenClaims,
  ref: RoomRef,
): Promise<RoomAccess> {
  const refuse = (refusal: RoomRefusal, error?: unknown): RoomAccess =>
    error === undefined ? { ok: false, refusal } : { ok: false, refusal, error };
  if (claims.workshopId !== ref.workshopId) return refuse('other-workshop');
  const workshop = await workshops.get(ref.workshopId);
  if (!workshop) return refuse('no-workshop');
  if (isRevoked(claims, workshop.generations)) return refuse('revoked');
  let control: Room;
  try {
    control = await rooms.acquire({ kind: 'control', workshopId: ref.workshopId });
  } catch (err) {
    return refuse('unavailable', err);
  }
  if (claims.role === 'participant' && isParticipantRemoved(control.doc, claims.participantId)) {
    rooms.release(control);
    return refuse('removed');
  }
  if (ref.kind === 'board' && !readBoards(control.doc).some((b) => b.id === ref.boardId)) {
    rooms.release(control);
    return refuse('no-board');
  }
  return { ok: true, room: control, control };
}

/** Lets go of what `openRoomFor` opened. */
export function releaseRooms(rooms: Rooms, opened: OpenedRooms): void {
  if (opened.room !== opened.control) rooms.release(opened.room);
  rooms.release(opened.control);
}
