/**
 * The series report as data: documents in (the control doc and each board doc), the report's
 * facts out, in session order. Pure: no formats here (see `document.ts` for the layout all
 * writers share, and sync-server/report for DOCX, PDF, Markdown and CSV).
 */
import type * as Y from 'yjs';
import { VALUE_TYPE_LABELS, blockKind } from '../blocks/catalogue';
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../categories';
import { elementsMap, readElements, readMeta } from '../board/doc';
import type { Participant } from '../control/doc';
import { readBoards, readRoster, readWorkshop } from '../control/doc';
import type { ParticipantKind } from '../contract';
import type { BlockElement } from '../elements/block';
import type { ConnectorElement } from '../elements/connector';
import { VALUE_TYPES } from '../elements/connector';
import type { FrameElement } from '../elements/frame';
import type { Element } from '../elements/registry';
import type { StickyElement } from '../elements/sticky';
import { totalVotes } from '../elements/sticky';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import { renderBoard, elementsByFrame, frameArea, type BoardPicture } from '../render/board';
import type { Session, SessionStatus } from '../sessions/model';
import { readSessions } from '../sessions/model';
import { isWidget, WIDGET_KIND_SPECS, widgetQuestions, widgetSheet } from '../elements/widget';
import { SURVEY_GROUP_LABELS } from '../widgets/content';
import type { ScoreSummary } from '../widgets/stats';
import { summarise } from '../widgets/stats';
import { REPORT_TEXT as T } from './strings';

/** The longer side board pictures are rasterised at, at most (sync-server/report/images.ts). */
export const PICTURE_PX = 2400;

export interface ReportInput {
  workshopId: string;
  control: Y.Doc;
  /** Board docs by board id (boards missing here are reported empty). */
  boards: ReadonlyMap<string, Y.Doc>;
}

export interface ReportOptions {
  lang?: Lang;
  /** Real names in the report (the facilitator's choice); otherwise "Deelnemer 1" … */
  names?: boolean;
  /** The date written on the report (epoch ms): the caller's clock, the core reads none. */
  now: number;
  /**
   * The category suggester (`suggestCategory` of workshops/clustering), passed in so the model
   * stays light in the browser: an idea whose category is what it suggests counts as suggested.
   */
  suggest?: (text: string) => CategoryId | null;
  /** Board pictures (default true; the live preview may skip them on a phone). */
  pictures?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface PersonRow {
  id: string;
  /** Name or pseudonym, as the report shows it. */
  shown: string;
  /** Always the pseudonym ("Deelnemer 3"): what the answer rows carry. */
  pseudonym: string;
  kind: ParticipantKind | 'unknown';
  organisation: string;
}

export interface StickyItem {
  id: string;
  text: string;
  votes: number;
  category?: CategoryId;
}

export interface FrameContent {
  title: string;
  stickies: StickyItem[];
}

export interface IdeaItem extends StickyItem {
  origin: 'suggested' | 'manual';
}

export interface Bridge {
  from: string;
  to: string;
  label: string;
  valueType: string;
  direction: 'one' | 'both' | 'none';
  flow: string;
}

export interface Design {
  frameId: string;
  title: string;
  picture: BoardPicture | null;
  blocks: string[];
  bridges: Bridge[];
  notes: string[];
}

export interface QuestionResult extends ScoreSummary {
  id: string;
  label: string;
  group?: string;
}

export interface WidgetResult {
  kind: 'rating' | 'survey';
  id: string;
  title: string;
  respondents: number;
  questions: QuestionResult[];
}

export interface CarriedItem {
  text: string;
  fromBoardId: string;
  fromTitle: string;
  /** Section of the report it came from (the earlier session's anchor), if in the report. */
  fromAnchor?: string;
}

export interface SessionSection {
  anchor: string;
  id: string;
  title: string;
  stage?: string;
  goal: string;
  buildsOn: string;
  scheduledAt: number;
  status: SessionStatus;
  agenda: Array<{ title: string; minutes: number; offset: number }>;
  boardId: string;
  boardTitle: string;
  elementCount: number;
  picture: BoardPicture | null;
  frames: FrameContent[];
  ideas: Array<{ category: CategoryId; label: string; items: IdeaItem[] }> | null;
  designs: Design[];
  widgets: WidgetResult[];
  carried: CarriedItem[];
}

export interface StickyRow {
  board: string;
  frame: string;
  category: string;
  votes: number;
  authorKind: string;
  text: string;
  created: string;
}

export interface AnswerRow {
  board: string;
  widget: string;
  kind: 'rating' | 'survey';
  question: string;
  participant: string;
  participantKind: string;
  score: number;
}

export interface ReportData {
  workshopId: string;
  title: string;
  organisation: string;
  lang: Lang;
  generatedAt: number;
  names: boolean;
  people: PersonRow[];
  sessions: SessionSection[];
  stickyRows: StickyRow[];
  answerRows: AnswerRow[];
}

const isNote = (e: Element): e is StickyElement =>
  e.type === 'sticky' && !e.templateId && e.text.trim() !== '';

const reading = (a: Element, b: Element): number =>
  a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1);

const byVotes = (a: StickyItem, b: StickyItem): number =>
  b.votes - a.votes || a.text.localeCompare(b.text);

/** People in join order, shown by name or by pseudonym. */
function peopleOf(roster: Participant[], names: boolean, lang: Lang): PersonRow[] {
  return roster.map((p, i) => ({
    id: p.id,
    shown: names && p.name ? p.name : `${localize(T.participant, lang)} ${i + 1}`,
    pseudonym: `${localize(T.participant, lang)} ${i + 1}`,
    kind: p.kind ?? 'unknown',
    organisation: names ? p.organisation : '',
  }));
}

/** The raw record of an element (fields a newer client wrote that the decoder does not know). */
function rawField(doc: Y.Doc, id: string, key: string): unknown {
  const m = elementsMap(doc).get(id);
  return m && typeof m.get === 'function' ? m.get(key) : undefined;
}

const rawString = (doc: Y.Doc, id: string, key: string): string => {
  const v = rawField(doc, id, key);
  return typeof v === 'string' ? v : '';
};

function bridgeOf(doc: Y.Doc, c: ConnectorElement, from: string, to: string, lang: Lang): Bridge {
  const valueRaw = c.value ?? rawString(doc, c.id, 'valueType');
  const valueType = (VALUE_TYPES as readonly string[]).includes(valueRaw)
    ? localize(VALUE_TYPE_LABELS[valueRaw as (typeof VALUE_TYPES)[number]], lang)
    : valueRaw;
  const dirRaw = rawString(doc, c.id, 'direction');
  const direction: Bridge['direction'] =
    dirRaw === 'both' || dirRaw === 'two-way' || (!dirRaw && c.arrow === 'both')
      ? 'both'
      : dirRaw === 'none' || (!dirRaw && c.arrow === 'none')
        ? 'none'
        : 'one';
  // A bridge drawn "backwards" (direction: 'reverse' / 'to-from') reads from its `to` end.
  const reversed = dirRaw === 'reverse' || dirRaw === 'backward' || dirRaw === 'to-from';
  return {
    from: reversed ? to : from,
    to: reversed ? from : to,
    label: c.label || rawString(doc, c.id, 'label'),
    valueType,
    direction,
    flow: rawString(doc, c.id, 'flow'),
  };
}

function designsOf(doc: Y.Doc, els: Element[], lang: Lang, pictures: boolean): Design[] {
  const frames = els.filter((e): e is FrameElement => e.type === 'frame');
  const blocks = els.filter((e): e is BlockElement => e.type === 'block' && !e.templateId);
  if (!blocks.length) return [];
  const byId = new Map(els.map((e) => [e.id, e]));
  const grouped = elementsByFrame(blocks, frames);
  const labelOf = (b: BlockElement): string => {
    const kind = blockKind(b.kind);
    return b.label || (kind ? localize(kind.label, lang) : b.kind);
  };
  const out: Design[] = [];
  const frameIndex = new Map(frames.map((f, i) => [f.id, i]));
  for (const [i, list] of grouped) {
    const f = frames[i];
    if (!f) continue;
    const inside = (e: Element): boolean => frameIndex.get(frameOfEl(e, frames)?.id ?? '') === i;
    const bridges = els
      .filter((e): e is ConnectorElement => e.type === 'connector')
      .flatMap((c) => {
        const a = byId.get(c.from);
        const b = byId.get(c.to);
        if (a?.type !== 'block' || b?.type !== 'block' || !inside(a)) return [];
        return [bridgeOf(doc, c, labelOf(a), labelOf(b), lang)];
      });
    const members = els.filter(
      (e) =>
        e.id === f.id || inside(e) || (e.type === 'connector' && bridgesTouch(e, byId, inside)),
    );
    out.push({
      frameId: f.id,
      title: f.title,
      picture: pictures
        ? renderBoard(members, { lang, area: frameArea(f), fitPixels: PICTURE_PX })
        : null,
      blocks: [...list].sort(reading).map(labelOf),
      bridges,
      notes: els
        .filter(isNote)
        .filter(inside)
        .sort(reading)
        .map((s) => s.text.trim()),
    });
  }
  return out.sort((a, b) => reading(byId.get(a.frameId)!, byId.get(b.frameId)!));
}

function bridgesTouch(
  c: ConnectorElement,
  byId: Map<string, Element>,
  inside: (e: Element) => boolean,
) {
  const a = byId.get(c.from);
  return !!a && inside(a);
}

function frameOfEl(e: Element, frames: FrameElement[]): FrameElement | null {
  let best: FrameElement | null = null;
  const cx = e.x + e.w / 2;
  const cy = e.y + e.h / 2;
  for (const f of frames)
    if (
      cx >= f.x &&
      cx <= f.x + f.w &&
      cy >= f.y &&
      cy <= f.y + f.h &&
      (!best || f.w * f.h < best.w * best.h)
    )
      best = f;
  return best;
}

function widgetsOf(els: Element[], lang: Lang): WidgetResult[] {
  const out: WidgetResult[] = [];
  for (const e of [...els].sort(reading)) {
    if (!isWidget(e)) continue;
    const sheet = widgetSheet(e);
    const spec = WIDGET_KIND_SPECS[e.type];
    out.push({
      kind: e.type,
      id: e.id,
      title: e.title,
      respondents: Object.keys(sheet).length,
      questions: widgetQuestions(e).map((id) => {
        const about = spec.question(id);
        const q: QuestionResult = {
          id,
          label: about ? localize(about.label ?? about.text, lang) : id,
          ...summarise(sheet, id),
        };
        if (about?.group) q.group = localize(SURVEY_GROUP_LABELS[about.group], lang);
        return q;
      }),
    });
  }
  return out;
}

function ideasOf(
  els: Element[],
  lang: Lang,
  suggest: ReportOptions['suggest'],
): SessionSection['ideas'] {
  const lanes = els.filter((e): e is FrameElement => e.type === 'frame' && !!e.lane);
  const ideas = els.filter(isNote).filter((s) => !s.source);
  const categorised = ideas
    .map((s) => ({ s, category: s.category ?? laneOf(s, lanes) }))
    .filter((x): x is { s: StickyElement; category: CategoryId } => !!x.category);
  if (!lanes.length && !categorised.length) return null;
  return CATEGORY_IDS.map((category) => ({
    category,
    label: localize(CATEGORIES[category].label, lang),
    items: categorised
      .filter((x) => x.category === category)
      .map(({ s }) => ({
        id: s.id,
        text: s.text.trim(),
        votes: totalVotes(s),
        category,
        origin: (suggest?.(s.text) === category ? 'suggested' : 'manual') as IdeaItem['origin'],
      }))
      .sort(byVotes),
  }));
}

function laneOf(s: StickyElement, lanes: FrameElement[]): CategoryId | undefined {
  const lane = frameOfEl(s, lanes)?.lane;
  return lane && lane !== 'unsorted' ? lane : undefined;
}

/** The report's facts for a workshop, sessions in plan order. */
export function buildReportData(input: ReportInput, options: ReportOptions): ReportData {
  const workshop = readWorkshop(input.control);
  const lang = options.lang ?? workshop.language;
  const names = options.names ?? false;
  const people = peopleOf(readRoster(input.control), names, lang);
  const personById = new Map(people.map((p) => [p.id, p]));
  const boardTitles = new Map(readBoards(input.control).map((b) => [b.id, b.title]));
  const sessions = readSessions(input.control);
  const anchorOfBoard = new Map<string, string>();
  sessions.forEach(
    (s, i) => anchorOfBoard.has(s.boardId) || anchorOfBoard.set(s.boardId, `session-${i + 1}`),
  );
  const stickyRows: StickyRow[] = [];
  const answerRows: AnswerRow[] = [];
  const pictures = options.pictures ?? true;
  const sections = sessions.map((session, i): SessionSection => {
    options.onProgress?.(i, sessions.length);
    const doc = input.boards.get(session.boardId);
    const els = doc ? readElements(doc) : [];
    const meta = doc ? readMeta(doc) : null;
    const boardTitle = boardTitles.get(session.boardId) ?? meta?.title ?? session.boardId;
    const section = sectionOf(session, i, boardTitle, els, doc, lang, options, pictures);
    section.carried = els
      .filter((e): e is StickyElement => e.type === 'sticky' && !!e.source)
      .sort(reading)
      .map((e) => {
        const from = e.source!.boardId;
        const item: CarriedItem = {
          text: e.text.trim(),
          fromBoardId: from,
          fromTitle: boardTitles.get(from) ?? from,
        };
        const anchor = anchorOfBoard.get(from);
        if (anchor) item.fromAnchor = anchor;
        return item;
      });
    collectRows(section, els, personById, lang, stickyRows, answerRows);
    return section;
  });
  options.onProgress?.(sessions.length, sessions.length);
  return {
    workshopId: input.workshopId,
    title: workshop.title,
    organisation: workshop.organisation,
    lang,
    generatedAt: options.now,
    names,
    people,
    sessions: sections,
    stickyRows,
    answerRows,
  };
}

function sectionOf(
  session: Session,
  index: number,
  boardTitle: string,
  els: Element[],
  doc: Y.Doc | undefined,
  lang: Lang,
  options: ReportOptions,
  pictures: boolean,
): SessionSection {
  const frames = els.filter((e): e is FrameElement => e.type === 'frame').sort(reading);
  const notes = els.filter(isNote).sort(reading);
  const grouped = elementsByFrame(notes, frames);
  const frameContents: FrameContent[] = [];
  const item = (s: StickyElement): StickyItem => ({
    id: s.id,
    text: s.text.trim(),
    votes: totalVotes(s),
    ...(s.category ? { category: s.category } : {}),
  });
  frames.forEach((f, i) => {
    const list = grouped.get(i);
    if (list?.length) frameContents.push({ title: f.title, stickies: list.map(item) });
  });
  const outside = grouped.get(-1);
  if (outside?.length)
    frameContents.push({ title: localize(T.outsideFrames, lang), stickies: outside.map(item) });
  let offset = 0;
  return {
    anchor: `session-${index + 1}`,
    id: session.id,
    title: session.title,
    ...(session.stage ? { stage: session.stage } : {}),
    goal: session.goal,
    buildsOn: session.buildsOn,
    scheduledAt: session.scheduledAt,
    status: session.status,
    agenda: session.activities.map((a) => {
      const row = { title: a.title, minutes: a.minutes, offset };
      offset += a.minutes;
      return row;
    }),
    boardId: session.boardId,
    boardTitle,
    elementCount: els.length,
    picture: pictures && els.length ? renderBoard(els, { lang, fitPixels: PICTURE_PX }) : null,
    frames: frameContents,
    ideas: ideasOf(els, lang, options.suggest),
    designs: doc ? designsOf(doc, els, lang, pictures) : [],
    widgets: widgetsOf(els, lang),
    carried: [],
  };
}

function collectRows(
  section: SessionSection,
  els: Element[],
  people: Map<string, PersonRow>,
  lang: Lang,
  stickyRows: StickyRow[],
  answerRows: AnswerRow[],
): void {
  const frames = els.filter((e): e is FrameElement => e.type === 'frame');
  const kindOf = (id: string): string => {
    const k = people.get(id)?.kind;
    if (id === 'facilitator') return localize(T.kind.facilitator, lang);
    return k
      ? localize(T.kind[k], lang)
      : id === 'template' || id === 'carry'
        ? ''
        : localize(T.kind.unknown, lang);
  };
  for (const s of els.filter(isNote).sort(reading)) {
    const category =
      s.category ??
      (s.source
        ? undefined
        : laneOf(
            s,
            frames.filter((f) => !!f.lane),
          ));
    stickyRows.push({
      board: section.boardTitle,
      frame: frameOfEl(s, frames)?.title ?? '',
      category: category ? localize(CATEGORIES[category].label, lang) : '',
      votes: totalVotes(s),
      authorKind: kindOf(s.author),
      text: s.text.trim(),
      created: s.createdAt ? new Date(s.createdAt).toISOString() : '',
    });
  }
  for (const e of els.sort(reading)) {
    if (!isWidget(e)) continue;
    const sheet = widgetSheet(e);
    const widget = section.widgets.find((w) => w.id === e.id);
    for (const [pid, row] of Object.entries(sheet))
      for (const [q, score] of Object.entries(row))
        answerRows.push({
          board: section.boardTitle,
          widget: e.title || (widget?.kind ?? e.type),
          kind: e.type,
          question: widget?.questions.find((x) => x.id === q)?.label ?? q,
          participant: people.get(pid)?.pseudonym ?? localize(T.participant, lang),
          participantKind: kindOf(pid),
          score,
        });
  }
}
