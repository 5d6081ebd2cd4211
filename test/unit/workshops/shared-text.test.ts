/**
 * Shared text fields: a note's text is a Y.Text edited by the smallest change, so two people's
 * edits merge; boards of schema 1 (text as strings) are migrated; readers still get strings.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SCHEMA_VERSION,
  addElement,
  cloneElement,
  compactedCopy,
  editText,
  elementsMap,
  insertElement,
  mapPosition,
  metaMap,
  migrateBoard,
  readElement,
  readElements,
  readMeta,
  rebaseChange,
  rescueUnsynced,
  seedBoardDoc,
  textChange,
  updateElement,
  upgradeBoardDoc,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const field = (doc: Y.Doc, id: string, key = 'text') => elementsMap(doc).get(id)?.get(key);

/** Applies a change to a plain string (what `applyChange` does to a Y.Text). */
const apply = (s: string, c: { index: number; remove: number; insert: string }) =>
  s.slice(0, c.index) + c.insert + s.slice(c.index + c.remove);

describe('text changes', () => {
  it('finds the smallest change: common prefix and suffix kept', () => {
    expect(textChange('hallo wereld', 'hallo mooie wereld')).toEqual({
      index: 6,
      remove: 0,
      insert: 'mooie ',
    });
    expect(textChange('abc', 'abc')).toEqual({ index: 3, remove: 0, insert: '' });
    expect(textChange('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
    expect(textChange('', 'x')).toEqual({ index: 0, remove: 0, insert: 'x' });
    for (const [a, b] of [
      ['abcdef', 'abXYef'],
      ['idee', 'idee!'],
      ['x', ''],
      ['abab', 'ab'],
    ] as const)
      expect(apply(a, textChange(a, b))).toBe(b);
  });

  it('never splits an emoji between kept and changed text', () => {
    const a = 'a😀b';
    const b = 'a😃b';
    const c = textChange(a, b);
    expect(c.insert).toBe('😃');
    expect(apply(a, c)).toBe(b);
  });

  it('maps positions and moves a local change past a remote one', () => {
    const remote = textChange('Wij helpen', 'Wij helpen elkaar');
    expect(mapPosition(3, remote)).toBe(3);
    const local = textChange('Wij helpen', 'Zij helpen');
    expect(apply('Wij helpen elkaar', rebaseChange(local, remote))).toBe('Zij helpen elkaar');
    const atEnd = textChange('Wij helpen', 'Wij helpen!');
    const r2 = textChange('Wij helpen', 'Wij helpen nu');
    expect(apply('Wij helpen nu', rebaseChange(atEnd, r2))).toBe('Wij helpen nu!');
  });
});

describe('shared text fields', () => {
  it('writers create a Y.Text; readers get a string', () => {
    const doc = new Y.Doc();
    const id = addElement(doc, 'sticky', { x: 0, y: 0, text: 'idee' }, { author: 'a', env });
    const t = addElement(doc, 'text', { x: 0, y: 0, text: 'kop' }, { author: 'a', env });
    const s = addElement(doc, 'shape', { x: 0, y: 0, text: 'vorm' }, { author: 'a', env });
    const f = addElement(doc, 'frame', { x: 0, y: 0, title: 'kader' }, { author: 'a', env });
    expect(field(doc, id)).toBeInstanceOf(Y.Text);
    expect(field(doc, t)).toBeInstanceOf(Y.Text);
    expect(field(doc, s)).toBeInstanceOf(Y.Text);
    // Titles and labels are short names: plain strings (last writer wins).
    expect(field(doc, f, 'title')).toBe('kader');
    const el = readElement(doc, id);
    expect(el?.type === 'sticky' && el.text).toBe('idee');
    expect(readElements(doc).find((e) => e.id === t)).toMatchObject({ text: 'kop' });
    // A copy (paste, duplicate, carry-forward) gets its own Y.Text.
    const copy = insertElement(doc, cloneElement(el!), { author: 'b', env });
    expect(field(doc, copy)).toBeInstanceOf(Y.Text);
    expect(field(doc, copy)).not.toBe(field(doc, id));
    expect(readElement(doc, copy)).toMatchObject({ text: 'idee' });
  });

  it('an update edits the Y.Text in place', () => {
    const doc = new Y.Doc();
    const id = addElement(doc, 'sticky', { x: 0, y: 0, text: 'idee' }, { author: 'a', env });
    const ytext = field(doc, id);
    updateElement(doc, id, { text: 'goed idee' });
    expect(field(doc, id)).toBe(ytext);
    expect(readElement(doc, id)).toMatchObject({ text: 'goed idee' });
  });

  it('two people editing one note offline: both edits are kept', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addElement(a, 'sticky', { x: 0, y: 0, text: 'Wij helpen' }, { author: 'a', env });
    sync(a, b);
    editText(a, id, 'text', 'Zij helpen');
    editText(b, id, 'text', 'Wij helpen elkaar');
    sync(a, b);
    for (const doc of [a, b])
      expect(readElement(doc, id)).toMatchObject({ text: 'Zij helpen elkaar' });
  });

  it('an edit made on an older text is moved past what merged in since (base)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addElement(a, 'sticky', { x: 0, y: 0, text: 'kans' }, { author: 'a', env });
    sync(a, b);
    editText(b, id, 'text', 'grote kans');
    sync(a, b);
    // A's editor still shows "kans" and appends "!": B's word stays.
    expect(editText(a, id, 'text', 'kans!', 'kans')).toBe('grote kans!');
  });

  it('a string written by an old client is read, and the next edit makes it a Y.Text again', () => {
    const doc = new Y.Doc();
    const id = addElement(doc, 'sticky', { x: 0, y: 0, text: 'nieuw' }, { author: 'a', env });
    elementsMap(doc).get(id)?.set('text', 'oud');
    expect(readElement(doc, id)).toMatchObject({ text: 'oud' });
    editText(doc, id, 'text', 'oud en nieuw');
    expect(field(doc, id)).toBeInstanceOf(Y.Text);
    expect(readElement(doc, id)).toMatchObject({ text: 'oud en nieuw' });
  });
});

describe('schema 2 migration', () => {
  /** A board as schema 1 stored it: text as strings. */
  function oldBoard(): { doc: Y.Doc; ids: string[] } {
    const doc = new Y.Doc();
    seedBoardDoc(doc, 'ideate', 'nl', env);
    const ids = ['s1', 't1', 'f1'];
    doc.transact(() => {
      const put = (id: string, fields: Record<string, unknown>) => {
        const m = new Y.Map<unknown>();
        elementsMap(doc).set(id, m);
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
      };
      const base = { x: 0, y: 0, w: 100, h: 100, z: 'a0', author: 'p', createdAt: 1 };
      put('s1', { ...base, type: 'sticky', text: 'oude notitie', color: 'blue' });
      put('t1', { ...base, type: 'text', text: 'oude kop', fontSize: 24 });
      put('f1', { ...base, type: 'frame', title: 'kader', color: '#fff' });
      metaMap(doc).set('schemaVersion', 1);
    });
    return { doc, ids };
  }

  it('turns string text into Y.Text once, records the version, keeps what readers see', () => {
    const { doc } = oldBoard();
    const before = readElements(doc)
      .map((e) => JSON.stringify(e))
      .sort();
    expect(field(doc, 's1')).toBe('oude notitie');
    expect(upgradeBoardDoc(doc, 'nl')).toBe(true);
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION);
    expect(field(doc, 's1')).toBeInstanceOf(Y.Text);
    expect(field(doc, 't1')).toBeInstanceOf(Y.Text);
    expect(field(doc, 'f1', 'title')).toBe('kader');
    expect(
      readElements(doc)
        .map((e) => JSON.stringify(e))
        .sort(),
    ).toEqual(before);
    const ytext = field(doc, 's1');
    expect(migrateBoard(doc)).toBe(false);
    expect(field(doc, 's1')).toBe(ytext);
  });

  it('a client on the old doc syncs with the migrated board: readable, then editable', () => {
    const { doc: server } = oldBoard();
    const oldClient = new Y.Doc();
    sync(server, oldClient);
    migrateBoard(server);
    // The old client edits the note its way (a plain string) while the server migrates.
    elementsMap(oldClient).get('s1')?.set('text', 'oude notitie, bijgewerkt');
    sync(server, oldClient);
    const seen = readElement(server, 's1');
    expect(seen?.type).toBe('sticky');
    expect(readElement(oldClient, 's1')).toEqual(seen);
    // Whichever write Yjs kept, the next edit is a Y.Text edit and both docs agree.
    editText(server, 's1', 'text', 'nieuw');
    sync(server, oldClient);
    expect(field(server, 's1')).toBeInstanceOf(Y.Text);
    expect(readElement(oldClient, 's1')).toMatchObject({ text: 'nieuw' });
  });
});

describe('compaction and rescue of shared texts', () => {
  it('a compacted copy keeps the text as Y.Text; offline typing is carried over in place', () => {
    const server = new Y.Doc();
    seedBoardDoc(server, 'ideate', 'nl', env);
    const id = addElement(
      server,
      'sticky',
      { x: 0, y: 0, text: 'samen werken' },
      { author: 'a', env },
    );
    const old = new Y.Doc();
    sync(server, old);
    // Offline: the old copy types into the note.
    editText(old, id, 'text', 'samen beter werken');
    // Meanwhile the server's board is compacted and someone appends online.
    const fresh = compactedCopy(server);
    expect(field(fresh, id)).toBeInstanceOf(Y.Text);
    editText(fresh, id, 'text', 'samen werken!');
    expect(rescueUnsynced(old, fresh)).toBe(1);
    expect(readElement(fresh, id)).toMatchObject({ text: 'samen beter werken!' });
  });
});
