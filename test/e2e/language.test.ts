/**
 * Issue 12, point 10: in a Dutch workshop an English participant sees the template content (frame
 * titles, texts), the board tabs and the agenda in English; a Dutch participant sees Dutch; what
 * people write stays as written for both. The voting instruction names the round's actual
 * number of votes.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMMA, SANNE, workshopInChromium } from './helpers/workshop';
import { PHONE, openLink, screenshot, waitForScene } from './helpers/browser';

const app = workshopInChromium();

let fac: Page;
let dutch: Page;
let english: Page;
let englishPhone: Page;

const texts = (scene: Map<string, { texts: string[] }>) =>
  [...scene.values()].flatMap((n) => n.texts).join(' | ');

beforeAll(async () => {
  fac = await app.page();
  dutch = await app.page();
  english = await app.page({ english: true });
  englishPhone = await app.page({ viewport: PHONE, touch: true, mobile: true, english: true });
  await openLink(fac, app.boardLink('define'));
  await app.join(dutch, SANNE);
  await app.join(english, EMMA);
  await app.join(englishPhone, { name: 'Liam Hughes', organisation: 'Eastgate', kind: 'partner' });
});

describe('template content in each person’s language', () => {
  it('the define session brings everyone to its board, with its agenda in their language', async () => {
    await fac
      .locator('.fp-session', { hasText: /Definiëren/ })
      .getByRole('button', { name: /^Start$/ })
      .click();
    for (const p of [dutch, english, englishPhone]) await p.waitForURL(/\/define$/);
    await expect.poll(() => english.locator('.session-bar').textContent()).toContain('2. Define');
    await expect.poll(() => dutch.locator('.session-bar').textContent()).toContain('2. Definiëren');
    expect(await english.locator('.tabs').textContent()).toContain('3. Ideate');
    expect(await dutch.locator('.tabs').textContent()).toContain('3. Ideeën genereren');
    await expect
      .poll(() => englishPhone.locator('select.tabs-select option:checked').textContent())
      .toBe('2. Define');
  });

  it('frames and texts of the template are English for the English, Dutch for the Dutch', async () => {
    await waitForScene(english, (s) => texts(s).includes('About this session'), 'English frames');
    await waitForScene(dutch, (s) => texts(s).includes('Over deze sessie'), 'Dutch frames');
    const en = texts(await waitForScene(englishPhone, (s) => s.size > 5, 'phone scene'));
    expect(en).toContain('About this session');
    expect(en).not.toContain('Over deze sessie');
  });

  it('what someone writes stays as written, for everyone', async () => {
    const box = await dutch.locator('.wb-canvas').boundingBox();
    await dutch.keyboard.press('n');
    await dutch.mouse.click((box?.x ?? 0) + 160, (box?.y ?? 0) + (box?.height ?? 600) - 180);
    const editor = dutch.locator('textarea.wb-text-editor');
    await editor.waitFor();
    await editor.fill('Werkplekken samen vinden');
    await dutch.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await waitForScene(
      english,
      (s) => texts(s).includes('Werkplekken samen vinden'),
      'the Dutch note, as written',
    );
  });

  it('the voting instruction names the round’s number of votes', async () => {
    const next = fac.getByRole('button', { name: 'Volgende activiteit' });
    // Go to "Dot voting" (the sixth activity), start a round of two votes.
    for (let i = 0; i < 5; i++) await next.click();
    await fac.locator('.fp-inline input[type="number"]').fill('2');
    await fac.getByRole('button', { name: 'Stemronde starten' }).click();
    await expect.poll(() => english.locator('.sb-activity').textContent()).toContain('Dot voting');
    await english.locator('.sb-activity').click();
    await expect
      .poll(() => english.locator('.sb-info').textContent())
      .toContain('You have 2 votes');
    await screenshot(english, 'screens/roomui-language-english-board');
    await screenshot(englishPhone, 'screens/roomui-language-english-phone');
    await dutch.locator('.sb-activity').click();
    await expect.poll(() => dutch.locator('.sb-info').textContent()).toContain('Je hebt 2 stemmen');
  });
});
