/**
 * Bar charts as SVG, drawn by the core so every format (DOCX, PDF, Markdown, the browser
 * preview) shows the same chart in the shipped font.
 */
import { SCALE_MAX, SCALE_MIN } from '../widgets/content';
import { r, svgText } from '../render/text';

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

const WIDTH = 640;
const BAR = '#2563eb';
const TRACK = '#e2e8f0';
const INK = '#1f2937';

function frame(width: number, height: number, body: string): Chart {
  return {
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`,
    width,
    height,
  };
}

/** One horizontal bar per row: its average on the 1–5 scale, with the value and n written after. */
export function averagesChart(
  rows: ReadonlyArray<{ label: string; average: number | null; n: number }>,
): Chart {
  const labelW = 250;
  const barW = 280;
  const rowH = 34;
  const top = 10;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = top + i * rowH;
    parts.push(
      svgText(row.label, {
        x: 8,
        y,
        w: labelW - 16,
        h: rowH - 6,
        size: 12,
        valign: 'middle',
        lineHeight: 1.15,
      }),
    );
    parts.push(
      `<rect x="${labelW}" y="${y + 7}" width="${barW}" height="16" rx="3" fill="${TRACK}"/>`,
    );
    if (row.average !== null) {
      const share = (row.average - SCALE_MIN) / (SCALE_MAX - SCALE_MIN);
      parts.push(
        `<rect x="${labelW}" y="${y + 7}" width="${r(Math.max(2, barW * share))}" height="16" rx="3" fill="${BAR}"/>`,
      );
    }
    parts.push(
      svgText(row.average === null ? '–' : `${row.average.toFixed(2)} (n=${row.n})`, {
        x: labelW + barW + 8,
        y,
        w: WIDTH - labelW - barW - 12,
        h: rowH - 4,
        size: 12,
        bold: true,
        wrap: false,
        valign: 'middle',
        fill: INK,
      }),
    );
  });
  // The scale under the bars: 1 … 5.
  const axisY = top + rows.length * rowH + 4;
  for (let s = SCALE_MIN; s <= SCALE_MAX; s++) {
    const x = labelW + (barW * (s - SCALE_MIN)) / (SCALE_MAX - SCALE_MIN);
    parts.push(
      `<line x1="${r(x)}" y1="${top}" x2="${r(x)}" y2="${axisY}" stroke="#94a3b8" stroke-width="0.5"/>`,
    );
    parts.push(
      svgText(String(s), {
        x: x - 10,
        y: axisY,
        w: 20,
        h: 14,
        size: 11,
        align: 'center',
        fill: '#475569',
        lineHeight: 1,
      }),
    );
  }
  return frame(WIDTH, axisY + 22, parts.join(''));
}

/** Five vertical bars: how many gave each score, with the scale's words under them. */
export function distributionChart(
  title: string,
  distribution: readonly number[],
  scaleLabels: readonly string[],
): Chart {
  const width = WIDTH;
  const titleH = 40;
  const plotH = 120;
  const labelH = 34;
  const max = Math.max(1, ...distribution);
  const slot = (width - 40) / distribution.length;
  const parts = [
    svgText(title, {
      x: 10,
      y: 6,
      w: width - 20,
      h: titleH - 6,
      size: 13,
      bold: true,
      lineHeight: 1.2,
    }),
  ];
  distribution.forEach((count, i) => {
    const h = (plotH - 18) * (count / max);
    const x = 20 + i * slot + slot * 0.2;
    const y = titleH + plotH - h;
    if (count > 0)
      parts.push(
        `<rect x="${r(x)}" y="${r(y)}" width="${r(slot * 0.6)}" height="${r(h)}" rx="2" fill="${BAR}"/>`,
      );
    parts.push(
      svgText(String(count), {
        x,
        y: y - 16,
        w: slot * 0.6,
        h: 14,
        size: 11,
        bold: true,
        align: 'center',
        lineHeight: 1,
      }),
    );
    parts.push(
      svgText(`${SCALE_MIN + i} ${scaleLabels[i] ?? ''}`.trim(), {
        x: 20 + i * slot,
        y: titleH + plotH + 4,
        w: slot,
        h: labelH,
        size: 10,
        align: 'center',
        fill: '#475569',
        lineHeight: 1.15,
      }),
    );
  });
  parts.push(
    `<line x1="16" y1="${titleH + plotH}" x2="${width - 16}" y2="${titleH + plotH}" stroke="#94a3b8"/>`,
  );
  return frame(width, titleH + plotH + labelH + 6, parts.join(''));
}
