/**
 * Carrying work forward: each stage can pull in what the previous one produced (DOMAIN.md, "each
 * building on the one before").
 *
 * - define → ideate: the top-voted stickies (challenges, "How might we …?" questions) land in
 *   the ideate board's "chosen challenges" frame;
 * - ideate → prototype: the sorted ideas, per category with the most votes first, land in the
 *   ideas column beside the design areas;
 * - prototype → test: one summary card per design (the frame's blocks and bridges) lands in the
 *   test board's designs frame.
 *
 * Pulled cards are ordinary stickies (people may move them) with `source: {boardId, elementId}`,
 * which the board shows as "from an earlier session". Their ids are deterministic
 * (`from-<board>-<element>`) and every pulled source is recorded in the target's
 * `meta.carried`, so pulling again adds only what is new: never a duplicate (even from two tabs
 * at once), never an overwrite, and a card someone deleted on purpose does not come back.
 */
import * as Y from 'yjs';
import { CATEGORY_IDS, type CategoryId } from '../categories';
import { centreIn } from '../elements/base';
import type { BlockElement } from '../elements/block';
import type { ConnectorElement } from '../elements/connector';
import type { FrameElement } from '../elements/frame';
import type { Element } from '../elements/registry';
import type { StickyColor, StickyElement } from '../elements/sticky';
import { totalVotes } from '../elements/sticky';
import { VALUE_TYPE_LABELS, blockKind } from '../blocks/catalogue';
import { addElement, elementsMap, metaMap, readElements, readMeta } from '../board/doc';
import type { Clock } from '../env';
import type { Lang } from '../i18n';
import { localize } from '../i18n';
import type { Stage } from '../rooms';
import { STAGES } from '../rooms';
import { templateElementId } from '../templates/ids';
import { DESIGNS_BOX } from '../templates/test-stage';
import { IDEAS_BOX } from '../templates/prototype';

export interface PullOptions {
  /** Language of the texts the pull writes (design summaries); default Dutch. */
  lang?: Lang;
  /** Participant id written as the cards' author (the facilitator who pulled). */
  author?: string;
  /** At most this many challenges from define (default 8). */
  limit?: number;
  /** Dates the cards (`createdAt`); their ids are derived from their source (`carriedId`). */
  clock: Clock;
}

export interface PullResult {
  /** Ids of the cards added to the target board. */
  added: string[];
  /** Candidates already pulled before (or deleted after pulling). */
  skipped: number;
}

/** The stage a stage pulls from, or null for the first one. */
export function previousStage(stage: Stage): Stage | null {
  const i = STAGES.indexOf(stage);
  return i > 0 ? STAGES[i - 1]! : null;
}

/** Whether `pullForward` has anything to do for this stage. */
export function canPullInto(stage: Stage): boolean {
  return stage === 'ideate' || stage === 'prototype' || stage === 'test';
}

export const CARRIED_KEY = 'carried';

/** Id of the card a source element becomes on the next board. */
export function carriedId(fromBoardId: string, elementId: string): string {
  return `from-${fromBoardId}-${elementId}`;
}

function carriedMap(doc: Y.Doc): Y.Map<boolean> {
  const meta = metaMap(doc);
  let m = meta.get(CARRIED_KEY);
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<boolean>();
    meta.set(CARRIED_KEY, m);
  }
  return m as Y.Map<boolean>;
}

/** Sources already carried into `doc`: recorded ones, plus any card that carries a `source`. */
function carriedSources(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  const m = metaMap(doc).get(CARRIED_KEY);
  if (m instanceof Y.Map) for (const k of m.keys()) out.add(k);
  for (const el of readElements(doc))
    if (el.source) out.add(`${el.source.boardId}/${el.source.elementId}`);
  return out;
}

interface Card {
  sourceId: string;
  text: string;
  color: StickyColor;
  category?: CategoryId;
  w: number;
  h: number;
}

/** Lays cards out in a grid inside `box`, after the `already` cards placed there before. */
function gridSlot(
  box: { x: number; y: number; w: number },
  top: number,
  card: { w: number; h: number },
  index: number,
): { x: number; y: number } {
  const gap = 20;
  const perRow = Math.max(1, Math.floor((box.w - 80 + gap) / (card.w + gap)));
  return {
    x: box.x + 40 + (index % perRow) * (card.w + gap),
    y: box.y + top + Math.floor(index / perRow) * (card.h + gap),
  };
}

function writeCards(
  toDoc: Y.Doc,
  fromBoardId: string,
  cards: Card[],
  place: (card: Card, index: number) => { x: number; y: number },
  options: PullOptions,
): PullResult {
  const done = carriedSources(toDoc);
  const result: PullResult = { added: [], skipped: 0 };
  toDoc.transact(() => {
    const record = carriedMap(toDoc);
    let index = 0;
    for (const card of cards) {
      const key = `${fromBoardId}/${card.sourceId}`;
      const id = carriedId(fromBoardId, card.sourceId);
      if (done.has(key) || elementsMap(toDoc).has(id)) {
        result.skipped++;
        continue;
      }
      const at = place(card, index++);
      addElement(
        toDoc,
        'sticky',
        {
          x: at.x,
          y: at.y,
          w: card.w,
          h: card.h,
          text: card.text,
          color: card.color,
          ...(card.category ? { category: card.category } : {}),
          source: { boardId: fromBoardId, elementId: card.sourceId },
        },
        { author: options.author ?? 'carry', id, createdAt: options.clock.now() },
      );
      record.set(key, true);
      result.added.push(id);
    }
  });
  return result;
}

/** Cards already sitting in a box (pulled earlier), so new ones go after them. */
function countCarriedIn(doc: Y.Doc, box: { x: number; y: number; w: number; h: number }): number {
  return readElements(doc).filter(
    (e) =>
      e.source &&
      e.x >= box.x &&
      e.x < box.x + box.w &&
      e.y >= box.y &&
      e.y < box.y + box.h + 10_000,
  ).length;
}

const isUserSticky = (e: Element): e is StickyElement =>
  e.type === 'sticky' && !e.templateId && e.text.trim() !== '';

/** The smallest frame holding the element's centre (nested frames: the innermost). */
function frameOf(e: Element, frames: FrameElement[]): FrameElement | null {
  let best: FrameElement | null = null;
  for (const f of frames) if (centreIn(e, f) && (!best || f.w * f.h < best.w * best.h)) best = f;
  return best;
}

const withVotes = (text: string, votes: number): string =>
  votes > 0 ? `${text}\n★ ${votes}` : text;

// ---- define → ideate ----------------------------------------------------------------------

function pullChallenges(fromDoc: Y.Doc, toDoc: Y.Doc, options: PullOptions): PullResult {
  const from = readMeta(fromDoc).boardId || 'define';
  const top = readElements(fromDoc)
    .filter(isUserSticky)
    .map((s) => ({ s, votes: totalVotes(s) }))
    .filter((x) => x.votes > 0)
    .sort(
      (a, b) => b.votes - a.votes || a.s.createdAt - b.s.createdAt || (a.s.id < b.s.id ? -1 : 1),
    )
    .slice(0, options.limit ?? 8);
  const target = readElements(toDoc).find(
    (e): e is FrameElement =>
      e.id === templateElementId('ideate', 'challenges') && e.type === 'frame',
  );
  const box = target ?? { x: 1080, y: 0, w: 1840, h: 560 };
  const start = countCarriedIn(toDoc, box);
  const size = { w: 200, h: 160 };
  return writeCards(
    toDoc,
    from,
    top.map(({ s, votes }) => ({
      sourceId: s.id,
      text: withVotes(s.text, votes),
      color: s.color,
      ...size,
    })),
    (_card, i) => gridSlot(box, 110, size, start + i),
    options,
  );
}

// ---- ideate → prototype -------------------------------------------------------------------

/** A sticky's category: its own, else the lane frame its centre lies in. */
function categoryOf(s: StickyElement, lanes: FrameElement[]): CategoryId | undefined {
  if (s.category) return s.category;
  const lane = frameOf(s, lanes)?.lane;
  return lane && lane !== 'unsorted' ? lane : undefined;
}

function pullIdeas(fromDoc: Y.Doc, toDoc: Y.Doc, options: PullOptions): PullResult {
  const from = readMeta(fromDoc).boardId || 'ideate';
  const els = readElements(fromDoc);
  const lanes = els.filter((e): e is FrameElement => e.type === 'frame' && !!e.lane);
  const ideas = els
    .filter(isUserSticky)
    .filter((s) => !s.source) // the challenges pulled in from define are not ideas
    .map((s) => ({ s, category: categoryOf(s, lanes), votes: totalVotes(s) }))
    .filter((x): x is typeof x & { category: CategoryId } => !!x.category)
    .sort(
      (a, b) => b.votes - a.votes || a.s.createdAt - b.s.createdAt || (a.s.id < b.s.id ? -1 : 1),
    );
  const colW = (IDEAS_BOX.w - 80) / 3;
  const size = { w: Math.floor(colW - 20), h: 140 };
  // Per category column: how many cards it already holds, so new ones go below them.
  const existing = new Map<CategoryId, number>();
  for (const e of readElements(toDoc))
    if (e.type === 'sticky' && e.source && e.category)
      existing.set(e.category, (existing.get(e.category) ?? 0) + 1);
  const next = new Map(existing);
  return writeCards(
    toDoc,
    from,
    ideas.map(({ s, category, votes }) => ({
      sourceId: s.id,
      text: withVotes(s.text, votes),
      color: s.color,
      category,
      ...size,
    })),
    (card) => {
      const cat = card.category ?? 'knowledge';
      const i = next.get(cat) ?? 0;
      next.set(cat, i + 1);
      const col = CATEGORY_IDS.indexOf(cat);
      return { x: IDEAS_BOX.x + 40 + col * colW, y: IDEAS_BOX.y + 170 + i * (size.h + 16) };
    },
    options,
  );
}

// ---- prototype → test ---------------------------------------------------------------------

export interface DesignSummary {
  frameId: string;
  title: string;
  /** Block labels (own label, else the catalogue's), in reading order. */
  blocks: string[];
  /** Bridges inside the design: "from → to: label (value)". */
  bridges: string[];
  /** Texts of stickies in the design (names, notes). */
  notes: string[];
}

/** Every frame that holds building blocks, with what it holds: the designs of the prototype board. */
export function summariseDesigns(doc: Y.Doc, lang: Lang = 'nl'): DesignSummary[] {
  const els = readElements(doc);
  const frames = els.filter((e): e is FrameElement => e.type === 'frame');
  const byId = new Map(els.map((e) => [e.id, e]));
  const labelOf = (b: BlockElement): string => {
    const kind = blockKind(b.kind);
    return b.label || (kind ? localize(kind.label, lang) : b.kind);
  };
  const designs = new Map<string, DesignSummary>();
  const reading = (a: Element, b: Element): number => a.y - b.y || a.x - b.x;
  for (const b of els
    .filter((e): e is BlockElement => e.type === 'block' && !e.templateId)
    .sort(reading)) {
    const f = frameOf(b, frames);
    if (!f) continue;
    let d = designs.get(f.id);
    if (!d) {
      d = { frameId: f.id, title: f.title, blocks: [], bridges: [], notes: [] };
      designs.set(f.id, d);
    }
    d.blocks.push(labelOf(b));
  }
  for (const c of els.filter((e): e is ConnectorElement => e.type === 'connector')) {
    const a = byId.get(c.from);
    const b = byId.get(c.to);
    if (a?.type !== 'block' || b?.type !== 'block') continue;
    const d = designs.get(frameOf(a, frames)?.id ?? '');
    if (!d) continue;
    const what = [c.label, c.value ? localize(VALUE_TYPE_LABELS[c.value], lang) : '']
      .filter(Boolean)
      .join(' · ');
    d.bridges.push(`${labelOf(a)} → ${labelOf(b)}${what ? `: ${what}` : ''}`);
  }
  for (const s of els.filter(isUserSticky).sort(reading)) {
    const d = designs.get(frameOf(s, frames)?.id ?? '');
    if (d) d.notes.push(s.text.trim());
  }
  return [...designs.values()].sort((a, b) => {
    const fa = byId.get(a.frameId)!;
    const fb = byId.get(b.frameId)!;
    return reading(fa, fb);
  });
}

function designCardText(d: DesignSummary, lang: Lang): string {
  const L = (nl: string, en: string): string => (lang === 'en' ? en : nl);
  const parts = [d.title || L('Ontwerp', 'Design')];
  if (d.notes.length > 0) parts.push(d.notes.slice(0, 2).join(' · '));
  parts.push(`${L('Bouwstenen', 'Blocks')}: ${d.blocks.join(', ')}`);
  if (d.bridges.length > 0) parts.push(`${L('Bruggen', 'Bridges')}: ${d.bridges.join('; ')}`);
  return parts.join('\n');
}

function pullDesigns(fromDoc: Y.Doc, toDoc: Y.Doc, options: PullOptions): PullResult {
  const from = readMeta(fromDoc).boardId || 'prototype';
  const lang = options.lang ?? 'nl';
  const size = { w: 420, h: 300 };
  const start = countCarriedIn(toDoc, DESIGNS_BOX);
  return writeCards(
    toDoc,
    from,
    summariseDesigns(fromDoc, lang).map((d) => ({
      sourceId: d.frameId,
      text: designCardText(d, lang),
      color: 'blue' as const,
      ...size,
    })),
    (_card, i) => gridSlot(DESIGNS_BOX, 70, size, start + i),
    options,
  );
}

/**
 * Pulls what the previous stage produced into `toDoc`, the board of `stage` (ideate, prototype
 * or test; other stages have nothing to pull and return an empty result). Idempotent.
 * `fromDoc` is the previous stage's board (`previousStage(stage)`).
 */
export function pullForward(
  fromDoc: Y.Doc,
  toDoc: Y.Doc,
  stage: Stage,
  options: PullOptions,
): PullResult {
  switch (stage) {
    case 'ideate':
      return pullChallenges(fromDoc, toDoc, options);
    case 'prototype':
      return pullIdeas(fromDoc, toDoc, options);
    case 'test':
      return pullDesigns(fromDoc, toDoc, options);
    default:
      return { added: [], skipped: 0 };
  }
}
