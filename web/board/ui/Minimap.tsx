import { useEffect, useRef, useState } from 'react';
import { layerOf } from '../../../workshops';
import { useT } from '../../i18n';
import type { Board } from '../board';
import type { Camera, Rect } from '../geometry';
import { viewRect } from '../geometry';
import { BOARD_NS } from '../strings';
import { viewOfElement } from '../elements';
import { boundsOf } from '../sync-observer';
import { useBoardState } from '../use-board';
import { Icon } from './icons';

const W = 180;
const H = 120;
const PAD = 4;
/** While the board keeps changing, redraw its picture at most this often, ms. */
const REDRAW_MS = 1000;

interface MapTransform {
  scale: number;
  ox: number;
  oy: number;
}

/** Fits the content (with room around it to show the view nearby) into the minimap. */
function fitContent(content: Rect): MapTransform {
  const room = Math.max(content.w, content.h) * 0.15;
  const x0 = content.x - room;
  const y0 = content.y - room;
  const w = content.w + 2 * room;
  const h = content.h + 2 * room;
  const scale = Math.min((W - 2 * PAD) / w, (H - 2 * PAD) / h);
  return {
    scale,
    ox: PAD - x0 * scale + (W - 2 * PAD - w * scale) / 2,
    oy: PAD - y0 * scale + (H - 2 * PAD - h * scale) / 2,
  };
}

/** The elements, drawn once per change of the board into an offscreen canvas. */
function drawElements(board: Board, t: MapTransform): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const c = canvas.getContext('2d');
  if (!c) return canvas;
  for (const el of board.state.elements.values()) {
    const layer = layerOf(el);
    if (layer === 'line' || !board.isVisible(el)) continue;
    const b = boundsOf(el);
    // Frames as light areas, everything else in its own colour (as zoomed far out).
    c.fillStyle = layer === 'area' ? '#e2e8f0' : viewOfElement(el).boxFill(el);
    c.fillRect(
      b.x * t.scale + t.ox,
      b.y * t.scale + t.oy,
      Math.max(1, b.w * t.scale),
      Math.max(1, b.h * t.scale),
    );
  }
  return canvas;
}

/** `value`, but updated at most once per `ms` (the latest value arrives at the end). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + ms - performance.now();
    const apply = () => {
      last.current = performance.now();
      setShown(value);
    };
    if (wait <= 0) {
      apply();
      return;
    }
    const timer = setTimeout(apply, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}

/**
 * An overview of the whole board with the current view; click or drag to move there. Shown
 * whenever the board has content; its button folds it away (remembered per device). The
 * elements are drawn once per board change; a camera move only copies that picture and draws
 * the view's rectangle (outside React), so panning a large board costs the minimap nothing.
 */
export function Minimap({ board }: { board: Board }) {
  const { t } = useT(BOARD_NS);
  const canvas = useRef<HTMLCanvasElement>(null);
  const version = useThrottled(
    useBoardState(board, (s) => s.version),
    REDRAW_MS,
  );
  const hiddenRound = useBoardState(board, (s) => s.hiddenSilentRound);
  const hasContent = useBoardState(board, (s) => s.elements.size > 0);
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const transform = useRef<MapTransform>({ scale: 1, ox: 0, oy: 0 });
  const visible = hasContent && !collapsed;

  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c || !visible) return;
    const content = board.contentBounds() ?? { x: 0, y: 0, w: 1, h: 1 };
    const map = fitContent(content);
    transform.current = map;
    const picture = drawElements(board, map);
    const paint = (camera: Camera, viewport: { w: number; h: number }) => {
      const view = viewRect(camera, viewport);
      c.clearRect(0, 0, W, H);
      c.drawImage(picture, 0, 0);
      c.strokeStyle = '#2563eb';
      c.lineWidth = 1.5;
      // A view larger than the map (zoomed far out) is clipped to its edges.
      const x = Math.max(1, view.x * map.scale + map.ox);
      const y = Math.max(1, view.y * map.scale + map.oy);
      const r = Math.min(W - 1, (view.x + view.w) * map.scale + map.ox);
      const b = Math.min(H - 1, (view.y + view.h) * map.scale + map.oy);
      if (r > x && b > y) c.strokeRect(x, y, r - x, b - y);
    };
    paint(board.state.camera, board.state.viewport);
    return board.store.subscribe((s, prev) => {
      if (s.camera !== prev.camera || s.viewport !== prev.viewport) paint(s.camera, s.viewport);
    });
  }, [board, version, visible, hiddenRound]);

  if (!hasContent) return null;
  const toggle = () => {
    setCollapsed(!collapsed);
    writeCollapsed(!collapsed);
  };
  const toggleLabel = t(collapsed ? 'minimapShow' : 'minimapHide');
  const toggleButton = (
    <button
      type="button"
      className="wb-minimap-toggle"
      aria-label={toggleLabel}
      title={toggleLabel}
      aria-expanded={!collapsed}
      onClick={toggle}
    >
      <Icon name={collapsed ? 'map' : 'collapse'} size={16} />
    </button>
  );
  if (collapsed) return <div className="wb-minimap is-collapsed">{toggleButton}</div>;
  const moveTo = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const { scale, ox, oy } = transform.current;
    const wx = (e.clientX - r.left - ox) / scale;
    const wy = (e.clientY - r.top - oy) / scale;
    const { camera, viewport } = board.state;
    const z = camera.zoom;
    board.setCamera({ zoom: z, x: wx - viewport.w / 2 / z, y: wy - viewport.h / 2 / z });
  };
  return (
    <div className="wb-minimap">
      <canvas
        ref={canvas}
        width={W}
        height={H}
        role="img"
        aria-label={t('minimap')}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => e.buttons && moveTo(e)}
      />
      {toggleButton}
    </div>
  );
}

const COLLAPSED_KEY = 'werkbank:minimap-collapsed';

/** Whether this person folded the minimap away (remembered per device). */
function readCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

function writeCollapsed(collapsed: boolean): void {
  try {
    globalThis.localStorage?.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // private mode: folded for this page only
  }
}
