#!/usr/bin/env node
/**
 * Draws the tab bar icons (WeChat needs PNG files): a house for 首页, a work sheet on a
 * clipboard for 工单, a speech bubble for 消息 and a person for 我的,
 * grey and police blue, 81×81 as WeChat recommends. Run it again after changing a shape:
 *   node miniapp/assets/tabbar/generate.js
 */
const { writeFileSync } = require('node:fs')
const { join } = require('node:path')
const { deflateSync } = require('node:zlib')

const SIZE = 81
const SAMPLES = 4 // per axis, for smooth edges

const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by)
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy)
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return inRect(x, y, x0, y0, x1, y1) && (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2
}

const shapes = {
  home: (x, y) => (inTriangle(x, y, [40.5, 8], [6, 40], [75, 40]) || inRect(x, y, 16, 36, 65, 72)) && !inRect(x, y, 33, 50, 48, 72),
  tickets: (x, y) =>
    (inRect(x, y, 15, 11, 66, 75) && !inRect(x, y, 21, 17, 60, 69)) ||
    (inRect(x, y, 26, 5, 55, 21) && !inRect(x, y, 36, 9, 45, 13)) ||
    [30, 42, 54].some((top) => inRect(x, y, 28, top, 53, top + 5)),
  messages: (x, y) =>
    (inRoundRect(x, y, 7, 12, 74, 58, 14) || inTriangle(x, y, [18, 54], [36, 54], [14, 73])) &&
    ![26, 40.5, 55].some((cx) => (x - cx) ** 2 + (y - 35) ** 2 <= 5 ** 2),
  mine: (x, y) => (x - 40.5) ** 2 + (y - 24) ** 2 <= 15 ** 2 || (y <= 72 && ((x - 40.5) / 30) ** 2 + ((y - 76) / 32) ** 2 <= 1),
}

function crc32(buf) {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++) if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((255 * hits) / SAMPLES ** 2)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const GREY = [0x3d, 0x44, 0x50]
const BLUE = [0x1a, 0x4f, 0xa0]
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(join(__dirname, `${name}.png`), png(shape, GREY))
  writeFileSync(join(__dirname, `${name}-active.png`), png(shape, BLUE))
}
console.log('tab bar icons written to', __dirname)
