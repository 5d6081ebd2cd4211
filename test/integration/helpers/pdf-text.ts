import { inflateSync } from 'node:zlib';

/**
 * A tiny text extractor for the PDFs pdfkit writes (Flate streams are inflated first): content streams hold
 * hex glyph codes (`[<0001 0002> 12 <0003>] TJ`) of embedded Type0 fonts, and each font's
 * ToUnicode CMap (`beginbfrange <lo> <hi> [<u> …]`) maps them back to text. Enough to check
 * what a report says; not a general PDF parser.
 */
/**
 * The file with every compressed non-image stream inflated in place. Each stream is cut by its
 * dictionary's `/Length` (never by searching for `endstream`, which compressed bytes may hold),
 * and a stream whose dictionary names an image anywhere stays as it is (raw pixels would read
 * as PDF syntax).
 */
function inflateStreams(pdf: string): string {
  const head = /\d+ 0 obj\s*(<<(?:(?!endobj)[^])*?>>)\s*stream\r?\n/g;
  let out = '';
  let at = 0;
  for (let m = head.exec(pdf); m; m = head.exec(pdf)) {
    const dict = m[1]!;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const start = m.index + m[0].length;
    if (!length) continue;
    const end = start + Number(length[1]);
    head.lastIndex = end;
    if (!dict.includes('/FlateDecode') || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    try {
      const text = inflateSync(Buffer.from(pdf.slice(start, end), 'latin1')).toString('latin1');
      out += pdf.slice(at, start) + text;
      at = end;
    } catch {
      // not inflatable: left as it is
    }
  }
  return out + pdf.slice(at);
}

function objects(pdf: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of pdf.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) out.set(m[1]!, m[2]!);
  return out;
}

function cmapOf(body: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of body.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*\[([^\]]*)\]/gi)) {
    const lo = parseInt(m[1]!, 16);
    [...m[3]!.matchAll(/<([0-9a-f]*)>/gi)].forEach((u, i) => {
      const hex = u[1]!;
      const chars: number[] = [];
      for (let k = 0; k < hex.length; k += 4) chars.push(parseInt(hex.slice(k, k + 4), 16));
      map.set(lo + i, String.fromCharCode(...chars));
    });
  }
  const plain = body.replace(/<[0-9a-f]{4}>\s*<[0-9a-f]{4}>\s*\[[^\]]*\]/gi, '');
  for (const m of plain.matchAll(/^<([0-9a-f]{4})>\s*<([0-9a-f]{4})>\s*<([0-9a-f]{4})>$/gim)) {
    const lo = parseInt(m[1]!, 16);
    const hi = parseInt(m[2]!, 16);
    const u = parseInt(m[3]!, 16);
    for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(u + c - lo));
  }
  return map;
}

/** The text of every page, fragments joined by spaces. */
export function pdfText(bytes: Uint8Array): string {
  const pdf = inflateStreams(Buffer.from(bytes).toString('latin1'));
  const objs = objects(pdf);
  // Font resource names → the font's ToUnicode map.
  const fonts = new Map<string, Map<number, string>>();
  for (const m of pdf.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const font = objs.get(m[2]!);
    const to = font && /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
    const cmap = to ? objs.get(to) : undefined;
    if (cmap) fonts.set(m[1]!, cmapOf(cmap));
  }
  const parts: string[] = [];
  let current: Map<number, string> | undefined;
  for (const m of pdf.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/gi)) {
    if (m[1]) {
      current = fonts.get(m[1]);
      continue;
    }
    let s = '';
    for (const h of (m[2] ?? '').matchAll(/<([0-9a-f]*)>/gi))
      for (let k = 0; k < h[1]!.length; k += 4)
        s += current?.get(parseInt(h[1]!.slice(k, k + 4), 16)) ?? '';
    parts.push(s);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}
