import { memo } from 'react';
import { Circle, Group, Rect, Text } from 'react-konva';
import type { StickyElement } from '../../../workshops';
import { CATEGORIES, STICKY_FILL, displayText, totalVotes } from '../../../workshops';
import { INK_MUTED } from '../contrast';
import { BOARD_FONT, STICKY_PAD as PAD, stickyFontSize } from './fit-text';
import type { ElementView, RendererProps } from './types';

/** More own votes on one note than fit as dots are still counted in the badge once revealed. */
const MAX_OWN_DOTS = 8;

export const StickyRenderer = memo(function StickyRenderer({
  el,
  pos,
  editing,
  showVotes,
  voter,
  lang,
}: RendererProps<StickyElement>) {
  const fill = STICKY_FILL[el.color];
  const text = displayText(el, lang);
  const fontSize = stickyFontSize(text, el.w, el.h, !!el.source);
  const votes = showVotes ? totalVotes(el) : 0;
  const mine = voter ? Math.min(MAX_OWN_DOTS, el.votes[voter.id] ?? 0) : 0;
  return (
    <Group id={el.id} name="element sticky" x={pos.x} y={pos.y} listening={false}>
      {/* A cheap offset shadow: a blurred one costs a lot per note in software rendering. */}
      <Rect
        x={1}
        y={3}
        width={el.w}
        height={el.h}
        fill="rgba(15,23,42,0.12)"
        cornerRadius={3}
        listening={false}
        perfectDrawEnabled={false}
      />
      <Rect width={el.w} height={el.h} fill={fill} cornerRadius={3} perfectDrawEnabled={false} />
      {!editing && (
        <Text
          x={PAD}
          y={PAD + (el.source ? 12 : 0)}
          width={el.w - PAD * 2}
          height={el.h - PAD * 2 - (el.source ? 12 : 0)}
          text={text}
          fontSize={fontSize}
          lineHeight={1.2}
          fontFamily={BOARD_FONT}
          fill="#1f2937"
          align="center"
          verticalAlign="middle"
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      {el.source && <Text x={8} y={6} text="↩" fontSize={12} fill={INK_MUTED} />}
      {el.category && (
        <Circle
          x={el.w - 12}
          y={12}
          radius={6}
          fill={CATEGORIES[el.category].color}
          stroke="#fff"
          strokeWidth={1.5}
        />
      )}
      {/* This person's own votes, as dots in their colour (web/facilitator: tap to take back). */}
      {Array.from({ length: mine }, (_, i) => (
        <Circle
          key={i}
          name="own-vote"
          x={14 + i * 16}
          y={el.h - 16}
          radius={6}
          fill={voter?.color ?? '#111827'}
          stroke="#fff"
          strokeWidth={2}
          perfectDrawEnabled={false}
        />
      ))}
      {votes > 0 && (
        <Group x={el.w - 30} y={el.h - 26}>
          <Rect width={26} height={20} cornerRadius={10} fill="#111827" />
          <Text
            width={26}
            height={20}
            text={String(votes)}
            fontSize={12}
            fontStyle="bold"
            fill="#fff"
            align="center"
            verticalAlign="middle"
          />
        </Group>
      )}
    </Group>
  );
});

/** The view half of `sticky` (web/board/elements/index.ts). */
export const stickyView = {
  Renderer: StickyRenderer,
  boxFill: (el) => STICKY_FILL[el.color],
  resize: (_el) => 'free',
  tools: {
    sticky: {
      order: 10,
      shortcut: 'n',
      label: 'tools.sticky',
      icon: 'M4 4h16v11l-5 5H4zM15 20v-5h5',
      init: (s) => ({
        w: 160,
        h: 160,
        color: s.stickyColor,
        ...(s.hiddenSilentRound ? { silentRound: s.hiddenSilentRound } : {}),
      }),
      editAfterPlace: true,
    },
  },
  Inspector: null,
  // As drawn: the same fitted size on the note's colour, inside its margin.
  textEdit: {
    fontSize: (el, draft) => stickyFontSize(draft, el.w, el.h, !!el.source),
    background: (el) => STICKY_FILL[el.color],
    padding: PAD,
    placeholder: 'placeholder.sticky',
    multiline: true,
    inOutline: true,
  },
  show: 'centre',
} satisfies ElementView<StickyElement>;
