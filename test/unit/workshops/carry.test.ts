import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StickyElement } from '../../../workshops';
import {
  DESIGNS_BOX,
  IDEAS_BOX,
  addElement,
  deleteElements,
  pullForward,
  readElement,
  readElements,
  seedBoardDoc,
  setVotes,
  summariseDesigns,
  templateElementId,
  updateElement,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function board(stage: 'define' | 'ideate' | 'prototype' | 'test'): Y.Doc {
  const doc = new Y.Doc();
  seedBoardDoc(doc, stage, 'nl', env);
  return doc;
}

const carried = (doc: Y.Doc): StickyElement[] =>
  readElements(doc).filter((e): e is StickyElement => e.type === 'sticky' && !!e.source);

function sticky(
  doc: Y.Doc,
  x: number,
  y: number,
  text: string,
  extra: Partial<StickyElement> = {},
) {
  return addElement(doc, 'sticky', { x, y, text, ...extra }, { author: 'p1', env });
}

describe('carry forward', () => {
  it('define → ideate: top-voted challenges, linked, idempotent', () => {
    const define = board('define');
    const ideate = board('ideate');
    const a = sticky(define, 1200, 900, 'Hoe kunnen wij werkplekken vinden?');
    const b = sticky(define, 1400, 900, 'Hoe kunnen wij regels vereenvoudigen?');
    sticky(define, 1600, 900, 'zonder stemmen');
    setVotes(define, a, 'p1', 2);
    setVotes(define, a, 'p2', 1);
    setVotes(define, b, 'p3', 1);

    const first = pullForward(define, ideate, 'ideate', { clock: env });
    expect(first.added).toHaveLength(2);
    const cards = carried(ideate);
    expect(cards.map((c) => c.source!.elementId).sort()).toEqual([a, b].sort());
    for (const c of cards) expect(c.source!.boardId).toBe('define');
    const top = cards.find((c) => c.source!.elementId === a)!;
    expect(top.text).toContain('werkplekken');
    expect(top.text).toContain('3');
    // The cards land in the chosen-challenges frame and carry no votes of their own.
    const frame = readElement(ideate, templateElementId('ideate', 'challenges'))!;
    expect(top.x).toBeGreaterThanOrEqual(frame.x);
    expect(top.y + top.h).toBeLessThanOrEqual(frame.y + frame.h);
    expect(top.votes).toEqual({});

    // Again: nothing new, nothing duplicated, nothing overwritten.
    updateElement(ideate, top.id, { text: 'bewerkt' });
    const again = pullForward(define, ideate, 'ideate', { clock: env });
    expect(again).toEqual({ added: [], skipped: 2 });
    expect(carried(ideate)).toHaveLength(2);
    expect((readElement(ideate, top.id) as StickyElement).text).toBe('bewerkt');

    // A new vote makes a new challenge eligible; a deleted card does not come back.
    const c = sticky(define, 1800, 900, 'nieuw');
    setVotes(define, c, 'p1', 1);
    deleteElements(ideate, [top.id]);
    const third = pullForward(define, ideate, 'ideate', { clock: env });
    expect(third.added).toHaveLength(1);
    expect(
      carried(ideate)
        .map((x) => x.source!.elementId)
        .sort(),
    ).toEqual([b, c].sort());
  });

  it('two facilitator tabs pulling at once converge to one card per source', () => {
    const define = board('define');
    const s = sticky(define, 1200, 900, 'uitdaging');
    setVotes(define, s, 'p1', 1);
    const t1 = board('ideate');
    const t2 = new Y.Doc();
    Y.applyUpdate(t2, Y.encodeStateAsUpdate(t1));
    pullForward(define, t1, 'ideate', { clock: env });
    pullForward(define, t2, 'ideate', { clock: env });
    Y.applyUpdate(t1, Y.encodeStateAsUpdate(t2));
    Y.applyUpdate(t2, Y.encodeStateAsUpdate(t1));
    expect(carried(t1)).toHaveLength(1);
    expect(carried(t2)).toHaveLength(1);
  });

  it('ideate → prototype: sorted ideas per category with votes, beside the design areas', () => {
    const ideate = board('ideate');
    const prototype = board('prototype');
    const lane = readElement(ideate, templateElementId('ideate', 'lane-chain'))!;
    // One idea sorted by dropping it in the chain lane, one tagged knowledge, one unsorted.
    const inLane = sticky(ideate, lane.x + 100, lane.y + 300, 'doorstroom regelen');
    const tagged = sticky(ideate, 1200, 800, 'kennis delen', { category: 'knowledge' });
    sticky(ideate, 1300, 800, 'nog los');
    setVotes(ideate, tagged, 'p2', 3);
    const r = pullForward(ideate, prototype, 'prototype', { clock: env });
    expect(r.added).toHaveLength(2);
    const cards = carried(prototype);
    const chain = cards.find((c) => c.source!.elementId === inLane)!;
    const knowledge = cards.find((c) => c.source!.elementId === tagged)!;
    expect(chain.category).toBe('chain');
    expect(knowledge.category).toBe('knowledge');
    expect(knowledge.text).toContain('★ 3');
    expect(knowledge.x).toBeLessThan(chain.x);
    for (const c of cards) {
      expect(c.x + c.w).toBeLessThanOrEqual(IDEAS_BOX.x + IDEAS_BOX.w);
      expect(c.y).toBeGreaterThan(IDEAS_BOX.y);
    }
    expect(pullForward(ideate, prototype, 'prototype', { clock: env }).added).toHaveLength(0);
  });

  it('prototype → test: a summary card per design listing its blocks and bridges', () => {
    const prototype = board('prototype');
    const test = board('test');
    const area = readElement(prototype, templateElementId('prototype', 'design-2'))!;
    const self = addElement(
      prototype,
      'block',
      { x: area.x + 300, y: area.y + 250, w: 170, h: 170, kind: 'social-enterprise' },
      { author: 'p1', env },
    );
    const uwv = addElement(
      prototype,
      'block',
      { x: area.x + 600, y: area.y + 250, w: 140, h: 140, kind: 'eco-uwv' },
      { author: 'p1', env },
    );
    addElement(
      prototype,
      'connector',
      { x: 0, y: 0, from: self, to: uwv, label: 'jobcoaching', value: 'interaction' },
      { author: 'p1', env },
    );
    sticky(prototype, area.x + 40, area.y + 80, 'Bakkerij De Korst');

    const designs = summariseDesigns(prototype, 'nl');
    expect(designs).toHaveLength(1);
    expect(designs[0]).toMatchObject({
      frameId: area.id,
      blocks: ['Wij: sociale onderneming', 'UWV'],
      notes: ['Bakkerij De Korst'],
    });
    expect(designs[0]!.bridges[0]).toBe('Wij: sociale onderneming → UWV: jobcoaching · interactie');

    const r = pullForward(prototype, test, 'test', { lang: 'nl', author: 'fac', clock: env });
    expect(r.added).toHaveLength(1);
    const card = readElement(test, r.added[0]!) as StickyElement;
    expect(card.source).toEqual({ boardId: 'prototype', elementId: area.id });
    expect(card.author).toBe('fac');
    expect(card.text).toContain('Bakkerij De Korst');
    expect(card.text).toContain('UWV');
    expect(card.y).toBeGreaterThan(DESIGNS_BOX.y);
    expect(pullForward(prototype, test, 'test', { clock: env }).added).toHaveLength(0);
  });

  it('has nothing to pull into the first two stages', () => {
    expect(pullForward(board('define'), board('define'), 'empathise', { clock: env })).toEqual({
      added: [],
      skipped: 0,
    });
  });
});
