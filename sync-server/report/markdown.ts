/**
 * The report as Markdown with its pictures (PNG) and the raw data (CSV) in one zip (`fflate`):
 * report.md, images/*.png, stickies.csv, answers.csv.
 */
import { strToU8, zipSync } from 'fflate';
import type { ReportData, ReportDocument } from '../../workshops/report';
import { REPORT_TEXT, answersCsv, stickiesCsv } from '../../workshops/report';
import { localize } from '../../workshops';
import type { RasterImages } from './images';

/** Text safe inside Markdown (no accidental emphasis, links or tables). */
const md = (s: string): string => s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n/g, '  \n');
const cell = (s: string): string => md(s).replace(/ {2}\n/g, '<br>');

export function reportMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${md(doc.title)}`, '', `_${md(doc.subtitle)}_`, ''];
  out.push(`## ${md(localize(REPORT_TEXT.contents, doc.lang))}`, '');
  for (const e of doc.toc) out.push(`${e.level === 2 ? '  ' : ''}- [${md(e.text)}](#${e.anchor})`);
  out.push('');
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        if (b.anchor) out.push(`<a id="${b.anchor}"></a>`, '');
        out.push(`${'#'.repeat(b.level + 1)} ${md(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(
          `${b.label ? `**${md(b.label)}:** ` : ''}${b.muted ? `_${md(b.text)}_` : md(b.text)}`,
          '',
        );
        break;
      case 'list':
        for (const i of b.items)
          out.push(
            `- ${md(i.text)}${i.anchor ? ` ([↩ ${md(i.linkText ?? '')}](#${i.anchor}))` : ''}`,
          );
        out.push('');
        break;
      case 'table':
        out.push(
          `| ${b.header.map(cell).join(' | ')} |`,
          `|${b.header.map(() => ' --- ').join('|')}|`,
        );
        for (const r of b.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
        out.push('');
        break;
      case 'image':
        out.push(`![${md(b.caption)}](images/${b.name}.png)`, '', `_${md(b.caption)}_`, '');
        break;
    }
  }
  return out.join('\n');
}

export function writeMarkdownZip(
  doc: ReportDocument,
  data: ReportData,
  images: RasterImages,
  sep: ';' | ',' = ';',
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'report.md': strToU8(reportMarkdown(doc)),
    'stickies.csv': strToU8(stickiesCsv(data, sep)),
    'answers.csv': strToU8(answersCsv(data, sep)),
  };
  // PNGs are compressed already: stored, not deflated again.
  for (const [name, img] of images) files[`images/${name}.png`] = img.png;
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([k, v]) => [k, [v, { level: k.endsWith('.png') ? 0 : 6 }]]),
    ),
  );
}
