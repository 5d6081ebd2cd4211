/**
 * The report as PDF.
 *
 * Why pdfkit (over pdfmake and pdf-lib + fontkit): it gives full layout control at the level the
 * report needs — measured text (`heightOfString`), tables that break across pages, pictures
 * scaled to the space left — while embedding (and subsetting) a TTF, here the shipped DejaVu
 * Sans, so Dutch characters print the same everywhere. With `bufferPages` every page stays open
 * until the end, which gives what a report needs and a single pass cannot: page numbers "n / N"
 * on every page, and a table of contents at the front with the page of each heading, linked to
 * it, plus the PDF outline (bookmarks) for the reader's side panel. pdfmake builds on pdfkit but
 * lays out from a declarative tree with less control over breaks; pdf-lib has no text layout.
 */
import PDFDocument from 'pdfkit';
import { localize } from '../../workshops';
import type { ReportBlock, ReportDocument } from '../../workshops/report';
import { REPORT_TEXT } from '../../workshops/report';
import { FONT_BOLD, FONT_REGULAR } from './fonts';
import type { RasterImages } from './images';

export interface PdfOptions {
  /** Compress content streams (default true; tests read the text with `false`). */
  compress?: boolean;
}

const MARGIN = 56;
const SIZES = { title: 24, 1: 18, 2: 14, 3: 12, body: 10.5, small: 8.5 } as const;
const INK = '#1f2937';
const MUTED = '#64748b';

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Ligatures off: pdfkit's ToUnicode map has no entry for a ligature glyph ("fi" in
 * "Definiëren"), so copying or searching the text would break after the first one. fontkit takes
 * an object of feature overrides here; the typings know only the array form.
 */
const PLAIN = { liga: false, clig: false, dlig: false, rlig: false } as unknown as NonNullable<
  TextOptions['features']
>;
const o = (options: TextOptions = {}): TextOptions => ({ ...options, features: PLAIN });

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Moves to a new page when fewer than `needed` points are left. */
function ensure(doc: Doc, needed: number): void {
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function table(doc: Doc, b: Extract<ReportBlock, { kind: 'table' }>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weights = b.widths ?? b.header.map(() => 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const cols = weights.map((w) => (w / total) * width);
  const pad = 4;
  const drawRow = (cells: string[], head: boolean): void => {
    doc.font(head ? 'bold' : 'body').fontSize(SIZES.small + 0.5);
    const h =
      Math.max(
        ...cells.map((c, i) =>
          doc.heightOfString(c || ' ', o({ width: (cols[i] ?? 40) - pad * 2 })),
        ),
      ) +
      pad * 2;
    ensure(doc, h);
    const y = doc.y;
    if (head) doc.rect(left, y, width, h).fill('#e2e8f0');
    let x = left;
    cells.forEach((c, i) => {
      const w = cols[i] ?? 40;
      doc.fillColor(INK).text(c, x + pad, y + pad, o({ width: w - pad * 2 }));
      x += w;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.5)
      .strokeColor('#cbd5e1')
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(b.header, true);
  for (const r of b.rows) drawRow(r, false);
  doc.moveDown(0.8);
}

export async function writePdf(
  report: ReportDocument,
  images: RasterImages,
  options: PdfOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    displayTitle: true,
    lang: report.lang,
    info: { Title: report.title, Creator: 'Werkbank', Producer: 'Werkbank (pdfkit)' },
  });
  const done = collect(doc);
  doc.registerFont('body', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const contentWidth = doc.page.width - MARGIN * 2;

  // Title page.
  doc
    .font('bold')
    .fontSize(SIZES.title)
    .fillColor(INK)
    .text(report.title, o({ width: contentWidth }));
  doc.moveDown(0.5).font('body').fontSize(SIZES.body).fillColor(MUTED).text(report.subtitle, o());
  // The table of contents: pages reserved now, written once the headings' pages are known.
  const tocLines = 30;
  const tocPages = Math.max(1, Math.ceil((report.toc.length + 2) / tocLines));
  const tocStart = doc.bufferedPageRange().count;
  for (let i = 0; i < tocPages; i++) doc.addPage();

  const pageOf = new Map<string, number>();
  report.blocks.forEach((b, index) => {
    doc.x = MARGIN;
    switch (b.kind) {
      case 'heading': {
        if (b.level === 1) doc.addPage();
        // A heading stays with what follows: a picture's whole height (up to a page), else a few lines.
        const next = report.blocks[index + 1];
        const img = next?.kind === 'image' ? images.get(next.name) : undefined;
        const follow = img
          ? Math.min(
              doc.page.height - MARGIN * 2 - 60,
              (img.height * Math.min(contentWidth, img.width)) / img.width,
            )
          : 40;
        ensure(doc, SIZES[b.level] * 2 + follow);
        if (b.level > 1) doc.moveDown(0.6);
        if (b.anchor) {
          pageOf.set(b.anchor, doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
          doc.addNamedDestination(b.anchor);
          if (b.level === 1) doc.outline.addItem(b.text);
        }
        doc
          .font('bold')
          .fontSize(SIZES[b.level])
          .fillColor(INK)
          .text(b.text, o({ width: contentWidth }));
        doc.moveDown(0.3);
        break;
      }
      case 'paragraph':
        ensure(doc, 30);
        doc.fontSize(SIZES.body).fillColor(b.muted ? MUTED : INK);
        if (b.label) doc.font('bold').text(`${b.label}: `, o({ continued: true }));
        doc.font('body').text(b.text, o({ width: contentWidth }));
        doc.moveDown(0.4);
        break;
      case 'list': {
        doc.font('body').fontSize(SIZES.body).fillColor(INK);
        // Plain items in one call (one line wrapper for a list of thousands); an item with a
        // link back gets its own, for the link.
        const flush = (items: string[]): void => {
          if (!items.length) return;
          ensure(doc, 20);
          doc.text(items.map((t) => `•  ${t}`).join('\n'), o({ width: contentWidth, indent: 8 }));
        };
        let plain: string[] = [];
        for (const item of b.items) {
          if (!item.anchor) {
            plain.push(item.text);
            continue;
          }
          flush(plain);
          plain = [];
          ensure(doc, 20);
          doc.text(`•  ${item.text} `, o({ width: contentWidth, indent: 8, continued: true }));
          doc.fillColor('#2563eb').text('↩', o({ goTo: item.anchor, underline: false }));
          doc.fillColor(INK);
        }
        flush(plain);
        doc.moveDown(0.5);
        break;
      }
      case 'table':
        table(doc, b);
        break;
      case 'image': {
        const img = images.get(b.name);
        if (!img) break;
        const maxH = doc.page.height - MARGIN * 2 - 30;
        let w = Math.min(contentWidth, img.width);
        let h = (img.height * w) / img.width;
        if (h > maxH) {
          h = maxH;
          w = (img.width * h) / img.height;
        }
        ensure(doc, h + 24);
        const x = MARGIN + (contentWidth - w) / 2;
        doc.image(img.png, x, doc.y, { width: w, height: h });
        doc.y += h + 4;
        doc.x = MARGIN;
        doc
          .font('body')
          .fontSize(SIZES.small)
          .fillColor(MUTED)
          .text(b.caption, o({ width: contentWidth, align: 'center' }));
        doc.moveDown(0.8);
        break;
      }
    }
  });

  // The table of contents, now that every heading's page is known.
  doc.switchToPage(tocStart);
  doc.x = MARGIN;
  doc.y = MARGIN;
  doc
    .font('bold')
    .fontSize(SIZES[1])
    .fillColor(INK)
    .text(localize(REPORT_TEXT.contents, report.lang), o());
  doc.moveDown(0.6);
  let line = 0;
  for (const entry of report.toc) {
    if (line > 0 && line % tocLines === 0) {
      doc.switchToPage(tocStart + line / tocLines);
      doc.y = MARGIN;
    }
    line++;
    const page = (pageOf.get(entry.anchor) ?? 0) + 1;
    const indent = entry.level === 1 ? 0 : 16;
    const y = doc.y;
    doc
      .font(entry.level === 1 ? 'bold' : 'body')
      .fontSize(SIZES.body)
      .fillColor(INK);
    doc.text(
      entry.text,
      MARGIN + indent,
      y,
      o({
        width: contentWidth - indent - 40,
        goTo: entry.anchor,
        lineBreak: false,
        ellipsis: true,
        height: 14,
      }),
    );
    doc.text(String(page), MARGIN, y, o({ width: contentWidth, align: 'right', lineBreak: false }));
    doc.y = y + 20;
  }

  // Page numbers on every page but the title page.
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(SIZES.small).fillColor(MUTED);
    doc.text(
      `${i + 1} / ${range.count}`,
      MARGIN,
      doc.page.height - 36,
      o({
        width: contentWidth,
        align: 'center',
        lineBreak: false,
      }),
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
