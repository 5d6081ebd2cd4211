/**
 * The clipboard: copy (with a frame's contents and the connectors between copied elements),
 * paste (centred where the person looks; copies through each type's `clone`, which moves them
 * and relinks what they refer to, a connector's ends), duplicate. Functions of the engine
 * (board.ts), which keeps their names as its methods.
 */
import type { Element } from '../../workshops';
import { cloneElement, insertElement, layerOf } from '../../workshops';
import type { Board } from './board';
import type { Point } from './geometry';
import { centre, contains, union, viewRect } from './geometry';
import { boundsOf } from './sync-observer';

/** What goes on the clipboard: decoded elements, so a paste works on any board. */
export interface ClipboardPayload {
  werkbank: 1;
  elements: Element[];
}

/** How far a duplicate lands from its original (down and right), world units. */
const DUPLICATE_OFFSET = 24;

export function copy(b: Board, ids: Iterable<string> = b.state.selection): ClipboardPayload {
  const set = new Set(b.withContents([...ids]));
  // Connectors between copied elements come along.
  for (const el of b.state.elements.values())
    if (el.type === 'connector' && set.has(el.from) && set.has(el.to)) set.add(el.id);
  const elements = [...set].map((id) => b.get(id)).filter((e): e is Element => !!e);
  return { werkbank: 1, elements };
}

/**
 * Pastes centred at `at` (default: where the person is looking, `focusPoint`), keeping the
 * group's layout, re-linking connectors; selects the copies.
 */
export function paste(b: Board, payload: ClipboardPayload, at: Point = b.focusPoint()): string[] {
  if (!b.canEdit || !payload.elements.length) return [];
  const box = union(payload.elements.filter((e) => layerOf(e) !== 'line').map(boundsOf)) ?? {
    x: 0,
    y: 0,
    w: 0,
    h: 0,
  };
  const dx = Math.round(at.x - (box.x + box.w / 2));
  const dy = Math.round(at.y - (box.y + box.h / 2));
  const ids = new Map<string, string>();
  const created: string[] = [];
  b.transact(() => {
    const sorted = [...payload.elements].sort(
      (a, b) =>
        (layerOf(a) === 'line' ? 1 : 0) - (layerOf(b) === 'line' ? 1 : 0) || (a.z < b.z ? -1 : 1),
    );
    // What a copy refers to (a connector's ends) is the copy of it, pasted before (lines last).
    const at = { dx, dy, relink: (id: string) => ids.get(id) ?? '' };
    for (const el of sorted) {
      // Through the element's module: fresh, empty votes/answers, no template mark, moved.
      const copy = cloneElement(el, at);
      const id = insertElement(b.doc, copy, { author: b.options.user.id, env: b.options.env });
      ids.set(el.id, id);
      created.push(id);
    }
  });
  b.undoManager.stopCapturing();
  b.select(created);
  return created;
}

/** A copy just beside the original when that is in view, else where the person is looking. */
export function duplicate(b: Board, ids: Iterable<string> = b.state.selection): string[] {
  const payload = b.copy(ids);
  const box = union(payload.elements.filter((e) => layerOf(e) !== 'line').map(boundsOf));
  if (!box) return [];
  const beside = { ...box, x: box.x + DUPLICATE_OFFSET, y: box.y + DUPLICATE_OFFSET };
  const view = viewRect(b.state.camera, b.state.viewport);
  return b.paste(payload, contains(view, beside) ? centre(beside) : b.focusPoint());
}
