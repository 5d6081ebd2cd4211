/**
 * Rooms and tokens for a sync scenario. The reference server has no auth: any room name will do.
 * Ours: one workshop per five rooms (its five stage boards), one participant token per client
 * through the real API (`POST /api/workshops`, `POST /api/join`). The reference's rooms get the
 * same content before the run (each the template of the stage board it stands for, written by a
 * stock client), so both servers and their clients carry documents of the same size.
 */
import type { JoinResponse } from '../../../workshops/contract';
import { API } from '../../../workshops/contract';
import { STAGES, boardRoom } from '../../../workshops/rooms';
import { seedBoardDoc } from '../../../workshops/seed';
import { HttpError, createWorkshop, post } from '../lib/api';
import { flushed, openClient } from '../lib/client';
import type { RoomPlan } from './protocol';
import type { ServerHandle } from './processes';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

export interface Provisioned {
  rooms: RoomPlan[];
  /** Set when participant tokens could not all be had (e.g. the join rate limit). */
  note?: string;
}

/** Writes each reference room's stage template through a stock client, 10 rooms at a time. */
async function seedReferenceRooms(server: ServerHandle, rooms: RoomPlan[]): Promise<void> {
  const wsUrl = server.ready.wsUrl;
  for (let i = 0; i < rooms.length; i += 10) {
    await Promise.all(
      rooms.slice(i, i + 10).map(async ({ room }) => {
        const client = openClient(wsUrl, room, '');
        try {
          await client.synced;
          seedBoardDoc(client.doc, room.split('/')[1] ?? 'ideate', 'nl', env);
          await flushed(wsUrl, room, client.doc, '', 60_000);
        } finally {
          client.close();
        }
      }),
    );
  }
}

export async function provisionRooms(
  server: ServerHandle,
  roomCount: number,
  clientsPerRoom: number,
): Promise<Provisioned> {
  if (server.kind === 'reference') {
    const rooms = Array.from({ length: roomCount }, (_, i) => ({
      room: `benchref${String(i).padStart(4, '0')}/${STAGES[i % STAGES.length] ?? 'ideate'}`,
      tokens: [],
    }));
    await seedReferenceRooms(server, rooms);
    return { rooms };
  }
  let limited = 0;
  const base = server.ready.httpUrl;
  const rooms: RoomPlan[] = [];
  for (let w = 0; rooms.length < roomCount; w++) {
    const ws = await createWorkshop(server, `Bench ${w}`);
    for (const stage of STAGES) {
      if (rooms.length >= roomCount) break;
      const tokens: string[] = [];
      for (let i = 0; i < clientsPerRoom; i++) {
        if (limited > 0) {
          tokens.push(ws.facilitatorToken);
          limited++;
          continue;
        }
        try {
          const joined = await post<JoinResponse>(base + API.join, {
            joinCode: ws.joinCode,
            name: `Deelnemer ${stage} ${i}`,
            organisation: 'Bench BV',
          });
          tokens.push(joined.token);
        } catch (err) {
          // The join endpoint is rate-limited per address; everything here comes from 127.0.0.1.
          if (!(err instanceof HttpError) || err.status !== 429) throw err;
          tokens.push(ws.facilitatorToken);
          limited++;
        }
      }
      rooms.push({ room: boardRoom(ws.workshopId, stage), tokens });
    }
  }
  return limited > 0
    ? {
        rooms,
        note: `${limited} clients used the facilitator token: POST /api/join answered 429 (rate limit)`,
      }
    : { rooms };
}
