/**
 * The board as a list (issue 14): frames as headings with their items in reading order, each
 * item with its text, category, votes or scores, and the actions the canvas offers — change the
 * text, add a note to a frame, move to another frame or lane, vote, rate, answer. Live: it reads
 * the board engine's store (one observer of the Y.Doc, web/board/sync-observer.ts). Every write
 * goes through the engine (`board.add`, `setText`, `moveTo`, `transact`), so permissions, locks
 * and undo hold as on the canvas.
 *
 * Nested lists under headings rather than role="tree": screen readers read headings and lists in
 * their browse mode (jump by heading, hear "list, 5 items"), and ordinary buttons, text fields
 * and selects work inside them. A tree puts the reader in focus mode, and tree items may not hold
 * such controls.
 */
import { useId, useMemo, useRef, useState } from 'react';
import type { Element, FrameElement, Lang, StickyElement } from '../../workshops';
import {
  CATEGORIES,
  ballot,
  isWidget,
  localize,
  nextVote,
  previousVote,
  setVotes,
  totalVotes,
} from '../../workshops';
import { useWorkshop } from '../app/context';
import type { Board } from '../board';
import { fitFrame } from '../board';
import { viewOfElement } from '../board/elements';
import { BOARD_NS } from '../board/strings';
import { WidgetQuestions } from '../board/ui/WidgetQuestions';
import { useBoardState } from '../board/use-board';
import { useLive } from '../facilitator/hooks';
import { currentLanguage, useT } from '../i18n';
import type { Outline, OutlineSection } from './model';
import { allFrames, buildOutline, freeSpot, frameName, itemText } from './model';
import { setOutlineMode, useOutlineMode } from './state';
import { OUTLINE_NS } from './strings';
import './outline.css';

interface Ctx {
  board: Board;
  lang: Lang;
  outline: Outline;
  byId: ReadonlyMap<string, Element>;
  votesHidden: boolean;
  canVote: boolean;
  vote: (id: string, back: boolean) => void;
  say: (message: string) => void;
}

/** The button in the top bar that opens and closes the list. */
export function OutlineButton() {
  const { t } = useT(OUTLINE_NS);
  const mode = useOutlineMode();
  return (
    <button
      type="button"
      className="btn outline-toggle"
      aria-pressed={mode !== 'closed'}
      aria-label={`${t('open')} (${t('openLabel')})`}
      title={t('openLabel')}
      onClick={() => setOutlineMode(mode === 'closed' ? 'beside' : 'closed')}
    >
      <span aria-hidden="true">☰</span> <span className="outline-toggle-text">{t('open')}</span>
    </button>
  );
}

/** The list, beside the canvas (or over it on a phone, or instead of it by choice). */
export function OutlinePanel({ board }: { board: Board }) {
  const mode = useOutlineMode();
  if (mode === 'closed') return null;
  return <OutlineView board={board} only={mode === 'only'} />;
}

export function OutlineView({ board, only }: { board: Board; only: boolean }) {
  const { t } = useT(OUTLINE_NS);
  const ws = useWorkshop();
  const { live } = useLive(ws.controlDoc);
  const elements = useBoardState(board, (s) => s.elements);
  const votesHidden = useBoardState(board, (s) => s.votesHidden);
  const hidden = useBoardState(board, (s) => s.hiddenSilentRound);
  const readOnly = useBoardState(board, (s) => s.readOnly);
  const lang = currentLanguage();
  const [message, setMessage] = useState('');
  const headingId = useId();
  const outline = useMemo(
    () => buildOutline(elements.values(), (el) => board.isVisible(el)),
    // `hidden` (a silent round) changes what is visible.
    [elements, board, hidden],
  );
  const voting = live.voting && live.voting.boardId === ws.boardId ? live.voting : null;
  const canVote = !!voting && ws.role === 'participant' && !readOnly;
  const ctx: Ctx = {
    board,
    lang,
    outline,
    byId: elements,
    votesHidden,
    canVote,
    say: setMessage,
    vote: (id, back) => {
      const target = board.get(id);
      if (!voting || target?.type !== 'sticky') return;
      const stickies = ballot(board.state.elements.values(), voting);
      const count = back
        ? previousVote(target, ws.participantId)
        : nextVote(voting, stickies, target, ws.participantId);
      if (count === null) return;
      board.transact(() => setVotes(board.doc, id, ws.participantId, count));
      setMessage(t(back ? 'unvoted' : 'voted', { what: target.text }));
    },
  };
  return (
    <section
      className={`outline${only ? ' is-only' : ''}`}
      aria-labelledby={headingId}
      data-testid="outline"
    >
      <header className="outline-head">
        <h2 id={headingId}>{t('title')}</h2>
        <label className="outline-only">
          <input
            type="checkbox"
            checked={only}
            onChange={(e) => setOutlineMode(e.target.checked ? 'only' : 'beside')}
          />
          {t('only')}
        </label>
        <button
          type="button"
          className="btn outline-close"
          aria-label={t('close')}
          title={t('close')}
          onClick={() => setOutlineMode('closed')}
        >
          ✕
        </button>
      </header>
      <p className="outline-intro">{t('intro')}</p>
      {readOnly && <p className="outline-readonly">{t('readOnly')}</p>}
      <div className="sr-only" role="status" aria-live="polite">
        {message}
      </div>
      <div className="outline-body">
        {outline.sections.map((s) => (
          <SectionView key={s.frame.id} section={s} level={3} ctx={ctx} />
        ))}
        {outline.loose.length > 0 && (
          <section className="outline-section" aria-label={t('loose')}>
            <h3>{t('loose')}</h3>
            <ul className="outline-items">
              {outline.loose.map((el) => (
                <ItemView key={el.id} el={el} ctx={ctx} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}

function Heading({ level, children }: { level: number; children: React.ReactNode }) {
  const Tag = `h${Math.min(6, level)}` as 'h3';
  return <Tag>{children}</Tag>;
}

function SectionView({
  section,
  level,
  ctx,
}: {
  section: OutlineSection;
  level: number;
  ctx: Ctx;
}) {
  const { t } = useT(OUTLINE_NS);
  const name = frameName(section.frame, ctx.lang) || t('untitled');
  const laneColour =
    section.frame.lane && section.frame.lane !== 'unsorted'
      ? CATEGORIES[section.frame.lane].color
      : undefined;
  return (
    <section
      className="outline-section"
      aria-label={name}
      data-frame={section.frame.id}
      style={laneColour ? { borderLeftColor: laneColour } : undefined}
    >
      <Heading level={level}>{name}</Heading>
      {section.items.length > 0 ? (
        <ul className="outline-items">
          {section.items.map((el) => (
            <ItemView key={el.id} el={el} ctx={ctx} />
          ))}
        </ul>
      ) : (
        section.frames.length === 0 && <p className="outline-empty">{t('empty')}</p>
      )}
      {ctx.board.canEdit && <AddSticky frame={section.frame} name={name} ctx={ctx} />}
      {section.frames.map((s) => (
        <SectionView key={s.frame.id} section={s} level={level + 1} ctx={ctx} />
      ))}
    </section>
  );
}

function AddSticky({ frame, name, ctx }: { frame: FrameElement; name: string; ctx: Ctx }) {
  const { t } = useT(OUTLINE_NS);
  const [text, setText] = useState('');
  const id = useId();
  const add = () => {
    const { board } = ctx;
    const s = board.state;
    const at = freeSpot(frame, s.elements.values());
    const created = board.add('sticky', {
      ...at,
      w: 160,
      h: 160,
      text: text.trim(),
      color: s.stickyColor,
      ...(s.hiddenSilentRound ? { silentRound: s.hiddenSilentRound } : {}),
    });
    if (!created) return;
    // A note added into a lane takes the lane's category, as a drop on the canvas does.
    board.moveTo([{ id: created, ...at }]);
    setText('');
    ctx.say(t('added', { frame: name }));
  };
  return (
    <form
      className="outline-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) add();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t('addTo', { frame: name })}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        placeholder={t('addPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn" disabled={!text.trim()}>
        {t('add')}
      </button>
    </form>
  );
}

function ItemView({ el, ctx }: { el: Element; ctx: Ctx }) {
  const { t } = useT(OUTLINE_NS);
  const { t: tb } = useT(BOARD_NS);
  const kind = t(`kinds.${el.type}`);
  const text = itemText(el, ctx.lang, ctx.byId);
  const what = text ? `${kind} “${text.slice(0, 40)}”` : kind;
  const view = viewOfElement(el);
  const editable = ctx.board.canChange(el) && !!view.textEdit?.inOutline;
  const meta: string[] = [];
  if (el.type === 'sticky') {
    meta.push(t('colour', { colour: tb(`colors.${el.color}`) }));
    if (el.category)
      meta.push(t('category', { category: localize(CATEGORIES[el.category].label, ctx.lang) }));
    if (ctx.votesHidden) meta.push(t('votesHidden'));
    else {
      const total = totalVotes(el);
      if (total > 0 || ctx.canVote) meta.push(t('votes', { count: total }));
    }
  }
  return (
    <li className={`outline-item is-${el.type}`} data-id={el.id}>
      <div className="outline-item-head">
        <span className="outline-kind">{kind}</span>
        {meta.length > 0 && <span className="outline-meta">{meta.join(' · ')}</span>}
      </div>
      {editable ? (
        <TextField el={el} label={t('text', { what: kind })} ctx={ctx} />
      ) : (
        text && <p className="outline-text">{text}</p>
      )}
      {isWidget(el) && (
        <WidgetQuestions board={ctx.board} el={el} lang={ctx.lang} onAnswered={ctx.say} />
      )}
      <div className="outline-actions">
        {el.type === 'sticky' && ctx.canVote && <VoteButtons el={el} what={what} ctx={ctx} />}
        {el.type === 'sticky' && ctx.board.canChange(el) && (
          <MoveTo el={el} what={what} ctx={ctx} />
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            ctx.board.select([el.id]);
            if (view.show === 'fit') fitFrame(ctx.board, el.id);
            else ctx.board.centreOn(el.id);
          }}
        >
          {t('show')}
          <span className="sr-only">: {what}</span>
        </button>
      </div>
    </li>
  );
}

function TextField({ el, label, ctx }: { el: Element; label: string; ctx: Ctx }) {
  const { t } = useT(OUTLINE_NS);
  const current = itemText(el, ctx.lang);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== current) {
      ctx.board.setText(el.id, draft);
      ctx.board.undoManager.stopCapturing();
      ctx.say(t('saved'));
    }
    setDraft(null);
  };
  return (
    <textarea
      className="outline-textarea"
      aria-label={label}
      rows={Math.min(4, Math.max(1, Math.ceil((draft ?? current).length / 36)))}
      value={draft ?? current}
      onFocus={() => setDraft(current)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(current);
        }
      }}
    />
  );
}

function VoteButtons({ el, what, ctx }: { el: StickyElement; what: string; ctx: Ctx }) {
  const { t } = useT(OUTLINE_NS);
  const ws = useWorkshop();
  const mine = el.votes[ws.participantId] ?? 0;
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={() => ctx.vote(el.id, false)}
      >
        {t('vote')}
        <span className="sr-only">: {what}</span>
      </button>
      {mine > 0 && (
        <button type="button" className="btn btn-small" onClick={() => ctx.vote(el.id, true)}>
          {t('unvote')} ({mine})<span className="sr-only">: {what}</span>
        </button>
      )}
    </>
  );
}

function MoveTo({ el, what, ctx }: { el: Element; what: string; ctx: Ctx }) {
  const { t } = useT(OUTLINE_NS);
  const select = useRef<HTMLSelectElement>(null);
  const frames = allFrames(ctx.outline);
  const move = () => {
    const target = frames.find((f) => f.id === select.current?.value);
    if (!target) return;
    const at = freeSpot(target, ctx.board.state.elements.values(), el, el.id);
    ctx.board.moveTo([{ id: el.id, ...at }]);
    ctx.say(t('moved', { what: itemText(el, ctx.lang), frame: frameName(target, ctx.lang) }));
  };
  return (
    <span className="outline-move">
      <select ref={select} aria-label={t('moveLabel', { what })} defaultValue="">
        <option value="" disabled>
          {t('moveTo')}…
        </option>
        {frames.map((f) => (
          <option key={f.id} value={f.id}>
            {frameName(f, ctx.lang) || t('untitled')}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" onClick={move}>
        {t('move')}
        <span className="sr-only">: {what}</span>
      </button>
    </span>
  );
}
