// A Windows .ico writer and reader, small enough to read in one sitting (no ImageMagick here).
//
// Layout: ICONDIR (6 bytes) + one ICONDIRENTRY (16 bytes) per image + the images.
// The 256 px image is stored as PNG (Vista and later); smaller ones as 32-bit BGRA DIBs with an AND
// mask, which every consumer understands (NSIS, rcedit, old shell code paths), not only Explorer.
import { PNG } from 'pngjs'

const ICONDIR_SIZE = 6
const ENTRY_SIZE = 16
const BITMAPINFOHEADER_SIZE = 40
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Sizes from this one up are stored as PNG inside the .ico. */
export const PNG_FROM_SIZE = 256

/**
 * @param {{ size: number, png: Buffer }[]} images square PNGs, 1..256 px
 * @returns {Buffer}
 */
export function encodeIco(images) {
  if (images.length === 0) throw new Error('an .ico needs at least one image')
  const payloads = images.map(({ size, png }) => {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`icon size ${size} is not 1..256`)
    const decoded = PNG.sync.read(png)
    if (decoded.width !== size || decoded.height !== size) {
      throw new Error(`image for ${size} px is ${decoded.width}x${decoded.height}`)
    }
    return { size, data: size >= PNG_FROM_SIZE ? png : dib(decoded.data, size) }
  })

  const header = Buffer.alloc(ICONDIR_SIZE)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(payloads.length, 4)

  let offset = ICONDIR_SIZE + ENTRY_SIZE * payloads.length
  const entries = payloads.map(({ size, data }) => {
    const entry = Buffer.alloc(ENTRY_SIZE)
    entry.writeUInt8(size === 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1)
    entry.writeUInt8(0, 2) // no palette
    entry.writeUInt8(0, 3) // reserved
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(data.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += data.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...payloads.map((p) => p.data)])
}

/** RGBA (top-down) → BITMAPINFOHEADER + BGRA rows bottom-up + 1-bit AND mask (set where transparent). */
function dib(rgba, size) {
  const maskStride = Math.ceil(size / 32) * 4
  const header = Buffer.alloc(BITMAPINFOHEADER_SIZE)
  header.writeUInt32LE(BITMAPINFOHEADER_SIZE, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // XOR bitmap + AND mask, by convention
  header.writeUInt16LE(1, 12) // planes
  header.writeUInt16LE(32, 14) // bits per pixel
  header.writeUInt32LE(0, 16) // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20)

  const pixels = Buffer.alloc(size * size * 4)
  const mask = Buffer.alloc(maskStride * size)
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = (row * size + x) * 4
      pixels[to] = rgba[from + 2] // B
      pixels[to + 1] = rgba[from + 1] // G
      pixels[to + 2] = rgba[from] // R
      pixels[to + 3] = rgba[from + 3] // A
      if (rgba[from + 3] < 128) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  return Buffer.concat([header, pixels, mask])
}

/**
 * Parses and checks an .ico: header, every directory entry, every image (PNG decoded with pngjs,
 * DIB header checked against the entry). Throws on anything malformed.
 * @param {Buffer} buf
 * @returns {{ width: number, height: number, format: 'png' | 'dib', bitCount: number, byteLength: number }[]}
 */
export function readIco(buf) {
  if (buf.length < ICONDIR_SIZE) throw new Error('too short for an ICONDIR')
  if (buf.readUInt16LE(0) !== 0 || buf.readUInt16LE(2) !== 1)
    throw new Error('not an icon (ICONDIR reserved/type)')
  const count = buf.readUInt16LE(4)
  if (count === 0) throw new Error('icon has no images')
  if (buf.length < ICONDIR_SIZE + count * ENTRY_SIZE)
    throw new Error('directory runs past the end of the file')

  const images = []
  for (let i = 0; i < count; i++) {
    const at = ICONDIR_SIZE + i * ENTRY_SIZE
    const width = buf.readUInt8(at) || 256
    const height = buf.readUInt8(at + 1) || 256
    const byteLength = buf.readUInt32LE(at + 8)
    const offset = buf.readUInt32LE(at + 12)
    if (offset + byteLength > buf.length)
      throw new Error(`image ${i} (${width}px) runs past the end of the file`)
    const data = buf.subarray(offset, offset + byteLength)

    if (data.subarray(0, 8).equals(PNG_SIGNATURE)) {
      const png = PNG.sync.read(Buffer.from(data))
      if (png.width !== width || png.height !== height) {
        throw new Error(`entry ${i} says ${width}x${height}, its PNG is ${png.width}x${png.height}`)
      }
      images.push({ width, height, format: 'png', bitCount: 32, byteLength })
    } else {
      if (data.length < BITMAPINFOHEADER_SIZE || data.readUInt32LE(0) !== BITMAPINFOHEADER_SIZE) {
        throw new Error(`entry ${i} is neither PNG nor a BITMAPINFOHEADER DIB`)
      }
      const dibWidth = data.readInt32LE(4)
      const dibHeight = data.readInt32LE(8)
      const bitCount = data.readUInt16LE(14)
      if (dibWidth !== width || dibHeight !== height * 2) {
        throw new Error(`entry ${i} says ${width}x${height}, its DIB is ${dibWidth}x${dibHeight / 2}`)
      }
      const maskStride = Math.ceil(width / 32) * 4
      const expected = BITMAPINFOHEADER_SIZE + (width * height * bitCount) / 8 + maskStride * height
      if (bitCount !== 32 || data.length !== expected) {
        throw new Error(
          `entry ${i}: ${bitCount}-bit DIB of ${data.length} bytes, expected 32-bit of ${expected}`
        )
      }
      images.push({ width, height, format: 'dib', bitCount, byteLength })
    }
  }
  return images
}
