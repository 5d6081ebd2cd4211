/**
 * Font size that lets `text` fill a w×h box (sticky notes shrink their text to fit, like
 * FigJam's), without breaking a word in two while a smaller size would keep it whole.
 *
 * Words are measured once each with the browser's own text metrics for the font the note is
 * drawn in (Konva wraps with the same metrics, so the lines agree); where there is no canvas
 * (unit tests), an estimate from character counts. Results are cached per text and box: the
 * canvas asks again for every visible note on each redraw.
 */

/** The one font family of everything drawn on the board. */
export const BOARD_FONT = "'DejaVu Sans', system-ui, sans-serif";
/** Line height of board text (Konva's `lineHeight`; the editor's too). */
export const LINE_HEIGHT = 1.25;

/** Width of `s` in em (its width at font size 1). */
export type Measure = (s: string) => number;

const estimate: Measure = (s) => s.length * 0.56;

/** `cache[key]`, computed once; the cache starts over past `limit` entries. */
function remember<V>(cache: Map<string, V>, key: string, limit: number, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= limit) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** The browser's text metrics for BOARD_FONT, one measurement per distinct word. */
function canvasMeasure(weight = ''): Measure | null {
  const ctx =
    typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!ctx) return null;
  ctx.font = `${weight} 100px ${BOARD_FONT}`.trim();
  const widths = new Map<string, number>();
  return (s) => remember(widths, s, 20_000, () => ctx.measureText(s).width / 100);
}

let defaultMeasure: Measure | undefined;
let boldMeasure: Measure | undefined;

/** Metrics of bold board text (block labels), or an estimate a little wider than regular. */
export function measureBold(): Measure {
  boldMeasure ??= canvasMeasure('bold') ?? ((s) => estimate(s) * 1.1);
  return boldMeasure;
}
const fitted = new Map<string, number>();

/** Inner margin of a sticky note, world units. */
export const STICKY_PAD = 14;

/**
 * The size a sticky's text is drawn at; the in-place editor uses it too, so the letters do not
 * jump when editing starts or ends. A carried-over note keeps a line free for its ↩ mark.
 */
export function stickyFontSize(text: string, w: number, h: number, carried: boolean): number {
  return fitFontSize(text, w - STICKY_PAD * 2, h - STICKY_PAD * 2 - (carried ? 14 : 0));
}

/** Width of one line of `s` at `fontSize` in BOARD_FONT (measured where there is a canvas). */
export function textWidth(s: string, fontSize: number): number {
  defaultMeasure ??= canvasMeasure() ?? estimate;
  return defaultMeasure(s) * fontSize;
}

export function fitFontSize(
  text: string,
  w: number,
  h: number,
  max = 28,
  min = 9,
  measure?: Measure,
): number {
  const content = text.trim();
  if (!content) return max;
  if (measure) return search(content, w, h, max, min, measure);
  defaultMeasure ??= canvasMeasure() ?? estimate;
  const by = defaultMeasure;
  return remember(fitted, `${w}|${h}|${max}|${min}|${content}`, 10_000, () =>
    search(content, w, h, max, min, by),
  );
}

/** A piece of text that stays on one line, and whether a space separates it from the previous. */
interface Piece {
  width: number;
  spaced: boolean;
}

/** A text's paragraphs as pieces that stay on one line (Konva breaks at spaces and after "-"). */
function piecesOf(content: string, measure: Measure): Piece[][] {
  return content.split('\n').map((p) =>
    p
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((word) =>
        word.split(/(?<=-)(?=.)/).map((part, i) => ({ width: measure(part), spaced: i === 0 })),
      ),
  );
}

function search(content: string, w: number, h: number, max: number, min: number, measure: Measure) {
  // Lines break at spaces and after a hyphen (as Konva wraps): "regio-afspraken" may take two.
  const paragraphs = piecesOf(content, measure);
  const space = measure(' ');
  // First the largest size at which every word stays whole; failing that, the largest at which
  // no word takes more than two lines (Konva breaks what does not fit); failing that, the minimum.
  for (const linesPerWord of [1, 2])
    for (let size = max; size >= min; size -= 1) {
      const lines = countLines(paragraphs, space, w / size, linesPerWord);
      if (lines !== null && lines * size * LINE_HEIGHT <= h) return size;
    }
  return min;
}

/** Widest a text box grows by itself before its text wraps, world units. */
export const TEXT_MAX_W = 640;
const TEXT_MIN_W = 60;
/** Slack around the text in a text box (rounding, the caret). */
export const TEXT_PAD = 8;
/** Bold glyphs are wider than regular ones (when a test measures with a regular stand-in). */
const BOLD = 1.08;

/**
 * The size a text box (the text tool) takes for `text`: as wide as its longest line up to
 * `maxW` (never narrower than `minW`, e.g. the width someone gave it), then wrapped at whole
 * words, as tall as its lines.
 */
export function textBoxSize(
  text: string,
  fontSize: number,
  minW = TEXT_MIN_W,
  maxW = TEXT_MAX_W,
  measure?: Measure,
): { w: number; h: number } {
  // Large text is drawn bold (elements/text.tsx).
  const bold = fontSize >= 28;
  defaultMeasure ??= canvasMeasure() ?? estimate;
  const by = measure ?? (bold ? measureBold() : defaultMeasure);
  const em = fontSize * (bold && measure ? BOLD : 1);
  const paragraphs = piecesOf(text, by);
  const space = by(' ');
  const natural = Math.max(
    0,
    ...paragraphs.map((pieces) =>
      pieces.reduce((sum, p, i) => sum + p.width + (i > 0 && p.spaced ? space : 0), 0),
    ),
  );
  const w = Math.ceil(Math.max(minW, Math.min(maxW, natural * em + TEXT_PAD)));
  const lines = countLines(paragraphs, space, (w - TEXT_PAD) / em, Infinity) ?? 1;
  return { w, h: Math.ceil(Math.max(1, lines) * fontSize * LINE_HEIGHT + TEXT_PAD) };
}

/** Lines the text takes at a line width of `width` em; null if a piece needs more than allowed. */
function countLines(
  paragraphs: Piece[][],
  space: number,
  width: number,
  linesPerWord: number,
): number | null {
  let lines = 0;
  for (const pieces of paragraphs) {
    lines += 1;
    let used = 0;
    for (const { width: piece, spaced } of pieces) {
      const gap = used === 0 || !spaced ? 0 : space;
      if (piece > width) {
        if (piece > width * linesPerWord) return null;
        // Broken across lines: it fills whole lines and leaves a remainder.
        lines += Math.floor((used + gap + piece) / width);
        used = (used + gap + piece) % width;
        continue;
      }
      if (used + gap + piece <= width) used += gap + piece;
      else {
        lines += 1;
        used = piece;
      }
    }
  }
  return lines;
}
