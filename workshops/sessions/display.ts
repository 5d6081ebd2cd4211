/**
 * The agenda in each viewer's language. Sessions and activities are stored in the workshop's
 * language (model.ts); a title or instruction that is still the shipped one (content.ts, in
 * either language) is shown in the viewer's; what the facilitator wrote stays as written.
 * `{{votes}}` in a shipped text is the voting round's actual number of votes per person.
 */
import type { Lang } from '../i18n';
import { isStage } from '../rooms';
import { localizeShipped } from '../templates/display';
import { SESSION_TEMPLATES } from './content';
import type { Activity, Session } from './model';

/** The default number of votes per person, until the facilitator starts a round. */
export const DEFAULT_VOTES = 3;

export function fillVotes(text: string, votes: number): string {
  return text.replaceAll('{{votes}}', String(votes));
}

export function displayActivity(
  session: Pick<Session, 'stage'>,
  a: Activity,
  lang: Lang,
  votes = DEFAULT_VOTES,
): Activity {
  const t = session.stage
    ? SESSION_TEMPLATES[session.stage].activities.find((x) => x.id === a.id)
    : undefined;
  if (!t) return { ...a, instructions: fillVotes(a.instructions, votes) };
  return {
    ...a,
    title: localizeShipped(a.title, t.title, lang),
    instructions: fillVotes(localizeShipped(a.instructions, t.instructions, lang), votes),
  };
}

export function displaySession(session: Session, lang: Lang, votes = DEFAULT_VOTES): Session {
  const t = session.stage ? SESSION_TEMPLATES[session.stage] : undefined;
  const activities = session.activities.map((a) => displayActivity(session, a, lang, votes));
  if (!t) return { ...session, activities };
  return {
    ...session,
    title: localizeShipped(session.title, t.title, lang),
    goal: localizeShipped(session.goal, t.goal, lang),
    buildsOn: localizeShipped(session.buildsOn, t.buildsOn, lang),
    activities,
  };
}

/** A board's tab title: a stage board's shipped title in the viewer's language. */
export function displayBoardTitle(
  board: { id: string; title: string; stage?: string },
  lang: Lang,
) {
  const stage = board.stage ?? board.id;
  return isStage(stage)
    ? localizeShipped(board.title, SESSION_TEMPLATES[stage].title, lang)
    : board.title;
}
