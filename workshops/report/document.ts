/**
 * The report laid out as a flat list of blocks (headings, paragraphs, lists, tables, pictures)
 * that every writer renders the same way: DOCX, PDF, Markdown and the browser's live preview
 * differ in how they draw a block, never in what the report says.
 */
import { PARTICIPANT_KINDS } from '../contract';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import { LIKERT_LABELS } from '../widgets/content';
import { averagesChart, distributionChart } from './charts';
import type { ReportData, SessionSection, WidgetResult } from './model';
import { REPORT_TEXT as T } from './strings';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string }
  | { kind: 'paragraph'; text: string; label?: string; muted?: boolean }
  | { kind: 'list'; items: Array<{ text: string; anchor?: string; linkText?: string }> }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: number[] }
  | {
      kind: 'image';
      /** File name in a zip (`images/<name>.png`). */
      name: string;
      svg: string;
      width: number;
      height: number;
      caption: string;
    };

export interface ReportDocument {
  title: string;
  subtitle: string;
  lang: Lang;
  blocks: ReportBlock[];
  /** Headings of levels 1 and 2 with their anchors (a table of contents). */
  toc: Array<{ level: 1 | 2; text: string; anchor: string }>;
}

function formatDate(ms: number, lang: Lang): string {
  if (!ms) return localize(T.notScheduled, lang);
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** Multi-line sticky text on one line of a list or table. */
const oneLine = (text: string): string => text.replace(/\s*\n+\s*/g, ' — ');

function withVotes(text: string, votes: number, lang: Lang): string {
  if (votes <= 0) return oneLine(text);
  return `${oneLine(text)} (${votes} ${localize(votes === 1 ? T.vote : T.votes, lang)})`;
}

const clock = (minutes: number): string =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

function widgetBlocks(w: WidgetResult, section: number, index: number, lang: Lang): ReportBlock[] {
  const L = (t: { nl: string; en: string }): string => localize(t, lang);
  const title = w.title || L(w.kind === 'rating' ? T.ratings : T.survey);
  const out: ReportBlock[] = [
    { kind: 'heading', level: 3, text: `${title} (n=${w.respondents})` },
    {
      kind: 'table',
      header: [
        ...(w.kind === 'survey' ? [L(T.category)] : []),
        L(w.kind === 'rating' ? T.criterion : T.statement),
        'n',
        L(T.average),
        L(T.distribution),
      ],
      rows: w.questions.map((q) => [
        ...(w.kind === 'survey' ? [q.group ?? ''] : []),
        q.label,
        String(q.n),
        q.average === null ? '–' : q.average.toFixed(2),
        q.distribution.join(' / '),
      ]),
      widths: w.kind === 'survey' ? [2, 6, 1, 2, 3] : [5, 1, 2, 3],
    },
  ];
  const chart = averagesChart(
    w.questions.map((q) => ({ label: q.label, average: q.average, n: q.n })),
  );
  out.push({
    kind: 'image',
    name: `s${section}-${w.kind}-${index}-averages`,
    ...chart,
    caption: `${title}: ${L(T.average)}`,
  });
  const scale = LIKERT_LABELS.map((l) => localize(l, lang));
  w.questions.forEach((q, i) => {
    if (w.kind === 'rating' || q.n > 0) {
      const c = distributionChart(q.label, q.distribution, w.kind === 'survey' ? scale : []);
      out.push({
        kind: 'image',
        name: `s${section}-${w.kind}-${index}-q${i + 1}`,
        ...c,
        caption: `${q.label}: ${L(T.distribution)}`,
      });
    }
  });
  return out;
}

function sessionBlocks(s: SessionSection, n: number, lang: Lang): ReportBlock[] {
  const L = (t: { nl: string; en: string }): string => localize(t, lang);
  const out: ReportBlock[] = [
    {
      kind: 'heading',
      level: 1,
      text: /^\d/.test(s.title) ? s.title : `${n}. ${s.title}`,
      anchor: s.anchor,
    },
    { kind: 'paragraph', label: L(T.goal), text: s.goal || '–' },
  ];
  if (s.buildsOn) out.push({ kind: 'paragraph', label: L(T.buildsOn), text: s.buildsOn });
  out.push({
    kind: 'paragraph',
    label: L(T.date),
    text: `${formatDate(s.scheduledAt, lang)} · ${L(T.status)}: ${L(T.sessionStatus[s.status])}`,
  });
  if (s.agenda.length)
    out.push(
      { kind: 'heading', level: 2, text: L(T.agenda), anchor: `${s.anchor}-agenda` },
      {
        kind: 'table',
        header: [L(T.start), L(T.activity), L(T.minutes)],
        rows: s.agenda.map((a) => [clock(a.offset), a.title, String(a.minutes)]),
        widths: [1, 6, 1],
      },
    );
  out.push({
    kind: 'heading',
    level: 2,
    text: `${L(T.board)}: ${s.boardTitle}`,
    anchor: `${s.anchor}-board`,
  });
  if (s.picture)
    out.push({
      kind: 'image',
      name: `s${n}-board`,
      svg: s.picture.svg,
      width: s.picture.width,
      height: s.picture.height,
      caption: `${L(T.boardPicture)} ${s.boardTitle}`,
    });
  out.push({ kind: 'heading', level: 2, text: L(T.content), anchor: `${s.anchor}-content` });
  if (!s.frames.length) out.push({ kind: 'paragraph', text: L(T.noStickies), muted: true });
  for (const f of s.frames) {
    out.push({ kind: 'heading', level: 3, text: f.title || '–' });
    out.push({
      kind: 'list',
      items: f.stickies.map((st) => ({
        text: withVotes(st.text, st.votes, lang),
      })),
    });
  }
  if (s.ideas) {
    out.push({ kind: 'heading', level: 2, text: L(T.ideas), anchor: `${s.anchor}-ideas` });
    out.push({ kind: 'paragraph', text: L(T.originNote), muted: true });
    for (const c of s.ideas) {
      out.push({ kind: 'heading', level: 3, text: c.label });
      if (!c.items.length) out.push({ kind: 'paragraph', text: L(T.noIdeas), muted: true });
      else
        out.push({
          kind: 'table',
          header: [L(T.idea), L(T.votesHeading), L(T.origin)],
          rows: c.items.map((i) => [oneLine(i.text), String(i.votes), L(T[i.origin])]),
          widths: [6, 2, 2],
        });
    }
  }
  if (s.designs.length) {
    out.push({ kind: 'heading', level: 2, text: L(T.designs), anchor: `${s.anchor}-designs` });
    s.designs.forEach((d, i) => {
      const title = d.title || `${L(T.design)} ${i + 1}`;
      out.push({ kind: 'heading', level: 3, text: title });
      if (d.picture)
        out.push({
          kind: 'image',
          name: `s${n}-design-${i + 1}`,
          svg: d.picture.svg,
          width: d.picture.width,
          height: d.picture.height,
          caption: `${L(T.design)}: ${title}`,
        });
      out.push({ kind: 'paragraph', label: L(T.partners), text: d.blocks.join(', ') || '–' });
      if (d.notes.length)
        out.push({ kind: 'list', items: d.notes.map((text) => ({ text: oneLine(text) })) });
      if (d.bridges.length)
        out.push({
          kind: 'table',
          header: [L(T.from), L(T.to), L(T.label), L(T.valueType), L(T.direction), L(T.flow)],
          rows: d.bridges.map((b) => [
            b.from,
            b.to,
            b.label,
            b.valueType,
            L(
              b.direction === 'both'
                ? T.direction2
                : b.direction === 'none'
                  ? T.direction0
                  : T.direction1,
            ),
            b.flow,
          ]),
        });
      else out.push({ kind: 'paragraph', text: L(T.noBridges), muted: true });
    });
  }
  if (s.widgets.length) {
    const ratings = s.widgets.filter((w) => w.kind === 'rating');
    const surveys = s.widgets.filter((w) => w.kind === 'survey');
    if (ratings.length) {
      out.push({ kind: 'heading', level: 2, text: L(T.ratings), anchor: `${s.anchor}-ratings` });
      ratings.forEach((w, i) => out.push(...widgetBlocks(w, n, i + 1, lang)));
    }
    if (surveys.length) {
      out.push({ kind: 'heading', level: 2, text: L(T.survey), anchor: `${s.anchor}-survey` });
      surveys.forEach((w, i) => out.push(...widgetBlocks(w, n, i + 1, lang)));
    }
  }
  if (n > 1 || s.carried.length) {
    out.push({ kind: 'heading', level: 2, text: L(T.carried), anchor: `${s.anchor}-carried` });
    if (!s.carried.length) out.push({ kind: 'paragraph', text: L(T.nothingCarried), muted: true });
    else
      out.push({
        kind: 'list',
        items: s.carried.map((c) => ({
          text: `${oneLine(c.text)} (${L(T.fromBoard)} ${c.fromTitle})`,
          ...(c.fromAnchor ? { anchor: c.fromAnchor, linkText: c.fromTitle } : {}),
        })),
      });
  }
  return out;
}

/** Lays the report out: title, participants, then each session. */
export function reportDocument(data: ReportData): ReportDocument {
  const lang = data.lang;
  const L = (t: { nl: string; en: string }): string => localize(t, lang);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: L(T.participants), anchor: 'participants' },
  ];
  if (!data.people.length)
    blocks.push({ kind: 'paragraph', text: L(T.noParticipants), muted: true });
  else {
    if (!data.names) blocks.push({ kind: 'paragraph', text: L(T.pseudonymised), muted: true });
    blocks.push({
      kind: 'table',
      header: [L(T.kindType), L(T.count), L(T.who)],
      rows: [...PARTICIPANT_KINDS, 'unknown' as const].flatMap((k) => {
        const people = data.people.filter((p) => p.kind === k);
        return people.length
          ? [
              [
                L(T.kind[k]),
                String(people.length),
                people
                  .map((p) => (p.organisation ? `${p.shown} (${p.organisation})` : p.shown))
                  .join(', '),
              ],
            ]
          : [];
      }),
      widths: [2, 1, 6],
    });
  }
  data.sessions.forEach((s, i) => blocks.push(...sessionBlocks(s, i + 1, lang)));
  const toc = blocks.flatMap((b) =>
    b.kind === 'heading' && b.level <= 2 && b.anchor
      ? [{ level: b.level as 1 | 2, text: b.text, anchor: b.anchor }]
      : [],
  );
  return {
    title: `${L(T.report)}: ${data.title}`,
    subtitle: [
      data.organisation ? `${L(T.organisation)}: ${data.organisation}` : '',
      `${L(T.generated)} ${formatDate(data.generatedAt, lang)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    lang,
    blocks,
    toc,
  };
}
