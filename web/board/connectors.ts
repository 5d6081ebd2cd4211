/**
 * Where a connector lies: its two ends (attached ends on the edge of what they join, facing each
 * other) and whether a point is on it. The renderer, the engine's hit-test, the text editor and
 * the bridge inspector all place it by these, so what is drawn is what is clicked.
 */
import type { ConnectorElement } from '../../workshops';
import type { Point, Rect } from './geometry';
import { centre, edgePoint } from './geometry';

/** Live bounds of an element by id (its drag position while dragged), or null. */
export type Resolve = (id: string) => Rect | null;

export function connectorEnds(el: ConnectorElement, resolve: Resolve): [Point, Point] {
  const from = el.from ? resolve(el.from) : null;
  const to = el.to ? resolve(el.to) : null;
  const a0 = from ? centre(from) : { x: el.x, y: el.y };
  const b0 = to ? centre(to) : { x: el.x2, y: el.y2 };
  return [from ? edgePoint(from, b0) : a0, to ? edgePoint(to, a0) : b0];
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Distance from `p` to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Half the size of the label drawn on a connector's middle (world units), for hit-testing. */
export const LABEL_HIT = { w: 90, h: 24 };

/**
 * Whether `p` is on the connector: within `tolerance` of its line (a generous hit stroke), or on
 * the label in its middle.
 */
export function onConnector(
  el: ConnectorElement,
  resolve: Resolve,
  p: Point,
  tolerance: number,
): boolean {
  const [a, b] = connectorEnds(el, resolve);
  if (distanceToSegment(p, a, b) <= tolerance) return true;
  if (!el.label && !el.flow && !el.value) return false;
  const m = midpoint(a, b);
  return Math.abs(p.x - m.x) <= LABEL_HIT.w && Math.abs(p.y - m.y) <= LABEL_HIT.h;
}
