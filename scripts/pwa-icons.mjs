// Renders the home-screen icons (web/public/icon-*.png) from web/public/icon.svg. The icon
// fills the square edge to edge with its marks inside the middle 60 %, so one file serves as
// both "any" and "maskable". Run after changing icon.svg: node scripts/pwa-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = resolve(import.meta.dirname, '../web/public');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
for (const size of [180, 192, 512]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(resolve(dir, `icon-${size}.png`), png);
}
