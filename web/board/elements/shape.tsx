import { memo } from 'react';
import { Ellipse, Group, Line, Rect, Text } from 'react-konva';
import type { ShapeElement } from '../../../workshops';
import type { ElementView, RendererProps } from './types';
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

/** The view half of `shape` (web/board/elements/index.ts). */
export const shapeView = {
  Renderer: ShapeRenderer,
  boxFill: (el) => el.fill,
  resize: (_el) => 'free',
  tools: {
    rect: {
      order: 30,
      shortcut: 'r',
      label: 'tools.rect',
      icon: 'M4 6h16v12H4z',
      init: () => ({ w: 200, h: 120, shape: 'rect' }),
    },
    ellipse: {
      order: 40,
      shortcut: 'o',
      label: 'tools.ellipse',
      icon: 'M12 5c4.4 0 8 3.1 8 7s-3.6 7-8 7-8-3.1-8-7 3.6-7 8-7z',
      init: () => ({ w: 200, h: 120, shape: 'ellipse' }),
    },
    diamond: {
      order: 50,
      shortcut: 'd',
      label: 'tools.diamond',
      icon: 'M12 3l9 9-9 9-9-9z',
      init: () => ({ w: 200, h: 120, shape: 'diamond' }),
    },
  },
  Inspector: null,
  textEdit: { fontSize: () => 16, multiline: true, inOutline: true },
  show: 'centre',
} satisfies ElementView<ShapeElement>;
