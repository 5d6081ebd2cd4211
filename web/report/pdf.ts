/**
 * A minimal PDF of JPEG pages (one picture per page, DCTDecode: the browser's JPEG encoder does
 * the work), so the per-board PDF export needs no PDF library in the page. Pages take the
 * picture's proportions, the longer side 842 pt (the long side of A4).
 */
export interface PdfPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

export function jpegPdf(pages: readonly PdfPage[]): Blob {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (p: Uint8Array | string): void => {
    const bytes = typeof p === 'string' ? enc.encode(p) : p;
    parts.push(bytes);
    size += bytes.length;
  };
  const obj = (n: number, body: string, stream?: Uint8Array): void => {
    offsets[n] = size;
    push(`${n} 0 obj\n${body}\n`);
    if (stream) {
      push('stream\n');
      push(stream);
      push('\nendstream\n');
    }
    push('endobj\n');
  };
  push('%PDF-1.4\n%\u00e2\u00e3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  pages.forEach((p, i) => {
    const n = 3 + i * 3;
    const k = 842 / Math.max(p.width, p.height);
    const w = Math.round(p.width * k * 100) / 100;
    const h = Math.round(p.height * k * 100) / 100;
    const content = enc.encode(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`);
    obj(
      n,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`,
    );
    obj(n + 1, `<< /Length ${content.length} >>`, content);
    obj(
      n + 2,
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>`,
      p.jpeg,
    );
  });
  const count = 3 + pages.length * 3;
  const xref = size;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let i = 1; i < count; i++) push(`${String(offsets[i] ?? 0).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Blob(parts as BlobPart[], { type: 'application/pdf' });
}
