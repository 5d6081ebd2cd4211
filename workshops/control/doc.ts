/**
 * Typed accessors for a workshop's control doc (room `<workshopId>/control`).
 *
 * Top-level keys: `workshop` (Y.Map), `sessions` (Y.Array<Y.Map>), `live` (Y.Map),
 * `locks` (Y.Map boardId → true), `roster` (Y.Map participantId → Y.Map). Only the facilitator
 * writes this doc; the server enforces that. The session plan lives in `workshops/sessions`,
 * the live state in `workshops/facilitation`; both build on the maps returned here.
 */
import * as Y from 'yjs';
import type { ParticipantKind } from '../contract';
import { PARTICIPANT_KINDS } from '../contract';
import type { Lang } from '../i18n';
import { isLang } from '../i18n';

export const CONTROL_KEYS = {
  workshop: 'workshop',
  sessions: 'sessions',
  live: 'live',
  locks: 'locks',
  roster: 'roster',
  boards: 'boards',
} as const;

export function workshopMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_KEYS.workshop);
}
export function sessionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(CONTROL_KEYS.sessions);
}
export function liveMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_KEYS.live);
}
export function locksMap(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap<boolean>(CONTROL_KEYS.locks);
}
export function rosterMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CONTROL_KEYS.roster);
}
/** Board list: boardId → Y.Map {title, stage?, order}. The five stage boards plus added ones. */
export function boardsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(CONTROL_KEYS.boards);
}

// ---- workshop -----------------------------------------------------------------------------

export interface WorkshopRecord {
  title: string;
  language: Lang;
  organisation: string;
}

export function readWorkshop(doc: Y.Doc): WorkshopRecord {
  const m = workshopMap(doc);
  const language = m.get('language');
  return {
    title: typeof m.get('title') === 'string' ? (m.get('title') as string) : '',
    language: isLang(language) ? language : 'nl',
    organisation:
      typeof m.get('organisation') === 'string' ? (m.get('organisation') as string) : '',
  };
}

export function writeWorkshop(doc: Y.Doc, patch: Partial<WorkshopRecord>): void {
  const m = workshopMap(doc);
  doc.transact(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) m.set(k, v);
  });
}

// ---- locks --------------------------------------------------------------------------------

export function isBoardLocked(doc: Y.Doc, boardId: string): boolean {
  return locksMap(doc).get(boardId) === true;
}

export function setBoardLocked(doc: Y.Doc, boardId: string, locked: boolean): void {
  doc.transact(() => {
    if (locked) locksMap(doc).set(boardId, true);
    else locksMap(doc).delete(boardId);
  });
}

// ---- roster -------------------------------------------------------------------------------

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  kind?: ParticipantKind;
  joinedAt: number;
  /** Removed by the facilitator: the token no longer opens the workshop. */
  removed?: boolean;
}

export function readRoster(doc: Y.Doc): Participant[] {
  const out: Participant[] = [];
  rosterMap(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const kind = m.get('kind');
    const p: Participant = {
      id,
      name: typeof m.get('name') === 'string' ? (m.get('name') as string) : '',
      organisation:
        typeof m.get('organisation') === 'string' ? (m.get('organisation') as string) : '',
      joinedAt: typeof m.get('joinedAt') === 'number' ? (m.get('joinedAt') as number) : 0,
    };
    if (typeof kind === 'string' && (PARTICIPANT_KINDS as readonly string[]).includes(kind))
      p.kind = kind as ParticipantKind;
    if (m.get('removed') === true) p.removed = true;
    out.push(p);
  });
  return out.sort((a, b) => a.joinedAt - b.joinedAt);
}

export function addParticipant(doc: Y.Doc, p: Participant): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    rosterMap(doc).set(p.id, m);
    m.set('name', p.name);
    m.set('organisation', p.organisation);
    m.set('joinedAt', p.joinedAt);
    if (p.kind) m.set('kind', p.kind);
  });
}

export function setParticipantRemoved(doc: Y.Doc, participantId: string, removed: boolean): void {
  const m = rosterMap(doc).get(participantId);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    if (removed) m.set('removed', true);
    else m.delete('removed');
  });
}

export function isParticipantRemoved(doc: Y.Doc, participantId: string): boolean {
  const m = rosterMap(doc).get(participantId);
  return m instanceof Y.Map && m.get('removed') === true;
}

// ---- boards -------------------------------------------------------------------------------

export interface BoardEntry {
  id: string;
  title: string;
  stage?: string;
  order: number;
}

export function readBoards(doc: Y.Doc): BoardEntry[] {
  const out: BoardEntry[] = [];
  boardsMap(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const e: BoardEntry = {
      id,
      title: typeof m.get('title') === 'string' ? (m.get('title') as string) : id,
      order: typeof m.get('order') === 'number' ? (m.get('order') as number) : 0,
    };
    const stage = m.get('stage');
    if (typeof stage === 'string') e.stage = stage;
    out.push(e);
  });
  return out.sort((a, b) => a.order - b.order);
}

export function addBoard(doc: Y.Doc, entry: BoardEntry): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    boardsMap(doc).set(entry.id, m);
    m.set('title', entry.title);
    m.set('order', entry.order);
    if (entry.stage) m.set('stage', entry.stage);
  });
}
