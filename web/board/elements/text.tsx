import { memo } from 'react';
import { Text } from 'react-konva';
import type { TextElement } from '../../../workshops';
import { displayText } from '../../../workshops';
import type { RendererProps } from './types';
import { BOARD_FONT } from './fit-text';

export const TextRenderer = memo(function TextRenderer({
  el,
  pos,
  editing,
  lang,
}: RendererProps<TextElement>) {
  return (
    <Text
      id={el.id}
      name="element text"
      x={pos.x}
      y={pos.y}
      width={el.w}
      height={el.h}
      text={editing ? '' : displayText(el, lang)}
      fontSize={el.fontSize}
      fontFamily={BOARD_FONT}
      fontStyle={el.fontSize >= 28 ? 'bold' : 'normal'}
      fill="#111827"
      lineHeight={1.25}
      wrap="word"
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});
