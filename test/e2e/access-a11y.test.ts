/**
 * Issue 14: axe-core (WCAG 2.2 A/AA and best practice) finds no serious or critical violation on
 * the join page, a participant's board, the outline view, the facilitator's panel and the admin
 * page; and the outline view edits the board (add a note to a frame, change its text, move it to
 * another frame) with the other participant seeing each change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person } from './helpers/browser';
import { PHONE, joinByCode, newPerson, openLink } from './helpers/browser';
import { seriousViolations, shot } from './helpers/a11y';
import { workshopInChromium } from './helpers/workshop';

const app = workshopInChromium();

let anna: Person;
let bram: Person;

interface Placed {
  id: string;
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
const stickyByText = (p: Person, text: string) =>
  p.page.evaluate(
    (t) =>
      ([...(window.__werkbank?.board.state.elements.values() ?? [])].find(
        (e) => e.type === 'sticky' && e.text === t,
      ) ?? null) as Placed | null,
    text,
  );
const frameBox = (p: Person, id: string) =>
  p.page.evaluate((fid) => {
    const f = window.__werkbank?.board.state.elements.get(fid);
    return f ? { x: f.x, y: f.y, w: f.w, h: f.h } : null;
  }, id);

beforeAll(async () => {
  anna = await newPerson(app.browser);
  bram = await newPerson(app.browser);
});

describe('axe: no serious or critical violations', () => {
  it('on the join page (laptop and phone)', async () => {
    await anna.page.goto(app.server.url + '/');
    await anna.page.locator('#join-code').waitFor();
    expect(await seriousViolations(anna.page)).toEqual([]);
    const phone = await newPerson(app.browser, { viewport: PHONE, touch: true });
    await phone.page.goto(app.server.url + '/');
    await phone.page.locator('#join-code').waitFor();
    expect(await seriousViolations(phone.page)).toEqual([]);
    await phone.context.close();
  });

  it("on a participant's board", async () => {
    await joinByCode(anna.page, app.server, app.workshop.joinCode, 'Anna de Vries', 'Buurtkracht');
    await joinByCode(bram.page, app.server, app.workshop.joinCode, 'Bram Jansen', 'Metaal BV');
    expect(await seriousViolations(anna.page)).toEqual([]);
  });

  it('on the outline view', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: /^Lijst \(/ }).click();
    await page.locator('[data-testid="outline"] h3').first().waitFor();
    await shot(page, 'access-outline-laptop');
    expect(await seriousViolations(page, '[data-testid="outline"]')).toEqual([]);
  });

  it("on the facilitator's panel", async () => {
    const fac = await newPerson(app.browser, { viewport: { width: 1440, height: 900 } });
    await openLink(fac.page, app.boardLink('empathise'));
    await fac.page.locator('.fp').waitFor();
    await shot(fac.page, 'access-facilitator');
    expect(await seriousViolations(fac.page)).toEqual([]);
    await fac.context.close();
  });

  it('on the admin page', async () => {
    const admin = await newPerson(app.browser);
    await admin.page.goto(`${app.server.url}/admin#token=${app.server.adminToken}`);
    await admin.page.getByText(app.workshop.joinCode).first().waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await admin.context.close();
  });
});

describe('the outline view edits the board', () => {
  it('adds a note to a frame, changes its text, moves it; the other participant sees it', async () => {
    const { page } = anna;
    const sections = page.locator('[data-testid="outline"] section[data-frame]');
    const first = sections.nth(1);
    const firstId = (await first.getAttribute('data-frame')) ?? '';
    const firstName = (await first.locator('h3, h4').first().textContent()) ?? '';
    await first
      .getByRole('textbox', { name: `Nieuwe notitie in ${firstName}` })
      .fill('Via de lijst');
    await first.getByRole('button', { name: 'Notitie toevoegen' }).first().click();
    await expect.poll(() => stickyByText(bram, 'Via de lijst'), { timeout: 15_000 }).not.toBeNull();
    const added = await stickyByText(anna, 'Via de lijst');
    const box = await frameBox(anna, firstId);
    expect(added && box).toBeTruthy();
    if (!added || !box) return;
    expect(added.x >= box.x && added.x + added.w <= box.x + box.w).toBe(true);
    expect(added.y >= box.y && added.y + added.h <= box.y + box.h).toBe(true);
    await expect.poll(() => page.getByRole('status').last().textContent()).toMatch(/toegevoegd/);

    // Change its text: the note's own text field, then Enter.
    const item = page.locator(`[data-testid="outline"] li[data-id="${added.id}"]`);
    const field = item.getByRole('textbox', { name: 'Tekst van Notitie' });
    await field.fill('Via de lijst, aangepast');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => stickyByText(bram, 'Via de lijst, aangepast'), { timeout: 15_000 })
      .not.toBeNull();

    // Move it to another frame.
    const target = sections.nth(2);
    const targetId = (await target.getAttribute('data-frame')) ?? '';
    await item.locator('select').selectOption(targetId);
    await item.getByRole('button', { name: /^Verplaats/ }).click();
    const tbox = await frameBox(anna, targetId);
    await expect
      .poll(
        async () => {
          const s = await stickyByText(bram, 'Via de lijst, aangepast');
          return !!s && !!tbox && s.x >= tbox.x && s.x + s.w <= tbox.x + tbox.w && s.y >= tbox.y;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // The note is now listed under the target frame (live).
    await page
      .locator(
        `[data-testid="outline"] section[data-frame="${targetId}"] li[data-id="${added.id}"]`,
      )
      .waitFor();
    // Undo takes the move back (the engine's undo, local origin).
    await page.evaluate(() => window.__werkbank?.board.undo());
    await expect
      .poll(async () => (await stickyByText(anna, 'Via de lijst, aangepast'))?.x)
      .toBe(added.x);
    await shot(page, 'access-outline-edited');
  });
});
