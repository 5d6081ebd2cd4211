import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Session } from '../../../workshops';
import {
  addElement,
  displayBoardTitle,
  displaySession,
  displayText,
  readElements,
  readSessions,
  seedBoardDoc,
  seedSessions,
  updateElement,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

const byId = (doc: Y.Doc, id: string) => readElements(doc).find((e) => e.id === id);

describe('template content in each viewer’s language', () => {
  it('a Dutch board shows its template in English to an English viewer, and back', () => {
    const doc = new Y.Doc();
    seedBoardDoc(doc, 'ideate', 'nl', env);
    const intro = byId(doc, 'tpl-ideate-intro');
    if (!intro) throw new Error('no intro frame');
    expect(displayText(intro, 'nl')).toBe('Over deze sessie');
    expect(displayText(intro, 'en')).toBe('About this session');
    const en = new Y.Doc();
    seedBoardDoc(en, 'ideate', 'en', env);
    const enIntro = byId(en, 'tpl-ideate-intro');
    expect(enIntro && displayText(enIntro, 'nl')).toBe('Over deze sessie');
  });

  it('what people write, and a template text someone changed, stay as written', () => {
    const doc = new Y.Doc();
    seedBoardDoc(doc, 'ideate', 'nl', env);
    const id = addElement(
      doc,
      'sticky',
      { x: 0, y: 0, w: 100, h: 100, text: 'Samen inkopen', color: 'yellow' },
      { author: 'p1', env },
    );
    const note = byId(doc, id);
    expect(note && displayText(note, 'en')).toBe('Samen inkopen');
    updateElement(doc, 'tpl-ideate-intro', { title: 'Onze eigen titel' });
    const intro = byId(doc, 'tpl-ideate-intro');
    expect(intro && displayText(intro, 'en')).toBe('Onze eigen titel');
  });

  it('the agenda and board titles follow the viewer, the vote count follows the round', () => {
    const doc = new Y.Doc();
    seedSessions(doc, 'nl');
    const define = readSessions(doc).find((s) => s.id === 'define') as Session;
    const en = displaySession(define, 'en', 2);
    expect(en.title).toBe('2. Define');
    const dots = en.activities.find((a) => a.title === 'Dot voting');
    expect(dots?.instructions).toContain('You have 2 votes');
    const nl = displaySession(define, 'nl', 5);
    expect(nl.activities.find((a) => a.title === 'Stemmen met stippen')?.instructions).toContain(
      'Je hebt 5 stemmen',
    );
    expect(displayBoardTitle({ id: 'ideate', title: '3. Ideeën genereren' }, 'en')).toBe(
      '3. Ideate',
    );
    expect(displayBoardTitle({ id: 'extra', title: 'Eigen bord' }, 'en')).toBe('Eigen bord');
  });
});
