// A tiny PNG encoder (node:zlib only) for the image answers: showqrcode and getwxacodeunlimit
// answer a real, decodable PNG whose pixels depend on the input, so a test can tell two apart.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const PNG_SIGNATURE = SIGNATURE;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A black-and-white square of `modules`² cells, `scale` pixels each, the cells drawn from a hash of
 * `seed` (a QR-code look, not a scannable code) with a white quiet zone of one cell.
 */
export function patternPng(seed: string, modules = 21, scale = 8): Buffer {
  const bits = createHash('sha256').update(seed).digest();
  const cells = modules + 2;
  const size = cells * scale;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size, 0xff); // filter byte 0, then one grey byte per pixel
    row[0] = 0;
    const cy = Math.floor(y / scale) - 1;
    for (let x = 0; x < size; x++) {
      const cx = Math.floor(x / scale) - 1;
      if (cx < 0 || cy < 0 || cx >= modules || cy >= modules) continue;
      const i = cy * modules + cx;
      if ((((bits[i % bits.length] ?? 0) >> (i % 8)) & 1) === 1) row[1 + x] = 0;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
