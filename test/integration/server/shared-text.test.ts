/**
 * Issue 12, point 7: a note's text is a Y.Text. Two people editing one note — one offline, one
 * online — both keep their edit once the first reconnects (stock y-websocket clients, the real
 * server, the store after a restart). A board stored with text as strings (schema 1) is migrated
 * by the server when it loads the room. The write policy takes a participant's characters where
 * it takes their plain writes and refuses them elsewhere: crafted updates (helpers/adversary.ts)
 * into a template element, on a locked board, as a viewer, a Y.Map or formatted text in place of
 * the text, a Y.Text in a vote sheet, more than SHARED_TEXT_MAX characters, a message of megabytes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JoinResponse } from '../../../workshops';
import {
  CLOSE,
  DENIED,
  SCHEMA_VERSION,
  SHARED_TEXT_MAX,
  addElement,
  boardRoom,
  controlRoom,
  editText,
  elementsMap,
  isBoardLocked,
  metaMap,
  readElement,
  readElements,
  readMeta,
  setBoardLocked,
} from '../../../workshops';
import type { Adversary } from '../helpers/adversary';
import { serverFixture } from '../helpers/fixture';
import type { Client } from '../helpers/server';
import { join, joinedPair, settled, synced, waitFor } from '../helpers/server';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const fx = serverFixture();
const { open, hostile } = fx;
beforeEach(() => fx.start());

const ROOM = () => boardRoom(fx.workshop.workshopId, 'ideate');
const textOf = (doc: Y.Doc, id: string): string | undefined => {
  const el = readElement(doc, id);
  return el && 'text' in el ? el.text : undefined;
};
const field = (doc: Y.Doc, id: string, key = 'text') => elementsMap(doc).get(id)?.get(key);

const afterRestart = (room = ROOM()) => fx.afterRestart(room);

describe('two people editing one note', () => {
  it('A edits offline, B online, A reconnects: both edits are in the text everywhere', async () => {
    const { pa, a, b } = await joinedPair(fx.server, fx.workshop.joinCode, ROOM(), open);
    const id = addElement(
      a.doc,
      'sticky',
      { x: 100, y: 100, text: 'Wij helpen ondernemers' },
      { author: pa.participantId, env },
    );
    await waitFor(() => textOf(b.doc, id) === 'Wij helpen ondernemers', 10_000, 'the note at B');
    expect(field(b.doc, id)).toBeInstanceOf(Y.Text);

    a.provider.disconnect();
    editText(a.doc, id, 'text', 'Samen helpen wij ondernemers');
    editText(b.doc, id, 'text', 'Wij helpen sociale ondernemers!');
    await settled(b);
    expect(textOf(a.doc, id)).toBe('Samen helpen wij ondernemers');

    a.provider.connect();
    const merged = 'Samen helpen wij sociale ondernemers!';
    await waitFor(() => textOf(a.doc, id) === merged, 10_000, 'the merge at A');
    await waitFor(() => textOf(b.doc, id) === merged, 10_000, 'the merge at B');
    await settled(a);
    const stored = await afterRestart();
    expect(textOf(stored, id)).toBe(merged);
    expect(field(stored, id)).toBeInstanceOf(Y.Text);
  });
});

describe('schema 2 migration', () => {
  it('the server turns a stored board with string text into Y.Text when it loads it', async () => {
    // A board as schema 1 stored it, written by the facilitator (who may write anything).
    const f = open(ROOM(), fx.workshop.facilitatorToken);
    await synced(f);
    f.doc.transact(() => {
      const m = new Y.Map<unknown>();
      elementsMap(f.doc).set('old-note', m);
      const fields = { type: 'sticky', x: 0, y: 0, w: 160, h: 160, z: 'a0', author: 'x' };
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      m.set('createdAt', 1);
      m.set('text', 'een notitie van vroeger');
      metaMap(f.doc).set('schemaVersion', 1);
    });
    await settled(f);
    expect(field(f.doc, 'old-note')).toBe('een notitie van vroeger');

    const stored = await afterRestart();
    expect(readMeta(stored).schemaVersion).toBe(SCHEMA_VERSION);
    expect(field(stored, 'old-note')).toBeInstanceOf(Y.Text);
    expect(textOf(stored, 'old-note')).toBe('een notitie van vroeger');

    // Participants now merge their edits in it.
    const { a, b } = await joinedPair(fx.server, fx.workshop.joinCode, ROOM(), open);
    editText(a.doc, 'old-note', 'text', 'een notitie van vroeger en nu');
    editText(b.doc, 'old-note', 'text', 'Ook een notitie van vroeger');
    const merged = 'Ook een notitie van vroeger en nu';
    await waitFor(() => textOf(a.doc, 'old-note') === merged, 10_000, 'merge at A');
    await waitFor(() => textOf(b.doc, 'old-note') === merged, 10_000, 'merge at B');
  });
});

describe('the write policy for shared texts', () => {
  /** Ann, the adversary, and Bo, an honest participant on the stock client, with a note of Bo's. */
  async function cast(): Promise<{ ann: JoinResponse; adv: Adversary; bob: Client; note: string }> {
    const [ann, bo] = await Promise.all([
      join(fx.server, fx.workshop.joinCode, 'Ann'),
      join(fx.server, fx.workshop.joinCode, 'Bo'),
    ]);
    const bob = open(ROOM(), bo.token);
    await synced(bob);
    const note = addElement(
      bob.doc,
      'sticky',
      { x: 0, y: 0, text: 'van Bo' },
      {
        author: bo.participantId,
        env,
      },
    );
    await settled(bob);
    const adv = await hostile(ROOM(), ann.token);
    return { ann, adv, bob, note };
  }

  const TEMPLATE_TEXT = 'tpl-ideate-brainstorm-hint';
  const ytext = (d: Y.Doc, id: string) => field(d, id) as Y.Text;

  it("takes a participant's characters in someone else's note (working together)", async () => {
    const { adv, bob, note } = await cast();
    const res = await adv.write((d) => ytext(d, note).insert(0, 'Ann en '));
    expect(res).toEqual({ accepted: true, denied: undefined });
    await waitFor(() => textOf(bob.doc, note) === 'Ann en van Bo', 10_000, 'the edit at Bo');
    // The old shape (a string, as a tab of the old client writes it) is taken as well.
    expect((await adv.write((d) => elementsMap(d).get(note)?.set('text', 'oud'))).accepted).toBe(
      true,
    );
    await waitFor(() => textOf(bob.doc, note) === 'oud', 10_000, 'the string at Bo');
  });

  it('refuses characters in a template text, also deleting them; Bo and the store keep it', async () => {
    const { adv, bob } = await cast();
    const before = textOf(bob.doc, TEMPLATE_TEXT);
    expect(field(bob.doc, TEMPLATE_TEXT)).toBeInstanceOf(Y.Text);
    expect(before).toBeTruthy();
    const insert = await adv.write((d) => ytext(d, TEMPLATE_TEXT).insert(0, 'GEHACKT '));
    expect(insert.denied).toBe(DENIED.templateItem);
    const remove = await adv.write((d) => ytext(d, TEMPLATE_TEXT).delete(0, 5));
    expect(remove.denied).toBe(DENIED.templateItem);
    const replace = await adv.write((d) => elementsMap(d).get(TEMPLATE_TEXT)?.set('text', 'weg'));
    expect(replace.denied).toBe(DENIED.templateItem);
    await settled(bob);
    expect(textOf(bob.doc, TEMPLATE_TEXT)).toBe(before);
    expect(textOf(await afterRestart(), TEMPLATE_TEXT)).toBe(before);
  });

  it('refuses a Y.Map, formatted text, an embed or a nested type in place of plain text', async () => {
    const { adv, bob, note } = await cast();
    const map = await adv.write((d) => {
      const m = new Y.Map<unknown>();
      elementsMap(d).get(note)?.set('text', m);
      m.set('x', 1);
    });
    expect(map.denied).toBe(DENIED.notAllowed);
    const bold = await adv.write((d) => ytext(d, note).insert(0, 'vet', { bold: true }));
    expect(bold.denied).toBe(DENIED.notAllowed);
    const format = await adv.write((d) => ytext(d, note).format(0, 3, { color: 'red' }));
    expect(format.denied).toBe(DENIED.notAllowed);
    const embed = await adv.write((d) => ytext(d, note).insertEmbed(0, { img: 'x' }));
    expect(embed.denied).toBe(DENIED.notAllowed);
    const nested = await adv.write((d) => ytext(d, note).insertEmbed(0, new Y.Map()));
    expect(nested.denied).toBe(DENIED.notAllowed);
    // A Y.Text where a plain field (a colour) or a vote sheet belongs.
    const inColour = await adv.write((d) =>
      elementsMap(d).get(note)?.set('color', new Y.Text('blue')),
    );
    expect(inColour.denied).toBe(DENIED.notAllowed);
    const inVotes = await adv.write((d) => {
      const votes = new Y.Map<unknown>();
      elementsMap(d).get(note)?.set('votes', votes);
      votes.set('someone', new Y.Text('1'));
    });
    expect(inVotes.denied).toBeTruthy();
    await settled(bob);
    expect(field(bob.doc, note)).toBeInstanceOf(Y.Text);
    expect(readElement(bob.doc, note)).toMatchObject({ text: 'van Bo', color: 'yellow' });
    const stored = await afterRestart();
    expect(field(stored, note)).toBeInstanceOf(Y.Text);
    expect(readElement(stored, note)).toMatchObject({ text: 'van Bo', color: 'yellow', votes: {} });
  });

  it('refuses more than SHARED_TEXT_MAX characters, and a message of megabytes', async () => {
    const { adv, bob, note } = await cast();
    const tooMuch = await adv.write((d) => ytext(d, note).insert(0, 'x'.repeat(SHARED_TEXT_MAX)));
    expect(tooMuch.denied).toBe(DENIED.notAllowed);
    // In steps, each fitting alone: the text as a whole stays within the maximum.
    const half = 'y'.repeat(SHARED_TEXT_MAX / 2);
    expect((await adv.write((d) => ytext(d, note).insert(0, half))).accepted).toBe(true);
    expect((await adv.write((d) => ytext(d, note).insert(0, half))).denied).toBe(DENIED.notAllowed);
    // A new note with a text over the maximum, and the old shape over it.
    const fresh = await adv.write((d) =>
      addElement(
        d,
        'sticky',
        { x: 0, y: 0, text: 'z'.repeat(SHARED_TEXT_MAX + 1) },
        {
          author: 'ann',
          env,
        },
      ),
    );
    expect(fresh.accepted).toBe(false);
    const plain = await adv.write((d) =>
      elementsMap(d)
        .get(note)
        ?.set('text', 'p'.repeat(SHARED_TEXT_MAX + 1)),
    );
    expect(plain.denied).toBe(DENIED.notAllowed);
    // Megabytes in one message: closed before the policy even looks.
    const mega = adv.craft((d) => ytext(d, note).insert(0, 'm'.repeat(3 * 1024 * 1024)));
    const closed = adv.raw.closed;
    adv.send(mega);
    expect((await closed).code).toBe(CLOSE.tooLarge);
    await settled(bob);
    expect(textOf(bob.doc, note)).toBe(half + 'van Bo');
    expect(textOf(await afterRestart(), note)).toBe(half + 'van Bo');
  });

  it('refuses characters on a locked board and from a viewer', async () => {
    const { adv, bob, note } = await cast();
    const control = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
    await synced(control);
    setBoardLocked(control.doc, 'ideate', true);
    await settled(control);
    const check = open(controlRoom(fx.workshop.workshopId), fx.workshop.facilitatorToken);
    await waitFor(() => isBoardLocked(check.doc, 'ideate'), 10_000, 'the lock on the server');
    const locked = await adv.write((d) => ytext(d, note).insert(0, 'toch '));
    expect(locked.denied).toBe(DENIED.boardLocked);
    setBoardLocked(control.doc, 'ideate', false);
    await waitFor(() => !isBoardLocked(check.doc, 'ideate'), 10_000, 'the unlock');

    const viewer = await hostile(ROOM(), fx.workshop.viewerToken);
    const viewed = await viewer.write((d) => ytext(d, note).insert(0, 'kijker '));
    expect(viewed.denied).toBe(DENIED.readOnlyRole);
    await settled(bob);
    expect(textOf(bob.doc, note)).toBe('van Bo');
    const stored = await afterRestart();
    expect(textOf(stored, note)).toBe('van Bo');
    expect(readElements(stored).some((e) => 'text' in e && e.text.includes('toch'))).toBe(false);
  });
});
