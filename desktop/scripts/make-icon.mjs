// Draws Redacta's app icon (assets/icon.png, 1024×1024): a blue rounded square with lines of
// "text", one of them blacked out. Pure Node (zlib), so the icon is reproducible anywhere:
// `npm run icons`. electron-builder derives the .ico/.icns from this PNG.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 1024;
const px = Buffer.alloc(SIZE * SIZE * 4);

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const shapes = [
  { rect: [64, 64, 960, 960, 180], rgba: [47, 111, 222, 255] },
  { rect: [220, 300, 804, 360, 30], rgba: [255, 255, 255, 255] },
  { rect: [220, 482, 420, 542, 30], rgba: [255, 255, 255, 255] },
  { rect: [460, 470, 804, 554, 16], rgba: [17, 24, 39, 255] },
  { rect: [220, 664, 680, 724, 30], rgba: [255, 255, 255, 255] },
];

for (let y = 0; y < SIZE; y += 1) {
  for (let x = 0; x < SIZE; x += 1) {
    for (const { rect, rgba } of shapes) {
      if (inRoundedRect(x, y, ...rect)) px.set(rgba, (y * SIZE + x) * 4);
    }
  }
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y += 1) px.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../assets/icon.png", import.meta.url), png);
console.log(`assets/icon.png: ${png.length} bytes`);
