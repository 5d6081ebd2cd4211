/** Every picture of a report rasterised once, shared by the writers that need PNGs. */
import type { ReportDocument } from '../../workshops/report';
import { PICTURE_PX } from '../../workshops/report';
import { svgToPng } from './raster';

export type RasterImages = Map<string, { png: Buffer; width: number; height: number }>;

/**
 * Board pictures at up to 2400 px on the longer side (print quality on A4), charts at 2×.
 * `onImage` is told after each picture (progress; a cancel is a terminated worker).
 */
export function rasterise(
  doc: ReportDocument,
  onImage?: (done: number, total: number) => void,
): RasterImages {
  const out: RasterImages = new Map();
  const list = doc.blocks.filter((b) => b.kind === 'image');
  list.forEach((b, i) => {
    const chart = b.width <= 800;
    out.set(b.name, svgToPng(b, chart ? 2 : 1, chart ? 1600 : PICTURE_PX, true));
    onImage?.(i + 1, list.length);
  });
  return out;
}
