/**
 * The board engine: a plain object with no React in it (cf. tldraw's Editor). It owns the
 * zustand store (view state), writes the Y.Doc only through workshops/ accessors under a local
 * transaction origin (so `Y.UndoManager` undoes only this person's work), and keeps presence in
 * awareness. The canvas renders what the store holds and calls these methods.
 *
 * The class composes its concerns, each in its own file: the camera and culling
 * (board-camera.ts), selection and drag (board-selection.ts), z-order and aligning
 * (board-arrange.ts), the clipboard (board-clipboard.ts). Its methods keep their names, so
 * callers use one object; here stay the store, permissions, writing, tools and text editing.
 */
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type {
  CoreEnv,
  Element,
  ElementByType,
  ElementPatch,
  ElementType,
  Role,
} from '../../workshops';
import {
  addElement,
  blockKind,
  layerOf,
  decodeElement,
  deleteElements,
  editText,
  elementsMap,
  rawOf,
  readElement,
  textFieldOf,
  updateElement,
} from '../../workshops';
import type { Camera, Point, Rect } from './geometry';
import { centre, contains, pointIn, viewRect } from './geometry';
import { PresenceSync } from './presence';
import type { Snapshot } from './sync-observer';
import { ElementIndex, boundsOf, observeElements, readSnapshot, sortOrder } from './sync-observer';
import type { BoardState, BoardUser, ReadOnlyReason, ToolId } from './types';
import * as boardArrange from './board-arrange';
import * as boardCamera from './board-camera';
import type { ClipboardPayload } from './board-clipboard';
import * as boardClipboard from './board-clipboard';
import type { DragState } from './board-selection';
import * as boardSelection from './board-selection';

export interface BoardOptions {
  user: BoardUser;
  role: Role;
  readOnly?: { reason: ReadOnlyReason };
  /** How doc changes are batched into the store (default: one per animation frame). */
  schedule?: (fn: () => void) => void;
  /** Ids and times of the elements this person adds (web/app/env.ts; tests: a fixed one). */
  env: CoreEnv;
  /**
   * The size an element takes for a new text, when its view resizes it (a text box grows with its
   * text): `fitText` of the view registry (web/board/elements/index.ts). Passed in, so the engine
   * knows no view and its import graph holds no React or Konva.
   */
  fitText?: TextFit;
}

/** The size an element takes to show `text`, or null when its size does not follow its text. */
export type TextFit = (el: Element, text: string) => { w: number; h: number } | null;

export type { ClipboardPayload } from './board-clipboard';
export { HIT_STROKE, TOUCH_STROKE } from './board-selection';

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
  /** The drag under way (board-selection.ts: beginDrag … endDrag). */
  dragState: DragState | null = null;

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
      preview: false,
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

  /**
   * Draws elements sent ahead of the document (the board's snapshot, web/sync/board-snapshot.ts)
   * while the document has none yet; read-only until the document's first content or
   * `endPreview` replaces them. Returns whether they were taken.
   */
  showPreview(elements: readonly Element[]): boolean {
    if (this.state.elements.size > 0 || elementsMap(this.doc).size > 0) return false;
    const map = new Map(elements.map((el) => [el.id, el]));
    this.index.load(map.values());
    this.store.setState((s) => ({
      elements: map,
      order: sortOrder(map),
      version: s.version + 1,
      preview: true,
    }));
    return true;
  }

  /** The document has synced: what the preview showed gives way to what the document holds. */
  endPreview(): void {
    if (this.state.preview) this.reload();
  }

  /** The store rebuilt from the whole document. */
  private reload(): void {
    const snapshot = readSnapshot(this.doc, this.index);
    const s = this.state;
    this.store.setState({
      elements: snapshot.elements,
      order: snapshot.order,
      version: s.version + 1,
      preview: false,
      selection: new Set([...s.selection].filter((id) => snapshot.elements.has(id))),
      editingId: null,
    });
  }

  private applyChanges(ids: Set<string>): void {
    if (this.state.preview) return this.reload();
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
    return this.state.readOnly === null && !this.state.preview;
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
    if (reason) this.dragState = null;
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
      id = addElement(this.doc, type, init, {
        author: this.options.user.id,
        env: this.options.env,
      });
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
    boardSelection.select(this, ids, mode);
  }

  selectAll(): void {
    boardSelection.selectAll(this);
  }

  /** Ids whose bounds lie inside `rect` (marquee); template frames only if fully inside. */
  idsInRect(rect: Rect): string[] {
    return boardSelection.idsInRect(this, rect);
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
    return boardSelection.hitTest(this, p, options);
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
    return boardSelection.withContents(this, ids);
  }

  beginDrag(ids: string[], at: Point): boolean {
    return boardSelection.beginDrag(this, ids, at);
  }

  dragTo(at: Point): void {
    boardSelection.dragTo(this, at);
  }

  endDrag(commit = true): void {
    boardSelection.endDrag(this, commit);
  }

  get dragging(): boolean {
    return this.dragState !== null;
  }

  /** Moves by keyboard (arrow keys). */
  nudge(ids: Iterable<string>, dx: number, dy: number): void {
    boardSelection.nudge(this, ids, dx, dy);
  }

  /** Moves elements to positions (outline view, keyboard): one undoable step, lanes followed. */
  moveTo(moves: ReadonlyArray<{ id: string; x: number; y: number }>): void {
    boardSelection.moveTo(this, moves);
  }

  resize(id: string, rect: Rect): void {
    boardSelection.resize(this, id, rect);
  }

  // ---- z-order ------------------------------------------------------------------------------

  bringToFront(ids: Iterable<string>): void {
    boardArrange.bringToFront(this, ids);
  }

  sendToBack(ids: Iterable<string>): void {
    boardArrange.sendToBack(this, ids);
  }

  /** One step up (or down) past the next overlapping element. */
  shift(ids: Iterable<string>, direction: 1 | -1): void {
    boardArrange.shift(this, ids, direction);
  }

  // ---- clipboard ----------------------------------------------------------------------------

  copy(ids: Iterable<string> = this.state.selection): ClipboardPayload {
    return boardClipboard.copy(this, ids);
  }

  /**
   * Pastes centred at `at` (default: where the person is looking, `focusPoint`), keeping the
   * group's layout, re-linking connectors; selects the copies.
   */
  paste(payload: ClipboardPayload, at: Point = this.focusPoint()): string[] {
    return boardClipboard.paste(this, payload, at);
  }

  /** A copy just beside the original when that is in view, else where the person is looking. */
  duplicate(ids: Iterable<string> = this.state.selection): string[] {
    return boardClipboard.duplicate(this, ids);
  }

  /** Where the pointer is over the canvas (world), null when it is elsewhere. */
  pointer: Point | null = null;

  /** Where the person is looking: the pointer when it is over the canvas, else the view's centre. */
  focusPoint(): Point {
    return boardCamera.focusPoint(this);
  }

  // ---- align --------------------------------------------------------------------------------

  align(
    ids: Iterable<string>,
    how: 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom',
  ): void {
    boardArrange.align(this, ids, how);
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
    if (!el || textFieldOf(el) === null || !this.canChange(el)) return;
    this.store.setState({ editingId: id, selection: new Set([id]) });
    this.presence.setEditing(id);
  }

  stopEditing(): void {
    if (!this.state.editingId) return;
    this.store.setState({ editingId: null });
    this.presence.setEditing(null);
    this.undoManager.stopCapturing();
  }

  /**
   * The text an element shows and edits: its module's `textField` (a note's text, a frame's
   * title, a block's label …). A note's text changes by the smallest edit of its Y.Text, relative
   * to `base` (the text the editor showed when the edit was made): what someone else typed
   * meanwhile stays (workshops/board/shared-text.ts). Its view may resize it to the new text
   * (`options.fitText`: a text box grows with its text).
   */
  setText(id: string, value: string, base?: string): void {
    const el = this.get(id);
    const key = el ? textFieldOf(el) : null;
    if (!el || key === null || !this.canChange(el)) return;
    this.transact(() => {
      const text = editText(this.doc, id, key, value, base);
      const size = text === null ? null : (this.options.fitText?.(el, text) ?? null);
      if (size) updateElement(this.doc, id, { w: size.w, h: size.h });
    });
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
        return !el || layerOf(el) !== 'item' || !this.isVisible(el);
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
      if (el && layerOf(el) === 'area' && pointIn(boundsOf(el), p) && (!best || el.z > best.z))
        best = el;
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
    boardCamera.setViewport(this, w, h);
  }

  setCamera(camera: Camera): void {
    boardCamera.setCamera(this, camera);
  }

  panBy(dxScreen: number, dyScreen: number): void {
    boardCamera.panBy(this, dxScreen, dyScreen);
  }

  zoomAt(screen: Point, factor: number): void {
    boardCamera.zoomAt(this, screen, factor);
  }

  zoomBy(factor: number): void {
    boardCamera.zoomBy(this, factor);
  }

  /** Bounds of everything this person may see (hidden notes neither widen nor show it). */
  contentBounds(): Rect | null {
    return boardCamera.contentBounds(this);
  }

  zoomToFit(): void {
    boardCamera.zoomToFit(this);
  }

  zoomToSelection(): void {
    boardCamera.zoomToSelection(this);
  }

  /** Centres a frame (the facilitator moving the room to an activity's frame). */
  centreOn(id: string): void {
    boardCamera.centreOn(this, id);
  }

  /**
   * Element ids inside the view of `camera` plus `margin` screen px on each side, bottom first
   * (what the canvas draws).
   */
  visibleIds(margin = 200, camera: Camera = this.state.camera): string[] {
    return boardCamera.visibleIds(this, margin, camera);
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
    boardSelection.marquee(this, from, to);
  }
}

export function createBoard(doc: Y.Doc, awareness: Awareness, options: BoardOptions): Board {
  return new Board(doc, awareness, options);
}
