import type { Stage } from '../rooms';
import { SESSION_TEMPLATES } from '../sessions/content';
import { FILL, frame, lines, text } from './build';
import type { TemplateItem } from './types';

/**
 * The intro frame every stage board opens with: the session's title, goal, what it builds on
 * and what it produces, from the session data (one source for the agenda and the board).
 */
export function introItems(stage: Stage, w: number, h: number): TemplateItem[] {
  const s = SESSION_TEMPLATES[stage];
  const inner = w - 80;
  return [
    frame('intro', 0, 0, w, h, { nl: 'Over deze sessie', en: 'About this session' }, FILL.intro),
    text('intro-title', 40, 36, inner, 64, s.title, 48),
    text('intro-goal-label', 40, 130, inner, 36, { nl: 'Doel', en: 'Goal' }, 28),
    text('intro-goal', 40, 172, inner, 160, s.goal, 20),
    text('intro-builds-label', 40, 344, inner, 36, { nl: 'Bouwt voort op', en: 'Builds on' }, 28),
    text('intro-builds', 40, 386, inner, 84, s.buildsOn, 20),
    text('intro-produces-label', 40, 482, inner, 36, { nl: 'Levert op', en: 'Produces' }, 28),
    text('intro-produces', 40, 524, inner, 110, s.produces, 20),
    text(
      'intro-agenda',
      40,
      660,
      inner,
      Math.max(60, h - 700),
      lines(
        { nl: 'Programma', en: 'Programme' },
        ...s.activities.map((a, i) => ({
          nl: `${i + 1}. ${a.title.nl} (${a.minutes} min)`,
          en: `${i + 1}. ${a.title.en} (${a.minutes} min)`,
        })),
      ),
      20,
    ),
  ];
}
