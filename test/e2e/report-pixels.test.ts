/**
 * The SVG renderer (workshops/render) and the Konva canvas agree: a fixture area of a board
 * (a frame, stickies with category dots and votes, a shape, a text) is screenshotted from the
 * live canvas at zoom 1 and compared, in the same Chromium, with the SVG of the same elements
 * rasterised by the browser. Within a tolerance: text is hinted a little differently, and the
 * canvas draws its dot grid behind everything.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from '../../workshops';
import { addElement, readElements, setVotes } from '../../workshops';
import { renderBoard } from '../../workshops/render';
import { connect, synced, waitFor } from '../integration/helpers/server';
import { RESULTS_DIR, newPerson, openLink, viewSettled } from './helpers/browser';
import { workshopInChromium } from './helpers/workshop';

const X0 = 30_000;
const Y0 = 30_000;
const AREA = { x: X0 + 40, y: Y0 + 40, w: 720, h: 440 };

const app = workshopInChromium('Pixels');

let page: Page;
let elements: Element[];

beforeAll(async () => {
  const d = connect(app.server, `${app.workshop.workshopId}/define`, app.workshop.facilitatorToken);
  await synced(d);
  const opts = (id: string, z: string) => ({ author: 'facilitator', id, z, createdAt: 1 });
  addElement(
    d.doc,
    'frame',
    { x: X0 + 60, y: Y0 + 90, w: 660, h: 370, title: 'Vergelijking', color: '#f8fafc' },
    opts('px-frame', 'a0'),
  );
  addElement(
    d.doc,
    'sticky',
    {
      x: X0 + 100,
      y: Y0 + 130,
      text: 'Samen leren op de werkvloer',
      color: 'yellow',
      category: 'knowledge',
    },
    opts('px-s1', 'a1'),
  );
  addElement(
    d.doc,
    'sticky',
    { x: X0 + 290, y: Y0 + 130, text: 'Ketenpartners betrekken', color: 'green' },
    opts('px-s2', 'a2'),
  );
  addElement(
    d.doc,
    'shape',
    { x: X0 + 480, y: Y0 + 140, w: 200, h: 120, shape: 'ellipse', text: 'Gemeente' },
    opts('px-sh', 'a3'),
  );
  addElement(
    d.doc,
    'text',
    {
      x: X0 + 100,
      y: Y0 + 320,
      w: 560,
      h: 60,
      text: 'Wat nemen we mee naar de volgende sessie?',
      fontSize: 24,
    },
    opts('px-t', 'a4'),
  );
  setVotes(d.doc, 'px-s2', 'facilitator', 2);
  await waitFor(() => readElements(d.doc).some((e) => e.id === 'px-t'), 5000, 'elements');
  // Stored once a second client sees them.
  const check = connect(
    app.server,
    `${app.workshop.workshopId}/define`,
    app.workshop.facilitatorToken,
  );
  await synced(check);
  await waitFor(() => check.doc.getMap('elements').has('px-t'), 10_000, 'elements stored');
  elements = readElements(check.doc).filter((e) => e.id.startsWith('px-'));
  check.destroy();
  d.destroy();
  page = (await newPerson(app.browser, { viewport: { width: 1280, height: 800 } })).page;
  await openLink(page, app.boardLink('define', app.workshop.viewerToken));
});

/** The shipped fonts inline, as the browser export embeds them (web/report/rasterise.ts). */
function fontCss(): string {
  const require = createRequire(import.meta.url);
  const b64 = (f: string) =>
    readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${f}`)).toString('base64');
  return (
    `@font-face{font-family:'DejaVu Sans';font-weight:400;src:url(data:font/ttf;base64,${b64('DejaVuSans.ttf')})}` +
    `@font-face{font-family:'DejaVu Sans';font-weight:700;src:url(data:font/ttf;base64,${b64('DejaVuSans-Bold.ttf')})}`
  );
}

describe('SVG renderer vs Konva canvas', () => {
  it('agree on a fixture area within a tolerance', async () => {
    await page.evaluate(([x, y]) => window.__werkbank?.board.setCamera({ x, y, zoom: 1 }), [
      X0,
      Y0,
    ] as const);
    await viewSettled(page);
    await page.evaluate(() => document.fonts.ready);
    await viewSettled(page);
    const rect = await page.locator('.wb-canvas').boundingBox();
    const canvasPng = await page.screenshot({
      clip: { x: (rect?.x ?? 0) + 40, y: (rect?.y ?? 0) + 40, width: AREA.w, height: AREA.h },
    });
    const pic = renderBoard(elements, { lang: 'nl', area: AREA });
    const svg = pic.svg.replace(/^(<svg[^>]*>)/, `$1<defs><style>${fontCss()}</style></defs>`);
    const result = await page.evaluate(
      async ([png, svgText, w, h]) => {
        const load = async (src: string) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const g = c.getContext('2d')!;
          g.fillStyle = '#fff';
          g.fillRect(0, 0, w, h);
          g.drawImage(img, 0, 0, w, h);
          return g.getImageData(0, 0, w, h).data;
        };
        const a = await load(`data:image/png;base64,${png}`);
        const b = await load(URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' })));
        let sum = 0;
        let off = 0;
        for (let i = 0; i < a.length; i += 4) {
          const d =
            (Math.abs(a[i]! - b[i]!) +
              Math.abs(a[i + 1]! - b[i + 1]!) +
              Math.abs(a[i + 2]! - b[i + 2]!)) /
            3;
          sum += d;
          if (d > 64) off++;
        }
        return { mean: sum / (a.length / 4), off: off / (a.length / 4) };
      },
      [canvasPng.toString('base64'), svg, AREA.w, AREA.h] as const,
    );
    mkdirSync(resolve(RESULTS_DIR, 'screens'), { recursive: true });
    writeFileSync(resolve(RESULTS_DIR, 'screens/report-pixels-konva.png'), canvasPng);
    writeFileSync(resolve(RESULTS_DIR, 'screens/report-pixels-svg.svg'), svg);
    // Measured: mean 1.5 and 0.2 % of pixels off (text antialiasing, the dot grid); a missing
    // sticky alone would put 8 % of the pixels off.
    expect(result.mean).toBeLessThan(8);
    expect(result.off).toBeLessThan(0.05);
  });
});
