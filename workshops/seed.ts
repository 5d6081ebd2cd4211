/**
 * Seeding: what the server writes into a new workshop's docs, once, when the workshop is created
 * (so two clients opening a new board at once can never seed it twice). Template content lives
 * in `workshops/sessions` and `workshops/templates`; these two functions are the seam the server
 * calls. Both are idempotent: a doc that is already seeded is left alone.
 */
import type * as Y from 'yjs';
import { migrateBoard, readMeta, writeMeta } from './board/doc';
import { addBoard, boardsMap, writeWorkshop } from './control/doc';
import type { Clock } from './env';
import type { Lang } from './i18n';
import { STAGES, isStage } from './rooms';
import { seedSessions } from './sessions/model';
import { applyTemplate, upgradeTemplate } from './templates/apply';
import { BOARD_TEMPLATES } from './templates/registry';

export interface WorkshopSeed {
  title: string;
  language: Lang;
  organisation?: string;
}

/** The five stage boards' default titles. */
const STAGE_TITLES: Record<(typeof STAGES)[number], { nl: string; en: string }> = {
  empathise: { nl: '1. Inleven', en: '1. Empathise' },
  define: { nl: '2. Definiëren', en: '2. Define' },
  ideate: { nl: '3. Ideeën genereren', en: '3. Ideate' },
  prototype: { nl: '4. Ontwerpen met bouwstenen', en: '4. Prototype with building blocks' },
  test: { nl: '5. Testen', en: '5. Test' },
};

export function seedControlDoc(doc: Y.Doc, seed: WorkshopSeed): void {
  doc.transact(() => {
    if (boardsMap(doc).size === 0) {
      writeWorkshop(doc, {
        title: seed.title,
        language: seed.language,
        organisation: seed.organisation ?? '',
      });
      STAGES.forEach((stage, order) =>
        addBoard(doc, { id: stage, title: STAGE_TITLES[stage][seed.language], stage, order }),
      );
    }
    // Its own guard: a workshop created before the session plan existed gets one, once.
    seedSessions(doc, seed.language);
  });
}

/** Seeds a board (its meta, schema and stage template); `clock` dates it (`meta.seededAt`). */
export function seedBoardDoc(doc: Y.Doc, boardId: string, lang: Lang, clock: Clock): void {
  const stage = isStage(boardId) ? boardId : undefined;
  if (readMeta(doc).seededAt > 0) {
    // Seeded before: never re-seed over people's work; only bring an older template up to date
    // (adds the items it lacks). A no-op when the board is current, so it is safe on every open.
    upgradeBoardDoc(doc, lang);
    return;
  }
  doc.transact(() => {
    writeMeta(doc, {
      boardId,
      title: stage ? STAGE_TITLES[stage][lang] : boardId,
      ...(stage ? { stage } : {}),
      templateVersion: 0,
      seededAt: clock.now(),
    });
    migrateBoard(doc);
    if (stage) applyTemplate(doc, BOARD_TEMPLATES[stage], lang);
  });
}

/**
 * Migrates a seeded board's schema and upgrades its stage template to the current version.
 * Returns whether anything changed. Idempotent; call it whenever a board is loaded.
 */
export function upgradeBoardDoc(doc: Y.Doc, lang: Lang): boolean {
  const meta = readMeta(doc);
  if (meta.seededAt === 0) return false;
  let changed = false;
  doc.transact(() => {
    changed = migrateBoard(doc);
    const stage = meta.stage ?? (isStage(meta.boardId) ? meta.boardId : undefined);
    if (stage && upgradeTemplate(doc, BOARD_TEMPLATES[stage], lang)) changed = true;
  });
  return changed;
}
