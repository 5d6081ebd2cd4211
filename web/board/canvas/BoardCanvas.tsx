/**
 * The canvas: a react-konva Stage whose transform is the board's camera, and the pointer,
 * wheel, touch and keyboard handling that turns input into Board calls. Konva hit-testing is
 * off on every element layer; what is under the pointer comes from the engine's spatial index.
 */
import Konva from 'konva';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { Stage } from 'react-konva';
import { currentLanguage, useT } from '../../i18n';
import type { Board } from '../board';
import { TOUCH_STROKE } from '../board';
import { commandForShortcut, runCommand, shortcutOf } from '../commands';
import { layerOf } from '../../../workshops';
import { placeTool, viewOfElement } from '../elements';
import type { Point } from '../geometry';
import { screenToWorld } from '../geometry';
import type { ToolId } from '../types';
import { BOARD_NS } from '../strings';
import { BlockPalette } from '../ui/BlockPalette';
import { InspectorHost } from '../ui/InspectorHost';
import { Toolbar } from '../ui/Toolbar';
import { ContextMenu } from '../ui/ContextMenu';
import { Cursors } from '../ui/Cursors';
import { HelpOverlay } from '../ui/HelpOverlay';
import { Minimap } from '../ui/Minimap';
import { ReadOnlyBanner } from '../ui/ReadOnlyBanner';
import { TextEditor } from '../ui/TextEditor';
import { ZoomControls } from '../ui/ZoomControls';
import { useBoardState } from '../use-board';
import { ElementsLayer, GridBackground } from './ElementsLayer';
import { TransformLayer } from './OverlayLayer';
import { MARGIN, toStagePoint } from './drawn-view';
import { useDrawnView } from './use-drawn-view';
import { tapWidget } from '../widget-answers';
import { WidgetSheet } from '../ui/WidgetSheet';
import '../board.css';

declare global {
  interface Window {
    Konva?: typeof Konva;
    __werkbank?: { board: Board };
  }
}
if (typeof window !== 'undefined') window.Konva = Konva;

type Gesture =
  | { kind: 'none' }
  | { kind: 'pan'; last: Point }
  | { kind: 'drag' }
  | { kind: 'marquee'; start: Point; additive: boolean }
  | { kind: 'connector' }
  | { kind: 'pinch'; distance: number; mid: Point };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const isControl = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  !!target.closest('button, a[href], [role="button"], [role="radio"]');

export interface BoardCanvasProps {
  board: Board;
  /** Votes hidden while a voting round is not yet revealed (facilitator feature). */
  showVotes?: boolean;
  /** The board's own tool, kept in the phone's compact tool bar (ui/Toolbar.tsx). */
  featured?: ToolId;
}

export function BoardCanvas({ board, showVotes = true, featured }: BoardCanvasProps) {
  const { t, i18n } = useT(BOARD_NS);
  const lang = i18n.language === 'en' ? 'en' : currentLanguage();
  const container = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const gesture = useRef<Gesture>({ kind: 'none' });
  const pointers = useRef(new Map<number, Point>());
  const [spaceHeld, setSpaceHeld] = useState(false);
  const grid = useRef<HTMLDivElement>(null);
  const viewport = useBoardState(board, (s) => s.viewport);
  const tool = useBoardState(board, (s) => s.tool);

  const [measured, setMeasured] = useState(false);
  const view = useDrawnView(board, stageRef, grid, measured);

  useEffect(() => {
    window.__werkbank = { board };
  }, [board]);

  // Size: fill the parent, follow its resizes. Measured before the first paint, and the stage is
  // made only then: made at a guessed size and resized, each layer's canvases are allocated twice
  // (a third of the board's first drawing in a profile of the cold open).
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () => board.setViewport(el.clientWidth, el.clientHeight);
    measure();
    setMeasured(true);
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [board]);

  // Wheel: pan, or zoom around the pointer with Ctrl/⌘ (trackpad pinch arrives as ctrl+wheel).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const at = { x: e.clientX - rect.left, y: e.clientY - rect.top };
      if (e.ctrlKey || e.metaKey)
        board.zoomAt(at, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025)));
      else
        board.panBy(
          e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX,
          e.shiftKey && !e.deltaX ? 0 : e.deltaY,
        );
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [board]);

  // Keyboard: every shortcut goes through the command registry.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      // Enter, Space and arrows on a focused control are that control's (issue 14).
      if (isControl(e.target) && /^(Enter| |Arrow)/.test(e.key)) return;
      if (e.key === ' ') {
        setSpaceHeld(true);
        e.preventDefault();
        return;
      }
      // Arrow keys too: they nudge the selection (arrange.nudge… in commands.ts).
      const command = commandForShortcut(shortcutOf(e), board);
      if (command && runCommand(board, command.id)) e.preventDefault();
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ') setSpaceHeld(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [board]);

  const local = (e: { clientX: number; clientY: number }): Point => {
    const rect = container.current?.getBoundingClientRect();
    return { x: e.clientX - (rect?.left ?? 0), y: e.clientY - (rect?.top ?? 0) };
  };
  const world = (p: Point) => screenToWorld(board.state.camera, p);

  /** Creates an element with the current tool, centred on `at`. */
  const createAt = (at: Point) => {
    const s = board.state;
    const centred = (w: number, h: number) => ({
      x: Math.round(at.x - w / 2),
      y: Math.round(at.y - h / 2),
      w,
      h,
    });
    // The tool's element view says what it places (web/board/elements: `tools`).
    const place = placeTool(s.tool);
    if (!place) return;
    const { w, h, ...fields } = place.tool.init(s, t);
    const id = board.add(place.type, { ...fields, ...centred(w, h) });
    board.setTool('select');
    if (id) {
      board.select([id]);
      if (place.tool.editAfterPlace) board.startEditing(id);
    }
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && !(e.target instanceof HTMLCanvasElement)) return;
    const stage = stageRef.current;
    const at = local(e);
    // Transformer handles (the only listening layer) take their own events.
    if (stage && stage.getIntersection(toStagePoint(view.transform.current, at))) return;
    container.current?.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, at);
    board.store.setState({ contextMenu: null });
    if (board.state.editingId) board.stopEditing();

    if (pointers.current.size === 2) {
      // Second finger: pinch-zoom and pan, cancelling whatever the first finger started.
      if (board.dragging) board.endDrag(false);
      board.marquee(null);
      const [a, b] = [...pointers.current.values()] as [Point, Point];
      gesture.current = {
        kind: 'pinch',
        distance: Math.hypot(a.x - b.x, a.y - b.y),
        mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
      };
      return;
    }
    if (e.button === 2) return;
    const w = world(at);
    const s = board.state;
    if (e.button === 1 || spaceHeld || s.tool === 'hand') {
      gesture.current = { kind: 'pan', last: at };
      return;
    }
    if (s.tool === 'connector') {
      const from = board.hitTest(w, { lines: false });
      board.store.setState({ pendingConnector: { from, start: w, end: w } });
      gesture.current = { kind: 'connector' };
      return;
    }
    if (s.tool !== 'select') {
      createAt(w);
      gesture.current = { kind: 'none' };
      return;
    }
    const hit = board.hitTest(w, e.pointerType === 'touch' ? { stroke: TOUCH_STROKE } : {});
    if (hit && board.offerTap(hit)) {
      // A feature took the click (a vote in a voting round).
      gesture.current = { kind: 'none' };
      return;
    }
    if (hit && tapWidget(board, hit, w, e.pointerType === 'touch')) {
      // A rating or survey widget took it: an answer, or on a phone its answer sheet (which
      // then must not get this tap's emulated mouse events: they would move its focus).
      e.preventDefault();
      gesture.current = { kind: 'none' };
      return;
    }
    if (hit) {
      if (e.shiftKey) board.select([hit], 'toggle');
      else if (!s.selection.has(hit)) board.select([hit]);
      if (board.beginDrag([...board.state.selection], w)) gesture.current = { kind: 'drag' };
      else gesture.current = { kind: 'none' };
      return;
    }
    if (e.pointerType === 'touch') {
      gesture.current = { kind: 'pan', last: at };
      if (!e.shiftKey) board.select([]);
      return;
    }
    if (!e.shiftKey) board.select([]);
    gesture.current = { kind: 'marquee', start: w, additive: e.shiftKey };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const at = local(e);
    const w = world(at);
    board.presence.setCursor(w);
    board.pointer = w;
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, at);
    const g = gesture.current;
    switch (g.kind) {
      case 'pan':
        board.panBy(g.last.x - at.x, g.last.y - at.y);
        g.last = at;
        break;
      case 'drag':
        board.dragTo(w);
        break;
      case 'marquee':
        board.marquee(g.start, w);
        break;
      case 'connector': {
        const p = board.state.pendingConnector;
        if (p) board.store.setState({ pendingConnector: { ...p, end: w } });
        break;
      }
      case 'pinch': {
        const pts = [...pointers.current.values()];
        if (pts.length < 2) break;
        const [a, b] = pts as [Point, Point];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        board.panBy(g.mid.x - mid.x, g.mid.y - mid.y);
        board.zoomAt(mid, distance / Math.max(1, g.distance));
        g.distance = distance;
        g.mid = mid;
        break;
      }
      default:
        break;
    }
  };

  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    pointers.current.delete(e.pointerId);
    const g = gesture.current;
    if (g.kind === 'pinch') {
      if (pointers.current.size === 0) gesture.current = { kind: 'none' };
      return;
    }
    gesture.current = { kind: 'none' };
    const w = world(local(e));
    if (g.kind === 'drag') board.endDrag(true);
    if (g.kind === 'marquee') {
      const m = board.state.marquee;
      if (m && m.w > 2 && m.h > 2) board.select(board.idsInRect(m), g.additive ? 'add' : 'replace');
      board.marquee(null);
    }
    if (g.kind === 'connector') {
      const p = board.state.pendingConnector;
      board.store.setState({ pendingConnector: null });
      if (p && Math.hypot(p.end.x - p.start.x, p.end.y - p.start.y) > 10) {
        const to = board.hitTest(w, { lines: false });
        const id = board.add('connector', {
          x: p.start.x,
          y: p.start.y,
          x2: p.end.x,
          y2: p.end.y,
          from: p.from ?? '',
          to: to && to !== p.from ? to : '',
        });
        if (id) board.select([id]);
      }
      board.setTool('select');
    }
  };

  const onDoubleClick = (e: React.MouseEvent<HTMLDivElement>) => {
    // A feature takes the clicks (voting): a second tap on a note takes a vote back, no edit.
    if (board.interacting) return;
    const w = world(local(e));
    const hit = board.hitTest(w);
    const hitEl = hit ? board.get(hit) : undefined;
    // Inside a frame (an area) is room for notes: a double-click there adds one, as on the empty
    // board. A frame's title is edited from the strip above it, where its title is drawn.
    if (hitEl && layerOf(hitEl) !== 'area') {
      board.startEditing(hitEl.id);
      return;
    }
    const titled = textStripAt(board, w);
    if (titled) {
      board.startEditing(titled);
      return;
    }
    if (!board.canEdit) return;
    board.setTool('sticky');
    createAt(w);
  };

  const onContextMenu = (e: React.MouseEvent<HTMLDivElement>) => {
    e.preventDefault();
    const at = local(e);
    const hit = board.hitTest(world(at));
    if (hit && !board.state.selection.has(hit)) board.select([hit]);
    board.store.setState({ contextMenu: at });
  };

  const cursor =
    spaceHeld || tool === 'hand' ? 'grab' : tool === 'select' ? 'default' : 'crosshair';
  return (
    <div className="wb-board">
      <div
        ref={container}
        className="wb-canvas"
        style={{ cursor }}
        role="application"
        aria-label={t('canvas')}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onPointerLeave={() => {
          board.presence.setCursor(null);
          board.pointer = null;
        }}
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
      >
        <GridBackground ref={grid} board={board} />
        {/* Position and scale are the camera's, set outside React (use-drawn-view.ts). */}
        {measured && (
          <Stage ref={stageRef} width={viewport.w + 2 * MARGIN} height={viewport.h + 2 * MARGIN}>
            <ElementsLayer board={board} lang={lang} showVotes={showVotes} />
            <TransformLayer board={board} />
          </Stage>
        )}
        <Cursors board={board} />
        <TextEditor board={board} />
      </div>
      <Toolbar board={board} featured={featured} />
      <BlockPalette board={board} />
      <InspectorHost board={board} />
      <ZoomControls board={board} />
      <Minimap board={board} />
      <ReadOnlyBanner board={board} />
      <ContextMenu board={board} />
      <HelpOverlay board={board} />
      <WidgetSheet board={board} lang={lang} />
    </div>
  );
}

/** The element whose text strip (`textEdit.strip`: a frame's title, above it) holds `p`. */
function textStripAt(board: Board, p: Point): string | null {
  const zoom = board.state.camera.zoom;
  for (const el of board.state.elements.values()) {
    const strip = viewOfElement(el).textEdit?.strip?.(el, zoom);
    if (
      strip &&
      board.isVisible(el) &&
      p.x >= strip.x &&
      p.x <= strip.x + strip.w &&
      p.y >= strip.y &&
      p.y < strip.y + strip.h
    )
      return el.id;
  }
  return null;
}
