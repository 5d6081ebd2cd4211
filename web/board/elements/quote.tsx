import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { QuoteElement } from '../../../workshops/elements/quote';
import { QUOTE_LAYOUT as L, quoteAttribution } from '../../../workshops/elements/quote';
import { useT } from '../../i18n';
import { worldToScreen } from '../geometry';
import { BOARD_NS } from '../strings';
import { DraftInput, InspectorPanel } from '../ui/BridgeInspector';
import { useBoardState } from '../use-board';
import { BOARD_FONT } from './fit-text';
import { labelEdit } from './text-edit';
import type { ElementView, InspectorProps, RendererProps } from './types';

/** A quotation card: the quote, an opening mark and the attribution (as its SVG in quote.ts). */
export const QuoteRenderer = memo(function QuoteRenderer({
  el,
  pos,
  editing,
}: RendererProps<QuoteElement>) {
  const by = quoteAttribution(el);
  const textTop = L.pad + L.markSize * 0.45;
  return (
    <Group id={el.id} name="element quote" x={pos.x} y={pos.y} listening={false}>
      <Rect
        width={el.w}
        height={el.h}
        fill={L.fill}
        stroke="#cbd5e1"
        strokeWidth={1.5}
        cornerRadius={8}
        perfectDrawEnabled={false}
      />
      <Rect width={5} height={el.h} fill={L.accent} perfectDrawEnabled={false} />
      <Text
        x={L.pad}
        y={L.pad - L.markSize * 0.3}
        text="“"
        fontSize={L.markSize}
        fontStyle="bold"
        fontFamily={BOARD_FONT}
        fill={L.accent}
        perfectDrawEnabled={false}
      />
      {!editing && (
        <Text
          x={L.pad + 8}
          y={textTop}
          width={el.w - L.pad * 2 - 8}
          height={el.h - textTop - L.pad - (by ? L.byHeight : 0)}
          text={el.text}
          fontSize={L.textSize}
          fontFamily={BOARD_FONT}
          fontStyle="italic"
          lineHeight={1.2}
          fill={L.ink}
          verticalAlign="middle"
          wrap="word"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
      {by && (
        <Text
          x={L.pad + 8}
          y={el.h - L.pad - L.byHeight}
          width={el.w - L.pad * 2 - 8}
          height={L.byHeight}
          text={by}
          fontSize={L.bySize}
          fontFamily={BOARD_FONT}
          fill={L.muted}
          verticalAlign="middle"
          wrap="none"
          ellipsis
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  );
});

/** The attribution is typed beside the card (the quote itself is edited on it, like a note). */
function QuoteInspector({ board, el }: InspectorProps<QuoteElement>) {
  const { t } = useT(BOARD_NS);
  const camera = useBoardState(board, (s) => s.camera);
  const p = worldToScreen(camera, el);
  const around = { x: p.x, y: p.y, w: el.w * camera.zoom, h: el.h * camera.zoom };
  return (
    <InspectorPanel
      board={board}
      around={around}
      label={t('quote.inspector')}
      initial={{ w: 280, h: 90 }}
      className="wb-quote-inspector"
    >
      <div className="wb-bridge-fields">
        <DraftInput
          id={`quote-by-${el.id}`}
          label={t('quote.by')}
          placeholder={t('quote.byPlaceholder')}
          stored={el.by}
          onChange={(by) => board.update(el.id, { by })}
          name="by"
        />
      </div>
    </InspectorPanel>
  );
}

/** The view half of `quote` (web/board/elements/index.ts). */
export const quoteView = {
  Renderer: QuoteRenderer,
  boxFill: () => L.fill,
  resize: () => 'free',
  tools: {
    quote: {
      order: 80,
      shortcut: 'q',
      label: 'tools.quote',
      icon: 'M6 17h3l2-4V7H5v6h3zM14 17h3l2-4V7h-6v6h3z',
      init: () => ({ w: 280, h: 180, text: '', by: '' }),
      editAfterPlace: true,
    },
  },
  Inspector: QuoteInspector,
  textEdit: labelEdit(),
  show: 'centre',
} satisfies ElementView<QuoteElement>;
