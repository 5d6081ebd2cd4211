import type { LocalText } from '../i18n';
import type { Stage } from '../rooms';

/** One timed step of a session's default agenda (shipped content, both languages). */
export interface ActivityTemplate {
  /** Stable within its session (`<stage>-<key>`). */
  id: string;
  title: LocalText;
  minutes: number;
  /** What participants do, shown to them during the activity. */
  instructions: LocalText;
  /** Element id of the board frame where it happens (see `templates/ids.ts`). */
  frameId: string;
}

/** One of the five sessions of the series (DOMAIN.md): shipped content, both languages. */
export interface SessionTemplate {
  stage: Stage;
  /** Board the session works on (the five default boards carry the stage's name). */
  boardId: string;
  title: LocalText;
  goal: LocalText;
  /** What it builds on: the previous session's result. */
  buildsOn: LocalText;
  /** What the session hands to the next one. */
  produces: LocalText;
  /** Session length the facilitator plans for; the default activities add up to it. */
  lengthMinutes: number;
  activities: readonly ActivityTemplate[];
}
