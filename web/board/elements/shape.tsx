import { memo } from 'react';
import { Ellipse, Group, Line, Rect, Text } from 'react-konva';
import type { ShapeElement } from '../../../workshops';
import type { RendererProps } from './types';
import { BOARD_FONT } from './fit-text';

export const ShapeRenderer = memo(function ShapeRenderer({
  el,
  pos,
  editing,
}: RendererProps<ShapeElement>) {
  const common = { fill: el.fill, stroke: el.stroke, strokeWidth: 2, perfectDrawEnabled: false };
  return (
    <Group id={el.id} name="element shape" x={pos.x} y={pos.y} listening={false}>
      {el.shape === 'rect' && <Rect width={el.w} height={el.h} cornerRadius={6} {...common} />}
      {el.shape === 'ellipse' && (
        <Ellipse x={el.w / 2} y={el.h / 2} radiusX={el.w / 2} radiusY={el.h / 2} {...common} />
      )}
      {el.shape === 'diamond' && (
        <Line
          points={[el.w / 2, 0, el.w, el.h / 2, el.w / 2, el.h, 0, el.h / 2]}
          closed
          {...common}
        />
      )}
      {!editing && (
        <Text
          x={10}
          y={10}
          width={el.w - 20}
          height={el.h - 20}
          text={el.text}
          fontSize={18}
          fontFamily={BOARD_FONT}
          fill="#1f2937"
          align="center"
          verticalAlign="middle"
          wrap="word"
          ellipsis
        />
      )}
    </Group>
  );
});
