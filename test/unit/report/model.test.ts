import { describe, expect, it } from 'vitest';
import { suggestCategory } from '../../../workshops';
import type { ReportBlock, ReportData } from '../../../workshops/report';
import {
  answersCsv,
  buildReportData,
  reportDocument,
  stickiesCsv,
} from '../../../workshops/report';
import { FIXTURE_TIME, buildFixtureWorkshop } from '../../fixtures/report-workshop';

function build(names = false, lang: 'nl' | 'en' = 'nl'): ReportData {
  const w = buildFixtureWorkshop(lang);
  return buildReportData(w, {
    names,
    now: FIXTURE_TIME,
    suggest: (text) => suggestCategory({ id: '', text }, lang).category,
  });
}

/** The document as text: what a reader sees, pictures as their name, size and element count. */
function outline(blocks: ReportBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `${'#'.repeat(b.level)} ${b.text}${b.anchor ? ` {#${b.anchor}}` : ''}`;
        case 'paragraph':
          return `${b.label ? `${b.label}: ` : ''}${b.text}`;
        case 'list':
          return b.items.map((i) => `- ${i.text}${i.anchor ? ` → #${i.anchor}` : ''}`).join('\n');
        case 'table':
          return [b.header, ...b.rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
        case 'image':
          return `[image ${b.name} ${b.width}×${b.height}: ${b.caption}]`;
      }
    })
    .join('\n');
}

describe('the report model', () => {
  it('matches the golden outline (Dutch, pseudonymised)', async () => {
    const doc = reportDocument(build());
    await expect(`${doc.title}\n${doc.subtitle}\n\n${outline(doc.blocks)}\n`).toMatchFileSnapshot(
      './__golden__/report-nl.txt',
    );
  });

  it('matches the golden outline (English, with names)', async () => {
    const doc = reportDocument(build(true, 'en'));
    await expect(`${doc.title}\n${doc.subtitle}\n\n${outline(doc.blocks)}\n`).toMatchFileSnapshot(
      './__golden__/report-en.txt',
    );
  });

  it('keeps names out unless the facilitator chooses them', () => {
    const text = JSON.stringify(reportDocument(build()));
    expect(text).not.toContain('Anna de Vries');
    expect(text).toContain('Deelnemer 1');
    expect(JSON.stringify(reportDocument(build(true)))).toContain('Anna de Vries');
  });

  it('lists the ideas per category, most voted first', () => {
    const ideate = build().sessions.find((s) => s.stage === 'ideate')!;
    const knowledge = ideate.ideas!.find((c) => c.category === 'knowledge')!;
    expect(knowledge.items.map((i) => [i.text, i.votes])).toEqual([
      ['Gezamenlijke training voor werkbegeleiders', 4],
      ['Kennisdeling over job carving tussen ondernemers', 1],
    ]);
    expect(ideate.ideas!.map((c) => c.items.length)).toEqual([2, 1, 1]);
    // The challenges carried in from define are no ideas, and they link back.
    expect(ideate.carried.map((c) => c.fromAnchor)).toEqual(['session-2', 'session-2']);
  });

  it('reads the design: blocks, bridges with value type and direction', () => {
    const proto = build().sessions.find((s) => s.stage === 'prototype')!;
    const design = proto.designs[0]!;
    expect(design.blocks).toContain('Groenwerk');
    expect(design.bridges).toEqual([
      expect.objectContaining({
        from: 'Groenwerk',
        label: 'Groenonderhoud',
        valueType: 'transactie',
        direction: 'one',
      }),
      expect.objectContaining({ label: 'Werkplekken', valueType: 'synergie', direction: 'both' }),
    ]);
    expect(design.picture?.svg).toContain('Groenonderhoud');
  });

  it('summarises the ratings and the survey', () => {
    const test = build().sessions.find((s) => s.stage === 'test')!;
    const rating = test.widgets.find((w) => w.kind === 'rating')!;
    expect(rating.questions.map((q) => q.average)).toEqual([4, 4, 11 / 3, 13 / 3]);
    expect(rating.questions[0]!.distribution).toEqual([0, 0, 1, 1, 1]);
    expect(test.widgets.some((w) => w.kind === 'survey' && w.respondents === 3)).toBe(true);
  });

  it('writes CSV with a BOM, the chosen separator and Dutch characters intact', () => {
    const data = build();
    const csv = stickiesCsv(data, ';');
    expect(csv.startsWith('\ufeffbord;kader;')).toBe(true);
    expect(csv).toContain('Definiëren');
    expect(stickiesCsv(data, ',').split('\r\n')[0]).toBe(
      '\ufeffbord,kader,categorie,stemmen,type organisatie auteur,tekst,gemaakt',
    );
    const answers = answersCsv(data);
    expect(answers).toContain('Deelnemer 3');
    expect(answers).not.toContain('Chloë');
    expect(answers.trim().split('\r\n').length - 1).toBe(data.answerRows.length);
  });

  it('draws every picture as a well-formed SVG', () => {
    const doc = reportDocument(build());
    const images = doc.blocks.filter((b) => b.kind === 'image');
    expect(images.length).toBeGreaterThan(10);
    for (const img of images) {
      const parsed = new DOMParser().parseFromString(img.svg, 'image/svg+xml');
      expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    }
  });
});
