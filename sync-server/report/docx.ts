/**
 * The report as DOCX (`docx`): real headings (Word's navigation pane and table of contents use
 * them), bookmarks on the sessions so "carried forward" links jump back, tables, pictures, page
 * numbers in the footer. Editable in Word and LibreOffice.
 */
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportDocument } from '../../workshops/report';
import { localize } from '../../workshops';
import { REPORT_TEXT } from '../../workshops/report';
import type { RasterImages } from './images';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
/** Printable width of an A4 page with Word's default margins, in pixels at 96 dpi. */
const PAGE_PX = 600;

/** Word bookmark names: a letter first, then letters, digits and underscores. */
export const bookmarkName = (anchor: string): string => `_${anchor}`.replace(/[^A-Za-z0-9_]/g, '_');

export async function writeDocx(doc: ReportDocument, images: RasterImages): Promise<Buffer> {
  const children: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, color: '555555' })] }),
    new TableOfContents(localize(REPORT_TEXT.contents, doc.lang), {
      hyperlink: true,
      headingStyleRange: '1-2',
    }),
  ];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading': {
        const run = new TextRun(b.text);
        children.push(
          new Paragraph({
            heading: HEADINGS[b.level - 1],
            ...(b.level === 1 && children.length > 3 ? { pageBreakBefore: true } : {}),
            children: b.anchor
              ? [new Bookmark({ id: bookmarkName(b.anchor), children: [run] })]
              : [run],
          }),
        );
        break;
      }
      case 'paragraph':
        children.push(
          new Paragraph({
            children: [
              ...(b.label ? [new TextRun({ text: `${b.label}: `, bold: true })] : []),
              new TextRun({ text: b.text, ...(b.muted ? { italics: true, color: '666666' } : {}) }),
            ],
          }),
        );
        break;
      case 'list':
        for (const item of b.items)
          children.push(
            new Paragraph({
              bullet: { level: 0 },
              children: [
                new TextRun(item.text),
                ...(item.anchor
                  ? [
                      new TextRun(' '),
                      new InternalHyperlink({
                        anchor: bookmarkName(item.anchor),
                        children: [new TextRun({ text: '↩', style: 'Hyperlink' })],
                      }),
                    ]
                  : []),
              ],
            }),
          );
        break;
      case 'table': {
        const weights = b.widths ?? b.header.map(() => 1);
        const total = weights.reduce((a, w) => a + w, 0);
        const cell = (text: string, i: number, head: boolean): TableCell =>
          new TableCell({
            width: {
              size: Math.round(((weights[i] ?? 1) / total) * 100),
              type: WidthType.PERCENTAGE,
            },
            ...(head ? { shading: { fill: 'E2E8F0' } } : {}),
            children: text
              .split('\n')
              .map(
                (line) => new Paragraph({ children: [new TextRun({ text: line, bold: head })] }),
              ),
          });
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: b.header.map((h, i) => cell(h, i, true)),
              }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
            ],
          }),
          new Paragraph({ children: [] }),
        );
        break;
      }
      case 'image': {
        const img = images.get(b.name);
        if (!img) break;
        const w = Math.min(PAGE_PX, img.width);
        const h = Math.min(800, (img.height * w) / img.width);
        const width = Math.round((img.width * h) / img.height);
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: img.png,
                transformation: { width, height: Math.round(h) },
                altText: { name: b.name, description: b.caption, title: b.caption },
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: b.caption, italics: true, size: 18, color: '555555' })],
          }),
        );
        break;
      }
    }
  }
  const document = new Document({
    title: doc.title,
    creator: 'Werkbank',
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 21 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
