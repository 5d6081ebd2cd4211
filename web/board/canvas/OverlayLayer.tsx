import { useEffect, useRef } from 'react';
import { Arrow, Group, Layer, Line, Rect, Transformer } from 'react-konva';
import type Konva from 'konva';
import type { ConnectorElement } from '../../../workshops';
import type { Board } from '../board';
import { connectorEnds } from '../connectors';
import { viewOfElement } from '../elements';
import { boundsOf } from '../sync-observer';
import { useBoardState } from '../use-board';

/** A selected line: a wide, light band along it. */
function connectorOutline(
  board: Board,
  el: ConnectorElement,
  colour: string,
  key: string,
  zoom: number,
  dash?: number[],
) {
  const [a, b] = connectorEnds(el, board.resolve);
  return (
    <Line
      key={key}
      points={[a.x, a.y, b.x, b.y]}
      stroke={colour}
      opacity={0.35}
      strokeWidth={12 / zoom}
      lineCap="round"
      {...(dash ? { dash: dash.map((d) => (d * 2) / zoom) } : {})}
      listening={false}
    />
  );
}

/** Selection outlines (own and others'), the marquee, a connector being drawn. */
function SelectionOutlines({ board }: { board: Board }) {
  const selection = useBoardState(board, (s) => s.selection);
  const peers = useBoardState(board, (s) => s.peers);
  const marquee = useBoardState(board, (s) => s.marquee);
  const pending = useBoardState(board, (s) => s.pendingConnector);
  const zoom = useBoardState(board, (s) => s.drawn.zoom);
  useBoardState(board, (s) => s.version);
  useBoardState(board, (s) => s.dragPreview);
  useBoardState(board, (s) => s.hiddenSilentRound);
  const outline = (id: string, colour: string, key: string, dash?: number[]) => {
    const el = board.get(id);
    // Others' hidden notes (silent brainstorm) get no outline either: hidden is not drawn at all.
    if (!el || !board.isVisible(el)) return null;
    if (el.type === 'connector') return connectorOutline(board, el, colour, key, zoom, dash);
    const p = board.livePosition(el);
    const pad = 4 / zoom;
    const b = boundsOf(el);
    return (
      <Rect
        key={key}
        x={p.x - pad}
        y={p.y - pad}
        width={b.w + pad * 2}
        height={b.h + pad * 2}
        stroke={colour}
        strokeWidth={2 / zoom}
        {...(dash ? { dash: dash.map((d) => d / zoom) } : {})}
        cornerRadius={4 / zoom}
        listening={false}
      />
    );
  };
  return (
    <Group listening={false}>
      {peers.flatMap((peer) => [
        ...peer.selection.map((id) =>
          outline(id, peer.user.color, `${peer.clientId}:${id}`, [6, 4]),
        ),
        ...(peer.editingId
          ? [outline(peer.editingId, peer.user.color, `${peer.clientId}:edit`)]
          : []),
      ])}
      {[...selection].map((id) => outline(id, '#2563eb', `sel:${id}`))}
      {marquee && (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
          fill="rgba(37,99,235,0.08)"
          stroke="#2563eb"
          strokeWidth={1 / zoom}
        />
      )}
      {pending && (
        <Arrow
          points={[pending.start.x, pending.start.y, pending.end.x, pending.end.y]}
          stroke="#2563eb"
          fill="#2563eb"
          strokeWidth={2.5}
          dash={[8, 6]}
          pointerLength={12}
          pointerWidth={12}
        />
      )}
    </Group>
  );
}

/**
 * The overlay layer: selection outlines (not listening) and the resize handles for one selected
 * element (the only thing on the canvas that listens).
 */
export function TransformLayer({ board }: { board: Board }) {
  const ref = useRef<Konva.Transformer>(null);
  const selection = useBoardState(board, (s) => s.selection);
  const editingId = useBoardState(board, (s) => s.editingId);
  const preview = useBoardState(board, (s) => s.dragPreview);
  const version = useBoardState(board, (s) => s.version);
  const zoom = useBoardState(board, (s) => s.drawn.zoom);
  const [only] = selection.size === 1 ? [...selection] : [];
  const el = only ? board.get(only) : undefined;
  const resize = el ? viewOfElement(el).resize(el) : 'none';
  const active =
    !!el && resize !== 'none' && board.canChange(el) && !editingId && !preview && zoom >= 0.4;

  useEffect(() => {
    const tr = ref.current;
    if (!tr) return;
    const node = active && only ? tr.getStage()?.findOne(`#${only}`) : undefined;
    tr.nodes(node ? [node] : []);
    tr.getLayer()?.batchDraw();
  }, [active, only, version, zoom]);

  const keepRatio = resize === 'ratio';
  return (
    <Layer>
      <SelectionOutlines board={board} />
      <Transformer
        ref={ref}
        rotateEnabled={false}
        keepRatio={keepRatio}
        flipEnabled={false}
        anchorSize={9}
        anchorCornerRadius={2}
        borderStroke="#2563eb"
        anchorStroke="#2563eb"
        ignoreStroke
        boundBoxFunc={(oldBox, newBox) =>
          newBox.width < 20 || newBox.height < 20 ? oldBox : newBox
        }
        onTransformEnd={() => {
          const node = ref.current?.nodes()[0];
          if (!node || !only || !el) return;
          // Write width/height back and reset the scale to 1 (Konva's advice for Transformers).
          const w = el.w * node.scaleX();
          const h = el.h * node.scaleY();
          node.scaleX(1);
          node.scaleY(1);
          board.resize(only, { x: node.x(), y: node.y(), w, h });
        }}
      />
    </Layer>
  );
}
