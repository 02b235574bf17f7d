// Draws the agent app's icons (a white check mark on the brand blue) pixel by pixel and writes
// them as PNG files with Node built-ins only, so that no image tool is needed to rebuild them.
// Run: node apps/mobile/scripts/make-icons.mjs   (the PNG files are committed; rerun after a change)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const BRAND = [0x0f, 0x4c, 0x81]; // --color-brand-700 in src/styles.css
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLING = 4; // 4 x 4 samples per pixel for smooth edges

// The check mark on a 64 x 64 grid, the same path as public/favicon.svg.
const CHECK_POINTS = [
  [17, 33.5],
  [27.5, 44],
  [47, 22],
];
const CHECK_HALF_WIDTH = 4;

const outputDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

/** Distance from (px, py) to the segment a-b. */
function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inCheck(x, y) {
  for (let i = 1; i < CHECK_POINTS.length; i += 1) {
    if (distanceToSegment(x, y, CHECK_POINTS[i - 1], CHECK_POINTS[i]) <= CHECK_HALF_WIDTH) return true;
  }
  return false;
}

function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 64 - radius);
  const cy = Math.min(Math.max(y, radius), 64 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/**
 * Renders one icon as RGBA rows.
 * - cornerRadius: 0 for a full-bleed square (maskable, Apple touch: the platform shapes it).
 * - checkScale: shrinks the check mark around the centre (maskable icons keep their content in
 *   the central safe circle, 80 % of the size).
 */
function render(size, { cornerRadius, checkScale }) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLING; sx += 1) {
          // Sample position on the 64 x 64 design grid.
          const x = ((col + (sx + 0.5) / SUPERSAMPLING) / size) * 64;
          const y = ((row + (sy + 0.5) / SUPERSAMPLING) / size) * 64;
          if (cornerRadius > 0 && !inRoundedSquare(x, y, cornerRadius)) continue;
          const colour = inCheck(32 + (x - 32) / checkScale, 32 + (y - 32) / checkScale) ? WHITE : BRAND;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += 1;
        }
      }
      const offset = (row * size + col) * 4;
      if (alpha > 0) {
        pixels[offset] = Math.round(red / alpha);
        pixels[offset + 1] = Math.round(green / alpha);
        pixels[offset + 2] = Math.round(blue / alpha);
      }
      pixels[offset + 3] = Math.round((alpha / samples) * 255);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/** A PNG file: 8-bit RGBA, no interlacing, filter type 0 on every row. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1) {
    pixels.copy(rows, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: 'icon-192.png', size: 192, cornerRadius: 14, checkScale: 1 },
  { file: 'icon-512.png', size: 512, cornerRadius: 14, checkScale: 1 },
  { file: 'icon-maskable-512.png', size: 512, cornerRadius: 0, checkScale: 0.85 },
  { file: 'apple-touch-icon.png', size: 180, cornerRadius: 0, checkScale: 0.9 },
];

mkdirSync(outputDir, { recursive: true });
for (const { file, size, ...options } of icons) {
  const png = encodePng(size, render(size, options));
  writeFileSync(join(outputDir, file), png);
  process.stdout.write(`${file}: ${size} x ${size}, ${png.length} bytes\n`);
}
