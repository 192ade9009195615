/**
 * JPEG-like artefacts without a JPEG encoder: 8×8 DCT of luma, quantised with the standard luminance table
 * at a given quality, then inverted. Block edges and ringing are what matter to a decoder; entropy coding
 * and chroma change nothing it sees.
 */

// ITU-T T.81 Annex K, table K.1.
const LUMA_TABLE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22,
  29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
  121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99
]

const COS = new Float64Array(64)
for (let x = 0; x < 8; x++)
  for (let u = 0; u < 8; u++)
    COS[x * 8 + u] = Math.cos(((2 * x + 1) * u * Math.PI) / 16) * (u === 0 ? Math.SQRT1_2 : 1)

function quantTable(quality: number): Float64Array {
  const q = Math.min(100, Math.max(1, quality))
  const scale = q < 50 ? 5000 / q : 200 - 2 * q
  return Float64Array.from(LUMA_TABLE, (v) => Math.max(1, Math.floor((v * scale + 50) / 100)))
}

/** 1-D DCT (inverse when inv) of 8 values at stride in src, written with the same stride to dst. */
function dct8(src: Float64Array, dst: Float64Array, offset: number, stride: number, inv: boolean): void {
  for (let k = 0; k < 8; k++) {
    let s = 0
    for (let j = 0; j < 8; j++) s += src[offset + j * stride]! * (inv ? COS[k * 8 + j]! : COS[j * 8 + k]!)
    dst[offset + k * stride] = s / 2
  }
}

function blockRoundTrip(block: Float64Array, table: Float64Array, tmp: Float64Array): void {
  // Separable forward DCT (rows, then columns), quantise, separable inverse.
  for (let r = 0; r < 8; r++) dct8(block, tmp, r * 8, 1, false)
  for (let c = 0; c < 8; c++) dct8(tmp, block, c, 8, false)
  for (let i = 0; i < 64; i++) block[i] = Math.round(block[i]! / table[i]!) * table[i]!
  for (let c = 0; c < 8; c++) dct8(block, tmp, c, 8, true)
  for (let r = 0; r < 8; r++) dct8(tmp, block, r * 8, 1, true)
}

/** Applies the artefacts in place to the 8-aligned box of a luma plane (decoders only look at luminance). */
export function jpegArtifacts(
  luma: Float32Array,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
  quality: number
): void {
  const table = quantTable(quality)
  const block = new Float64Array(64)
  const tmp = new Float64Array(64)
  for (let by = box.y0; by + 7 <= box.y1; by += 8)
    for (let bx = box.x0; bx + 7 <= box.x1; bx += 8) {
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++)
          block[y * 8 + x] = Math.min(255, Math.max(0, luma[(by + y) * width + bx + x]!)) - 128
      blockRoundTrip(block, table, tmp)
      for (let y = 0; y < 8; y++)
        for (let x = 0; x < 8; x++) luma[(by + y) * width + bx + x] = block[y * 8 + x]! + 128
    }
}
