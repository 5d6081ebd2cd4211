/**
 * Forgetting a participant (workshops/report/privacy.ts, done by the facilitator's client) must
 * also reach what the server stores: a Yjs document keeps the content it replaced or deleted in
 * its update history, so the stored updates of the workshop would still hold the forgotten name,
 * their answers and (when removed) their notes. When a roster entry becomes `forgotten`, every
 * room of that workshop is flushed and its stored updates rewritten without deleted content
 * (`DocStore.compact`, which garbage-collects), once the facilitator's board changes are in too.
 */
import * as Y from 'yjs';
import { readBoards, roomName, rosterMap } from '../../workshops';
import type { Logger } from '../log';
import type { DocStore } from '../store/docs';
import type { Room } from './room';

/** How long after the roster says "forgotten" the rooms are rewritten: the board edits follow. */
export const PURGE_DELAY_MS = 2_000;

/** Calls `then` whenever a roster entry of this control doc becomes forgotten. */
export function onForgotten(doc: Y.Doc, then: () => void): () => void {
  const roster = rosterMap(doc);
  const handler = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>): void => {
    const forgotten = events.some(
      (e) =>
        e instanceof Y.YMapEvent &&
        e.target !== roster &&
        e.keysChanged.has('forgotten') &&
        (e.target as Y.Map<unknown>).get('forgotten') === true,
    );
    if (forgotten) then();
  };
  roster.observeDeep(handler);
  return () => roster.unobserveDeep(handler);
}

/** Rewrites the stored history of the control room and every board of its workshop. */
export async function purgeWorkshop(
  control: Room,
  loaded: (name: string) => Room | undefined,
  store: DocStore,
  log: Logger,
): Promise<void> {
  if (control.ref.kind !== 'control') return;
  const { workshopId } = control.ref;
  const names = [
    control.name,
    ...readBoards(control.doc).map((b) => roomName({ kind: 'board', workshopId, boardId: b.id })),
  ];
  for (const name of names) {
    try {
      await loaded(name)?.flush();
      await store.compact(name);
    } catch (err) {
      log.error({ room: name, err }, 'rewriting a room after forgetting a participant failed');
    }
  }
  log.info(
    { workshopId, rooms: names.length },
    'stored history rewritten: a participant forgotten',
  );
}
