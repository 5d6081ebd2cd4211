/**
 * Text in SVG: SVG has no automatic line breaking, so the renderer breaks lines itself with the
 * shipped font's metrics (`metrics.ts`), the way Konva's `wrap="word"` does: at spaces and after
 * a hyphen, a word wider than the line broken by characters, the last line that fits ending in
 * "…" when the text is cut off.
 */
import { textWidth } from './metrics';

/** The one font family of board pictures and report charts (shipped, see CONTEXT.md). */
export const RENDER_FONT = 'DejaVu Sans';
/** What an SVG names: the shipped family first, then any sans-serif. */
export const FONT_STACK = `'${RENDER_FONT}', sans-serif`;

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ''));
}

/** Breaks a word wider than `width` em into pieces that fit. */
function breakWord(word: string, width: number, bold: boolean): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of word) {
    if (cur && textWidth(cur + c, bold) > width) {
      out.push(cur);
      cur = c;
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Lines of `text` at a line width of `width` em. */
export function wrapLines(text: string, width: number, bold = false): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    const pieces = para
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => w.split(/(?<=-)(?=.)/).map((p, i) => ({ p, spaced: i === 0 })));
    for (const { p, spaced } of pieces) {
      const joined = line ? line + (spaced ? ' ' : '') + p : p;
      if (textWidth(joined, bold) <= width) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      if (textWidth(p, bold) <= width) line = p;
      else {
        const parts = breakWord(p, width, bold);
        line = parts.pop() ?? '';
        lines.push(...parts);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Cuts `line` so that it and "…" fit in `width` em. */
function withEllipsis(line: string, width: number, bold: boolean): string {
  let s = line;
  while (s && textWidth(`${s}…`, bold) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** The largest size (max … min) at which `text` fits a w×h box, lines 1.25 high. */
export function fitSize(text: string, w: number, h: number, max = 28, min = 9): number {
  const content = text.trim();
  if (!content) return max;
  // First the largest size at which every word stays whole (as web/board/elements/fit-text.ts
  // does), failing that the largest at which the lines fit at all.
  const longest = Math.max(...content.split(/\s+/).map((word) => textWidth(word)));
  for (const whole of [true, false])
    for (let size = max; size > min; size -= 1)
      if ((!whole || longest * size <= w) && wrapLines(content, w / size).length * size * 1.25 <= h)
        return size;
  return min;
}

export interface TextBox {
  x: number;
  y: number;
  w: number;
  /** Height of the box; lines beyond it are cut off with "…". Infinity: no limit. */
  h: number;
  size: number;
  lineHeight?: number;
  bold?: boolean;
  fill?: string;
  align?: 'left' | 'center';
  valign?: 'top' | 'middle';
  /** false: one line, cut with "…" when too wide. */
  wrap?: boolean;
}

/**
 * SVG for text in a box, laid out like Konva's Text: lines `lineHeight × size` apart, each line
 * vertically centred in its slot; aligned left or centred; the block at the top or the middle.
 */
export function svgText(text: string, box: TextBox): string {
  const { size, bold = false } = box;
  const lh = (box.lineHeight ?? 1.2) * size;
  const widthEm = box.w / size;
  let lines = box.wrap === false ? [text.replace(/\n/g, ' ')] : wrapLines(text, widthEm, bold);
  const room = Number.isFinite(box.h) ? Math.max(1, Math.floor(box.h / lh + 1e-6)) : lines.length;
  if (lines.length > room) {
    lines = lines.slice(0, room);
    lines[room - 1] = withEllipsis(lines[room - 1] ?? '', widthEm, bold);
  }
  if (box.wrap === false && textWidth(lines[0] ?? '', bold) > widthEm)
    lines = [withEllipsis(lines[0] ?? '', widthEm, bold)];
  lines = lines.filter((l, i) => l !== '' || i < lines.length - 1);
  if (lines.length === 0) return '';
  const top =
    box.valign === 'middle' && Number.isFinite(box.h)
      ? box.y + (box.h - lines.length * lh) / 2
      : box.y;
  const centre = box.align === 'center';
  const x = centre ? box.x + box.w / 2 : box.x;
  // Konva draws each line with a "middle" baseline in the centre of its slot; in DejaVu Sans the
  // alphabetic baseline sits 0.35 em below that middle.
  const tspans = lines
    .map(
      (l, i) =>
        `<tspan x="${r(x)}" y="${r(top + i * lh + lh / 2 + 0.35 * size)}">${escapeXml(l)}</tspan>`,
    )
    .join('');
  return (
    `<text font-family="${FONT_STACK}" font-size="${r(size)}"` +
    `${bold ? ' font-weight="bold"' : ''} fill="${box.fill ?? '#1f2937'}"` +
    `${centre ? ' text-anchor="middle"' : ''} xml:space="preserve">${tspans}</text>`
  );
}

/** A number for SVG: at most two decimals. */
export function r(n: number): string {
  return String(Math.round(n * 100) / 100);
}
