/**
 * An opaque RGB PNG from resvg's RGBA pixels. Report pictures have a white background, so the
 * alpha channel carries nothing — and pdfkit, given a PNG with alpha, splits it off pixel by
 * pixel in JavaScript (seconds per board picture); an RGB PNG it embeds as it is.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (alpha composited on white) as an 8-bit RGB PNG. */
export function rgbPng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    let o = y * stride + 1; // filter byte 0 (none) leads each row
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4, o += 3) {
      const a = rgba[i + 3] ?? 255;
      // resvg's pixels are premultiplied by alpha: add the white that shows through.
      raw[o] = Math.min(255, (rgba[i] ?? 0) + 255 - a);
      raw[o + 1] = Math.min(255, (rgba[i + 1] ?? 0) + 255 - a);
      raw[o + 2] = Math.min(255, (rgba[i + 2] ?? 0) + 255 - a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 4 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
