/**
 * The bridge inspector: when one connector is selected (and this person may change it), a small
 * panel beside it sets its label, what flows over it, its value type and its direction. The
 * choices are radio groups (arrow keys move, as in any radio group); the same changes are on the
 * keyboard without the panel: Enter edits the label, W the value type, A the direction
 * (commands.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ArrowHeads, ConnectorElement, ValueType } from '../../../workshops';
import { ARROW_HEADS, VALUE_TYPES, VALUE_TYPE_LABELS, localize } from '../../../workshops';
import { currentLanguage, useT } from '../../i18n';
import type { Board } from '../board';
import { connectorEnds } from '../connectors';
import { VALUE_STYLE } from '../elements/connector';
import type { Point, Rect } from '../geometry';
import { worldToScreen } from '../geometry';
import { BOARD_NS } from '../strings';
import { useBoardState } from '../use-board';

/** Room kept free for the toolbar at the bottom of the board, px. */
const TOOLBAR_ROOM = 76;
/** Gap between the line (and its label) and the panel, px. */
const GAP = 36;
const ARROW_GLYPH: Record<ArrowHeads, string> = { end: '→', start: '←', both: '↔', none: '—' };

const PANEL = { w: 330, h: 260 };

/**
 * An inspector's panel beside what it inspects (`around`, screen px), measured after each render
 * so that it never covers it: keys typed in it stay in it; Escape lets go of the selection.
 */
export function InspectorPanel({
  board,
  around,
  label,
  initial,
  className = '',
  children,
}: {
  board: Board;
  around: Rect;
  label: string;
  /** A first guess of its size, before it is measured. */
  initial: { w: number; h: number };
  className?: string;
  children: ReactNode;
}) {
  const viewport = useBoardState(board, (s) => s.viewport);
  const panel = useRef<HTMLElement>(null);
  const [size, setSize] = useState(initial);
  useLayoutEffect(() => {
    const r = panel.current?.getBoundingClientRect();
    if (r && (Math.abs(r.width - size.w) > 1 || Math.abs(r.height - size.h) > 1))
      setSize({ w: r.width, h: r.height });
  });
  const { left, top } = placeBeside(around, size, viewport);
  return (
    <section
      ref={panel}
      className={`wb-bridge ${className}`.trim()}
      style={{ left, top }}
      aria-label={label}
      onKeyDown={(e) => {
        // Keys typed here are the panel's, not the board's shortcuts (Enter, Delete, letters).
        e.stopPropagation();
        if (e.key === 'Escape') board.select([]);
      }}
    >
      {children}
    </section>
  );
}

/** The connector's inspector (its view's `Inspector`, shown by ui/InspectorHost.tsx). */
export function BridgeInspector({ board, el }: { board: Board; el: ConnectorElement }) {
  const { t } = useT(BOARD_NS);
  const lang = currentLanguage();
  const camera = useBoardState(board, (s) => s.camera);
  const [a, b] = connectorEnds(el, board.resolve).map((p) => worldToScreen(camera, p)) as [
    Point,
    Point,
  ];
  const around = {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
  const value = el.value ?? null;

  return (
    <InspectorPanel board={board} around={around} label={t('bridge.inspector')} initial={PANEL}>
      <h2>{t('bridge.inspector')}</h2>
      <div className="wb-bridge-fields">
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
      </div>
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
    </InspectorPanel>
  );
}

/**
 * Where the panel goes so that it covers neither the line nor its label: below the line's box,
 * else above, else right of it, else left of it, else the board's lower left corner.
 */
export function placeBeside(
  line: Rect,
  size: { w: number; h: number },
  viewport: { w: number; h: number },
): { left: number; top: number } {
  const bottom = viewport.h - TOOLBAR_ROOM;
  const clampX = (x: number) => Math.max(8, Math.min(viewport.w - size.w - 8, x));
  const clampY = (y: number) => Math.max(8, Math.min(bottom - size.h, y));
  const cx = line.x + line.w / 2 - size.w / 2;
  const cy = line.y + line.h / 2 - size.h / 2;
  if (line.y + line.h + GAP + size.h <= bottom)
    return { left: clampX(cx), top: line.y + line.h + GAP };
  if (line.y - GAP - size.h >= 8) return { left: clampX(cx), top: line.y - GAP - size.h };
  if (line.x + line.w + GAP + size.w <= viewport.w - 8)
    return { left: line.x + line.w + GAP, top: clampY(cy) };
  if (line.x - GAP - size.w >= 8) return { left: line.x - GAP - size.w, top: clampY(cy) };
  return { left: 8, top: clampY(bottom) };
}

/**
 * A text field with its own draft: the store catches up one frame later, and a field fed
 * straight from it would drop keys typed within that frame (as ui/TextEditor.tsx).
 */
export function DraftInput({
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
    <div>
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
    </div>
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
