/**
 * Board pictures in the browser: the SVG of workshops/render, drawn step by step (progress,
 * cancel), with the shipped fonts embedded (an SVG loaded as an image cannot see the page's
 * @font-face), rasterised by the browser through a canvas.
 */
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import type { Element } from '../../workshops';
import type { BoardPicture, BoardPictureOptions } from '../../workshops/render';
import { RENDER_FONT, renderBoardSteps } from '../../workshops/render';

export class Cancelled extends Error {}

let fontCss: Promise<string> | null = null;

async function base64(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** @font-face rules with the fonts inline (fetched from the app's own bundle, once). */
function embeddedFonts(): Promise<string> {
  fontCss ??= Promise.all([base64(regularUrl), base64(boldUrl)]).then(
    ([regular, bold]) =>
      `@font-face{font-family:'${RENDER_FONT}';font-weight:400;src:url(data:font/ttf;base64,${regular}) format('truetype')}` +
      `@font-face{font-family:'${RENDER_FONT}';font-weight:700;src:url(data:font/ttf;base64,${bold}) format('truetype')}`,
  );
  return fontCss;
}

/** Draws the picture in steps, yielding to the page between them. */
export async function drawPicture(
  elements: readonly Element[],
  options: BoardPictureOptions,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<BoardPicture> {
  const steps = renderBoardSteps(elements, options, 400);
  for (;;) {
    const next = steps.next();
    if (next.done) {
      const css = await embeddedFonts();
      const svg = next.value.svg.replace(/^(<svg[^>]*>)/, `$1<defs><style>${css}</style></defs>`);
      return { ...next.value, svg };
    }
    onProgress(next.value, elements.length);
    await new Promise((r) => setTimeout(r, 0));
    if (cancelled()) throw new Cancelled();
  }
}

/** The browser's rendering of an SVG picture on a canvas. */
export async function rasterise(
  pic: BoardPicture,
  type: 'image/png' | 'image/jpeg',
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([pic.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pic.width;
    canvas.height = pic.height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    if (type === 'image/jpeg') {
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, pic.width, pic.height);
    }
    g.drawImage(img, 0, 0, pic.width, pic.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas too large'))), type, 0.92),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
