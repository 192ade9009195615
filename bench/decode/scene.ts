/**
 * Synthetic 1280×720 webcam frames of a coupon code on a phone screen held up to the camera: the phone is
 * placed with a scale, an in-plane tilt and a little keystone, then the frame gets defocus blur, sensor
 * noise, a glare spot on the screen and JPEG artefacts. Deterministic for a given seed.
 *
 * Everything is rendered on a luma plane (decoders only look at luminance) and given a colour cast at the
 * end, which keeps a frame at about 60 ms to make.
 */
import { apply, homography, placedQuad, type Point } from './geometry'
import { jpegArtifacts } from './jpeg'
import type { ModuleBitmap } from './symbols'

export interface Frame {
  data: Uint8ClampedArray
  width: number
  height: number
}

export interface SceneSpec {
  symbol: ModuleBitmap
  /** Pixels per module at the centre of the symbol. */
  moduleSize: number
  tiltDeg: number
  /** 0…0.2: how much shorter the far edge of the phone looks. */
  keystone: number
  /** Gaussian defocus sigma in pixels (0 = sharp). */
  blur: number
  /** Sensor noise standard deviation in grey levels. */
  noise: number
  /** Peak brightness added by a reflection on the screen (0 = none). */
  glare: number
  /** JPEG quality 1…100, or 0 for none. */
  jpegQuality: number
  seed: number
  /** White screen margin around the symbol's own quiet zone, in modules. */
  margin?: number
  /** Striped and printed things lying around the counter (blinds, a keyboard, a receipt), how many. */
  clutter?: number
  /** Screen luma of light and dark modules (default: random, 205–250 and 15–55); close together = low contrast. */
  screenWhite?: number
  screenBlack?: number
  /** Glare spot radius as a fraction of the symbol's width (default: random, 0.08–0.2). */
  glareRadius?: number
  width?: number
  height?: number
}

export interface RenderedScene {
  frame: Frame
  /** Where the symbol's corners (quiet zone excluded) landed in the frame. */
  corners: Point[]
}

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A counter top: a smooth gradient plus a coarse wood-like texture. */
function background(luma: Float32Array, width: number, height: number, random: () => number): void {
  const l0 = 70 + random() * 110
  const l1 = 40 + random() * 90
  const gx = random() - 0.5
  const gy = random() - 0.5
  const rowWave = Float32Array.from({ length: height }, (_, y) => Math.sin(y * 0.013) * 3)
  const rowAmp = Float32Array.from({ length: height }, (_, y) => 8 * Math.sin(y * 0.041))
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const t = Math.min(
        1,
        Math.max(0, 0.5 + (gx * (x - width / 2)) / width + (gy * (y - height / 2)) / height)
      )
      luma[y * width + x] = l0 * (1 - t) + l1 * t + rowAmp[y]! * Math.sin(x * 0.05 + rowWave[y]!)
    }
}

/**
 * Things behind the phone that have stripes: Venetian blinds or a keyboard's key rows (periodic bars, soft
 * edges), a receipt (rows of short dark print) and a woven mat (two periodic patterns crossed). Each is a
 * rotated rectangle of 80–320 px somewhere in the frame.
 */
function drawClutter(
  luma: Float32Array,
  width: number,
  height: number,
  count: number,
  random: () => number
): void {
  for (let n = 0; n < count; n++) {
    const kind = Math.floor(random() * 3)
    const w = 80 + random() * 240
    const h = 60 + random() * 200
    const cx = random() * width
    const cy = random() * height
    const t = random() * Math.PI
    const cos = Math.cos(t)
    const sin = Math.sin(t)
    const period = 5 + random() * 14
    const duty = 0.3 + random() * 0.4
    const amp = 40 + random() * 90
    const base = 60 + random() * 150
    // Receipt: lines of print 9–14 px apart, words as dark runs of random length.
    const line = 9 + random() * 5
    const wordSeed = Math.floor(random() * 1e9)
    const reach = Math.hypot(w, h) / 2
    for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(height, cy + reach); y++)
      for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(width, cx + reach); x++) {
        const u = (x - cx) * cos + (y - cy) * sin
        const v = -(x - cx) * sin + (y - cy) * cos
        if (Math.abs(u) > w / 2 || Math.abs(v) > h / 2) continue
        let dark: number
        if (kind === 0) {
          // Soft-edged periodic bars: the phase within a period, smoothed over about a pixel.
          const phase = (((u / period) % 1) + 1) % 1
          dark = Math.min(1, Math.max(0, (duty - phase) * period + 0.5)) * Math.min(1, phase * period + 0.5)
        } else if (kind === 1) {
          const row = Math.floor(v / line)
          const inRow = (((v / line) % 1) + 1) % 1
          const word = Math.floor(u / 7) + row * 131 + wordSeed
          const hash = (Math.imul(word ^ (word >>> 7), 2654435761) >>> 0) / 4294967296
          dark = inRow < 0.55 && hash < 0.6 && (((u % 7) + 7) % 7 < 5.5 || hash < 0.3) ? 0.8 : 0
        } else {
          const a = (((u / period) % 1) + 1) % 1 < duty ? 1 : 0
          const b = (((v / (period * 1.7)) % 1) + 1) % 1 < 0.5 ? 0.35 : 0
          dark = Math.min(1, a * 0.8 + b)
        }
        const edge = Math.min(w / 2 - Math.abs(u), h / 2 - Math.abs(v), 1)
        luma[y * width + x] = luma[y * width + x]! * (1 - edge) + (base + amp / 2 - dark * amp) * edge
      }
  }
}

interface Box {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** Blurs the box (the phone; the background is smooth already, blurring it changes nothing). */
function gaussianBlur(luma: Float32Array, width: number, box: Box, sigma: number): void {
  if (sigma <= 0) return
  const r = Math.ceil(sigma * 2.5)
  const kernel = Float32Array.from({ length: 2 * r + 1 }, (_, i) =>
    Math.exp(-((i - r) ** 2) / (2 * sigma * sigma))
  )
  const sum = kernel.reduce((a, b) => a + b, 0)
  kernel.forEach((v, i) => (kernel[i] = v / sum))
  const tmp = new Float32Array(luma)
  for (let y = box.y0; y <= box.y1; y++)
    for (let x = box.x0 + r; x <= box.x1 - r; x++) {
      let s = 0
      for (let k = -r; k <= r; k++) s += luma[y * width + x + k]! * kernel[k + r]!
      tmp[y * width + x] = s
    }
  for (let y = box.y0 + r; y <= box.y1 - r; y++)
    for (let x = box.x0; x <= box.x1; x++) {
      let s = 0
      for (let k = -r; k <= r; k++) s += tmp[(y + k) * width + x]! * kernel[k + r]!
      luma[y * width + x] = s
    }
}

/** Standard normal deviates (Box–Muller), made once: per-pixel noise then costs a table look-up. */
const NORMALS = (() => {
  const random = rng(12345)
  const out = new Float32Array(1 << 16)
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12)))
    const t = 2 * Math.PI * random()
    out[i] = r * Math.cos(t)
    out[i + 1] = r * Math.sin(t)
  }
  return out
})()

export function renderScene(spec: SceneSpec): RenderedScene {
  const width = spec.width ?? 1280
  const height = spec.height ?? 720
  const random = rng(spec.seed)
  const luma = new Float32Array(width * height)
  background(luma, width, height, random)
  // Clutter draws from its own stream, so frames made without it stay exactly as they were.
  if (spec.clutter) drawClutter(luma, width, height, spec.clutter, rng(spec.seed ^ 0x5bd1e995))

  // The phone, in module units: a white screen margin around the symbol, room for the card's text below
  // it, and a dark bezel.
  const { symbol, moduleSize } = spec
  const margin = spec.margin ?? 6
  const bezel = 4
  const phoneW = symbol.width + 2 * (margin + bezel)
  const phoneH = symbol.height + 2 * (margin + bezel) + Math.round(symbol.width * 0.3)
  const spanX = Math.max(0, width - phoneW * moduleSize * 1.2)
  const spanY = Math.max(0, height - phoneH * moduleSize * 1.2)
  const cx = width / 2 + (random() - 0.5) * spanX * 0.5
  const cy = height / 2 + (random() - 0.5) * spanY * 0.5
  const quad = placedQuad(cx, cy, phoneW * moduleSize, phoneH * moduleSize, spec.tiltDeg, spec.keystone)
  const phoneRect: Point[] = [
    [0, 0],
    [phoneW, 0],
    [phoneW, phoneH],
    [0, phoneH]
  ]
  const toPhone = homography(quad, phoneRect)
  const toFrame = homography(phoneRect, quad)

  const white0 = 205 + random() * 45
  const black0 = 15 + random() * 40
  const white = spec.screenWhite ?? white0
  const black = spec.screenBlack ?? black0
  const symX = margin + bezel
  const symY = margin + bezel
  const xs = quad.map((p) => p[0])
  const ys = quad.map((p) => p[1])
  const x0 = Math.max(0, Math.floor(Math.min(...xs)))
  const x1 = Math.min(width - 1, Math.ceil(Math.max(...xs)))
  const y0 = Math.max(0, Math.floor(Math.min(...ys)))
  const y1 = Math.min(height - 1, Math.ceil(Math.max(...ys)))
  const h = toPhone
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      // 2×2 supersampling: edges get the partial coverage a lens would give them.
      let lum = 0
      let inside = 0
      for (let s = 0; s < 4; s++) {
        const px = x + (s & 1 ? 0.75 : 0.25)
        const py = y + (s & 2 ? 0.75 : 0.25)
        const w = h[6]! * px + h[7]! * py + h[8]!
        const u = (h[0]! * px + h[1]! * py + h[2]!) / w
        const v = (h[3]! * px + h[4]! * py + h[5]!) / w
        if (u < 0 || v < 0 || u >= phoneW || v >= phoneH) continue
        inside++
        if (u < bezel || v < bezel || u >= phoneW - bezel || v >= phoneH - bezel) {
          lum += 28
          continue
        }
        const mx = Math.floor(u - symX)
        const my = Math.floor(v - symY)
        const dark =
          mx >= 0 && my >= 0 && mx < symbol.width && my < symbol.height && symbol.dark[my * symbol.width + mx]
        lum += dark ? black : white
      }
      if (inside === 0) continue
      const a = inside / 4
      const i = y * width + x
      luma[i] = luma[i]! * (1 - a) + (lum / inside) * a
    }

  if (spec.glare > 0) {
    // A soft reflection somewhere over the symbol.
    const [gx, gy] = apply(
      toFrame,
      symX + symbol.width * (0.2 + random() * 0.6),
      symY + symbol.height * (0.2 + random() * 0.6)
    )
    const r0 = 0.08 + random() * 0.12
    const radius = symbol.width * moduleSize * (spec.glareRadius ?? r0)
    for (let y = Math.max(0, Math.floor(gy - 3 * radius)); y < Math.min(height, gy + 3 * radius); y++)
      for (let x = Math.max(0, Math.floor(gx - 3 * radius)); x < Math.min(width, gx + 3 * radius); x++)
        luma[y * width + x]! +=
          spec.glare * Math.exp(-((x - gx) ** 2 + (y - gy) ** 2) / (2 * radius * radius))
  }
  // Blur and JPEG only where there is detail: the phone plus a margin, aligned to the 8×8 JPEG grid.
  const box: Box = {
    x0: Math.max(0, (x0 - 16) & ~7),
    y0: Math.max(0, (y0 - 16) & ~7),
    x1: Math.min(width - 1, ((x1 + 24) & ~7) - 1),
    y1: Math.min(height - 1, ((y1 + 24) & ~7) - 1)
  }
  gaussianBlur(luma, width, box, spec.blur)
  if (spec.noise > 0) {
    let state = (spec.seed * 2654435761) >>> 0 || 1
    for (let i = 0; i < luma.length; i++) {
      state ^= state << 13
      state ^= state >>> 17
      state ^= state << 5
      luma[i]! += NORMALS[state & 0xffff]! * spec.noise
    }
  }
  if (spec.jpegQuality > 0) jpegArtifacts(luma, width, box, spec.jpegQuality)

  const cast = [random() * 12 - 6, random() * 6 - 3, random() * 16 - 4]
  const data = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < luma.length; i++) {
    const l = luma[i]!
    data[i * 4] = l + cast[0]!
    data[i * 4 + 1] = l + cast[1]!
    data[i * 4 + 2] = l + cast[2]!
    data[i * 4 + 3] = 255
  }
  const corners = (
    [
      [symX, symY],
      [symX + symbol.width, symY],
      [symX + symbol.width, symY + symbol.height],
      [symX, symY + symbol.height]
    ] as const
  ).map(([u, v]) => apply(toFrame, u, v))
  return { frame: { data, width, height }, corners }
}
