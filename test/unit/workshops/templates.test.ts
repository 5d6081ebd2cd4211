import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardTemplate, Element, FrameElement } from '../../../workshops';
import {
  BOARD_TEMPLATES,
  CATEGORY_IDS,
  SESSION_TEMPLATES,
  STAGES,
  STAGE_FRAMES,
  addElement,
  applyTemplate,
  blockKind,
  decodeElement,
  readElement,
  readElements,
  readMeta,
  seedBoardDoc,
  templateElementId,
  upgradeBoardDoc,
  upgradeTemplate,
  writeMeta,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function seededBoard(stage: (typeof STAGES)[number], lang: 'nl' | 'en' = 'nl'): Y.Doc {
  const doc = new Y.Doc();
  seedBoardDoc(doc, stage, lang, env);
  return doc;
}

/** The doc's elements as plain JSON, for comparing replicas. */
function snapshot(doc: Y.Doc): unknown {
  return doc.getMap('elements').toJSON();
}

const inside = (el: Element, f: FrameElement): boolean =>
  el.x >= f.x && el.y >= f.y && el.x + el.w <= f.x + f.w && el.y + el.h <= f.y + f.h;

describe('board templates', () => {
  it('decode every seeded element with the element decoders, unchanged', () => {
    for (const stage of STAGES) {
      const doc = seededBoard(stage);
      const map = doc.getMap<Y.Map<unknown>>('elements');
      expect(map.size).toBe(BOARD_TEMPLATES[stage].items.length);
      map.forEach((ymap, id) => {
        const raw = ymap.toJSON() as Record<string, unknown>;
        const el = decodeElement(id, raw);
        expect(el, `${stage}/${id}`).not.toBeNull();
        expect(el!.templateId).toBeTruthy();
        expect(el!.author).toBe('template');
        expect(id).toBe(templateElementId(stage, el!.templateId!));
        // A decoder that had to fall back would change a field: the seeded record is valid.
        for (const key of ['x', 'y', 'w', 'h', 'type', 'z'] as const)
          expect((el as unknown as Record<string, unknown>)[key]).toEqual(raw[key]);
        if (el!.type === 'block') expect(blockKind(el!.kind)).toBeDefined();
      });
    }
  });

  it('have unique keys, texts in both languages, and no overlapping frames except nesting', () => {
    for (const stage of STAGES) {
      const t = BOARD_TEMPLATES[stage];
      const keys = t.items.map((i) => i.key);
      expect(new Set(keys).size, stage).toBe(keys.length);
      for (const item of t.items) {
        const texts =
          item.type === 'frame' || item.type === 'rating' || item.type === 'survey'
            ? [item.title]
            : item.type === 'text' || item.type === 'sticky'
              ? [item.text]
              : [];
        for (const x of texts) {
          // Either both languages or neither (untitled canvas cells).
          expect(x.nl.trim() === '', `${stage}/${item.key}`).toBe(x.en.trim() === '');
          if (item.type !== 'frame') expect(x.nl.trim(), `${stage}/${item.key}`).not.toBe('');
        }
        expect(item.w).toBeGreaterThan(0);
        expect(item.h).toBeGreaterThan(0);
      }
    }
  });

  it('place every non-frame item inside a frame, and frames side by side or nested', () => {
    for (const stage of STAGES) {
      const els = readElements(seededBoard(stage));
      const frames = els.filter((e): e is FrameElement => e.type === 'frame');
      for (const el of els) {
        if (el.type === 'frame') continue;
        // Section headings may sit between frames; everything else lives in a frame.
        if (el.templateId?.endsWith('heading')) continue;
        expect(
          frames.some((f) => inside(el, f)),
          `${stage}/${el.id}`,
        ).toBe(true);
      }
      for (const a of frames)
        for (const b of frames) {
          if (a === b) continue;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          if (overlap)
            expect(inside(a, b) || inside(b, a), `${stage}: ${a.id} × ${b.id}`).toBe(true);
        }
    }
  });

  it('have every frame an agenda activity points to', () => {
    for (const stage of STAGES) {
      const doc = seededBoard(stage);
      for (const a of SESSION_TEMPLATES[stage].activities) {
        const el = readElement(doc, a.frameId);
        expect(el?.type, `${stage}: ${a.id} → ${a.frameId}`).toBe('frame');
      }
      for (const key of STAGE_FRAMES[stage])
        expect(readElement(doc, templateElementId(stage, key))?.type).toBe('frame');
    }
  });

  it('give the ideate board three category lanes and a not-yet-sorted lane', () => {
    const lanes = readElements(seededBoard('ideate'))
      .filter((e): e is FrameElement => e.type === 'frame' && !!e.lane)
      .map((f) => f.lane);
    expect(lanes).toEqual(expect.arrayContaining([...CATEGORY_IDS, 'unsorted']));
    expect(lanes).toHaveLength(4);
  });

  it('seed in the workshop language', () => {
    const nl = readElement(
      seededBoard('ideate', 'nl'),
      templateElementId('ideate', 'lane-unsorted'),
    );
    const en = readElement(
      seededBoard('ideate', 'en'),
      templateElementId('ideate', 'lane-unsorted'),
    );
    expect(nl?.type === 'frame' && nl.title).toBe('Nog niet gesorteerd');
    expect(en?.type === 'frame' && en.title).toBe('Not yet sorted');
  });
});

describe('seeding', () => {
  it('is idempotent and never re-seeds over people’s work', () => {
    const doc = seededBoard('define');
    const before = snapshot(doc);
    const meta = readMeta(doc);
    expect(meta.templateVersion).toBe(BOARD_TEMPLATES.define.version);
    expect(meta.stage).toBe('define');
    seedBoardDoc(doc, 'define', 'nl', env);
    expect(snapshot(doc)).toEqual(before);
    expect(readMeta(doc).seededAt).toBe(meta.seededAt);
    // People's work stays; a deleted template element is not put back by a second seed.
    addElement(doc, 'sticky', { x: 1200, y: 900, text: 'mijn uitdaging' }, { author: 'p1', env });
    seedBoardDoc(doc, 'define', 'nl', env);
    expect(readElements(doc).filter((e) => e.author === 'p1')).toHaveLength(1);
  });

  it('converges when two replicas seed the same new board and then merge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedBoardDoc(a, 'prototype', 'nl', env);
    seedBoardDoc(b, 'prototype', 'nl', env);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getMap('elements').size).toBe(BOARD_TEMPLATES.prototype.items.length);
    expect(snapshot(a)).toEqual(snapshot(b));
    expect(snapshot(a)).toEqual(snapshot(seededBoard('prototype')));
  });

  it('gives a facilitator-added board meta but no template', () => {
    const doc = new Y.Doc();
    seedBoardDoc(doc, 'board-extra', 'en', env);
    expect(readMeta(doc)).toMatchObject({ boardId: 'board-extra', templateVersion: 0 });
    expect(readElements(doc)).toHaveLength(0);
  });
});

describe('template versions and migration', () => {
  const v1: BoardTemplate = {
    stage: 'test',
    version: 1,
    items: [
      {
        type: 'frame',
        key: 'old-frame',
        x: 0,
        y: 0,
        w: 400,
        h: 300,
        title: { nl: 'Oud', en: 'Old' },
        color: '#fff',
      },
      {
        type: 'text',
        key: 'kept',
        x: 10,
        y: 10,
        w: 200,
        h: 40,
        text: { nl: 'blijft', en: 'stays' },
        fontSize: 18,
      },
    ],
  };
  const v2: BoardTemplate = {
    stage: 'test',
    version: 2,
    items: [
      v1.items[1]!,
      {
        type: 'frame',
        key: 'new-frame',
        x: 500,
        y: 0,
        w: 400,
        h: 300,
        title: { nl: 'Nieuw', en: 'New' },
        color: '#fff',
      },
    ],
    retired: ['old-frame'],
  };

  it('upgrades a board seeded at an older version without touching people’s work', () => {
    const doc = new Y.Doc();
    writeMeta(doc, { boardId: 'test', stage: 'test', seededAt: 1, templateVersion: 0 });
    applyTemplate(doc, v1, 'nl');
    const sticky = addElement(
      doc,
      'sticky',
      { x: 20, y: 20, text: 'feedback' },
      { author: 'p1', env },
    );
    expect(readMeta(doc).templateVersion).toBe(1);

    expect(upgradeTemplate(doc, v2, 'nl')).toBe(true);
    expect(readMeta(doc).templateVersion).toBe(2);
    expect(readElement(doc, templateElementId('test', 'new-frame'))?.type).toBe('frame');
    expect(readElement(doc, templateElementId('test', 'old-frame'))).toBeNull();
    expect(readElement(doc, templateElementId('test', 'kept'))?.type).toBe('text');
    expect(readElement(doc, sticky)).toMatchObject({ text: 'feedback', author: 'p1' });
    expect(upgradeTemplate(doc, v2, 'nl')).toBe(false);
  });

  it('upgrades a board seeded before templates existed (version 0, schema 0) on load', () => {
    const doc = new Y.Doc();
    // What the first server release wrote: meta only, no schema version, no template.
    writeMeta(doc, {
      boardId: 'ideate',
      stage: 'ideate',
      title: 'Ideate',
      seededAt: 5,
      templateVersion: 0,
    });
    doc.getMap('meta').delete('schemaVersion');
    addElement(doc, 'sticky', { x: 50, y: 50, text: 'idee' }, { author: 'p1', env });
    expect(upgradeBoardDoc(doc, 'nl')).toBe(true);
    const meta = readMeta(doc);
    expect(meta.templateVersion).toBe(BOARD_TEMPLATES.ideate.version);
    expect(meta.schemaVersion).toBeGreaterThan(0);
    expect(meta.seededAt).toBe(5);
    expect(readElements(doc)).toHaveLength(BOARD_TEMPLATES.ideate.items.length + 1);
    expect(upgradeBoardDoc(doc, 'nl')).toBe(false);
    // seedBoardDoc on a seeded board is the same no-op.
    const before = snapshot(doc);
    seedBoardDoc(doc, 'ideate', 'nl', env);
    expect(snapshot(doc)).toEqual(before);
  });
});
