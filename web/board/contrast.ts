/**
 * Colour contrast as WCAG 2.2 defines it (relative luminance of sRGB, ratio (L1 + 0.05) /
 * (L2 + 0.05)), and the text colour to put on a fill. The board's palettes (sticky colours,
 * building blocks, lanes) are checked against AA by test/unit/access/contrast.test.ts.
 */

/** Body text on light fills (stickies, light blocks). */
export const INK = '#1f2937';
/** Secondary marks on light fills (a carried sticky's ↩). */
export const INK_MUTED = '#374151';
/** Text on dark fills. */
export const PAPER = '#ffffff';
/** WCAG 2.2 AA: normal text, and large text (≥ 24 px, or ≥ 18.66 px bold) or UI parts. */
export const AA_TEXT = 4.5;
export const AA_LARGE = 3;

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** `#rgb` or `#rrggbb` to its three 0–255 channels. */
export function parseHex(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The text colour (ink or paper) that contrasts most with `fill`. */
export function textOn(fill: string): string {
  return contrastRatio(fill, INK) >= contrastRatio(fill, PAPER) ? INK : PAPER;
}
