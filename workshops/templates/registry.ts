import type { Stage } from '../rooms';
import { DEFINE_TEMPLATE } from './define';
import { EMPATHISE_TEMPLATE } from './empathise';
import { IDEATE_TEMPLATE } from './ideate';
import { PROTOTYPE_TEMPLATE } from './prototype';
import { TEST_TEMPLATE } from './test-stage';
import type { BoardTemplate } from './types';

/** The board template of each stage (current version). */
export const BOARD_TEMPLATES: Readonly<Record<Stage, BoardTemplate>> = {
  empathise: EMPATHISE_TEMPLATE,
  define: DEFINE_TEMPLATE,
  ideate: IDEATE_TEMPLATE,
  prototype: PROTOTYPE_TEMPLATE,
  test: TEST_TEMPLATE,
};

export function boardTemplate(stage: Stage): BoardTemplate {
  return BOARD_TEMPLATES[stage];
}
