/**
 * Clean-ups of a levelled crop (warp.ts: bars run vertically, the reading direction is +x) before zxing
 * reads it again. zxing-cpp binarizes a 1-D scan line with one threshold for the whole line (a histogram
 * valley), which a glare spot, a dim screen or defocus blur defeats; and it needs about 2 pixels per bar,
 * which a far-away code does not have. Here every line is
 *
 * - averaged along the bars (they are vertical in the crop, so this removes noise without blurring across
 *   them);
 * - levelled: its local mean is subtracted and it is divided by its local spread, so a glare spot or a
 *   dim screen no longer moves the threshold;
 * - sharpened when the code is blurred (unsharp mask), so a narrow bar between two wide spaces crosses
 *   the threshold again;
 * - and enlarged when elements are only a pixel or two wide.
 *
 * The result is a small grey image; zxing's own binarizer then finds a clean valley in the middle.
 */
import type { ImageLike } from './frame'

export interface LineProfile {
  /** Mean grey level per crop column over the middle rows. */
  values: Float32Array
  /** Mean element (bar or space) width in crop pixels, from how often the profile crosses its mean. */
  elementWidth: number
  /** How strongly the profile repeats itself (0…1): blinds and keyboards ≈ 0.8+, bar codes ≈ 0.2–0.5. */
  periodicity: number
}

/** Grey level of crop pixel (x, y): the crop is grey, so one channel is enough. */
const grey = (image: ImageLike, x: number, y: number) => image.data[(y * image.width + x) * 4]!

/** Mean of rows [y0, y1) per column. */
function meanRows(
  image: ImageLike,
  y0: number,
  y1: number,
  out = new Float32Array(image.width)
): Float32Array {
  out.fill(0)
  const lo = Math.max(0, Math.floor(y0))
  const hi = Math.min(image.height, Math.max(lo + 1, Math.ceil(y1)))
  for (let y = lo; y < hi; y++) for (let x = 0; x < image.width; x++) out[x]! += grey(image, x, y)
  for (let x = 0; x < image.width; x++) out[x]! /= hi - lo
  return out
}

/** Running mean over a window of 2·r + 1 (edges clamped), into `out`; `prefix` is scratch (n + 1). */
function boxMean(
  values: Float32Array,
  r: number,
  out = new Float32Array(values.length),
  prefix = new Float64Array(values.length + 1)
): Float32Array {
  const n = values.length
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + values[i]!
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - r)
    const b = Math.min(n, i + r + 1)
    out[i] = (prefix[b]! - prefix[a]!) / (b - a)
  }
  return out
}

/**
 * The profile across the middle rows of the crop (a third of them unless told), with its element width and periodicity: enough to
 * choose an enlargement and to tell stripes in the clutter (one period repeated) from a code.
 */
export function lineProfile(crop: ImageLike, middle = 1 / 3): LineProfile {
  const values = meanRows(crop, (crop.height * (1 - middle)) / 2, (crop.height * (1 + middle)) / 2)
  const n = values.length
  const local = boxMean(values, 12)
  const d = new Float32Array(n)
  for (let i = 0; i < n; i++) d[i] = values[i]! - local[i]!
  let energy = 0
  for (const v of d) energy += v * v
  // Crossings of the local mean, ignoring wiggles smaller than a tenth of the spread (noise, JPEG).
  const dead = 0.1 * Math.sqrt(energy / Math.max(1, n))
  let crossings = 0
  let first = -1
  let last = -1
  let sign = 0
  for (let i = 0; i < n; i++) {
    const s = d[i]! > dead ? 1 : d[i]! < -dead ? -1 : 0
    if (s === 0 || s === sign) continue
    if (sign !== 0) {
      crossings++
      if (first < 0) first = i
      last = i
    }
    sign = s
  }
  const elementWidth = crossings > 1 ? (last - first) / (crossings - 1) : Infinity
  // Normalised autocorrelation: after its first dip, a periodic profile climbs back close to 1.
  let periodicity = 0
  if (energy > 0) {
    let dipped = false
    for (let lag = 1; lag < n / 3; lag++) {
      let s = 0
      for (let i = 0; i + lag < n; i++) s += d[i]! * d[i + lag]!
      const r = s / energy / ((n - lag) / n)
      if (!dipped) dipped = r < 0
      else periodicity = Math.max(periodicity, r)
    }
  }
  return { values, elementWidth, periodicity }
}

export interface EnhanceSpec {
  /** Output rows are means over bands this many crop rows tall (1 = every row on its own). */
  band: number
  /** Crop rows between the starts of two bands. */
  step: number
  /** Horizontal enlargement (1–3) by linear interpolation; rows are repeated as often. */
  upscale: number
  /** Levelling window (crop pixels): wide enough to hold a bar and a space of the widest kind. */
  window: number
  /** Unsharp-mask strength (0 = off). */
  sharpen: number
}

/** A new grey RGBA image of the crop's enhanced lines (see the file comment). */
export function enhanceCrop(crop: ImageLike, spec: EnhanceSpec): ImageLike {
  const n = crop.width
  const outW = n * spec.upscale
  const lineCount = Math.max(1, Math.floor((crop.height - spec.band) / spec.step) + 1)
  const rows = lineCount * spec.upscale
  const data = new Uint8ClampedArray(outW * rows * 4).fill(255)
  // Scratch lines, reused for every band: this runs on hundreds of lines per frame.
  const line = new Float32Array(n)
  const soft = new Float32Array(n)
  const tmp = new Float32Array(n)
  const mean = new Float32Array(n)
  const sq = new Float32Array(n)
  const prefix = new Float64Array(n + 1)
  const r = Math.max(2, Math.round(spec.window / 2))
  for (let k = 0; k < lineCount; k++) {
    const y0 = k * spec.step
    meanRows(crop, y0, y0 + spec.band, line)
    if (spec.sharpen > 0) {
      boxMean(boxMean(line, 1, tmp, prefix), 1, soft, prefix)
      for (let i = 0; i < n; i++) line[i] = line[i]! + spec.sharpen * (line[i]! - soft[i]!)
    }
    boxMean(line, r, mean, prefix)
    for (let i = 0; i < n; i++) tmp[i] = (line[i]! - mean[i]!) ** 2
    boxMean(tmp, r, sq, prefix)
    const base = k * spec.upscale * outW * 4
    for (let x = 0; x < outW; x++) {
      // Sample position in crop pixels (pixel centres line up), linear between neighbours.
      const fx = Math.min(n - 1, Math.max(0, (x + 0.5) / spec.upscale - 0.5))
      const i = Math.floor(fx)
      const t = fx - i
      const j = Math.min(n - 1, i + 1)
      const value = line[i]! * (1 - t) + line[j]! * t
      const m = mean[i]! * (1 - t) + mean[j]! * t
      const s = Math.sqrt(sq[i]! * (1 - t) + sq[j]! * t)
      const o = base + x * 4
      data[o] = data[o + 1] = data[o + 2] = 128 + (60 * (value - m)) / (s + 4)
    }
    // Repeated rows keep the enlarged image's proportions.
    for (let rep = 1; rep < spec.upscale; rep++) data.copyWithin(base + rep * outW * 4, base, base + outW * 4)
  }
  return { data, width: outW, height: rows }
}
