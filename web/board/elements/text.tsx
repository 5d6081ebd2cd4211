import { memo } from 'react';
import { Text } from 'react-konva';
import type { TextElement } from '../../../workshops';
import { displayText } from '../../../workshops';
import type { ElementView, RendererProps } from './types';
import { BOARD_FONT, LINE_HEIGHT, textBoxSize } from './fit-text';

/** A text box: its text is never cut off (no height), it wraps at the box's width. */
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
      text={editing ? '' : displayText(el, lang)}
      fontSize={el.fontSize}
      fontFamily={BOARD_FONT}
      fontStyle={el.fontSize >= 28 ? 'bold' : 'normal'}
      fill="#111827"
      lineHeight={LINE_HEIGHT}
      wrap="word"
      listening={false}
      perfectDrawEnabled={false}
    />
  );
});

/** The view half of `text` (web/board/elements/index.ts). */
export const textView = {
  Renderer: TextRenderer,
  boxFill: (_el) => '#cbd5e1',
  resize: (_el) => 'free',
  tools: {
    text: {
      order: 20,
      shortcut: 't',
      label: 'tools.text',
      icon: 'M5 6V4h14v2M12 4v16M9 20h6',
      init: () => ({ w: 240, h: 40, text: '' }),
      editAfterPlace: true,
    },
  },
  Inspector: null,
  textEdit: {
    fontSize: (el) => el.fontSize,
    borderOutside: true,
    multiline: true,
    inOutline: true,
    // A text box grows with its text: wider up to a maximum, then taller (fit-text.ts).
    fit: (el, text) => textBoxSize(text, el.fontSize, el.w),
  },
  show: 'centre',
} satisfies ElementView<TextElement>;
