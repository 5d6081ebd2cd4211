/**
 * The quote card, the element type added through the registries alone: one domain module
 * (workshops/elements/quote.ts), one view (web/board/elements/quote.tsx), a line in each registry.
 * Everything that does not care which type an element is finds it there: the SVG picture, the
 * outline, the tool bar's tools and commands, copying.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Element } from '../../../workshops';
import {
  ELEMENT_TYPES,
  addElement,
  cloneElement,
  decodeElement,
  elementsMap,
  layerOf,
  outlineTextOf,
  readElement,
} from '../../../workshops';
import { renderBoard } from '../../../workshops/render';
import type { QuoteElement } from '../../../workshops/elements/quote';
import { PLACE_TOOLS, placeTool } from '../../../web/board/elements';
import { getCommand } from '../../../web/board/commands';
import { itemText } from '../../../web/outline/model';
import { TestBoard } from '../board/test-board';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const quoteOf = (doc: Y.Doc, id: string): QuoteElement => {
  const el = readElement(doc, id);
  if (el?.type !== 'quote') throw new Error(`no quote ${id}`);
  return el;
};

describe('quote card', () => {
  it('is an element type of both registries, with a tool and a command', () => {
    expect(ELEMENT_TYPES).toContain('quote');
    expect(layerOf({ type: 'quote' })).toBe('item');
    expect(placeTool('quote')?.type).toBe('quote');
    expect(PLACE_TOOLS.map((t) => t.id)).toEqual([
      'sticky',
      'text',
      'rect',
      'ellipse',
      'diamond',
      'frame',
      'quote',
    ]);
    expect(getCommand('tool.quote')).toMatchObject({ shortcuts: ['q'], label: 'tools.quote' });
  });

  it('is written with defaults and decoded, keeping old or malformed records readable', () => {
    const doc = new Y.Doc();
    const id = addElement(
      doc,
      'quote',
      { x: 10, y: 20, text: 'Zo werkt het niet' },
      { author: 'p', env },
    );
    expect(quoteOf(doc, id)).toMatchObject({ w: 280, h: 180, text: 'Zo werkt het niet', by: '' });
    const raw = { type: 'quote', x: 0, y: 0, w: 100, h: 50, text: 5, by: 'x'.repeat(500) };
    expect(decodeElement('q', raw)).toMatchObject({ text: '', by: 'x'.repeat(120) });
  });

  it('is drawn into the SVG picture with its quote and attribution, escaped', () => {
    const doc = new Y.Doc();
    addElement(
      doc,
      'quote',
      { x: 0, y: 0, text: 'Klant <eerst>', by: 'Ans & co' },
      { author: 'p', env },
    );
    const els = [...elementsMap(doc).keys()].map((id) => readElement(doc, id) as Element);
    const { svg } = renderBoard(els, { lang: 'nl' });
    expect(svg).toContain('Klant &lt;eerst&gt;');
    expect(svg).toContain('— Ans &amp; co');
  });

  it('reads as one line in the outline', () => {
    const doc = new Y.Doc();
    const id = addElement(
      doc,
      'quote',
      { x: 0, y: 0, text: 'Te duur', by: 'Bea' },
      { author: 'p', env },
    );
    const el = quoteOf(doc, id);
    expect(itemText(el, 'nl')).toBe('“Te duur” — Bea');
    expect(outlineTextOf({ ...el, by: '' }, 'en', () => '?')).toBe('“Te duur”');
  });

  it('is placed by its tool, edited in place, given an attribution and duplicated', () => {
    const tb = new TestBoard();
    const b = tb.board;
    b.setTool('quote');
    expect(b.state.tool).toBe('quote');
    const id = b.add('quote', { x: 0, y: 0 }) ?? '';
    b.setText(id, 'Het moet sneller');
    b.update(id, { by: 'Chris, planner' });
    expect(quoteOf(tb.doc, id)).toMatchObject({ text: 'Het moet sneller', by: 'Chris, planner' });
    const copy = cloneElement(quoteOf(tb.doc, id));
    expect(copy).toMatchObject({ text: 'Het moet sneller', by: 'Chris, planner' });
    b.select([id]);
    const [dup] = b.duplicate();
    expect(dup && quoteOf(tb.doc, dup).by).toBe('Chris, planner');
  });
});
