import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { FrameElement } from '../../../workshops';
import { CATEGORIES, displayText } from '../../../workshops';
import type { ElementView, RendererProps } from './types';
import { BOARD_FONT } from './fit-text';
import { labelEdit } from './text-edit';

/** World height of the strip above a frame where its title is drawn, at `zoom`. */
export function frameTitleHeight(zoom: number): number {
  return frameTitleSize(zoom) + 8;
}

// The title stays readable when zoomed out: at least ~12 px on screen.
const frameTitleSize = (zoom: number) => Math.max(20, 12 / zoom);

export const FrameRenderer = memo(function FrameRenderer({
  el,
  pos,
  zoom,
  editing,
  lang,
}: RendererProps<FrameElement>) {
  const accent = el.lane && el.lane !== 'unsorted' ? CATEGORIES[el.lane].color : '#94a3b8';
  const titleSize = frameTitleSize(zoom);
  return (
    <Group id={el.id} name="element frame" x={pos.x} y={pos.y} listening={false}>
      <Rect
        width={el.w}
        height={el.h}
        fill={el.color}
        stroke={el.lane ? accent : '#cbd5e1'}
        strokeWidth={el.lane ? 3 : 1.5}
        cornerRadius={10}
        perfectDrawEnabled={false}
      />
      {el.lane && <Rect width={el.w} height={8} fill={accent} cornerRadius={[10, 10, 0, 0]} />}
      {!editing && (
        <Text
          x={4}
          y={-titleSize - 8}
          width={el.w}
          text={displayText(el, lang)}
          fontSize={titleSize}
          fontStyle="bold"
          fontFamily={BOARD_FONT}
          fill="#334155"
          wrap="none"
          ellipsis
        />
      )}
    </Group>
  );
});

/** The view half of `frame` (web/board/elements/index.ts). */
export const frameView = {
  Renderer: FrameRenderer,
  boxFill: (el) => el.color,
  resize: (_el) => 'free',
  tools: {
    frame: {
      order: 70,
      shortcut: 'f',
      label: 'tools.frame',
      icon: 'M7 3v18M17 3v18M3 7h18M3 17h18',
      init: (_s, t) => ({ w: 800, h: 560, title: t('placeholder.frame') }),
    },
  },
  Inspector: null,
  // The title is edited where it is drawn, in the strip above the frame (a double-click inside
  // the frame is the board's: a new note).
  textEdit: labelEdit({
    box: (el) => ({ x: el.x, y: el.y - 44, w: Math.min(el.w, 600), h: 40 }),
    fontSize: () => 22,
    strip: (el, zoom) => {
      const h = frameTitleHeight(zoom);
      return { x: el.x, y: el.y - h, w: el.w, h };
    },
  }),
  show: 'fit',
} satisfies ElementView<FrameElement>;
