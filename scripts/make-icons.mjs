// Draws the app and tray icons with plain Node: shapes are rasterised with 4×4 supersampling, PNGs are encoded
// by hand (zlib + CRC-32), ICOs wrap PNGs. Output is committed; run `npm run icons` after changing a shape.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SAMPLES = 4

// ---------- PNG / ICO encoding ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** RGBA (straight alpha, 8 bits per channel) → PNG file bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** ICO whose entries are PNG images (supported since Windows Vista). */
function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + 16 * images.length
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size
    entry[1] = size >= 256 ? 0 : size
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

// ---------- shapes (unit square, y down) ----------

/** The shield: straight sides, then an elliptical taper to a point. */
function inShield(x, y, { top = 0.08, bottom = 0.94, halfWidth = 0.38, shoulder = 0.45 } = {}) {
  const dx = Math.abs(x - 0.5)
  // A gentle dip in the middle of the top edge.
  const topEdge = top + 0.05 * (1 - (dx / halfWidth) ** 2)
  if (y < topEdge || y > bottom || dx > halfWidth) return false
  if (y <= shoulder) return true
  const t = (y - shoulder) / (bottom - shoulder)
  return dx <= halfWidth * Math.max(0, 1 - t ** 1.7) ** 0.75
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax
  const vy = by - ay
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy))
}

function onPolyline(x, y, points, width) {
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [ax, ay] = points[i]
    const [bx, by] = points[i + 1]
    if (distanceToSegment(x, y, ax, ay, bx, by) <= width / 2) return true
  }
  return false
}

const GLYPHS = {
  // Three scan arcs above a dot: "watching the network".
  idle: (x, y) => {
    const r = Math.hypot(x - 0.5, y - 0.62)
    const up = y < 0.62 && Math.abs(x - 0.5) < (0.62 - y) * 1.25
    return r < 0.055 || (up && ((r > 0.12 && r < 0.17) || (r > 0.22 && r < 0.27)))
  },
  running: (x, y) => [0.32, 0.5, 0.68].some((cx) => Math.hypot(x - cx, y - 0.46) < 0.065),
  attention: (x, y) =>
    onPolyline(
      x,
      y,
      [
        [0.5, 0.24],
        [0.5, 0.54],
      ],
      0.11,
    ) || Math.hypot(x - 0.5, y - 0.7) < 0.065,
  error: (x, y) =>
    onPolyline(
      x,
      y,
      [
        [0.36, 0.3],
        [0.64, 0.62],
      ],
      0.1,
    ) ||
    onPolyline(
      x,
      y,
      [
        [0.64, 0.3],
        [0.36, 0.62],
      ],
      0.1,
    ),
}

const STATE_COLOURS = {
  idle: [38, 132, 255],
  running: [38, 132, 255],
  attention: [230, 162, 20],
  error: [220, 50, 47],
}

// ---------- rasteriser ----------

/** `paint(x, y)` returns [r, g, b, a] (a 0–1) or null for transparent, in unit coordinates. */
function rasterise(size, paint) {
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
          if (!colour) continue
          const alpha = colour[3]
          r += colour[0] * alpha
          g += colour[1] * alpha
          b += colour[2] * alpha
          a += alpha
        }
      }
      const i = (py * size + px) * 4
      const n = SAMPLES * SAMPLES
      if (a > 0) {
        rgba[i] = Math.round(r / a)
        rgba[i + 1] = Math.round(g / a)
        rgba[i + 2] = Math.round(b / a)
      }
      rgba[i + 3] = Math.round((a / n) * 255)
    }
  }
  return rgba
}

/** macOS Template image: black shield with the glyph cut out (alpha only carries the shape). */
function templatePainter(state) {
  const glyph = GLYPHS[state]
  return (x, y) => (inShield(x, y) && !glyph(x, y) ? [0, 0, 0, 1] : null)
}

/** Linux / Windows: coloured shield, white glyph, thin dark rim so it reads on light and dark panels. */
function colourPainter(state) {
  const glyph = GLYPHS[state]
  const [r, g, b] = STATE_COLOURS[state]
  return (x, y) => {
    if (!inShield(x, y)) return null
    if (!inShield(x, y, { top: 0.13, bottom: 0.88, halfWidth: 0.33, shoulder: 0.45 }))
      return [r * 0.6, g * 0.6, b * 0.6, 1]
    return glyph(x, y) ? [255, 255, 255, 1] : [r, g, b, 1]
  }
}

/** App icon: rounded dark tile, gradient shield, white scan arcs. */
function appIconPainter(x, y) {
  const inset = 0.06
  const radius = 0.2
  const cx = Math.min(Math.max(x, inset + radius), 1 - inset - radius)
  const cy = Math.min(Math.max(y, inset + radius), 1 - inset - radius)
  if (Math.hypot(x - cx, y - cy) > radius) return null
  const tile = [18 + 20 * y, 30 + 24 * y, 48 + 30 * y, 1]
  const shield = { top: 0.16, bottom: 0.88, halfWidth: 0.3, shoulder: 0.46 }
  if (!inShield(x, y, shield)) return tile
  const u = (x - 0.2) / 0.6
  const v = (y - 0.16) / 0.72
  if (GLYPHS.idle(0.5 + (x - 0.5) / 0.78, 0.5 + (y - 0.52) / 0.78)) return [255, 255, 255, 1]
  return [30 + 40 * u, 120 + 60 * (1 - v), 255 - 40 * v, 1]
}

// ---------- output ----------

function write(relative, bytes) {
  const file = path.join(root, relative)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, bytes)
  console.log(`make-icons: ${relative} (${bytes.length} bytes)`)
}

const png = (size, painter) => encodePng(size, rasterise(size, painter))

write('build/icon.png', png(1024, appIconPainter))
write('build/icons/512x512.png', png(512, appIconPainter))
write('build/icon.ico', encodeIco([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size, appIconPainter) }))))

for (const state of Object.keys(GLYPHS)) {
  const base = state === 'idle' ? 'trayTemplate' : `tray-${state}Template`
  write(`resources/tray/${base}.png`, png(16, templatePainter(state)))
  write(`resources/tray/${base}@2x.png`, png(32, templatePainter(state)))
  write(`resources/tray/tray-${state}.png`, png(32, colourPainter(state)))
  write(
    `resources/tray/tray-${state}.ico`,
    encodeIco([16, 20, 24, 32, 48].map((size) => ({ size, png: png(size, colourPainter(state)) }))),
  )
}
