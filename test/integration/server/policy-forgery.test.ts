/**
 * Issue 10, point 1: the write policy sees the whole update. A participant (and, for the
 * board's history, the facilitator) crafts updates with an ordinary token (helpers/adversary.ts);
 * each is refused with its reason, an honest participant on the stock client never receives it,
 * and the store does not hold it, also after a restart. Ordinary work still goes through.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { JoinResponse, RatingElement, VotingRound } from '../../../workshops';
import {
  CLOSE,
  DENIED,
  addElement,
  boardRoom,
  cloneElement,
  controlRoom,
  deleteElements,
  elementsMap,
  endVoting,
  insertElement,
  moveElements,
  readElement,
  readElements,
  readLive,
  readMeta,
  setAnswer,
  setVotes,
  stageFrameId,
  startVoting,
  updateElement,
  writeMeta,
} from '../../../workshops';
import type { Adversary } from '../helpers/adversary';
import { serverFixture } from '../helpers/fixture';
import type { Client } from '../helpers/server';
import { join, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const { open, hostile } = fx;
beforeEach(() => fx.start());

const ROOM = () => boardRoom(fx.workshop.workshopId, 'ideate');

/** Ann, the adversary, and Bo, an honest participant on the stock client; both on the board. */
async function cast(): Promise<{
  ann: JoinResponse;
  bo: JoinResponse;
  adv: Adversary;
  bob: Client;
}> {
  const [ann, bo] = await Promise.all([
    join(fx.server, fx.workshop.joinCode, 'Ann'),
    join(fx.server, fx.workshop.joinCode, 'Bo'),
  ]);
  const bob = open(ROOM(), bo.token);
  await synced(bob);
  const adv = await hostile(ROOM(), ann.token);
  return { ann, bo, adv, bob };
}

let markers = 0;
/**
 * An allowed write by the adversary that Bo then sees: the server relays in order, so whatever
 * Bo lacks after it, the server never relayed.
 */
async function relayedToBob(adv: Adversary, ann: JoinResponse, bob: Client): Promise<void> {
  const text = `marker ${++markers}`;
  const res = await adv.write((d) => {
    addElement(d, 'sticky', { x: 5000, y: 5000, text }, { author: ann.participantId, env });
  });
  expect(res).toEqual({ accepted: true, denied: undefined });
  await waitFor(
    () => readElements(bob.doc).some((e) => e.type === 'sticky' && e.text === text),
    10_000,
    'the marker at the honest client',
  );
}

const afterRestart = (room = ROOM()) => fx.afterRestart(room);

/** Starts (or, with null, ends) a voting round on the ideate board; resolves once the server holds it. */
async function round(settings: Partial<VotingRound> | null): Promise<void> {
  const control = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
  await synced(control);
  if (settings)
    startVoting(
      control.doc,
      {
        boardId: 'ideate',
        frameId: '',
        votesPerPerson: 2,
        allowMultiplePerItem: false,
        ...settings,
      },
      env,
    );
  else endVoting(control.doc);
  const check = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
  await synced(check);
  await waitFor(
    () => (readLive(check.doc).voting !== null) === (settings !== null),
    10_000,
    'round',
  );
}

const votesOf = (doc: Y.Doc, id: string) =>
  (elementsMap(doc).get(id)?.get('votes') as Y.Map<number> | undefined)?.toJSON() ?? {};

describe('per-person sheets', () => {
  it("a new sticky cannot carry someone else's vote in its new votes map", async () => {
    await round({ votesPerPerson: 5, allowMultiplePerItem: true });
    const { ann, bo, adv, bob } = await cast();
    const res = await adv.write((d) => {
      const id = addElement(
        d,
        'sticky',
        { x: 0, y: 0, text: 'vals' },
        { author: ann.participantId, id: 'forged', env },
      );
      (elementsMap(d).get(id)?.get('votes') as Y.Map<number>).set(bo.participantId, 3);
    });
    expect(res).toEqual({ accepted: false, denied: DENIED.othersVotes });
    await relayedToBob(adv, ann, bob);
    expect(elementsMap(bob.doc).has('forged')).toBe(false);
    const stored = await afterRestart();
    expect(elementsMap(stored).has('forged')).toBe(false);
  });

  it("no new answer sheet can carry someone else's answers onto a widget", async () => {
    const room = boardRoom(fx.workshop.workshopId, 'test');
    const [ann, bo] = await Promise.all([
      join(fx.server, fx.workshop.joinCode, 'Ann'),
      join(fx.server, fx.workshop.joinCode, 'Bo'),
    ]);
    const bob = open(room, bo.token);
    await synced(bob);
    const adv = await hostile(room, ann.token);
    const rating = readElements(adv.doc).find((e) => e.type === 'rating');
    expect(rating).toBeTruthy();
    const id = rating?.id ?? '';
    // A fresh sheet replacing the widget's, holding Bo's "answer".
    const forged = await adv.write((d) => {
      const sheet = new Y.Map<Y.Map<number>>();
      elementsMap(d).get(id)?.set('scores', sheet);
      const row = new Y.Map<number>();
      sheet.set(bo.participantId, row);
      row.set('recognisability', 1);
    });
    expect(forged.denied).toBe(DENIED.templateItem);
    // The same on a widget Bo made (a copy with an empty sheet of its own).
    const copy = insertElement(bob.doc, cloneElement(rating as RatingElement), {
      author: bo.participantId,
      id: 'bos-rating',
      env,
    });
    await adv.refresh();
    await waitFor(() => elementsMap(adv.doc).has(copy), 10_000, 'Bo’s widget');
    const onCopy = await adv.write((d) => {
      const sheet = new Y.Map<Y.Map<number>>();
      elementsMap(d).get(copy)?.set('scores', sheet);
      const row = new Y.Map<number>();
      sheet.set(bo.participantId, row);
      row.set('recognisability', 1);
    });
    expect(onCopy.denied).toBe(DENIED.othersVotes);
    // Bo answers; Ann can neither change nor remove it.
    setAnswer(bob.doc, id, 'scores', bo.participantId, 'recognisability', 5);
    await adv.refresh();
    await waitFor(() => JSON.stringify(readElement(adv.doc, id)).includes('"recognisability":5'));
    const changed = await adv.write((d) =>
      setAnswer(d, id, 'scores', bo.participantId, 'recognisability', 2),
    );
    expect(changed.denied).toBe(DENIED.othersVotes);
    const removed = await adv.write((d) =>
      setAnswer(d, id, 'scores', bo.participantId, 'recognisability', null),
    );
    expect(removed.denied).toBe(DENIED.othersVotes);
    const own = await adv.write((d) =>
      setAnswer(d, id, 'scores', ann.participantId, 'completeness', 4),
    );
    expect(own.accepted).toBe(true);
    const expected = {
      [bo.participantId]: { recognisability: 5 },
      [ann.participantId]: { completeness: 4 },
    };
    await waitFor(() => JSON.stringify(readElement(bob.doc, id)).includes('"completeness":4'));
    expect(readElement(bob.doc, id)).toMatchObject({ scores: expected });
    expect(readElement(bob.doc, copy)).toMatchObject({ scores: {} });
    const stored = await afterRestart(room);
    expect(readElement(stored, id)).toMatchObject({ scores: expected });
    expect(readElement(stored, copy)).toMatchObject({ scores: {} });
  });

  it('the live round’s cap holds on the server', async () => {
    const { ann, bo, adv, bob } = await cast();
    const ids = ['s1', 's2', 's3'].map((id) =>
      addElement(
        bob.doc,
        'sticky',
        { x: 0, y: 0, text: id },
        { author: bo.participantId, id, env },
      ),
    );
    await waitFor(() => ids.every((id) => elementsMap(bob.doc).has(id)));
    await adv.refresh();
    await waitFor(() => ids.every((id) => elementsMap(adv.doc).has(id)), 10_000, 'stickies');
    const me = ann.participantId;
    const vote = (id: string, n: number) => adv.write((d) => setVotes(d, id, me, n));

    // No round on this board: no votes at all.
    expect((await vote('s1', 1)).denied).toBe(DENIED.voteCap);
    await round({ votesPerPerson: 2, allowMultiplePerItem: false });
    expect(await vote('s1', 1)).toEqual({ accepted: true, denied: undefined });
    expect((await vote('s1', 2)).denied).toBe(DENIED.voteCap); // one per item
    expect(await vote('s2', 1)).toEqual({ accepted: true, denied: undefined });
    expect((await vote('s3', 1)).denied).toBe(DENIED.voteCap); // the third of two
    // Both at once in one update is no way around it either.
    const both = await adv.write((d) => {
      setVotes(d, 's3', me, 1);
      setVotes(d, 's1', me, 0);
      setVotes(d, 's2', me, 1);
    });
    expect(both.accepted).toBe(true); // moved a vote: still two
    expect((await vote('s1', 1)).denied).toBe(DENIED.voteCap);
    // Taking a vote back is always fine; a sticky made in the same update is on no ballot.
    expect((await vote('s2', 0)).accepted).toBe(true);
    const fresh = await adv.write((d) => {
      const id = addElement(d, 'sticky', { x: 0, y: 0 }, { author: me, id: 'new', env });
      setVotes(d, id, me, 1);
    });
    expect(fresh.denied).toBe(DENIED.voteCap);
    await round(null);
    expect((await vote('s2', 1)).denied).toBe(DENIED.voteCap);

    await relayedToBob(adv, ann, bob);
    const expected = { s1: {}, s2: {}, s3: { [me]: 1 } };
    for (const id of ids)
      expect(votesOf(bob.doc, id)).toEqual(expected[id as keyof typeof expected]);
    const stored = await afterRestart();
    for (const id of ids)
      expect(votesOf(stored, id)).toEqual(expected[id as keyof typeof expected]);
    expect(elementsMap(stored).has('new')).toBe(false);
  });
});

describe('authors and the element schema', () => {
  it('author is oneself on what one creates, and never changes later', async () => {
    const { ann, bo, adv, bob } = await cast();
    const forged = await adv.write((d) => {
      addElement(
        d,
        'sticky',
        { x: 0, y: 0, text: 'van Bo?' },
        { author: bo.participantId, id: 'forged', env },
      );
    });
    expect(forged).toEqual({ accepted: false, denied: DENIED.notAllowed });
    addElement(
      bob.doc,
      'sticky',
      { x: 0, y: 0, text: 'van Bo' },
      { author: bo.participantId, id: 'bos', env },
    );
    await adv.refresh();
    await waitFor(() => elementsMap(adv.doc).has('bos'), 10_000, 'Bo’s sticky');
    const taken = await adv.write((d) =>
      elementsMap(d).get('bos')?.set('author', ann.participantId),
    );
    expect(taken.denied).toBe(DENIED.notAllowed);
    const redated = await adv.write((d) => elementsMap(d).get('bos')?.set('createdAt', 1));
    expect(redated.denied).toBe(DENIED.notAllowed);
    // Editing someone's sticky is ordinary collaboration.
    expect((await adv.write((d) => updateElement(d, 'bos', { text: 'samen' }))).accepted).toBe(
      true,
    );

    await relayedToBob(adv, ann, bob);
    expect(elementsMap(bob.doc).has('forged')).toBe(false);
    expect(readElement(bob.doc, 'bos')).toMatchObject({ author: bo.participantId, text: 'samen' });
    const stored = await afterRestart();
    expect(elementsMap(stored).has('forged')).toBe(false);
    expect(readElement(stored, 'bos')).toMatchObject({ author: bo.participantId, text: 'samen' });
  });

  it('only fields of the element schema, with their value types', async () => {
    const { ann, adv, bob } = await cast();
    const me = ann.participantId;
    expect(
      (
        await adv.write((d) =>
          addElement(d, 'sticky', { x: 0, y: 0 }, { author: me, id: 'own', env }),
        )
      ).accepted,
    ).toBe(true);
    const attempts: Array<[string, (d: Y.Doc) => void]> = [
      ['an unknown field', (d) => elementsMap(d).get('own')?.set('onclick', 'x')],
      ['text as a number', (d) => elementsMap(d).get('own')?.set('text', 42)],
      ['x as a string', (d) => elementsMap(d).get('own')?.set('x', 'ver')],
      ['a map as text', (d) => elementsMap(d).get('own')?.set('text', new Y.Map())],
      ['a template mark', (d) => elementsMap(d).get('own')?.set('templateId', 'intro')],
      [
        'votes as a plain record',
        (d) =>
          elementsMap(d)
            .get('own')
            ?.set('votes', { [me]: 1 }),
      ],
      ['an element of no type', (d) => elementsMap(d).set('typeless', new Y.Map())],
      [
        'a new sticky with a wrong value',
        (d) =>
          addElement(
            d,
            'sticky',
            { x: 0, y: 0, text: 7 as unknown as string },
            { author: me, env },
          ),
      ],
      ['a text instead of a map', (d) => d.getMap('elements').set('plain', 'hallo')],
      [
        'a template id',
        (d) => addElement(d, 'sticky', { x: 0, y: 0 }, { author: me, id: 'tpl-ideate-later', env }),
      ],
    ];
    for (const [what, write] of attempts)
      expect({ what, ...(await adv.write(write)) }).toEqual({
        what,
        accepted: false,
        denied: DENIED.notAllowed,
      });

    await relayedToBob(adv, ann, bob);
    const own = elementsMap(bob.doc).get('own')?.toJSON();
    expect(own).toMatchObject({ text: '', x: 0 });
    expect(own).not.toHaveProperty('onclick');
    expect(own).not.toHaveProperty('templateId');
    const stored = await afterRestart();
    expect(elementsMap(stored).get('own')?.toJSON()).toEqual(own);
    for (const id of ['typeless', 'plain', 'tpl-ideate-later'])
      expect(elementsMap(stored).has(id)).toBe(false);
  });
  it('a quote card is allowed with its own fields only (registered in workshops/elements)', async () => {
    const { ann, adv, bob } = await cast();
    const me = ann.participantId;
    const made = await adv.write((d) =>
      addElement(
        d,
        'quote',
        { x: 0, y: 0, text: 'Te duur', by: 'Bea' },
        { author: me, id: 'q', env },
      ),
    );
    expect(made.accepted).toBe(true);
    const attempts: Array<[string, (d: Y.Doc) => void]> = [
      ['an attribution as a number', (d) => elementsMap(d).get('q')?.set('by', 7)],
      ['a field of another type', (d) => elementsMap(d).get('q')?.set('color', 'pink')],
    ];
    for (const [what, write] of attempts)
      expect({ what, ...(await adv.write(write)) }).toEqual({
        what,
        accepted: false,
        denied: DENIED.notAllowed,
      });
    expect(
      (await adv.write((d) => elementsMap(d).get('q')?.set('by', 'Bea, klant'))).accepted,
    ).toBe(true);
    await relayedToBob(adv, ann, bob);
    const expected = { type: 'quote', text: 'Te duur', by: 'Bea, klant', author: me };
    expect(elementsMap(bob.doc).get('q')?.toJSON()).toMatchObject(expected);
    expect(elementsMap(bob.doc).get('q')?.toJSON()).not.toHaveProperty('color');
    const stored = await afterRestart();
    expect(elementsMap(stored).get('q')?.toJSON()).toMatchObject(expected);
    expect(elementsMap(stored).get('q')?.toJSON()).not.toHaveProperty('color');
  });
});

describe('template items', () => {
  it('a participant cannot delete, move or edit a template frame', async () => {
    const { ann, adv, bob } = await cast();
    const frame = stageFrameId('ideate', 'brainstorm');
    const before = readElement(adv.doc, frame);
    expect(before).toBeTruthy();
    expect((await adv.write((d) => deleteElements(d, [frame]))).denied).toBe(DENIED.templateItem);
    expect(
      (await adv.write((d) => moveElements(d, [{ id: frame, x: 9999, y: 9999 }]))).denied,
    ).toBe(DENIED.templateItem);
    expect((await adv.write((d) => updateElement(d, frame, { title: 'weg' }))).denied).toBe(
      DENIED.templateItem,
    );
    // Replacing the entry with a map of one's own is deleting it too.
    const replaced = await adv.write((d) =>
      addElement(d, 'frame', { x: 0, y: 0 }, { author: ann.participantId, id: frame, env }),
    );
    expect(replaced.denied).toBe(DENIED.templateItem);
    await relayedToBob(adv, ann, bob);
    expect(readElement(bob.doc, frame)).toEqual(before);
    const stored = await afterRestart();
    expect(readElement(stored, frame)).toEqual(before);
  });
});

describe('meta, history and other roots', () => {
  it('a participant cannot write meta (resetting seededAt) or any other root', async () => {
    const { ann, adv, bob } = await cast();
    const meta = readMeta(adv.doc);
    expect(meta.seededAt).toBeGreaterThan(0);
    expect((await adv.write((d) => writeMeta(d, { seededAt: 0 }))).denied).toBe(DENIED.notAllowed);
    expect((await adv.write((d) => d.getMap('elders').set('x', 1))).denied).toBe(DENIED.notAllowed);
    await relayedToBob(adv, ann, bob);
    expect(readMeta(bob.doc)).toEqual(meta);
    const stored = await afterRestart();
    expect(readMeta(stored)).toEqual(meta);
    expect(stored.getMap('elders').size).toBe(0);
  });

  it('nobody but the server writes history: a forged retired list bricks nothing', async () => {
    const { ann, adv, bob } = await cast();
    const fac = await hostile(ROOM(), fx.workshop.facilitatorToken);
    // Every client the board has seen, as if they were all of an earlier epoch.
    const forge = (d: Y.Doc) => d.getMap('history').set('retired', Y.encodeStateVector(bob.doc));
    expect((await adv.write(forge)).denied).toBe(DENIED.notAllowed);
    expect((await fac.write(forge)).denied).toBe(DENIED.notAllowed);
    expect((await fac.write((d) => d.getMap('history').set('epoch', 7))).denied).toBe(
      DENIED.notAllowed,
    );
    // The facilitator writes everything else.
    expect((await fac.write((d) => writeMeta(d, { title: 'Nieuw' }))).accepted).toBe(true);
    await relayedToBob(adv, ann, bob);
    // Only the server's record of who writes with which client id is there (room.ts).
    const forged = (d: Y.Doc) => [...d.getMap('history').keys()].filter((k) => k !== 'owners');
    expect(forged(bob.doc)).toEqual([]);

    // Everyone reconnects with the copy they hold, before and after a restart.
    bob.provider.disconnect();
    bob.provider.connect();
    await waitFor(() => bob.provider.synced, 10_000, 'Bo back');
    const held = bob.doc;
    const stored = await afterRestart();
    expect(forged(stored)).toEqual([]);
    expect(readMeta(stored).title).toBe('Nieuw');
    const again = open(ROOM(), fx.workshop.facilitatorToken, { doc: held });
    await synced(again);
    expect(again.closes).not.toContain(CLOSE.stale);
    expect(again.provider.wsconnected).toBe(true);
  });
});

describe('deletions', () => {
  it("no deleting someone's future writes in advance, nor an element holding others' votes", async () => {
    await round({ votesPerPerson: 3, allowMultiplePerItem: true });
    const { ann, bo, adv, bob } = await cast();
    // A delete set naming Bo's next 100 items: Yjs would keep it pending until they arrive.
    const next = Y.getState(bob.doc.store, bob.doc.clientID);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set
    encoding.writeVarUint(encoder, bob.doc.clientID);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, next);
    encoding.writeVarUint(encoder, 100);
    const refusals = adv.denied.length;
    adv.send(encoding.toUint8Array(encoder));
    await adv.refresh();
    expect(adv.denied.slice(refusals)).toEqual([DENIED.notAllowed]);

    const id = addElement(
      bob.doc,
      'sticky',
      { x: 0, y: 0, text: 'van Bo' },
      { author: bo.participantId, env },
    );
    setVotes(bob.doc, id, bo.participantId, 1);
    await adv.refresh();
    await waitFor(
      () => votesOf(adv.doc, id)[bo.participantId] === 1,
      10_000,
      'Bo’s sticky and vote',
    );
    expect((await adv.write((d) => deleteElements(d, [id]))).denied).toBe(DENIED.othersVotes);
    await relayedToBob(adv, ann, bob);
    const watcher = open(ROOM(), fx.workshop.facilitatorToken);
    await synced(watcher);
    expect(readElement(watcher.doc, id)).toMatchObject({
      text: 'van Bo',
      votes: { [bo.participantId]: 1 },
    });
    const stored = await afterRestart();
    expect(readElement(stored, id)).toMatchObject({
      text: 'van Bo',
      votes: { [bo.participantId]: 1 },
    });
  });
});

describe('ordinary work', () => {
  it("nobody writes under another person's Yjs client id, also after a restart", async () => {
    const { ann, bo, adv, bob } = await cast();
    // Bo writes once: his client id is his.
    addElement(
      bob.doc,
      'sticky',
      { x: 0, y: 0, text: 'van Bo' },
      { author: bo.participantId, env },
    );
    await adv.refresh();
    await waitFor(
      () => readElements(adv.doc).some((e) => e.type === 'sticky' && e.text === 'van Bo'),
      10_000,
      'Bo’s note at the server',
    );
    // Ann takes Bo's next clocks: Bo's own next items would be dropped as duplicates.
    const squat = await adv.write((d) => {
      addElement(d, 'sticky', { x: 0, y: 0, text: 'gekaapt' }, { author: ann.participantId, env });
    }, bob.doc.clientID);
    // (Its clocks start past 0, so `accepted`, read from state vectors, says nothing here.)
    expect(squat.denied).toBe(DENIED.notAllowed);
    // Bo goes on writing, and everybody gets it.
    addElement(
      bob.doc,
      'sticky',
      { x: 0, y: 0, text: 'nog van Bo' },
      { author: bo.participantId, env },
    );
    const bobId = bob.doc.clientID;
    const fresh = open(ROOM(), fx.workshop.facilitatorToken);
    await synced(fresh);
    await waitFor(
      () => readElements(fresh.doc).some((e) => e.type === 'sticky' && e.text === 'nog van Bo'),
      10_000,
      'Bo’s next note everywhere',
    );
    const stored = await afterRestart();
    const texts = readElements(stored).flatMap((e) => (e.type === 'sticky' ? [e.text] : []));
    expect(texts).toContain('nog van Bo');
    expect(texts).not.toContain('gekaapt');
    // The record of who writes with which id outlives the restart.
    const again = await hostile(ROOM(), ann.token);
    const retry = await again.write((d) => {
      addElement(
        d,
        'sticky',
        { x: 0, y: 0, text: 'weer gekaapt' },
        { author: ann.participantId, env },
      );
    }, bobId);
    expect(retry.denied).toBe(DENIED.notAllowed);
  });

  it('an honest participant’s everyday writes all go through', async () => {
    await round({ votesPerPerson: 3, allowMultiplePerItem: true });
    const { ann, bob } = await cast();
    const p = open(ROOM(), ann.token);
    await synced(p);
    const me = ann.participantId;
    const d = p.doc;
    const sticky = addElement(d, 'sticky', { x: 10, y: 10, text: 'idee' }, { author: me, env });
    // Typing offline with an undo manager: the overwritten values are kept and reach the server
    // on reconnect as one merged item holding them all.
    const undo = new Y.UndoManager(elementsMap(d));
    await waitFor(() => elementsMap(bob.doc).has(sticky), 10_000, 'the sticky at Bo');
    p.provider.disconnect();
    for (const text of ['i', 'id', 'ide', 'idee!']) updateElement(d, sticky, { text });
    p.provider.connect();
    await waitFor(
      () =>
        readElement(bob.doc, sticky)?.type === 'sticky' &&
        JSON.stringify(readElement(bob.doc, sticky)).includes('idee!'),
      10_000,
      'the offline typing at Bo',
    );
    undo.destroy();
    updateElement(d, sticky, { text: 'beter idee', color: 'blue' });
    moveElements(d, [{ id: sticky, x: 40, y: 40 }]);
    setVotes(d, sticky, me, 2);
    setVotes(d, sticky, me, 1);
    const shape = addElement(d, 'shape', { x: 300, y: 0, text: 'vorm' }, { author: me, env });
    addElement(
      d,
      'connector',
      { x: 0, y: 0, from: sticky, to: shape, label: 'naar' },
      { author: me, env },
    );
    addElement(d, 'frame', { x: 0, y: 400, title: 'Mijn vak' }, { author: me, env });
    addElement(d, 'text', { x: 0, y: 800, text: 'kop' }, { author: me, env });
    const gone = addElement(d, 'sticky', { x: 0, y: 900, text: 'weg' }, { author: me, env });
    deleteElements(d, [gone]);
    updateElement(d, shape, { text: 'anders' });
    const test = open(boardRoom(fx.workshop.workshopId, 'test'), ann.token);
    await synced(test);
    const rating = readElements(test.doc).find((e) => e.type === 'rating');
    const survey = readElements(test.doc).find((e) => e.type === 'survey');
    setAnswer(test.doc, rating?.id ?? '', 'scores', me, 'recognisability', 4);
    setAnswer(test.doc, survey?.id ?? '', 'answers', me, 'p1', 2);
    const copy = insertElement(
      test.doc,
      cloneElement(readElement(test.doc, rating?.id ?? '') as RatingElement),
      { author: me, env },
    );
    setAnswer(test.doc, copy, 'scores', me, 'completeness', 5);

    const watcher = open(boardRoom(fx.workshop.workshopId, 'test'), fx.workshop.facilitatorToken);
    await synced(watcher);
    await waitFor(() => readElement(watcher.doc, copy) !== null, 10_000, 'the copied rating');
    await waitFor(
      () =>
        readElement(bob.doc, shape)?.type === 'shape' &&
        (readElement(bob.doc, shape) as { text: string }).text === 'anders',
      10_000,
      'the last edit at Bo',
    );
    expect(p.denied).toEqual([]);
    expect(test.denied).toEqual([]);
    expect(readElement(bob.doc, sticky)).toMatchObject({
      text: 'beter idee',
      color: 'blue',
      x: 40,
      votes: { [me]: 1 },
    });
    expect(elementsMap(bob.doc).has(gone)).toBe(false);
    await waitFor(
      () =>
        JSON.stringify(readElement(watcher.doc, copy)) ===
        JSON.stringify(readElement(test.doc, copy)),
      10_000,
      'the copy’s answer',
    );
    expect(readElement(watcher.doc, copy)).toMatchObject({
      author: me,
      scores: { [me]: { completeness: 5 } },
    });
  });
});
