/**
 * What the element modules say per type instead of a switch on it (issue 11): which field holds
 * the text (workshops/elements `textField`) and how it is edited (web/board/elements
 * `textEdit`), how a copy is placed (`clone`), how a template item becomes an element
 * (`fromTemplate`).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ELEMENT_TYPES,
  addElement,
  editableTextOf,
  fromTemplateItem,
  readElement,
  textFieldOf,
} from '../../../workshops';
import { viewOf } from '../../../web/board/elements';
import { TestBoard } from './test-board';
import { testEnv } from '../../fixtures/env';

const env = testEnv();

describe('element modules', () => {
  it('a type has text to edit in both halves or in neither', () => {
    for (const type of ELEMENT_TYPES)
      expect(viewOf(type).textEdit === null, type).toBe(textFieldOf({ type }) === null);
  });

  it('setText writes the field its module names, for every type', () => {
    for (const type of ELEMENT_TYPES) {
      const tb = new TestBoard();
      const id = addElement(tb.doc, type, { x: 0, y: 0 }, { author: 'p-test', env });
      tb.board.setText(id, `tekst van ${type}`);
      const el = readElement(tb.doc, id);
      expect(el && editableTextOf(el), type).toBe(`tekst van ${type}`);
    }
  });

  it('a pasted connector with a free end moves that end with it', () => {
    const tb = new TestBoard();
    const id = addElement(
      tb.doc,
      'connector',
      { x: 0, y: 0, x2: 200, y2: 50, from: 'elders', to: '' },
      { author: 'p-test', env },
    );
    const [copy] = tb.board.paste(tb.board.copy([id]), { x: 1100, y: 1000 });
    const el = copy ? readElement(tb.doc, copy) : null;
    if (el?.type !== 'connector') throw new Error('no copy');
    expect(el.x).not.toBe(0);
    expect([el.x2 - el.x, el.y2 - el.y]).toEqual([200, 50]);
    // What it joined was not copied: that end is let go.
    expect(el.from).toBe('');
  });

  it('a template item becomes its type’s fields in the workshop’s language', () => {
    const item = {
      key: 'k',
      type: 'rating' as const,
      x: 0,
      y: 0,
      w: 10,
      h: 10,
      title: { nl: 'Toetsing', en: 'Review' },
      questions: ['usability'],
    };
    expect(fromTemplateItem(item, 'en')).toEqual({ title: 'Review', criteria: ['usability'] });
    const doc = new Y.Doc();
    const id = addElement(
      doc,
      'sticky',
      {
        x: 0,
        y: 0,
        ...fromTemplateItem({ ...item, type: 'sticky', text: item.title, color: 'blue' }, 'nl'),
      },
      { author: 'template', env },
    );
    const el = readElement(doc, id);
    expect(el?.type === 'sticky' && [el.text, el.color]).toEqual(['Toetsing', 'blue']);
  });
});
