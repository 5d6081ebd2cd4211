import { describe, expect, it } from 'vitest';
import { readRoster } from '../../../workshops';
import {
  answersCsv,
  authoredBy,
  buildReportData,
  exportParticipant,
  forgetParticipant,
} from '../../../workshops/report';
import { FIXTURE_TIME, buildFixtureWorkshop } from '../../fixtures/report-workshop';

describe('privacy (AVG)', () => {
  it('exports everything stored about one participant', () => {
    const w = buildFixtureWorkshop();
    const data = exportParticipant(w.control, w.boards, 'p-chloe')!;
    expect(data.participant.name).toBe('Chloë Peeters');
    expect(data.wrote.map((x) => x.text)).toContain('Werkgevers kennen de doelgroep niet');
    expect(data.votes.length).toBeGreaterThan(0);
    expect(data.answers.length).toBe(4 + 12); // four criteria, twelve statements
    expect(exportParticipant(w.control, w.boards, 'p-nobody')).toBeNull();
  });

  it('forgets a participant: pseudonym, answers gone, notes kept or removed', () => {
    const w = buildFixtureWorkshop();
    expect(forgetParticipant(w.control, w.boards, 'p-chloe')).toBe(true);
    const entry = readRoster(w.control).find((p) => p.id === 'p-chloe')!;
    expect(entry).toMatchObject({ name: 'Deelnemer 3', organisation: '', removed: true });
    const data = buildReportData(w, { names: true, now: FIXTURE_TIME });
    expect(JSON.stringify(data)).not.toContain('Chloë');
    expect(answersCsv(data)).not.toContain('Deelnemer 3');
    expect(authoredBy(w.boards.get('define')!, 'p-chloe')).toBe(1);

    const v = buildFixtureWorkshop();
    forgetParticipant(v.control, v.boards, 'p-chloe', { removeContent: true });
    expect(authoredBy(v.boards.get('define')!, 'p-chloe')).toBe(0);
    expect(exportParticipant(v.control, v.boards, 'p-chloe')!.wrote).toEqual([]);
  });
});
