import { memo } from 'react';
import { Arrow, Group, Label, Tag, Text } from 'react-konva';
import type { ConnectorElement } from '../../../workshops';
import { centre, edgePoint } from '../geometry';
import type { Point } from '../geometry';
import type { RendererProps } from './types';
import { BOARD_FONT } from './fit-text';

const VALUE_COLOUR: Record<string, string> = {
  transaction: '#64748b',
  reputation: '#a855f7',
  interaction: '#0ea5e9',
  synergy: '#16a34a',
};

/** End points: attached ends sit on the edge of what they join, facing each other. */
export function connectorEnds(
  el: ConnectorElement,
  resolve: RendererProps<ConnectorElement>['resolve'],
): [Point, Point] {
  const from = el.from ? resolve(el.from) : null;
  const to = el.to ? resolve(el.to) : null;
  const a0 = from ? centre(from) : { x: el.x, y: el.y };
  const b0 = to ? centre(to) : { x: el.x2, y: el.y2 };
  return [from ? edgePoint(from, b0) : a0, to ? edgePoint(to, a0) : b0];
}

export const ConnectorRenderer = memo(function ConnectorRenderer({
  el,
  resolve,
  editing,
}: RendererProps<ConnectorElement>) {
  const [a, b] = connectorEnds(el, resolve);
  const colour = el.value ? (VALUE_COLOUR[el.value] ?? '#475569') : '#475569';
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return (
    <Group id={el.id} name="element connector" listening={false}>
      <Arrow
        points={[a.x, a.y, b.x, b.y]}
        stroke={colour}
        fill={colour}
        strokeWidth={el.value ? 4 : 2.5}
        pointerLength={el.arrow === 'none' ? 0 : 12}
        pointerWidth={el.arrow === 'none' ? 0 : 12}
        pointerAtBeginning={el.arrow === 'both'}
        lineCap="round"
        perfectDrawEnabled={false}
      />
      {!editing && (el.label || el.value) && (
        <Label x={mid.x} y={mid.y}>
          <Tag
            fill="#fff"
            stroke={colour}
            strokeWidth={1}
            cornerRadius={6}
            pointerDirection="none"
          />
          <Text
            text={[el.label, el.value ? `(${el.value})` : ''].filter(Boolean).join(' ')}
            padding={5}
            fontSize={13}
            fill="#1f2937"
            fontFamily={BOARD_FONT}
            offsetX={0}
          />
        </Label>
      )}
    </Group>
  );
});
