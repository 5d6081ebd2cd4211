/**
 * Font size that lets `text` fill a w×h box (sticky notes shrink their text to fit, like
 * FigJam's). An estimate from character widths: cheap enough to run for every visible note.
 */
export function fitFontSize(text: string, w: number, h: number, max = 28, min = 9): number {
  const content = text.trim();
  if (!content) return max;
  const words = content.split(/\s+/);
  for (let size = max; size > min; size -= 1) {
    const charW = size * 0.56;
    const perLine = Math.max(1, Math.floor(w / charW));
    let lines = 1;
    let used = 0;
    for (const word of words) {
      const len = word.length;
      if (len > perLine) {
        lines += Math.ceil((used + len) / perLine) - 1;
        used = (used + len) % perLine;
        continue;
      }
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines += 1;
        used = len;
      }
    }
    for (const c of content) if (c === '\n') lines += 1;
    if (lines * size * 1.25 <= h) return size;
  }
  return min;
}
