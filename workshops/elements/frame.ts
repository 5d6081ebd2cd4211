import type { CategoryId } from '../categories';
import { isCategoryId } from '../categories';
import type { BaseElement, ElementModule, OwnFields } from './base';
import { cloneElementWith, decodeBase, str } from './base';

export type LaneId = CategoryId | 'unsorted';

/** A named area. Elements whose centre lies inside move with it. */
export interface FrameElement extends BaseElement {
  type: 'frame';
  title: string;
  color: string;
  /** On the ideate board: the category lane this frame is (or the "not yet sorted" lane). */
  lane?: LaneId;
}

/** Titles and labels are short names, set in one go: plain strings, not `sharedText` (base.ts). */
const FIELDS: OwnFields<FrameElement> = { title: 'string', color: 'string', lane: 'string' };

export const frame: ElementModule<FrameElement> = {
  type: 'frame',
  defaultSize: { w: 800, h: 600 },
  create(base, init) {
    const el: FrameElement = {
      ...base,
      type: 'frame',
      title: init.title ?? '',
      color: init.color ?? '#f5f5f5',
    };
    if (init.lane) el.lane = init.lane;
    return el;
  },
  decode(id, raw) {
    const base = decodeBase(id, raw);
    if (!base) return null;
    const el: FrameElement = {
      ...base,
      type: 'frame',
      title: str(raw, 'title', ''),
      color: str(raw, 'color', '#f5f5f5'),
    };
    const lane = raw.lane;
    if (lane === 'unsorted' || isCategoryId(lane)) el.lane = lane;
    return el;
  },
  textOf: (el) => el.title,
  fields: FIELDS,
  clone: (el) => cloneElementWith(el, FIELDS),
};
