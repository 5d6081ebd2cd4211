/**
 * Issue 10, point 1 (awareness): a connection sets and removes only the awareness client ids it
 * introduced, and only a facilitator's connection may publish `facilitatorView` (which moves
 * everyone in follow mode). Crafted frames come through an ordinary participant token; what an
 * honest stock client sees afterwards is asserted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { boardRoom, controlRoom } from '../../../workshops';
import { serverFixture } from '../helpers/fixture';
import type { Client } from '../helpers/server';
import { join, waitFor } from '../helpers/server';

const fx = serverFixture();
const { openSynced, hostile } = fx;
beforeEach(() => fx.start());

const stateAt = (c: Client, id: number) =>
  c.awareness.getStates().get(id) as Record<string, unknown> | undefined;

describe('awareness', () => {
  it("another connection's client id can be neither overwritten nor removed", async () => {
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const [ann, bo] = await Promise.all([
      join(fx.server, fx.workshop.joinCode, 'Ann'),
      join(fx.server, fx.workshop.joinCode, 'Bo'),
    ]);
    const a = await openSynced(room, ann.token);
    const watcher = await openSynced(room, fx.workshop.facilitatorToken);
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
    const room = boardRoom(fx.workshop.workshopId, 'ideate');
    const ann = await join(fx.server, fx.workshop.joinCode, 'Ann');
    const a = await openSynced(room, ann.token);
    const watcher = await openSynced(room, fx.workshop.facilitatorToken);
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
    const room = controlRoom(fx.workshop.workshopId);
    const bo = await join(fx.server, fx.workshop.joinCode, 'Bo');
    const watcher = await openSynced(room, bo.token);
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

    const fac = await openSynced(room, fx.workshop.facilitatorToken);
    fac.awareness.setLocalStateField('facilitatorView', view);
    await waitFor(
      () => stateAt(watcher, fac.doc.clientID)?.facilitatorView !== undefined,
      10_000,
      'the facilitator’s view',
    );
    expect(stateAt(watcher, fac.doc.clientID)?.facilitatorView).toEqual(view);
  });
});
