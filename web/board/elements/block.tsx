import { memo, useMemo } from 'react';
import { Circle, Group, Line, Rect, RegularPolygon, Star, Text } from 'react-konva';
import type { BlockElement, BlockShape } from '../../../workshops';
import { blockKind, localize } from '../../../workshops';
import { labelEdit } from './text-edit';
import type { ElementView, RendererProps } from './types';
import { textOn } from '../contrast';
import { BOARD_FONT, fitFontSize, measureBold } from './fit-text';

function Outline({ shape, w, h, fill }: { shape: BlockShape; w: number; h: number; fill: string }) {
  const common = {
    fill,
    stroke: 'rgba(15,23,42,0.35)',
    strokeWidth: 2,
    perfectDrawEnabled: false,
    shadowColor: '#000',
    shadowOpacity: 0.12,
    shadowBlur: 6,
    shadowOffsetY: 2,
    shadowForStrokeEnabled: false,
  };
  const r = Math.min(w, h) / 2;
  switch (shape) {
    case 'circle':
      return <Circle x={w / 2} y={h / 2} radius={r} {...common} />;
    case 'hexagon':
      return <RegularPolygon x={w / 2} y={h / 2} sides={6} radius={r} {...common} />;
    case 'triangle':
      return <Line points={[w / 2, 0, w, h, 0, h]} closed {...common} />;
    case 'diamond':
      return <Line points={[w / 2, 0, w, h / 2, w / 2, h, 0, h / 2]} closed {...common} />;
    case 'star':
      return (
        <Star
          x={w / 2}
          y={h / 2}
          numPoints={8}
          innerRadius={r * 0.72}
          outerRadius={r}
          {...common}
        />
      );
    case 'pill':
      return <Rect width={w} height={h} cornerRadius={h / 2} {...common} />;
    case 'rect':
      return <Rect width={w} height={h} cornerRadius={2} {...common} />;
    case 'roundRect':
      return <Rect width={w} height={h} cornerRadius={18} {...common} />;
  }
}

export const BlockRenderer = memo(function BlockRenderer({
  el,
  pos,
  lang,
  editing,
}: RendererProps<BlockElement>) {
  const kind = blockKind(el.kind);
  const shape = kind?.shape ?? 'rect';
  const fill = kind?.color ?? '#e5e7eb';
  const label = el.label || (kind ? localize(kind.label, lang) : el.kind);
  const ink = textOn(fill);
  const pill = shape === 'pill';
  const textTop = shape === 'triangle' ? el.h * 0.5 : pill ? 0 : el.h * 0.45;
  const text = pill ? `${kind?.icon ?? ''}  ${label}` : label;
  const boxW = el.w * 0.72;
  const boxH = pill ? el.h : el.h * 0.42;
  // Whole words: the font shrinks before a word breaks (as sticky notes), measured in bold.
  const fontSize = useMemo(
    () => fitFontSize(text, boxW, boxH, pill ? 14 : 15, 8, measureBold()),
    [text, boxW, boxH, pill],
  );
  return (
    <Group id={el.id} name="element block" x={pos.x} y={pos.y} listening={false}>
      <Outline shape={shape} w={el.w} h={el.h} fill={fill} />
      {!pill && (
        <Text
          x={0}
          y={el.h * 0.14}
          width={el.w}
          text={kind?.icon ?? '?'}
          fontSize={Math.min(34, el.h * 0.24)}
          align="center"
          fill={ink}
        />
      )}
      {!editing && (
        <Text
          x={el.w * 0.14}
          y={textTop}
          width={boxW}
          height={boxH}
          text={text}
          fontSize={fontSize}
          lineHeight={1.2}
          fontStyle="bold"
          fontFamily={BOARD_FONT}
          align="center"
          verticalAlign={pill ? 'middle' : 'top'}
          fill={ink}
          wrap="word"
          ellipsis
        />
      )}
    </Group>
  );
});

/** The view half of `block` (web/board/elements/index.ts). */
export const blockView = {
  Renderer: BlockRenderer,
  boxFill: (el) => blockKind(el.kind)?.color ?? '#e5e7eb',
  resize: (el) =>
    el.kind.startsWith('social') || el.kind.startsWith('regular') ? 'ratio' : 'free',
  tools: {},
  Inspector: null,
  textEdit: labelEdit(),
  show: 'centre',
} satisfies ElementView<BlockElement>;
