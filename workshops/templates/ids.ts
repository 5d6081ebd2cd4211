/**
 * Ids of template elements. They are deterministic (`tpl-<stage>-<key>`), so seeding the same
 * board twice, even in two replicas that later merge, writes the same keys and converges instead
 * of duplicating; and agenda activities can point at a frame before the board exists. Random
 * element ids (`Ids`, workshops/env.ts) never contain a dash, so the two can never collide.
 */
import type { Stage } from '../rooms';

export const TEMPLATE_ID_PREFIX = 'tpl-';

/** Element id of a template element. */
export function templateElementId(stage: Stage, key: string): string {
  return `${TEMPLATE_ID_PREFIX}${stage}-${key}`;
}

export function isTemplateElementId(id: string): boolean {
  return id.startsWith(TEMPLATE_ID_PREFIX);
}

/** The frames agenda activities refer to, per stage (keys of `templateElementId`). */
export const STAGE_FRAMES = {
  empathise: ['intro', 'profiles', 'interview'],
  define: ['intro', 'ambitions', 'challenges', 'hmw', 'focus', 'vote'],
  ideate: [
    'intro',
    'challenges',
    'brainstorm',
    'lane-knowledge',
    'lane-chain',
    'lane-ecosystem',
    'lane-unsorted',
  ],
  prototype: ['intro', 'palette', 'design-1', 'ideas', 'steps'],
  test: ['intro', 'canvas', 'feedback', 'rating', 'survey', 'designs'],
} as const satisfies Record<Stage, readonly string[]>;

export type StageFrameKey<S extends Stage> = (typeof STAGE_FRAMES)[S][number];

/** Frame id of a stage's named frame, checked at compile time. */
export function stageFrameId<S extends Stage>(stage: S, key: StageFrameKey<S>): string {
  return templateElementId(stage, key);
}
