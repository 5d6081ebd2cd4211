import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  LANGUAGES,
  SESSION_TEMPLATES,
  STAGES,
  activitySchedule,
  addActivity,
  moveActivity,
  readSession,
  readSessions,
  removeActivity,
  resetAgenda,
  seedControlDoc,
  sessionEndsAt,
  sessionMinutes,
  updateActivity,
  updateSession,
} from '../../../workshops';
import { testEnv } from '../../fixtures/env';

/** Fixed clock and counted ids for what this file writes (test/fixtures/env.ts). */
const env = testEnv();

function seeded(lang: 'nl' | 'en' = 'nl'): Y.Doc {
  const doc = new Y.Doc();
  seedControlDoc(doc, { title: 'Reeks', language: lang });
  return doc;
}

describe('the series as data', () => {
  it('has five sessions in stage order, every text in Dutch and English', () => {
    expect(Object.keys(SESSION_TEMPLATES)).toEqual([...STAGES]);
    for (const stage of STAGES) {
      const t = SESSION_TEMPLATES[stage];
      expect(t.stage).toBe(stage);
      for (const text of [t.title, t.goal, t.buildsOn, t.produces])
        for (const lang of LANGUAGES) expect(text[lang].trim()).not.toBe('');
      for (const a of t.activities)
        for (const lang of LANGUAGES) {
          expect(a.title[lang].trim()).not.toBe('');
          expect(a.instructions[lang].trim()).not.toBe('');
        }
    }
  });

  it('has activities whose minutes add up to the session length', () => {
    for (const stage of STAGES) {
      const t = SESSION_TEMPLATES[stage];
      expect(t.activities.length).toBeGreaterThan(2);
      for (const a of t.activities) expect(a.minutes).toBeGreaterThan(0);
      expect(t.activities.reduce((s, a) => s + a.minutes, 0)).toBe(t.lengthMinutes);
      const ids = t.activities.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('session plan in the control doc', () => {
  it('seeds the five default agendas in the workshop language, once', () => {
    const doc = seeded('en');
    const sessions = readSessions(doc);
    expect(sessions.map((s) => s.stage)).toEqual([...STAGES]);
    expect(sessions[0]!.title).toBe('1. Empathise');
    expect(sessions[0]!.activities[0]!.title).toBe(
      SESSION_TEMPLATES.empathise.activities[0]!.title.en,
    );
    for (const s of sessions) {
      expect(s.status).toBe('planned');
      expect(sessionMinutes(s)).toBe(SESSION_TEMPLATES[s.stage!].lengthMinutes);
    }
    updateActivity(doc, 'define', 'define-vote', { minutes: 25 });
    seedControlDoc(doc, { title: 'Reeks', language: 'en' });
    expect(readSessions(doc)).toHaveLength(5);
    expect(
      readSession(doc, 'define')!.activities.find((a) => a.id === 'define-vote')!.minutes,
    ).toBe(25);
  });

  it('adds, edits, reorders and removes activities; end time follows', () => {
    const doc = seeded();
    const start = Date.UTC(2026, 0, 12, 13, 0);
    updateSession(doc, 'ideate', { scheduledAt: start, status: 'live' });
    let s = readSession(doc, 'ideate')!;
    expect(s.status).toBe('live');
    expect(sessionEndsAt(s)).toBe(start + 120 * 60_000);

    const id = addActivity(
      doc,
      'ideate',
      { title: 'Pauze', minutes: 10, instructions: '', frameId: '' },
      env,
      2,
    )!;
    s = readSession(doc, 'ideate')!;
    expect(s.activities[2]!.id).toBe(id);
    expect(sessionEndsAt(s)).toBe(start + 130 * 60_000);

    moveActivity(doc, 'ideate', id, 0);
    expect(readSession(doc, 'ideate')!.activities[0]!.id).toBe(id);
    moveActivity(doc, 'ideate', id, 99);
    s = readSession(doc, 'ideate')!;
    expect(s.activities.at(-1)!.id).toBe(id);

    updateActivity(doc, 'ideate', id, { minutes: -5, title: 'Koffie' });
    s = readSession(doc, 'ideate')!;
    expect(s.activities.at(-1)).toMatchObject({ title: 'Koffie', minutes: 0 });

    const schedule = activitySchedule(s);
    expect(schedule[1]!.startsAt).toBe(start + s.activities[0]!.minutes * 60_000);
    expect(activitySchedule({ ...s, scheduledAt: 0 })[0]!.startsAt).toBeNull();

    expect(removeActivity(doc, 'ideate', id)).toBe(true);
    expect(readSession(doc, 'ideate')!.activities).toHaveLength(
      SESSION_TEMPLATES.ideate.activities.length,
    );
    expect(removeActivity(doc, 'ideate', 'nope')).toBe(false);
  });

  it('reorders conflict-free: concurrent moves in two replicas neither duplicate nor lose', () => {
    const a = seeded();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveActivity(a, 'test', 'test-survey', 0);
    moveActivity(b, 'test', 'test-survey', 3);
    moveActivity(b, 'test', 'test-intro', 5);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ia = readSession(a, 'test')!.activities.map((x) => x.id);
    const ib = readSession(b, 'test')!.activities.map((x) => x.id);
    expect(ia).toEqual(ib);
    expect([...ia].sort()).toEqual(SESSION_TEMPLATES.test.activities.map((x) => x.id).sort());
  });

  it('resets an agenda to the shipped default', () => {
    const doc = seeded();
    removeActivity(doc, 'prototype', 'prototype-steps');
    expect(resetAgenda(doc, 'prototype', 'nl')).toBe(true);
    expect(readSession(doc, 'prototype')!.activities.map((a) => a.id)).toEqual(
      SESSION_TEMPLATES.prototype.activities.map((a) => a.id),
    );
  });
});
