/**
 * The workshop shell: identity, the control doc and the current board (each synced with the
 * server and kept on the device), the top bar (boards, state, who is here, language), the
 * facilitator's slots, and the board canvas.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type * as Y from 'yjs';
import type { BoardEntry, LiveState, Participant, Role } from '../../workshops';
import {
  boardRoom,
  boardsMap,
  controlRoom,
  displayBoardTitle,
  isBoardLocked,
  liveMap,
  readBoards,
  readLive,
  readRoster,
  readWorkshop,
  rosterMap,
} from '../../workshops';
import type { Board } from '../board';
import {
  Announcer,
  BoardCanvas,
  KeyboardLayer,
  announceBroughtHere,
  createBoard,
  fitText,
  fitFrame,
} from '../board';
import { Icon } from '../board/ui/icons';
import { FacilitatorPanel, SessionBar, SummonNotice } from '../facilitator';
import { roamedAway, useRoaming } from '../facilitator/roaming';
import { BoardExportHost } from '../report';
import { useT } from '../i18n';
import { OutlineButton, OutlinePanel } from '../outline';
import { PresenceList } from '../presence/PresenceList';
import type { PresentPerson } from '../presence/PresenceList';
import { StatusChip } from '../status/StatusChip';
import { BoardPreview } from '../sync/board-snapshot';
import type { RoomSync } from '../sync/room';
import { useRoomSync } from '../sync/room';
import { measureClockOffset } from './api';
import type { WorkshopSession } from './context';
import { WorkshopContext } from './context';
import { AppMenu } from './AppMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { browserEnv } from './env';
import { navigate } from './router';
import type { Identity } from './storage';
import {
  colourFor,
  forgetIdentity,
  loadIdentity,
  peekClaims,
  saveIdentity,
  takeFragmentToken,
} from './storage';
import { APP_NS } from './strings';
import { useY } from './use-y';
import {
  useBoardLock,
  useBoardPreview,
  useFitOnOpen,
  useRefusalToasts,
  useWorkshopPresence,
} from './board-view';

declare global {
  interface Window {
    __werkbankControl?: { doc: Y.Doc; live: () => LiveState };
  }
}

/** A frame to centre on a board that is about to open (`WorkshopSession.navigate`). */
let pendingFrame: { boardId: string; frameId: string } | null = null;

/** The board open now, to centre a frame on it without a route change. */
let openEngine: { boardId: string; board: Board } | null = null;

/** Opens a board of the workshop, centring `frameId` there once its content has arrived. */
function openBoard(workshopId: string, boardId: string, frameId: string | null): void {
  if (openEngine?.boardId === boardId) {
    if (frameId) fitFrame(openEngine.board, frameId);
    return;
  }
  pendingFrame = frameId ? { boardId, frameId } : null;
  navigate(`/w/${workshopId}/${boardId}`);
}

function resolveIdentity(workshopId: string, roleLabel: (r: Role) => string): Identity | null {
  const fromLink = takeFragmentToken();
  if (fromLink) {
    const claims = peekClaims(fromLink);
    if (claims && claims.workshopId === workshopId) {
      const identity: Identity = {
        workshopId,
        token: fromLink,
        role: claims.role,
        participantId: claims.participantId,
        name: roleLabel(claims.role),
        organisation: '',
      };
      saveIdentity(identity);
      return identity;
    }
  }
  return loadIdentity(workshopId);
}

export function WorkshopPage({
  workshopId,
  boardId,
}: {
  workshopId: string;
  boardId: string | null;
}) {
  const { t } = useT(APP_NS);
  const [identity] = useState(() => resolveIdentity(workshopId, (r) => t(`roles.${r}`)));
  if (!identity) {
    return (
      <div className="center-message">
        <div>
          <p>{t('noAccess')}</p>
          <a className="btn btn-primary" href="/">
            {t('home')}
          </a>
        </div>
      </div>
    );
  }
  return <Workshop identity={identity} boardId={boardId} />;
}

function Workshop({ identity, boardId }: { identity: Identity; boardId: string | null }) {
  const { t } = useT(APP_NS);
  const control = useRoomSync(
    controlRoom(identity.workshopId),
    identity.token,
    () => identity.role === 'facilitator',
  );
  useEffect(() => {
    // For tests and debugging, beside `window.__werkbank` (web/board/canvas/BoardCanvas.tsx).
    window.__werkbankControl = { doc: control.doc, live: () => readLive(control.doc) };
  }, [control]);
  const controlState = useStore(control.state);
  const [clockOffset, setClockOffset] = useState(0);
  useEffect(() => {
    void measureClockOffset().then(setClockOffset);
  }, []);

  const boards = useY(boardsMap(control.doc), () => readBoards(control.doc));
  const workshop = useY(control.doc.getMap('workshop'), () => readWorkshop(control.doc));
  // Where the facilitator has the room now (workshops/facilitation), else the first board.
  const live = useY(liveMap(control.doc), () => readLive(control.doc).boardId);
  const current = boardId ?? live ?? boards[0]?.id ?? null;

  useEffect(() => {
    if (current && current !== boardId) navigate(`/w/${identity.workshopId}/${current}`, true);
  }, [current, boardId, identity.workshopId]);

  // The facilitator's summons move this person once each; the route stays theirs otherwise.
  const currentRef = useRef(current);
  currentRef.current = current;
  const currentBoardId = useCallback(() => currentRef.current, []);
  const open = useCallback(
    (id: string, frameId: string | null) => {
      openBoard(identity.workshopId, id, frameId);
      // Said to screen readers (web/board/keyboard-nav.tsx).
      announceBroughtHere(readBoards(control.doc).find((b) => b.id === id)?.title ?? id);
    },
    [identity.workshopId, control],
  );
  useRoaming({
    workshopId: identity.workshopId,
    controlDoc: control.doc,
    synced: controlState.synced,
    isFacilitator: identity.role === 'facilitator',
    currentBoardId,
    open,
  });

  if (controlState.status === 'refused') {
    return <Refused code={controlState.closeCode} identity={identity} />;
  }
  if (!current) {
    return <div className="center-message">{t('loading')}</div>;
  }
  return (
    <BoardView
      key={current}
      identity={identity}
      control={control}
      boards={boards}
      boardId={current}
      title={workshop.title}
      clockOffset={clockOffset}
    />
  );
}

function Refused({ code, identity }: { code: number | null; identity: Identity }) {
  const { t } = useT(APP_NS);
  return (
    <div className="center-message">
      <div>
        <p role="alert">{t(`refused.${code ?? 4401}`)}</p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            forgetIdentity(identity.workshopId);
            navigate('/');
          }}
        >
          {t('refused.rejoin')}
        </button>
      </div>
    </div>
  );
}

interface BoardViewProps {
  identity: Identity;
  control: RoomSync;
  boards: BoardEntry[];
  boardId: string;
  title: string;
  clockOffset: number;
}

function BoardView({ identity, control, boards, boardId, title, clockOffset }: BoardViewProps) {
  const { t, i18n } = useT(APP_NS);
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  // A new RoomSync (and Y.Doc, and board engine below) after the server refused our copy as
  // stale or refused one of its writes: the board is loaded anew (web/sync/room.ts).
  const preview = useMemo(
    () => new BoardPreview(identity.workshopId, boardId, identity.token),
    [identity, boardId],
  );
  const sync = useRoomSync(
    boardRoom(identity.workshopId, boardId),
    identity.token,
    () =>
      identity.role === 'facilitator' ||
      (identity.role === 'participant' && !isBoardLocked(control.doc, boardId)),
    identity.role === 'participant' ? identity.participantId : undefined,
    preview.held,
  );
  // Fixed for the life of this board: switching the language must not rebuild the board (or
  // drop its connection).
  const [fallbackName] = useState(() => t(`roles.${identity.role}`));
  const user = useMemo(
    () => ({
      id: identity.participantId,
      name: identity.name || fallbackName,
      color: colourFor(identity.participantId),
      organisation: identity.organisation,
    }),
    [identity, fallbackName],
  );
  const board: Board = useMemo(
    () =>
      createBoard(sync.doc, sync.provider.awareness, {
        user,
        role: identity.role,
        env: browserEnv,
        fitText,
      }),
    [sync, user, identity.role],
  );
  useEffect(() => () => board.destroy(), [board]);
  useEffect(() => {
    const mine = { boardId, board };
    openEngine = mine;
    return () => {
      if (openEngine === mine) openEngine = null;
    };
  }, [board, boardId]);
  const syncState = useStore(sync.state);
  useWorkshopPresence(control, user, boardId);

  useBoardPreview(board, sync, preview);
  useFitOnOpen(board, sync, boardId, () => {
    const frame = pendingFrame?.boardId === boardId ? pendingFrame.frameId : null;
    pendingFrame = null;
    return frame;
  });

  const readOnly = useBoardLock(board, control, boardId, identity.role);

  const toast = useRefusalToasts(sync, control);

  const roster = useY(rosterMap(control.doc), () => readRoster(control.doc));
  const people = usePeople(sync, roster, identity, user.color);

  const session: WorkshopSession = {
    workshopId: identity.workshopId,
    role: identity.role,
    participantId: identity.participantId,
    token: identity.token,
    user: { id: user.id, name: user.name, color: user.color, organisation: user.organisation },
    controlDoc: control.doc,
    controlAwareness: control.provider.awareness,
    boardId,
    boardDoc: sync.doc,
    boardAwareness: sync.provider.awareness,
    connection: syncState.status,
    navigate: (id, options) => openBoard(identity.workshopId, id, options?.frameId ?? null),
    clockOffset,
    board,
  };

  if (syncState.status === 'refused')
    return <Refused code={syncState.closeCode} identity={identity} />;
  // Going elsewhere by one's own choice ends following the facilitator.
  const go = (id: string) => {
    if (id !== boardId) roamedAway(identity.workshopId, control.doc);
    navigate(`/w/${identity.workshopId}/${id}`);
  };
  return (
    <WorkshopContext.Provider value={session}>
      <div className="shell">
        <header className="topbar">
          <span className="brand-mark" aria-hidden="true" />
          <span className="title" title={title}>
            {title}
          </span>
          <nav className="tabs" aria-label={t('boards')}>
            {boards.map((b) => (
              <button
                key={b.id}
                type="button"
                data-board={b.id}
                aria-current={b.id === boardId ? 'page' : undefined}
                title={displayBoardTitle(b, lang)}
                onClick={() => go(b.id)}
              >
                {displayBoardTitle(b, lang)}
                {isBoardLocked(control.doc, b.id) && (
                  <span className="lock" role="img" aria-label={t('status.locked')}>
                    <Icon name="lock" size={13} />
                  </span>
                )}
              </button>
            ))}
          </nav>
          <select
            className="tabs-select"
            aria-label={t('boards')}
            value={boardId}
            onChange={(e) => go(e.target.value)}
          >
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {displayBoardTitle(b, lang)}
              </option>
            ))}
          </select>
          <div className="topbar-right">
            <StatusChip sync={sync.state} readOnly={readOnly} />
            <OutlineButton />
            <PresenceList people={people} />
            <LanguageSwitch />
            <AppMenu
              onHelp={() => board.store.setState({ helpOpen: true })}
              onLeave={() => {
                forgetIdentity(identity.workshopId);
                navigate('/');
              }}
            />
          </div>
        </header>
        <SessionBar />
        <div className="board-area">
          {/* The prototype session is building with blocks: on a phone too, one tap away. */}
          <BoardCanvas board={board} featured={boardId === 'prototype' ? 'block' : undefined} />
          <KeyboardLayer board={board} />
          <Announcer board={board} />
          <OutlinePanel board={board} />
          {identity.role === 'facilitator' && <FacilitatorPanel />}
        </div>
        <SummonNotice />
        <BoardExportHost />
        {toast && (
          <div className="toast" role="alert">
            {toast}
          </div>
        )}
      </div>
    </WorkshopContext.Provider>
  );
}

/** Everyone on this board (awareness), enriched from the roster; oneself first. */
function usePeople(
  sync: RoomSync,
  roster: Participant[],
  identity: Identity,
  ownColour: string,
): PresentPerson[] {
  const awareness = sync.provider.awareness;
  const version = useSyncExternalStore(
    (l) => {
      awareness.on('change', l);
      return () => awareness.off('change', l);
    },
    () => awareness.getStates().size + ':' + [...awareness.getStates().keys()].join(','),
  );
  return useMemo(() => {
    void version;
    const byId = new Map(roster.map((p) => [p.id, p]));
    const seen = new Set<string>();
    const out: PresentPerson[] = [];
    awareness.getStates().forEach((state, clientId) => {
      const user = state.user as
        { id?: string; name?: string; color?: string; organisation?: string } | undefined;
      if (!user?.id || seen.has(user.id)) return;
      seen.add(user.id);
      const p = byId.get(user.id);
      out.push({
        key: String(clientId),
        id: user.id,
        name: p?.name ?? user.name ?? '?',
        organisation: p?.organisation ?? user.organisation ?? '',
        color: user.id === identity.participantId ? ownColour : (user.color ?? '#64748b'),
        ...(p?.kind ? { kind: p.kind } : {}),
        isSelf: user.id === identity.participantId,
      });
    });
    return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
  }, [version, roster, awareness, identity.participantId, ownColour]);
}
