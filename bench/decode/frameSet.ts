/**
 * The bench's frame set: for each format and tilt band, frames with random (seeded) code, size, tilt,
 * keystone, blur, noise, glare and JPEG quality in ranges a counter webcam sees.
 */
import type { Point } from './geometry'
import { renderScene, rng, type Frame } from './scene'
import { blankSymbol, makeSymbol, type SymbolFormat } from './symbols'

export const FORMATS: readonly SymbolFormat[] = ['QRCode', 'Code128', 'PDF417', 'EAN13']

export interface TiltBand {
  label: string
  min: number
  max: number
}

export const TILT_BANDS: readonly TiltBand[] = [
  { label: '0–5°', min: 0, max: 5 },
  { label: '5–10°', min: 5, max: 10 },
  { label: '10–20°', min: 10, max: 20 },
  { label: '20–30°', min: 20, max: 30 }
]

export interface BenchFrame {
  /** 'none': a frame without any code. */
  format: SymbolFormat | 'none'
  band: string
  tiltDeg: number
  expected: string
  frame: Frame
  /** Where the symbol's corners landed (for checking reported positions). */
  corners: Point[]
}

/** Pixels per module: from "phone held at arm's length" to "close to the lens". */
const MODULE_SIZE: Record<SymbolFormat, [number, number]> = {
  QRCode: [5, 10],
  Code128: [2.6, 4.5],
  PDF417: [2.8, 4.5],
  EAN13: [2.6, 4.5]
}

function ean13(random: () => number): string {
  const digits = Array.from({ length: 12 }, () => Math.floor(random() * 10))
  const sum = digits.reduce((s, d, i) => s + d * (i % 2 ? 3 : 1), 0)
  return digits.join('') + ((10 - (sum % 10)) % 10)
}

function payload(format: SymbolFormat, random: () => number): string {
  if (format === 'EAN13') return ean13(random)
  // A WeChat card code is 12 digits; every fourth QR carries a URL with the code instead.
  const code = Array.from({ length: 12 }, () => Math.floor(random() * 10)).join('')
  return format === 'QRCode' && random() < 0.25 ? `https://example.com/card?code=${code}` : code
}

export function* benchFrames(perBand: number, seed = 1): Generator<BenchFrame> {
  for (const format of FORMATS)
    for (const band of TILT_BANDS)
      for (let i = 0; i < perBand; i++) {
        const frameSeed =
          seed * 1_000_003 + FORMATS.indexOf(format) * 10_007 + TILT_BANDS.indexOf(band) * 1009 + i
        const random = rng(frameSeed)
        const expected = payload(format, random)
        const [m0, m1] = MODULE_SIZE[format]
        const tiltDeg = (band.min + random() * (band.max - band.min)) * (random() < 0.5 ? -1 : 1)
        const { frame, corners } = renderScene({
          symbol: makeSymbol(format, expected),
          moduleSize: m0 + random() * (m1 - m0),
          tiltDeg,
          keystone: random() * 0.12,
          blur: random() * 1.2,
          noise: 2 + random() * 4,
          glare: random() < 0.5 ? 20 + random() * 50 : 0,
          jpegQuality: 55 + Math.floor(random() * 35),
          seed: frameSeed
        })
        yield { format, band: band.label, tiltDeg, expected, frame, corners }
      }
}

/** Frames with a phone but no code (a blank screen): anything decoded here is a misread. */
export function* emptyFrames(count: number, seed = 1): Generator<BenchFrame> {
  for (let i = 0; i < count; i++) {
    const frameSeed = seed * 7_000_003 + i
    const random = rng(frameSeed)
    const tiltDeg = (random() - 0.5) * 60
    const { frame, corners } = renderScene({
      symbol: blankSymbol(),
      moduleSize: 4 + random() * 4,
      tiltDeg,
      keystone: random() * 0.12,
      blur: random() * 1.2,
      noise: 2 + random() * 4,
      glare: random() < 0.5 ? 20 + random() * 50 : 0,
      jpegQuality: 55 + Math.floor(random() * 35),
      seed: frameSeed
    })
    yield { format: 'none', band: '–', tiltDeg, expected: '', frame, corners }
  }
}
