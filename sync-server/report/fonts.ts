/**
 * The shipped fonts (package `dejavu-fonts-ttf`): resvg draws board pictures and charts with them,
 * pdfkit embeds them. The SVGs name the same family (workshops/render/text.ts), and the web app
 * serves a copy, so a picture looks the same on the server and in the browser.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_REGULAR = join(dir, 'DejaVuSans.ttf');
export const FONT_BOLD = join(dir, 'DejaVuSans-Bold.ttf');
