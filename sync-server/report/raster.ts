/**
 * SVG → PNG with resvg (a Rust SVG renderer: no browser, no system fonts, the shipped DejaVu
 * Sans only, so a picture is the same on every server).
 */
import { Resvg } from '@resvg/resvg-js';
import { RENDER_FONT } from '../../workshops/render';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import { rgbPng } from './png';

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

/**
 * Rasterises at `scale` × the picture's own size, the longer side capped at `maxSide` pixels
 * (a huge board never asks for gigabytes). Returns the PNG and its pixel size.
 */
export function svgToPng(
  pic: Picture,
  scale = 1,
  maxSide = 6000,
  /** An RGB PNG on white (report pictures; see png.ts), not RGBA. */
  opaque = false,
): { png: Buffer; width: number; height: number } {
  let width = pic.width * scale;
  const longer = Math.max(pic.width, pic.height) * scale;
  if (longer > maxSide) width = (width * maxSide) / longer;
  width = Math.max(1, Math.round(width));
  const rendered = new Resvg(pic.svg, {
    font: {
      fontFiles: [FONT_REGULAR, FONT_BOLD],
      loadSystemFonts: false,
      defaultFontFamily: RENDER_FONT,
    },
    fitTo: { mode: 'width', value: width },
  }).render();
  const png = opaque ? rgbPng(rendered.pixels, rendered.width, rendered.height) : rendered.asPng();
  return { png, width: rendered.width, height: rendered.height };
}
