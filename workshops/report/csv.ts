/**
 * CSV of the report's raw content: every sticky, and every rating and survey answer
 * (pseudonymised). UTF-8 with a byte-order mark, so Excel opens "ë" and "’" intact; `;` by
 * default (what Excel expects where the decimal separator is a comma, as in the Netherlands),
 * `,` on request.
 */
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import type { ReportData } from './model';

export type CsvSeparator = ';' | ',';

const BOM = '\ufeff';

const HEAD = {
  stickies: {
    nl: ['bord', 'kader', 'categorie', 'stemmen', 'type organisatie auteur', 'tekst', 'gemaakt'],
    en: ['board', 'frame', 'category', 'votes', 'author organisation type', 'text', 'created'],
  },
  answers: {
    nl: ['bord', 'widget', 'soort', 'vraag', 'deelnemer', 'type organisatie', 'score'],
    en: ['board', 'widget', 'kind', 'question', 'participant', 'organisation type', 'score'],
  },
};

function cell(value: string | number, sep: CsvSeparator): string {
  const s = String(value);
  // Quote what would break a row; a leading = + - @ is defused so Excel never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === 'string' ? `'${s}` : s;
  return safe.includes(sep) || /["\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

function table(header: string[], rows: Array<Array<string | number>>, sep: CsvSeparator): string {
  return (
    BOM + [header, ...rows].map((r) => r.map((c) => cell(c, sep)).join(sep)).join('\r\n') + '\r\n'
  );
}

export function stickiesCsv(
  data: ReportData,
  sep: CsvSeparator = ';',
  lang: Lang = data.lang,
): string {
  return table(
    HEAD.stickies[lang],
    data.stickyRows.map((r) => [
      r.board,
      r.frame,
      r.category,
      r.votes,
      r.authorKind,
      r.text,
      r.created,
    ]),
    sep,
  );
}

export function answersCsv(
  data: ReportData,
  sep: CsvSeparator = ';',
  lang: Lang = data.lang,
): string {
  const kind = (k: 'rating' | 'survey'): string =>
    localize(
      k === 'rating' ? { nl: 'beoordeling', en: 'rating' } : { nl: 'zelfevaluatie', en: 'survey' },
      lang,
    );
  return table(
    HEAD.answers[lang],
    data.answerRows.map((r) => [
      r.board,
      r.widget,
      kind(r.kind),
      r.question,
      r.participant,
      r.participantKind,
      r.score,
    ]),
    sep,
  );
}
