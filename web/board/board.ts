/**
 * The board engine: a plain object with no React in it (cf. tldraw's Editor). It owns the
 * zustand store (view state), writes the Y.Doc only through workshops/ accessors under a local
 * transaction origin (so `Y.UndoManager` undoes only this person's work), and keeps presence in
 * awareness. The canvas renders what the store holds and calls these methods.
 */
import { generateKeyBetween } from 'fractional-indexing';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  ConnectorElement,
  Element,
  ElementByType,
  ElementPatch,
  ElementType,
  Role,
} from '../../workshops';
import {
  addElement,
  blockKind,
  bottomZ,
  cloneElement,
  decodeElement,
  deleteElements,
  elementsMap,
  insertElement,
  moveElements,
  rawOf,
  readElement,
  topZ,
  updateElement,
} from '../../workshops';
import { onConnector } from './connectors';
import { textBoxSize } from './elements/fit-text';
import type { Camera, Point, Rect } from './geometry';
import {
  centre,
  clampZoom,
  contains,
  fitCamera,
  intersects,
  normaliseRect,
  pointIn,
  snap,
  union,
  viewRect,
  zoomAround,
} from './geometry';
import { PresenceSync } from './presence';
import type { Snapshot } from './sync-observer';
import { ElementIndex, boundsOf, observeElements, readSnapshot, sortOrder } from './sync-observer';
import type { BoardState, BoardUser, ReadOnlyReason, ToolId } from './types';
import { GRID } from './types';

export interface BoardOptions {
  user: BoardUser;
  role: Role;
  readOnly?: { reason: ReadOnlyReason };
  /** How doc changes are batched into the store (default: one per animation frame). */
  schedule?: (fn: () => void) => void;
}

/** What goes on the clipboard: decoded elements, so a paste works on any board. */
export interface ClipboardPayload {
  werkbank: 1;
  elements: Element[];
}

/** Half the width of a line's hit stroke, screen px: a line is easy to click. */
export const HIT_STROKE = 10;
export const TOUCH_STROKE = 22;

/** How far a duplicate lands from its original (down and right), world units. */
const DUPLICATE_OFFSET = 24;

/** Where a board opens: the template's top-left corner in view, at 100 %. */
const START_CAMERA: Camera = { x: -100, y: -80, zoom: 1 };

export class Board {
  readonly store: StoreApi<BoardState>;
  readonly index = new ElementIndex();
  readonly undoManager: Y.UndoManager;
  readonly presence: PresenceSync;
  /** Transaction origin of this person's edits: the only origin the undo manager tracks. */
  readonly origin: object;
  private readonly unobserve: () => void;
  /** Features that take taps on elements while registered (`registerInteraction`). */
  private readonly interactions = new Map<string, (id: string) => boolean>();
  private drag: { ids: string[]; start: Point; origins: Map<string, Point> } | null = null;

  constructor(
    readonly doc: Y.Doc,
    readonly awareness: Awareness,
    readonly options: BoardOptions,
  ) {
    this.origin = { board: options.user.id };
    const snapshot: Snapshot = readSnapshot(doc, this.index);
    this.store = createStore<BoardState>(() => ({
      elements: snapshot.elements,
      order: snapshot.order,
      version: 0,
      selection: new Set(),
      editingId: null,
      tool: 'select',
      stickyColor: 'yellow',
      blockKind: 'social-enterprise',
      camera: START_CAMERA,
      drawn: START_CAMERA,
      viewport: { w: 1280, h: 720 },
      readOnly: options.readOnly?.reason ?? (options.role === 'viewer' ? 'viewer' : null),
      role: options.role,
      peers: [],
      canUndo: false,
      canRedo: false,
      dragPreview: null,
      marquee: null,
      pendingConnector: null,
      snapToGrid: false,
      helpOpen: false,
      paletteOpen: false,
      contextMenu: null,
      hiddenSilentRound: null,
      votesHidden: false,
    }));
    this.undoManager = new Y.UndoManager(elementsMap(doc), {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 400,
    });
    const updateUndo = () =>
      this.store.setState({
        canUndo: this.undoManager.canUndo(),
        canRedo: this.undoManager.canRedo(),
      });
    this.undoManager.on('stack-item-added', updateUndo);
    this.undoManager.on('stack-item-popped', updateUndo);
    this.unobserve = observeElements(doc, (ids) => this.applyChanges(ids), options.schedule);
    this.presence = new PresenceSync(awareness, options.user, (peers) =>
      this.store.setState({ peers }),
    );
  }

  get state(): BoardState {
    return this.store.getState();
  }

  destroy(): void {
    this.unobserve();
    this.undoManager.destroy();
    this.presence.destroy();
  }

  // ---- doc → store --------------------------------------------------------------------------

  private applyChanges(ids: Set<string>): void {
    const map = elementsMap(this.doc);
    const elements = new Map(this.state.elements);
    let orderChanged = false;
    for (const id of ids) {
      const ymap = map.get(id);
      const el = ymap instanceof Y.Map ? decodeElement(id, rawOf(ymap)) : null;
      const before = elements.get(id);
      if (el) {
        elements.set(id, el);
        this.index.set(el);
        if (!before || before.z !== el.z) orderChanged = true;
      } else if (before) {
        elements.delete(id);
        this.index.remove(id);
        orderChanged = true;
      }
    }
    const s = this.state;
    const selection = [...s.selection].filter((id) => elements.has(id));
    this.store.setState({
      elements,
      order: orderChanged ? sortOrder(elements) : s.order,
      version: s.version + 1,
      ...(selection.length !== s.selection.size ? { selection: new Set(selection) } : {}),
      ...(s.editingId && !elements.has(s.editingId) ? { editingId: null } : {}),
    });
  }

  // ---- permissions --------------------------------------------------------------------------

  get canEdit(): boolean {
    return this.state.readOnly === null;
  }

  /** Template content (seeded frames, headings) belongs to the facilitator. */
  canChange(el: Element): boolean {
    if (!this.canEdit) return false;
    return !el.templateId || this.state.role === 'facilitator';
  }

  setReadOnly(reason: ReadOnlyReason): void {
    if (reason === this.state.readOnly) return;
    this.store.setState({
      readOnly: reason,
      ...(reason ? { editingId: null, tool: 'select', dragPreview: null } : {}),
    });
    if (reason) this.drag = null;
  }

  // ---- interactions -------------------------------------------------------------------------

  /**
   * A feature takes taps and clicks on elements while registered (voting: a tap is a vote):
   * `onTap` returns true when it handled one; the board then neither selects, drags nor (on a
   * second tap) edits. Returns the way to unregister.
   */
  registerInteraction(name: string, onTap: (id: string) => boolean): () => void {
    this.interactions.set(name, onTap);
    return () => {
      if (this.interactions.get(name) === onTap) this.interactions.delete(name);
    };
  }

  /** Offers a tap on an element to the registered interactions; true when one took it. */
  offerTap(id: string): boolean {
    for (const onTap of this.interactions.values()) if (onTap(id)) return true;
    return false;
  }

  /** Whether a feature takes taps now (a double tap then edits nothing). */
  get interacting(): boolean {
    return this.interactions.size > 0;
  }

  // ---- writing (local origin) ---------------------------------------------------------------

  /** Runs `fn` as one local, undoable transaction. */
  transact(fn: () => void): void {
    this.doc.transact(fn, this.origin);
  }

  add<T extends ElementType>(
    type: T,
    init: Partial<ElementByType[T]> & { x: number; y: number },
  ): string | null {
    if (!this.canEdit) return null;
    let id = '';
    this.transact(() => {
      id = addElement(this.doc, type, init, { author: this.options.user.id });
    });
    this.undoManager.stopCapturing();
    return id;
  }

  update<T extends ElementType>(id: string, patch: ElementPatch<T>): void {
    const el = this.get(id);
    if (!el || !this.canChange(el)) return;
    this.transact(() => updateElement(this.doc, id, patch));
  }

  remove(ids: Iterable<string>): void {
    const removable = [...ids].filter((id) => {
      const el = this.get(id);
      return el && this.canChange(el);
    });
    if (!removable.length) return;
    // Connectors attached to a removed element go with it.
    const gone = new Set(removable);
    for (const el of this.state.elements.values()) {
      if (el.type === 'connector' && (gone.has(el.from) || gone.has(el.to))) gone.add(el.id);
    }
    this.transact(() => deleteElements(this.doc, gone));
    this.undoManager.stopCapturing();
    this.select([]);
  }

  /** The element as the store holds it, or straight from the doc when it was just written. */
  get(id: string): Element | undefined {
    return this.state.elements.get(id) ?? readElement(this.doc, id) ?? undefined;
  }

  // ---- selection ----------------------------------------------------------------------------

  select(ids: Iterable<string>, mode: 'replace' | 'toggle' | 'add' = 'replace'): void {
    const next = mode === 'replace' ? new Set<string>() : new Set(this.state.selection);
    for (const id of ids) {
      if (mode === 'toggle' && next.has(id)) next.delete(id);
      else next.add(id);
    }
    this.store.setState({ selection: next, contextMenu: null });
    this.presence.setSelection([...next]);
  }

  selectAll(): void {
    this.select(
      this.state.order.filter((id) => {
        const el = this.get(id);
        return el && !el.templateId && this.isVisible(el);
      }),
    );
  }

  /** Ids whose bounds lie inside `rect` (marquee); template frames only if fully inside. */
  idsInRect(rect: Rect): string[] {
    return this.index.search(rect).filter((id) => {
      const el = this.get(id);
      return el && this.isVisible(el) && contains(rect, boundsOf(el));
    });
  }

  /** Whether this person may see the element (silent brainstorm hides others' new stickies). */
  isVisible(el: Element): boolean {
    const round = this.state.hiddenSilentRound;
    return !(
      round &&
      el.type === 'sticky' &&
      el.silentRound === round &&
      el.author !== this.options.user.id
    );
  }

  /**
   * Topmost element at a world point. Lines have a generous hit stroke (HIT_STROKE screen px)
   * and win over frames beneath them; an element a line is attached to wins over that line
   * (the line ends at its edge). `lines: false` looks past lines (where a new line starts or ends);
   * `stroke` widens the hit stroke (a finger is wider than a mouse pointer: TOUCH_STROKE).
   */
  hitTest(p: Point, options: { lines?: boolean; stroke?: number } = {}): string | null {
    const ids = this.index.search({ x: p.x - 4, y: p.y - 4, w: 8, h: 8 });
    let best: Element | null = null;
    for (const id of ids) {
      const el = this.get(id);
      if (!el || !this.isVisible(el) || el.type === 'connector') continue;
      if (!pointIn(boundsOf(el), p)) continue;
      if (
        !best ||
        (best.type === 'frame' && el.type !== 'frame') ||
        (best.type === el.type && el.z > best.z) ||
        (best.type !== 'frame' && el.type !== 'frame' && el.z > best.z)
      )
        best = el;
    }
    if (options.lines === false) return best?.id ?? null;
    const tolerance = (options.stroke ?? HIT_STROKE) / this.state.camera.zoom;
    let line: ConnectorElement | null = null;
    for (const id of this.connectorIds()) {
      const el = this.state.elements.get(id);
      if (el?.type !== 'connector' || !this.isVisible(el)) continue;
      if ((line && el.z < line.z) || !onConnector(el, this.resolve, p, tolerance)) continue;
      line = el;
    }
    if (!line) return best?.id ?? null;
    if (!best || best.type === 'frame') return line.id;
    if (best.id === line.from || best.id === line.to) return best.id;
    return line.z > best.z ? line.id : best.id;
  }

  /** Live bounds of an element (its drag position while someone drags it). */
  readonly resolve = (id: string): Rect | null => {
    const el = this.state.elements.get(id);
    if (!el) return null;
    const p = this.livePosition(el);
    return { x: p.x, y: p.y, w: el.w, h: el.h };
  };

  // ---- dragging: live positions by awareness, the doc written once on drop -------------------

  /** Elements that move along with `ids`: a frame's contents (centre inside the frame). */
  withContents(ids: string[]): string[] {
    const out = new Set(ids);
    for (const id of ids) {
      const el = this.get(id);
      if (el?.type !== 'frame') continue;
      const frame = boundsOf(el);
      for (const inner of this.index.search(frame)) {
        const other = this.get(inner);
        if (!other || other.type === 'connector' || inner === id) continue;
        if (other.type === 'frame' && !contains(frame, boundsOf(other))) continue;
        if (pointIn(frame, centre(boundsOf(other)))) out.add(inner);
      }
    }
    return [...out];
  }

  beginDrag(ids: string[], at: Point): boolean {
    const movable = this.withContents(ids).filter((id) => {
      const el = this.get(id);
      return el && el.type !== 'connector' && this.canChange(el);
    });
    if (!movable.length) return false;
    const origins = new Map<string, Point>();
    for (const id of movable) {
      const el = this.get(id);
      if (el) origins.set(id, { x: el.x, y: el.y });
    }
    this.drag = { ids: movable, start: at, origins };
    return true;
  }

  dragTo(at: Point): void {
    if (!this.drag) return;
    let dx = at.x - this.drag.start.x;
    let dy = at.y - this.drag.start.y;
    if (this.state.snapToGrid) {
      const first = this.drag.origins.get(this.drag.ids[0] ?? '');
      if (first) {
        dx = snap(first.x + dx, GRID) - first.x;
        dy = snap(first.y + dy, GRID) - first.y;
      }
    }
    const preview = new Map<string, Point>();
    for (const [id, o] of this.drag.origins) preview.set(id, { x: o.x + dx, y: o.y + dy });
    this.store.setState({ dragPreview: preview });
    this.presence.setDrag(Object.fromEntries(preview));
  }

  endDrag(commit = true): void {
    const preview = this.state.dragPreview;
    const drag = this.drag;
    this.drag = null;
    if (commit && drag && preview) {
      const moves = [...preview].map(([id, p]) => ({ id, x: p.x, y: p.y }));
      const changed = moves.some((m) => {
        const o = drag.origins.get(m.id);
        return o && (o.x !== m.x || o.y !== m.y);
      });
      if (changed) {
        this.transact(() => moveElements(this.doc, moves));
        this.undoManager.stopCapturing();
      }
    }
    // Keep drawing the preview until the store holds the committed positions.
    const clear = () => this.store.setState({ dragPreview: null });
    if (this.options.schedule) this.options.schedule(clear);
    else if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => requestAnimationFrame(clear));
    else clear();
    this.presence.setDrag(null);
  }

  get dragging(): boolean {
    return this.drag !== null;
  }

  /** Moves by keyboard (arrow keys). */
  nudge(ids: Iterable<string>, dx: number, dy: number): void {
    const moves: Array<{ id: string; x: number; y: number }> = [];
    for (const id of this.withContents([...ids])) {
      const el = this.get(id);
      if (el && el.type !== 'connector' && this.canChange(el))
        moves.push({ id, x: el.x + dx, y: el.y + dy });
    }
    if (moves.length) this.transact(() => moveElements(this.doc, moves));
  }

  /** Moves elements to positions (outline view, keyboard): one undoable step, lanes followed. */
  moveTo(moves: ReadonlyArray<{ id: string; x: number; y: number }>): void {
    const allowed = moves.filter((m) => {
      const el = this.get(m.id);
      return el && el.type !== 'connector' && this.canChange(el);
    });
    if (!allowed.length) return;
    this.transact(() => moveElements(this.doc, allowed));
    this.undoManager.stopCapturing();
  }

  resize(id: string, rect: Rect): void {
    const r = this.state.snapToGrid
      ? {
          x: snap(rect.x, GRID),
          y: snap(rect.y, GRID),
          w: Math.max(GRID, snap(rect.w, GRID)),
          h: Math.max(GRID, snap(rect.h, GRID)),
        }
      : rect;
    this.update(id, { x: r.x, y: r.y, w: Math.max(20, r.w), h: Math.max(20, r.h) });
    this.undoManager.stopCapturing();
  }

  // ---- z-order ------------------------------------------------------------------------------

  bringToFront(ids: Iterable<string>): void {
    this.transact(() => {
      for (const id of ids) if (this.get(id)) updateElement(this.doc, id, { z: topZ(this.doc) });
    });
  }

  sendToBack(ids: Iterable<string>): void {
    this.transact(() => {
      for (const id of [...ids].reverse())
        if (this.get(id)) updateElement(this.doc, id, { z: bottomZ(this.doc) });
    });
  }

  /** One step up (or down) past the next overlapping element. */
  shift(ids: Iterable<string>, direction: 1 | -1): void {
    const order = this.state.order;
    this.transact(() => {
      for (const id of ids) {
        const el = this.get(id);
        if (!el || !this.canChange(el)) continue;
        const i = order.indexOf(id);
        const overlapping = (other: string) => {
          const o = this.get(other);
          return o && o.type !== 'frame' && intersects(boundsOf(o), boundsOf(el));
        };
        let j = i + direction;
        while (j >= 0 && j < order.length && !overlapping(order[j] ?? '')) j += direction;
        const past = this.get(order[j] ?? '');
        if (!past) continue;
        const beyond = this.get(order[j + direction] ?? '');
        const lo = direction === 1 ? past.z : (beyond?.z ?? null);
        const hi = direction === 1 ? (beyond?.z ?? null) : past.z;
        updateElement(this.doc, id, { z: zBetween(lo, hi) });
      }
    });
  }

  // ---- clipboard ----------------------------------------------------------------------------

  copy(ids: Iterable<string> = this.state.selection): ClipboardPayload {
    const set = new Set(this.withContents([...ids]));
    // Connectors between copied elements come along.
    for (const el of this.state.elements.values())
      if (el.type === 'connector' && set.has(el.from) && set.has(el.to)) set.add(el.id);
    const elements = [...set].map((id) => this.get(id)).filter((e): e is Element => !!e);
    return { werkbank: 1, elements };
  }

  /**
   * Pastes centred at `at` (default: where the person is looking, `focusPoint`), keeping the
   * group's layout, re-linking connectors; selects the copies.
   */
  paste(payload: ClipboardPayload, at: Point = this.focusPoint()): string[] {
    if (!this.canEdit || !payload.elements.length) return [];
    const box = union(payload.elements.filter((e) => e.type !== 'connector').map(boundsOf)) ?? {
      x: 0,
      y: 0,
      w: 0,
      h: 0,
    };
    const dx = Math.round(at.x - (box.x + box.w / 2));
    const dy = Math.round(at.y - (box.y + box.h / 2));
    const ids = new Map<string, string>();
    const created: string[] = [];
    this.transact(() => {
      const sorted = [...payload.elements].sort(
        (a, b) =>
          (a.type === 'connector' ? 1 : 0) - (b.type === 'connector' ? 1 : 0) ||
          (a.z < b.z ? -1 : 1),
      );
      for (const el of sorted) {
        // Through the element's module: fresh, empty votes/answers, no template mark.
        const copy = cloneElement(el);
        copy.x += dx;
        copy.y += dy;
        if (copy.type === 'connector') {
          copy.x2 = el.type === 'connector' ? el.x2 + dx : copy.x2;
          copy.y2 = el.type === 'connector' ? el.y2 + dy : copy.y2;
          copy.from = ids.get(copy.from) ?? '';
          copy.to = ids.get(copy.to) ?? '';
        }
        const id = insertElement(this.doc, copy, { author: this.options.user.id });
        ids.set(el.id, id);
        created.push(id);
      }
    });
    this.undoManager.stopCapturing();
    this.select(created);
    return created;
  }

  /** A copy just beside the original when that is in view, else where the person is looking. */
  duplicate(ids: Iterable<string> = this.state.selection): string[] {
    const payload = this.copy(ids);
    const box = union(payload.elements.filter((e) => e.type !== 'connector').map(boundsOf));
    if (!box) return [];
    const beside = { ...box, x: box.x + DUPLICATE_OFFSET, y: box.y + DUPLICATE_OFFSET };
    // The view less its edges and the toolbar floating over its foot (screen px).
    const z = this.state.camera.zoom;
    const v = viewRect(this.state.camera, this.state.viewport);
    const view = { x: v.x + 16 / z, y: v.y + 16 / z, w: v.w - 32 / z, h: v.h - 112 / z };
    return this.paste(payload, contains(view, beside) ? centre(beside) : this.focusPoint());
  }

  /** Where the pointer is over the canvas (world), null when it is elsewhere. */
  pointer: Point | null = null;

  /** Where the person is looking: the pointer when it is over the canvas, else the view's centre. */
  focusPoint(): Point {
    return this.pointer ?? centre(viewRect(this.state.camera, this.state.viewport));
  }

  // ---- align --------------------------------------------------------------------------------

  align(
    ids: Iterable<string>,
    how: 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom',
  ): void {
    const els = [...ids]
      .map((id) => this.get(id))
      .filter((e): e is Element => !!e && e.type !== 'connector' && this.canChange(e));
    const box = union(els.map(boundsOf));
    if (!box || els.length < 2) return;
    const moves = els.map((e) => {
      const x =
        how === 'left'
          ? box.x
          : how === 'right'
            ? box.x + box.w - e.w
            : how === 'centre'
              ? box.x + box.w / 2 - e.w / 2
              : e.x;
      const y =
        how === 'top'
          ? box.y
          : how === 'bottom'
            ? box.y + box.h - e.h
            : how === 'middle'
              ? box.y + box.h / 2 - e.h / 2
              : e.y;
      return { id: e.id, x, y };
    });
    this.transact(() => moveElements(this.doc, moves));
  }

  // ---- undo ---------------------------------------------------------------------------------

  undo(): void {
    if (this.canEdit) this.undoManager.undo();
  }

  redo(): void {
    if (this.canEdit) this.undoManager.redo();
  }

  // ---- tools, editing -----------------------------------------------------------------------

  setTool(tool: ToolId): void {
    if (!this.canEdit && tool !== 'select' && tool !== 'hand') return;
    this.store.setState({ tool, pendingConnector: null });
  }

  startEditing(id: string): void {
    const el = this.get(id);
    if (!el || !this.canChange(el)) return;
    this.store.setState({ editingId: id, selection: new Set([id]) });
    this.presence.setEditing(id);
  }

  stopEditing(): void {
    if (!this.state.editingId) return;
    this.store.setState({ editingId: null });
    this.presence.setEditing(null);
    this.undoManager.stopCapturing();
  }

  /** The text an element shows and edits (sticky/text/shape text, frame title, block label, connector label). */
  setText(id: string, value: string): void {
    const el = this.get(id);
    if (!el) return;
    const key =
      el.type === 'frame'
        ? 'title'
        : el.type === 'block'
          ? 'label'
          : el.type === 'connector'
            ? 'label'
            : 'text';
    if (el.type === 'text') {
      // A text box grows with its text: wider up to a maximum, then taller (fit-text.ts).
      const size = textBoxSize(value, el.fontSize, el.w);
      this.update(id, { text: value, w: size.w, h: size.h });
      return;
    }
    this.update(id, { [key]: value } as ElementPatch);
  }

  /**
   * Places a building block of `kind` at the centre of the view, or the nearest free spot
   * around it (inside the frame the centre lies in, if any), and selects it.
   */
  placeBlock(
    kind: string,
    at: Point = centre(viewRect(this.state.camera, this.state.viewport)),
  ): string | null {
    const k = blockKind(kind);
    if (!k || !this.canEdit) return null;
    const { w, h } = k.size;
    const x0 = Math.round(at.x - w / 2);
    const y0 = Math.round(at.y - h / 2);
    // Inside the frame the view's centre lies in; where that frame is full (an info frame of
    // text), the nearest free spot in view; on top of something only when the view is full.
    const frame = this.hitFrame(at);
    // The view less its edges and the toolbar floating over its foot (screen px).
    const z = this.state.camera.zoom;
    const v = viewRect(this.state.camera, this.state.viewport);
    const view = { x: v.x + 16 / z, y: v.y + 16 / z, w: v.w - 32 / z, h: v.h - 112 / z };
    const inView =
      (frame && this.freeSpotNear(x0, y0, w, h, boundsOf(frame))) ??
      this.freeSpotNear(x0, y0, w, h, view);
    // A full view (a phone over a packed frame): the nearest free spot beyond it, brought into view.
    const spot = inView ?? this.freeSpotNear(x0, y0, w, h, null) ?? { x: x0, y: y0 };
    if (!inView) {
      const c = this.state.camera;
      this.setCamera({
        ...c,
        x: Math.round(spot.x + w / 2 - v.w / 2),
        y: Math.round(spot.y + h / 2 - v.h / 2),
      });
    }
    const id = this.add('block', { ...spot, w, h, kind });
    if (id) this.select([id]);
    return id;
  }

  /**
   * The nearest spot to (x0, y0) where a w×h box covers no element: a 24-unit grid over three
   * block sizes around it (within `within`, if given), nearest first.
   */
  private freeSpotNear(x0: number, y0: number, w: number, h: number, within: Rect | null) {
    const free = (x: number, y: number) => {
      const box = { x, y, w, h };
      if (within && !contains(within, box)) return false;
      return this.index.search(box).every((id) => {
        const el = this.get(id);
        return !el || el.type === 'frame' || el.type === 'connector' || !this.isVisible(el);
      });
    };
    if (free(x0, y0)) return { x: x0, y: y0 };
    const step = 24;
    const reach = { x: x0 - 3 * w, y: y0 - 3 * h, w: 7 * w, h: 7 * h };
    const left = Math.max(reach.x, within?.x ?? -Infinity);
    const top = Math.max(reach.y, within?.y ?? -Infinity);
    const right = Math.min(reach.x + reach.w, within ? within.x + within.w : Infinity) - w;
    const bottom = Math.min(reach.y + reach.h, within ? within.y + within.h : Infinity) - h;
    const spots: Point[] = [];
    for (let x = left; x <= right; x += step)
      for (let y = top; y <= bottom; y += step) spots.push({ x: Math.round(x), y: Math.round(y) });
    spots.sort((a, b) => Math.hypot(a.x - x0, a.y - y0) - Math.hypot(b.x - x0, b.y - y0));
    return spots.find((p) => free(p.x, p.y)) ?? null;
  }

  /** The topmost frame containing `p`, if any. */
  private hitFrame(p: Point): Element | null {
    let best: Element | null = null;
    for (const id of this.index.search({ x: p.x, y: p.y, w: 1, h: 1 })) {
      const el = this.get(id);
      if (el?.type === 'frame' && pointIn(boundsOf(el), p) && (!best || el.z > best.z)) best = el;
    }
    return best;
  }

  /** Changes a bridge's label, flow, value type (undefined: none) or direction, as one undo step. */
  setBridge(id: string, patch: ElementPatch<'connector'>): void {
    const el = this.get(id);
    if (el?.type !== 'connector') return;
    this.update(id, patch);
    this.undoManager.stopCapturing();
  }

  // ---- camera -------------------------------------------------------------------------------

  setViewport(w: number, h: number): void {
    const v = this.state.viewport;
    if (v.w !== w || v.h !== h) this.store.setState({ viewport: { w, h } });
  }

  setCamera(camera: Camera): void {
    this.store.setState({ camera: { ...camera, zoom: clampZoom(camera.zoom) } });
    this.presence.setViewport(camera);
  }

  panBy(dxScreen: number, dyScreen: number): void {
    const c = this.state.camera;
    this.setCamera({ ...c, x: c.x + dxScreen / c.zoom, y: c.y + dyScreen / c.zoom });
  }

  zoomAt(screen: Point, factor: number): void {
    this.setCamera(zoomAround(this.state.camera, screen, factor));
  }

  zoomBy(factor: number): void {
    const v = this.state.viewport;
    this.zoomAt({ x: v.w / 2, y: v.h / 2 }, factor);
  }

  /** Bounds of everything this person may see (hidden notes neither widen nor show it). */
  contentBounds(): Rect | null {
    return union(
      [...this.state.elements.values()]
        .filter((e) => e.type !== 'connector' && this.isVisible(e))
        .map(boundsOf),
    );
  }

  zoomToFit(): void {
    const bounds = this.contentBounds();
    if (bounds) this.setCamera(fitCamera(bounds, this.state.viewport));
  }

  zoomToSelection(): void {
    const bounds = union(
      [...this.state.selection]
        .map((id) => this.get(id))
        .filter((e): e is Element => !!e)
        .map(boundsOf),
    );
    if (bounds) this.setCamera(fitCamera(bounds, this.state.viewport, 64, 2));
  }

  /** Centres a frame (the facilitator moving the room to an activity's frame). */
  centreOn(id: string): void {
    const el = this.get(id);
    if (el) this.setCamera(fitCamera(boundsOf(el), this.state.viewport, 48, 1));
  }

  /**
   * Element ids inside the view of `camera` plus `margin` screen px on each side, bottom first
   * (what the canvas draws).
   */
  visibleIds(margin = 200, camera: Camera = this.state.camera): string[] {
    const s = this.state;
    const view = viewRect(camera, s.viewport);
    const rect = {
      x: view.x - margin / camera.zoom,
      y: view.y - margin / camera.zoom,
      w: view.w + (2 * margin) / camera.zoom,
      h: view.h + (2 * margin) / camera.zoom,
    };
    const hits = new Set(this.index.search(rect));
    // Connectors are drawn when either end is visible, wherever their stored ends lie.
    for (const id of this.connectorIds()) {
      const el = s.elements.get(id);
      if (el?.type === 'connector' && (hits.has(el.from) || hits.has(el.to))) hits.add(id);
    }
    // Elements being dragged are drawn at their live position even if their old one is off screen.
    for (const id of s.dragPreview?.keys() ?? []) hits.add(id);
    for (const peer of s.peers) for (const id of Object.keys(peer.drag ?? {})) hits.add(id);
    const keep = (id: string) => {
      const el = s.elements.get(id);
      return !!el && this.isVisible(el);
    };
    // Zoomed out, most of the board is in view: one pass over the z-order is cheapest.
    if (hits.size * 4 > s.order.length) return s.order.filter((id) => hits.has(id) && keep(id));
    // Otherwise sort the few hits by z instead of walking the whole board every frame.
    const rank = this.rankOf();
    const out: string[] = [];
    for (const id of hits) if (keep(id)) out.push(id);
    return out.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  }

  private rankCache: { order: readonly string[]; rank: Map<string, number> } | null = null;
  private connectorCache: { elements: ReadonlyMap<string, Element>; ids: string[] } | null = null;

  /** Position of each id in the z-order, recomputed only when the order changes. */
  private rankOf(): Map<string, number> {
    const order = this.state.order;
    if (this.rankCache?.order !== order)
      this.rankCache = { order, rank: new Map(order.map((id, i) => [id, i])) };
    return this.rankCache.rank;
  }

  /** Ids of all connectors, recomputed only when the elements change. */
  private connectorIds(): string[] {
    const elements = this.state.elements;
    if (this.connectorCache?.elements !== elements) {
      const ids: string[] = [];
      for (const el of elements.values()) if (el.type === 'connector') ids.push(el.id);
      this.connectorCache = { elements, ids };
    }
    return this.connectorCache.ids;
  }

  /** Where an element is drawn right now: its live drag position (own or a peer's) or its stored one. */
  livePosition(el: Element): Point {
    const own = this.state.dragPreview?.get(el.id);
    if (own) return own;
    for (const peer of this.state.peers) {
      const p = peer.drag?.[el.id];
      if (p) return p;
    }
    return { x: el.x, y: el.y };
  }

  marquee(from: Point | null, to?: Point): void {
    this.store.setState({ marquee: from && to ? normaliseRect(from, to) : null });
  }
}

/** A fractional-index key strictly between two keys (either may be null). */
function zBetween(lo: string | null, hi: string | null): string {
  try {
    return generateKeyBetween(lo, hi);
  } catch {
    return generateKeyBetween(lo, null);
  }
}

export function createBoard(doc: Y.Doc, awareness: Awareness, options: BoardOptions): Board {
  return new Board(doc, awareness, options);
}
