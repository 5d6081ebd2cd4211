/**
 * The bridge inspector: when one connector is selected (and this person may change it), a small
 * panel beside it sets its label, what flows over it, its value type and its direction. The
 * choices are radio groups (arrow keys move, as in any radio group); the same changes are on the
 * keyboard without the panel: Enter edits the label, W the value type, A the direction
 * (commands.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { ArrowHeads, ConnectorElement, ValueType } from '../../../workshops';
import { ARROW_HEADS, VALUE_TYPES, VALUE_TYPE_LABELS, localize } from '../../../workshops';
import { currentLanguage, useT } from '../../i18n';
import type { Board } from '../board';
import { selectedBridge } from '../commands';
import { connectorEnds, midpoint } from '../connectors';
import { VALUE_STYLE } from '../elements/connector';
import { worldToScreen } from '../geometry';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';

const WIDTH = 300;
const HEIGHT = 250;
const ARROW_GLYPH: Record<ArrowHeads, string> = { end: '→', start: '←', both: '↔', none: '—' };

export function BridgeInspector({ board }: { board: Board }) {
  useBoardState(board, (s) => s.selection);
  useBoardState(board, (s) => s.version);
  const editing = useBoardState(board, (s) => s.editingId);
  const dragging = useBoardState(board, (s) => s.dragPreview);
  const el = selectedBridge(board);
  if (!el || editing || dragging) return null;
  return <Inspector board={board} el={el} />;
}

function Inspector({ board, el }: { board: Board; el: ConnectorElement }) {
  const { t } = useT(BOARD_NS);
  const lang = currentLanguage();
  const camera = useBoardState(board, (s) => s.camera);
  const viewport = useBoardState(board, (s) => s.viewport);
  const [a, b] = connectorEnds(el, board.resolve);
  const mid = worldToScreen(camera, midpoint(a, b));
  // Beside the line's middle (below it, or above when there is no room), inside the board.
  const left = Math.max(8, Math.min(viewport.w - WIDTH - 8, mid.x - WIDTH / 2));
  const below = mid.y + 40;
  const top = below + HEIGHT < viewport.h - 70 ? below : Math.max(8, mid.y - 40 - HEIGHT);
  const value = el.value ?? null;

  return (
    <section
      className="wb-bridge"
      style={{ left, top }}
      aria-label={t('bridge.inspector')}
      onKeyDown={(e) => {
        // Keys typed here are the panel's, not the board's shortcuts (Enter, Delete, letters).
        e.stopPropagation();
        if (e.key === 'Escape') board.select([]);
      }}
    >
      <h2>{t('bridge.inspector')}</h2>
      <DraftInput
        id={`bridge-label-${el.id}`}
        label={t('bridge.label')}
        placeholder={t('bridge.labelPlaceholder')}
        stored={el.label}
        onChange={(label) => board.update(el.id, { label })}
        name="label"
      />
      <DraftInput
        id={`bridge-flow-${el.id}`}
        label={t('bridge.flow')}
        placeholder={t('bridge.flowPlaceholder')}
        stored={el.flow ?? ''}
        onChange={(flow) => board.update(el.id, { flow: flow || undefined })}
        name="flow"
      />
      <Radios<ValueType | null>
        legend={t('bridge.value')}
        name="value"
        options={[null, ...VALUE_TYPES]}
        value={value}
        label={(v) => (v ? localize(VALUE_TYPE_LABELS[v], lang) : t('bridge.noValue'))}
        decoration={(v) =>
          v ? (
            <span
              className="wb-bridge-swatch"
              style={{
                borderTopColor: VALUE_STYLE[v].colour,
                borderTopStyle: VALUE_STYLE[v].dash
                  ? (VALUE_STYLE[v].dash?.[0] ?? 0) < 4
                    ? 'dotted'
                    : 'dashed'
                  : 'solid',
                borderTopWidth: Math.max(2, VALUE_STYLE[v].width - 1),
              }}
              aria-hidden="true"
            />
          ) : null
        }
        onChange={(v) => board.setBridge(el.id, { value: v ?? undefined })}
      />
      <Radios<ArrowHeads>
        legend={t('bridge.direction')}
        name="direction"
        options={[...ARROW_HEADS]}
        value={el.arrow}
        label={(d) => `${ARROW_GLYPH[d]} ${t(`bridge.directions.${d}`)}`}
        onChange={(d) => board.setBridge(el.id, { arrow: d })}
      />
    </section>
  );
}

/**
 * A text field with its own draft: the store catches up one frame later, and a field fed
 * straight from it would drop keys typed within that frame (as ui/TextEditor.tsx).
 */
function DraftInput({
  id,
  label,
  placeholder,
  stored,
  onChange,
  name,
}: {
  id: string;
  label: string;
  placeholder: string;
  stored: string;
  onChange: (value: string) => void;
  name: string;
}) {
  const [draft, setDraft] = useState(stored);
  const written = useRef(stored);
  useEffect(() => {
    if (stored !== written.current) {
      written.current = stored;
      setDraft(stored);
    }
  }, [stored]);
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        maxLength={200}
        autoComplete="off"
        placeholder={placeholder}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          written.current = e.target.value;
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </>
  );
}

/** A radio group of buttons: one tab stop, arrow keys move and choose (WAI-ARIA radio group). */
function Radios<T>({
  legend,
  name,
  options,
  value,
  label,
  decoration,
  onChange,
}: {
  legend: string;
  name: string;
  options: T[];
  value: T;
  label: (v: T) => string;
  decoration?: (v: T) => React.ReactNode;
  onChange: (v: T) => void;
}) {
  const group = useRef<HTMLDivElement>(null);
  const index = Math.max(0, options.indexOf(value));
  const move = (step: number) => {
    const next = (index + step + options.length) % options.length;
    const v = options[next];
    if (v === undefined) return;
    onChange(v);
    (group.current?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <>
      <span className="wb-bridge-legend" id={`wb-bridge-${name}`}>
        {legend}
      </span>
      <div
        ref={group}
        className="wb-bridge-options"
        role="radiogroup"
        aria-labelledby={`wb-bridge-${name}`}
        data-name={name}
        onKeyDown={(e) => {
          const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
          if (!step) return;
          e.preventDefault();
          e.stopPropagation();
          move(step);
        }}
      >
        {options.map((o, i) => (
          <button
            key={String(o)}
            type="button"
            role="radio"
            aria-checked={i === index}
            tabIndex={i === index ? 0 : -1}
            data-value={String(o)}
            onClick={() => onChange(o)}
          >
            {decoration?.(o)}
            {label(o)}
          </button>
        ))}
      </div>
    </>
  );
}
