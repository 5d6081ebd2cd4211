/**
 * What a page's board engine holds (`window.__werkbank.board`), read to aim at a note and to
 * check what each person's board shows.
 */
import type { Page } from 'playwright-core';
import type { StickyElement } from '../../../workshops';

/** The notes people wrote on the page's board (not the template's). */
export function boardStickies(page: Page): Promise<StickyElement[]> {
  return page.evaluate(() =>
    [...(window.__werkbank?.board.state.elements.values() ?? [])].filter(
      (e): e is StickyElement => e.type === 'sticky' && !e.templateId,
    ),
  );
}

/** This person's votes on a sticky, as their own board holds it. */
export function myVotes(page: Page, id: string): Promise<number> {
  return page.evaluate((sid) => {
    const b = window.__werkbank?.board;
    const el = b?.state.elements.get(sid);
    return el && el.type === 'sticky' ? (el.votes[b?.options.user.id ?? ''] ?? 0) : 0;
  }, id);
}
