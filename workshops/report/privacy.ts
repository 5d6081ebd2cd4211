/**
 * The GDPR (AVG) side of the report's data: everything stored about one participant, and
 * forgetting a participant — the name replaced by a pseudonym everywhere it is stored (the
 * roster; boards hold only the random participant id), their rating and survey answers removed,
 * what they wrote kept or removed by choice. Pure over the docs: the caller (facilitator client
 * or server) writes through the normal sync path.
 */
import * as Y from 'yjs';
import { deleteElements, elementsMap, readElements, readMeta } from '../board/doc';
import { readRoster, rosterMap } from '../control/doc';
import { ANSWER_FIELDS } from '../elements/widget';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import { REPORT_TEXT } from './strings';

export interface ParticipantExport {
  participant: { id: string; name: string; organisation: string; kind?: string; joinedAt: number };
  /** What they wrote (stickies, texts, shapes, blocks, connector labels), per board. */
  wrote: Array<{ board: string; id: string; type: string; text: string; createdAt: number }>;
  votes: Array<{ board: string; elementId: string; text: string; count: number }>;
  answers: Array<{ board: string; widget: string; question: string; score: number }>;
}

const textOf = (e: Record<string, unknown>): string =>
  ['text', 'label', 'title'].map((k) => e[k]).find((v): v is string => typeof v === 'string') ?? '';

/** Everything stored about one participant, as plain data (to hand them a copy). */
export function exportParticipant(
  control: Y.Doc,
  boards: ReadonlyMap<string, Y.Doc>,
  participantId: string,
): ParticipantExport | null {
  const p = readRoster(control).find((x) => x.id === participantId);
  if (!p) return null;
  const out: ParticipantExport = {
    participant: {
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      ...(p.kind ? { kind: p.kind } : {}),
      joinedAt: p.joinedAt,
    },
    wrote: [],
    votes: [],
    answers: [],
  };
  for (const [boardId, doc] of boards) {
    const board = readMeta(doc).title || boardId;
    elementsMap(doc).forEach((m, id) => {
      if (!(m instanceof Y.Map)) return;
      const raw = m.toJSON() as Record<string, unknown>;
      if (raw.author === participantId)
        out.wrote.push({
          board,
          id,
          type: String(raw.type),
          text: textOf(raw),
          createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
        });
      const votes = raw.votes as Record<string, number> | undefined;
      const n = votes?.[participantId];
      if (typeof n === 'number' && n > 0)
        out.votes.push({ board, elementId: id, text: textOf(raw), count: n });
      for (const field of ANSWER_FIELDS) {
        const row = (raw[field] as Record<string, Record<string, number>> | undefined)?.[
          participantId
        ];
        if (row)
          for (const [question, score] of Object.entries(row))
            out.answers.push({ board, widget: textOf(raw) || String(raw.type), question, score });
      }
    });
  }
  return out;
}

export interface ForgetOptions {
  /** Also delete what they wrote (default: keep it, under the pseudonymous id). */
  removeContent?: boolean;
  lang?: Lang;
}

/**
 * Forgets a participant: the roster entry keeps only a pseudonym ("Deelnemer 3", numbered in
 * join order as in the report) and is marked removed (their token stops working); their
 * rating and survey answers are deleted; their notes stay (authored by the random id, which
 * names nobody) unless `removeContent`. Votes stay: they are counts under the same random id.
 */
export function forgetParticipant(
  control: Y.Doc,
  boards: ReadonlyMap<string, Y.Doc>,
  participantId: string,
  options: ForgetOptions = {},
): boolean {
  const roster = readRoster(control);
  const index = roster.findIndex((p) => p.id === participantId);
  const entry = rosterMap(control).get(participantId);
  if (index < 0 || !(entry instanceof Y.Map)) return false;
  const pseudonym = `${localize(REPORT_TEXT.participant, options.lang ?? 'nl')} ${index + 1}`;
  control.transact(() => {
    entry.set('name', pseudonym);
    entry.set('organisation', '');
    entry.set('removed', true);
    entry.set('forgotten', true);
  });
  for (const doc of boards.values()) {
    doc.transact(() => {
      const remove: string[] = [];
      elementsMap(doc).forEach((m, id) => {
        if (!(m instanceof Y.Map)) return;
        if (options.removeContent && m.get('author') === participantId) remove.push(id);
        for (const field of ANSWER_FIELDS) {
          const sheet = m.get(field);
          if (sheet instanceof Y.Map) sheet.delete(participantId);
          else if (sheet && typeof sheet === 'object' && participantId in sheet) {
            const copy = { ...(sheet as Record<string, unknown>) };
            delete copy[participantId];
            m.set(field, copy);
          }
        }
      });
      if (remove.length) deleteElements(doc, remove);
    });
  }
  return true;
}

/** Elements still authored by a participant (after forgetting with content kept). */
export const authoredBy = (doc: Y.Doc, participantId: string): number =>
  readElements(doc).filter((e) => e.author === participantId).length;
