/**
 * Issue 10, point 1 (awareness): a connection sets and removes only the awareness client ids it
 * introduced, and only a facilitator's connection may publish `facilitatorView` (which moves
 * everyone in follow mode). Crafted frames come through an ordinary participant token; what an
 * honest stock client sees afterwards is asserted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../../../workshops';
import { boardRoom, controlRoom } from '../../../workshops';
import type { Adversary } from '../helpers/adversary';
import { adversary } from '../helpers/adversary';
import type { Client, TestServer } from '../helpers/server';
import { connect, createWorkshop, join, startTestServer, synced, waitFor } from '../helpers/server';

let server: TestServer;
let workshop: CreateWorkshopResponse;
const clients: Client[] = [];
const adversaries: Adversary[] = [];
const open = async (room: string, token: string) => {
  const c = connect(server, room, token);
  clients.push(c);
  await synced(c);
  return c;
};
const hostile = async (room: string, token: string) => {
  const a = await adversary(server, room, token);
  adversaries.push(a);
  return a;
};

beforeEach(async () => {
  server = await startTestServer();
  workshop = await createWorkshop(server);
});

afterEach(async () => {
  for (const a of adversaries.splice(0)) a.close();
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

const stateAt = (c: Client, id: number) =>
  c.awareness.getStates().get(id) as Record<string, unknown> | undefined;

describe('awareness', () => {
  it("another connection's client id can be neither overwritten nor removed", async () => {
    const room = boardRoom(workshop.workshopId, 'ideate');
    const [ann, bo] = await Promise.all([
      join(server, workshop.joinCode, 'Ann'),
      join(server, workshop.joinCode, 'Bo'),
    ]);
    const a = await open(room, ann.token);
    const watcher = await open(room, workshop.facilitatorToken);
    a.awareness.setLocalStateField('user', { name: 'Ann' });
    const annId = a.doc.clientID;
    await waitFor(() => stateAt(watcher, annId)?.user !== undefined, 10_000, 'Ann present');
    const clock = a.awareness.meta.get(annId)?.clock ?? 0;

    const adv = await hostile(room, bo.token);
    adv.sendAwareness([
      { clientId: annId, clock: clock + 5, state: { user: { name: 'Gekaapt' } } },
      { clientId: 424242, clock: 1, state: { user: { name: 'Bo' } } },
    ]);
    adv.sendAwareness([{ clientId: annId, clock: clock + 10, state: null }]);
    // A marker after the forged frames: once it arrived, they were handled.
    adv.sendAwareness([{ clientId: 424243, clock: 1, state: { user: { name: 'Bo 2' } } }]);
    await waitFor(() => stateAt(watcher, 424243) !== undefined, 10_000, 'Bo’s own states');
    expect(stateAt(watcher, 424242)).toEqual({ user: { name: 'Bo' } });
    expect(stateAt(watcher, annId)).toMatchObject({ user: { name: 'Ann' } });
    expect(stateAt(a, annId)).toMatchObject({ user: { name: 'Ann' } });

    // Ann's own changes still go through; Bo leaving takes only his states along.
    a.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => stateAt(watcher, annId)?.cursor !== undefined, 10_000, 'Ann’s cursor');
    adv.close();
    await waitFor(() => stateAt(watcher, 424242) === undefined, 10_000, 'Bo gone');
    expect(stateAt(watcher, annId)).toMatchObject({ user: { name: 'Ann' } });
  });

  it('the same person’s new connection takes its own id over (a reconnect)', async () => {
    const room = boardRoom(workshop.workshopId, 'ideate');
    const ann = await join(server, workshop.joinCode, 'Ann');
    const a = await open(room, ann.token);
    const watcher = await open(room, workshop.facilitatorToken);
    a.awareness.setLocalStateField('user', { name: 'Ann' });
    const annId = a.doc.clientID;
    await waitFor(() => stateAt(watcher, annId) !== undefined, 10_000, 'Ann present');
    const again = await hostile(room, ann.token);
    again.sendAwareness([{ clientId: annId, clock: 1000, state: { user: { name: 'Ann 2' } } }]);
    await waitFor(
      () => (stateAt(watcher, annId)?.user as { name?: string } | undefined)?.name === 'Ann 2',
      10_000,
      'taken over',
    );
  });

  it('facilitatorView only from a facilitator: stripped from a participant’s state', async () => {
    const room = controlRoom(workshop.workshopId);
    const bo = await join(server, workshop.joinCode, 'Bo');
    const watcher = await open(room, bo.token);
    const adv = await hostile(room, bo.token);
    const view = { boardId: 'define', cx: 0, cy: 0, zoom: 4 };
    adv.sendAwareness([
      { clientId: 5151, clock: 1, state: { user: { name: 'Bo' }, facilitatorView: view } },
    ]);
    // The key spelt with an escape is the same key.
    adv.sendAwareness([
      {
        clientId: 5152,
        clock: 1,
        json: `{"user":{"name":"Bo"},"facilitator\\u0056iew":${JSON.stringify(view)}}`,
      },
    ]);
    await waitFor(() => stateAt(watcher, 5152) !== undefined, 10_000, 'Bo’s presence');
    expect(stateAt(watcher, 5151)).toEqual({ user: { name: 'Bo' } });
    expect(stateAt(watcher, 5152)).toEqual({ user: { name: 'Bo' } });

    const fac = await open(room, workshop.facilitatorToken);
    fac.awareness.setLocalStateField('facilitatorView', view);
    await waitFor(
      () => stateAt(watcher, fac.doc.clientID)?.facilitatorView !== undefined,
      10_000,
      'the facilitator’s view',
    );
    expect(stateAt(watcher, fac.doc.clientID)?.facilitatorView).toEqual(view);
  });
});
