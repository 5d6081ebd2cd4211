/**
 * The session plan in the control doc: typed readers and writers over `sessions`
 * (Y.Array<Y.Map>). The facilitator's agenda editor and live timeline (workshops/facilitation,
 * web/facilitator) build on these; nothing else touches the maps.
 *
 * A session map holds `id`, `stage`, `boardId`, `title`, `goal`, `buildsOn`, `scheduledAt`
 * (epoch ms, 0 = not scheduled), `status` (planned | live | done) and `activities`
 * (Y.Array<Y.Map>: `id`, `title`, `minutes`, `instructions`, `frameId`, `order`).
 *
 * Activities are ordered by `order`, a fractional-index string, not by array position: moving an
 * activity rewrites one field, so two facilitator tabs reordering at once can never duplicate or
 * lose an activity (a delete + insert would). Texts are stored in the workshop's language when
 * seeded and edited as plain strings from then on. End times are derived, never stored.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { sessionsArray } from '../control/doc';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import type { Ids } from '../env';
import type { Stage } from '../rooms';
import { STAGES, isStage } from '../rooms';
import { SESSION_TEMPLATES } from './content';
import type { ActivityTemplate, SessionTemplate } from './types';

export const SESSION_STATUSES = ['planned', 'live', 'done'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface Activity {
  id: string;
  title: string;
  minutes: number;
  instructions: string;
  /** Element id of the frame on the session's board ('' = the whole board). */
  frameId: string;
}

export interface Session {
  id: string;
  stage?: Stage;
  boardId: string;
  title: string;
  goal: string;
  buildsOn: string;
  /** Planned start (epoch ms); 0 while not scheduled. */
  scheduledAt: number;
  status: SessionStatus;
  activities: Activity[];
}

export type SessionPatch = Partial<
  Pick<Session, 'title' | 'goal' | 'buildsOn' | 'scheduledAt' | 'status' | 'boardId'>
>;
export type ActivityPatch = Partial<Omit<Activity, 'id'>>;

const MAX_MINUTES = 24 * 60;

// ---- reading ------------------------------------------------------------------------------

const s = (m: Y.Map<unknown>, k: string, fallback = ''): string => {
  const v = m.get(k);
  return typeof v === 'string' ? v : fallback;
};
const n = (m: Y.Map<unknown>, k: string, fallback = 0): number => {
  const v = m.get(k);
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
};

function activitiesOf(m: Y.Map<unknown>): Y.Array<Y.Map<unknown>> | null {
  const a = m.get('activities');
  return a instanceof Y.Array ? (a as Y.Array<Y.Map<unknown>>) : null;
}

/** Activity maps in agenda order (by `order`, then array position for equal or missing keys). */
function orderedActivityMaps(arr: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  return arr
    .toArray()
    .map((m, i) => ({ m, i }))
    .filter((x) => x.m instanceof Y.Map)
    .sort((a, b) => {
      const oa = s(a.m, 'order');
      const ob = s(b.m, 'order');
      if (oa !== ob) return oa < ob ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.m);
}

function readActivity(m: Y.Map<unknown>): Activity {
  return {
    id: s(m, 'id'),
    title: s(m, 'title'),
    minutes: clampMinutes(n(m, 'minutes')),
    instructions: s(m, 'instructions'),
    frameId: s(m, 'frameId'),
  };
}

function readSessionMap(m: Y.Map<unknown>): Session {
  const stage = m.get('stage');
  const status = m.get('status');
  const arr = activitiesOf(m);
  const session: Session = {
    id: s(m, 'id'),
    boardId: s(m, 'boardId'),
    title: s(m, 'title'),
    goal: s(m, 'goal'),
    buildsOn: s(m, 'buildsOn'),
    scheduledAt: n(m, 'scheduledAt'),
    status: (SESSION_STATUSES as readonly unknown[]).includes(status)
      ? (status as SessionStatus)
      : 'planned',
    activities: arr ? orderedActivityMaps(arr).map(readActivity) : [],
  };
  if (isStage(stage)) session.stage = stage;
  return session;
}

/** All sessions in plan order. Malformed entries are skipped. */
export function readSessions(doc: Y.Doc): Session[] {
  return sessionsArray(doc)
    .toArray()
    .filter((m) => m instanceof Y.Map)
    .map(readSessionMap);
}

export function readSession(doc: Y.Doc, sessionId: string): Session | null {
  const m = sessionMap(doc, sessionId);
  return m ? readSessionMap(m) : null;
}

function sessionMap(doc: Y.Doc, sessionId: string): Y.Map<unknown> | null {
  for (const m of sessionsArray(doc)) if (m instanceof Y.Map && m.get('id') === sessionId) return m;
  return null;
}

function activityMap(
  doc: Y.Doc,
  sessionId: string,
  activityId: string,
): { arr: Y.Array<Y.Map<unknown>>; m: Y.Map<unknown>; index: number } | null {
  const sm = sessionMap(doc, sessionId);
  const arr = sm ? activitiesOf(sm) : null;
  if (!arr) return null;
  let index = 0;
  for (const m of arr) {
    if (m instanceof Y.Map && m.get('id') === activityId) return { arr, m, index };
    index++;
  }
  return null;
}

// ---- derived times ------------------------------------------------------------------------

export function clampMinutes(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(MAX_MINUTES, Math.max(0, Math.round(value)));
}

/** Total planned minutes of a session (the length the facilitator sees). */
export function sessionMinutes(session: Pick<Session, 'activities'>): number {
  return session.activities.reduce((sum, a) => sum + a.minutes, 0);
}

/** Planned end (epoch ms) from the start and the activities' minutes; null while unscheduled. */
export function sessionEndsAt(session: Pick<Session, 'activities' | 'scheduledAt'>): number | null {
  return session.scheduledAt > 0 ? session.scheduledAt + sessionMinutes(session) * 60_000 : null;
}

export interface ScheduledActivity {
  activity: Activity;
  /** Minutes from the session's start. */
  offsetMinutes: number;
  /** Epoch ms, from `start` (default: the session's scheduledAt); null while unscheduled. */
  startsAt: number | null;
  endsAt: number | null;
}

/** Each activity's start and end: the timeline the facilitator and participants see. */
export function activitySchedule(
  session: Pick<Session, 'activities' | 'scheduledAt'>,
  start: number = session.scheduledAt,
): ScheduledActivity[] {
  let offset = 0;
  return session.activities.map((activity) => {
    const at = start > 0 ? start + offset * 60_000 : null;
    const item: ScheduledActivity = {
      activity,
      offsetMinutes: offset,
      startsAt: at,
      endsAt: at === null ? null : at + activity.minutes * 60_000,
    };
    offset += activity.minutes;
    return item;
  });
}

// ---- writing ------------------------------------------------------------------------------

function writeActivityMap(a: Activity, order: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  m.set('id', a.id);
  m.set('title', a.title);
  m.set('minutes', clampMinutes(a.minutes));
  m.set('instructions', a.instructions);
  m.set('frameId', a.frameId);
  m.set('order', order);
  return m;
}

/** A session to write: ids given (the shipped sessions' are their stage and activity keys). */
export interface NewSession {
  id: string;
  stage?: Stage;
  boardId: string;
  title: string;
  goal?: string;
  buildsOn?: string;
  scheduledAt?: number;
  status?: SessionStatus;
  activities?: readonly Activity[];
}

/** Appends a session (or inserts it at `index`); returns its id. */
export function addSession(doc: Y.Doc, init: NewSession, index?: number): string {
  const { id } = init;
  const acts = init.activities ?? [];
  const orders = generateNKeysBetween(null, null, acts.length);
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('id', id);
    if (init.stage) m.set('stage', init.stage);
    m.set('boardId', init.boardId);
    m.set('title', init.title);
    m.set('goal', init.goal ?? '');
    m.set('buildsOn', init.buildsOn ?? '');
    m.set('scheduledAt', init.scheduledAt ?? 0);
    m.set('status', init.status ?? 'planned');
    const arr = new Y.Array<Y.Map<unknown>>();
    arr.push(acts.map((a, i) => writeActivityMap(a, orders[i]!)));
    m.set('activities', arr);
    const all = sessionsArray(doc);
    all.insert(Math.min(index ?? all.length, all.length), [m]);
  });
  return id;
}

export function updateSession(doc: Y.Doc, sessionId: string, patch: SessionPatch): boolean {
  const m = sessionMap(doc, sessionId);
  if (!m) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (k === 'status' && !(SESSION_STATUSES as readonly unknown[]).includes(v)) continue;
      if (k === 'scheduledAt' && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) continue;
      if (m.get(k) !== v) m.set(k, v);
    }
  });
  return true;
}

export function removeSession(doc: Y.Doc, sessionId: string): boolean {
  const all = sessionsArray(doc);
  let i = 0;
  for (const m of all) {
    if (m instanceof Y.Map && m.get('id') === sessionId) {
      all.delete(i, 1);
      return true;
    }
    i++;
  }
  return false;
}

/**
 * Inserts an activity at `index` in agenda order (default: at the end); returns its id, a fresh
 * one from `ids` unless `init` brings one.
 */
export function addActivity(
  doc: Y.Doc,
  sessionId: string,
  init: Omit<Activity, 'id'> & { id?: string },
  ids: Ids,
  index?: number,
): string | null {
  const sm = sessionMap(doc, sessionId);
  if (!sm) return null;
  const id = init.id ?? `act-${ids.newId(8)}`;
  doc.transact(() => {
    let arr = activitiesOf(sm);
    if (!arr) {
      arr = new Y.Array<Y.Map<unknown>>();
      sm.set('activities', arr);
    }
    const ordered = orderedActivityMaps(arr);
    const at = Math.max(0, Math.min(index ?? ordered.length, ordered.length));
    const order = orderBetween(ordered, at);
    arr.push([writeActivityMap({ ...init, id }, order)]);
  });
  return id;
}

/** A fresh order key for a new position `at` among `ordered` (between its neighbours). */
function orderBetween(ordered: Y.Map<unknown>[], at: number): string {
  const before = at > 0 ? s(ordered[at - 1]!, 'order') || null : null;
  const after = at < ordered.length ? s(ordered[at]!, 'order') || null : null;
  try {
    return generateKeyBetween(
      before,
      after !== null && before !== null && after <= before ? null : after,
    );
  } catch {
    // Equal keys (two tabs inserted at the same spot at once): place it after `before`.
    return generateKeyBetween(before, null);
  }
}

export function updateActivity(
  doc: Y.Doc,
  sessionId: string,
  activityId: string,
  patch: ActivityPatch,
): boolean {
  const found = activityMap(doc, sessionId, activityId);
  if (!found) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      const value = k === 'minutes' ? clampMinutes(v as number) : v;
      if (found.m.get(k) !== value) found.m.set(k, value);
    }
  });
  return true;
}

/** Moves an activity to position `toIndex` of the agenda (one field changes: `order`). */
export function moveActivity(
  doc: Y.Doc,
  sessionId: string,
  activityId: string,
  toIndex: number,
): boolean {
  const found = activityMap(doc, sessionId, activityId);
  if (!found) return false;
  const others = orderedActivityMaps(found.arr).filter((m) => m !== found.m);
  const at = Math.max(0, Math.min(toIndex, others.length));
  doc.transact(() => {
    // Make every key distinct first, so the new key can always be placed between neighbours.
    normaliseOrders(found.arr);
    found.m.set(
      'order',
      orderBetween(
        orderedActivityMaps(found.arr).filter((m) => m !== found.m),
        at,
      ),
    );
  });
  return true;
}

/** Rewrites `order` keys only when two are equal or missing (rare: concurrent inserts). */
function normaliseOrders(arr: Y.Array<Y.Map<unknown>>): void {
  const ordered = orderedActivityMaps(arr);
  const keys = ordered.map((m) => s(m, 'order'));
  if (keys.every((k, i) => k !== '' && (i === 0 || k > keys[i - 1]!))) return;
  const fresh = generateNKeysBetween(null, null, ordered.length);
  ordered.forEach((m, i) => m.set('order', fresh[i]!));
}

export function removeActivity(doc: Y.Doc, sessionId: string, activityId: string): boolean {
  const found = activityMap(doc, sessionId, activityId);
  if (!found) return false;
  doc.transact(() => found.arr.delete(found.index, 1));
  return true;
}

// ---- defaults -----------------------------------------------------------------------------

/** A shipped activity in one language. */
export function localizeActivity(a: ActivityTemplate, lang: Lang): Activity {
  return {
    id: a.id,
    title: localize(a.title, lang),
    minutes: a.minutes,
    instructions: localize(a.instructions, lang),
    frameId: a.frameId,
  };
}

function newSessionFromTemplate(t: SessionTemplate, lang: Lang): NewSession {
  return {
    id: t.stage,
    stage: t.stage,
    boardId: t.boardId,
    title: localize(t.title, lang),
    goal: localize(t.goal, lang),
    buildsOn: localize(t.buildsOn, lang),
    activities: t.activities.map((a) => localizeActivity(a, lang)),
  };
}

/**
 * Writes the five default sessions with their agendas in `lang`, once: a control doc that has
 * sessions already is left alone (the facilitator's edits are never overwritten).
 */
export function seedSessions(doc: Y.Doc, lang: Lang): void {
  if (sessionsArray(doc).length > 0) return;
  doc.transact(() => {
    for (const stage of STAGES)
      addSession(doc, newSessionFromTemplate(SESSION_TEMPLATES[stage], lang));
  });
}

/** Replaces a stage session's agenda with the shipped default (the editor's "reset" button). */
export function resetAgenda(doc: Y.Doc, sessionId: string, lang: Lang): boolean {
  const sm = sessionMap(doc, sessionId);
  const stage = sm?.get('stage');
  if (!sm || !isStage(stage)) return false;
  const t = SESSION_TEMPLATES[stage];
  const orders = generateNKeysBetween(null, null, t.activities.length);
  doc.transact(() => {
    const arr = new Y.Array<Y.Map<unknown>>();
    arr.push(t.activities.map((a, i) => writeActivityMap(localizeActivity(a, lang), orders[i]!)));
    sm.set('activities', arr);
  });
  return true;
}
