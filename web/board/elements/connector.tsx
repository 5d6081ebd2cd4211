import { memo } from 'react';
import { Arrow, Group, Rect, Text } from 'react-konva';
import type { ArrowHeads, ConnectorElement, ValueType } from '../../../workshops';
import { VALUE_TYPE_LABELS, localize } from '../../../workshops';
import { connectorEnds, midpoint } from '../connectors';
import { BridgeInspector } from '../ui/BridgeInspector';
import { BOARD_FONT, textWidth } from './fit-text';
import { labelEdit } from './text-edit';
import type { ElementView, RendererProps } from './types';

/** How a bridge looks per value type: colour, dash and weight, so types read at a glance. */
interface LineStyle {
  colour: string;
  dash?: number[];
  width: number;
}

export const VALUE_STYLE: Record<ValueType, LineStyle> = {
  transaction: { colour: '#475569', width: 3.5 },
  reputation: { colour: '#9333ea', dash: [12, 7], width: 3.5 },
  interaction: { colour: '#0284c7', dash: [2, 8], width: 4 },
  synergy: { colour: '#15803d', width: 6 },
};
const PLAIN: LineStyle = { colour: '#475569', width: 2.5 };

/** Which ends carry an arrowhead. */
export function arrowEnds(arrow: ArrowHeads): { atStart: boolean; atEnd: boolean } {
  return {
    atStart: arrow === 'start' || arrow === 'both',
    atEnd: arrow === 'end' || arrow === 'both',
  };
}

const TITLE_SIZE = 14;
const DETAIL_SIZE = 12;
const PAD = 6;

/**
 * A connector; a bridge (prototype stage) also shows its label, what flows and its value type
 * on a tag in the middle of the line, and is drawn in its value type's style.
 */
export const ConnectorRenderer = memo(function ConnectorRenderer({
  el,
  resolve,
  editing,
  lang,
}: RendererProps<ConnectorElement>) {
  const [a, b] = connectorEnds(el, resolve);
  const style = el.value ? VALUE_STYLE[el.value] : PLAIN;
  const { atStart, atEnd } = arrowEnds(el.arrow);
  const mid = midpoint(a, b);
  const title = editing ? '' : el.label;
  const detail = [el.value ? localize(VALUE_TYPE_LABELS[el.value], lang) : '', el.flow ?? '']
    .filter(Boolean)
    .join(' · ');
  const w =
    Math.max(
      title ? textWidth(title, TITLE_SIZE) * 1.1 : 0,
      detail ? textWidth(detail, DETAIL_SIZE) * 1.05 : 0,
    ) +
    PAD * 3;
  const h = (title ? TITLE_SIZE * 1.25 : 0) + (detail ? DETAIL_SIZE * 1.3 : 0) + PAD * 2;
  return (
    <Group id={el.id} name="element connector" listening={false}>
      <Arrow
        points={[a.x, a.y, b.x, b.y]}
        stroke={style.colour}
        fill={style.colour}
        strokeWidth={style.width}
        {...(style.dash ? { dash: style.dash } : {})}
        pointerLength={atStart || atEnd ? 14 : 0}
        pointerWidth={atStart || atEnd ? 14 : 0}
        pointerAtBeginning={atStart}
        pointerAtEnding={atEnd}
        lineCap="round"
        perfectDrawEnabled={false}
      />
      {(title || detail) && (
        <Group x={mid.x - w / 2} y={mid.y - h / 2}>
          <Rect
            width={w}
            height={h}
            fill="#ffffff"
            stroke={style.colour}
            strokeWidth={1.5}
            cornerRadius={8}
            perfectDrawEnabled={false}
          />
          {title && (
            <Text
              x={0}
              y={PAD}
              width={w}
              text={title}
              align="center"
              fontSize={TITLE_SIZE}
              fontStyle="bold"
              fontFamily={BOARD_FONT}
              fill="#111827"
              wrap="none"
            />
          )}
          {detail && (
            <Text
              x={0}
              y={PAD + (title ? TITLE_SIZE * 1.25 : 0)}
              width={w}
              text={detail}
              align="center"
              fontSize={DETAIL_SIZE}
              fontFamily={BOARD_FONT}
              fill={style.colour}
              wrap="none"
            />
          )}
        </Group>
      )}
    </Group>
  );
});

/** The view half of `connector` (web/board/elements/index.ts). */
export const connectorView = {
  Renderer: ConnectorRenderer,
  boxFill: (_el) => '#64748b',
  resize: (_el) => 'none',
  tools: {},
  Inspector: BridgeInspector,
  // The label is edited on the line's middle, where it is drawn.
  textEdit: labelEdit({
    box: (el, resolve) => {
      const m = midpoint(...connectorEnds(el, resolve));
      return { x: m.x - 90, y: m.y - 18, w: 180, h: 36 };
    },
  }),
  show: 'centre',
} satisfies ElementView<ConnectorElement>;
