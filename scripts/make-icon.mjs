#!/usr/bin/env node
// Draws images/icon.png (128×128): a draft page on a blue ground with a yellow check mark.
// No image library and no download: shapes are sampled 4×4 per pixel for smooth edges and the
// PNG is written with zlib. Usage: node scripts/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;
const out = process.argv[2] ?? new URL('../images/icon.png', import.meta.url).pathname;

const BLUE = [31, 58, 95];
const PAGE = [250, 250, 247];
const FOLD = [205, 212, 222];
const INK = [120, 134, 156];
const YELLOW = [242, 201, 76];
const DARK = [31, 58, 95];

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const distanceToSegment = (x, y, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};

/** Colour at a point, or null for transparent: later shapes paint over earlier ones. */
function colourAt(x, y) {
  let c = null;
  if (inRoundedRect(x, y, 4, 4, 124, 124, 22)) c = BLUE;
  // The page, with its top-right corner folded.
  const onPage = x >= 28 && x <= 88 && y >= 18 && y <= 104 && !(x - 72 > y - 18 && x > 72 && y < 34);
  if (onPage) c = PAGE;
  if (x > 72 && x <= 88 && y >= 18 && y < 34 && x - 72 <= y - 18) c = FOLD;
  // Lines of text.
  for (const [ly, len] of [[44, 44], [54, 48], [64, 40], [74, 46], [84, 30]]) {
    if (y >= ly && y <= ly + 4 && x >= 36 && x <= 36 + len) c = INK;
  }
  // The check: a yellow disc with a dark tick.
  const dx = x - 92;
  const dy = y - 92;
  if (dx * dx + dy * dy <= 24 * 24) c = YELLOW;
  if (dx * dx + dy * dy <= 24 * 24 && (distanceToSegment(x, y, 80, 92, 89, 101) <= 3.6 || distanceToSegment(x, y, 89, 101, 105, 83) <= 3.6)) c = DARK;
  return c;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${SIZE}×${SIZE}, ${png.length} bytes`);
