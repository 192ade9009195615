/**
 * The hard frame set: phone-screen frames of the kinds the camera used to miss (docs/performance.md,
 * "Hard frames"), each with clutter around the phone, a perspective tilt and the usual noise and JPEG:
 *
 * - blur: defocus σ 1.1–2 px, bar modules of a normal size;
 * - closeup: the phone close to the lens, bar modules 4.5–9 px (up to 2× the largest normal size), so a
 *   symbol is 500–1,100 px wide;
 * - thin: the phone far away, bar modules 1–2.4 px, Code 128 with 16–20 alphanumeric characters;
 * - glare: a strong reflection (up to +200 grey levels) over part of the symbol;
 * - lowContrast: a dimmed screen, light and dark modules 30–70 grey levels apart;
 * - empty: striped clutter and a phone with a blank screen, no code at all (anything read or any hint
 *   shown there is wrong).
 *
 * Deterministic: every frame comes from its own seed.
 */
import type { BenchFrame } from './frameSet'
import { renderScene, rng, type SceneSpec } from './scene'
import { blankSymbol, makeSymbol, type SymbolFormat } from './symbols'

export const HARD_KINDS = ['blur', 'closeup', 'thin', 'glare', 'lowContrast'] as const
export type HardKind = (typeof HARD_KINDS)[number] | 'empty'
export const HARD_FORMATS: readonly SymbolFormat[] = ['QRCode', 'Code128', 'PDF417']

export interface HardFrame extends BenchFrame {
  kind: HardKind
  moduleSize: number
  blur: number
}

const DIGITS = '0123456789'
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-'

function pick(chars: string, length: number, random: () => number): string {
  return Array.from({ length }, () => chars[Math.floor(random() * chars.length)]).join('')
}

const between = (random: () => number, lo: number, hi: number) => lo + random() * (hi - lo)

function payload(kind: HardKind, format: SymbolFormat, random: () => number): string {
  if (format === 'Code128' && kind === 'thin') return pick(ALNUM, 16 + Math.floor(random() * 5), random)
  // A WeChat card code is 12 digits; other coupon systems print letters and dashes too.
  if (format === 'Code128' && random() < 0.5) return pick(ALNUM, 12 + Math.floor(random() * 5), random)
  const code = pick(DIGITS, 12, random)
  return format === 'QRCode' && random() < 0.25 ? `https://example.com/card?code=${code}` : code
}

/** Pixels per module for a kind: [QR, bar formats]. */
function moduleRange(kind: HardKind, format: SymbolFormat): [number, number] {
  const qr = format === 'QRCode'
  switch (kind) {
    case 'closeup':
      return qr ? [10, 16] : [4.5, 9]
    case 'thin':
      return qr ? [2.5, 4] : [1, 2.4]
    default:
      return qr ? [5, 10] : [2.6, 4.5]
  }
}

function hardSpec(
  kind: HardKind,
  format: SymbolFormat,
  seed: number
): Omit<HardFrame, 'frame' | 'corners'> & {
  spec: SceneSpec
} {
  const random = rng(seed)
  const expected = payload(kind, format, random)
  const [m0, m1] = moduleRange(kind, format)
  const symbol = kind === 'empty' ? blankSymbol() : makeSymbol(format, expected)
  // A close-up still shows the whole symbol (quiet zone included) inside the 1280-pixel frame.
  const moduleSize = Math.min(between(random, m0, m1), 1200 / symbol.width)
  const tiltDeg = between(random, 0, 30) * (random() < 0.5 ? -1 : 1)
  const blur = kind === 'blur' ? between(random, 1.1, 2) : between(random, 0.3, 1)
  const white = between(random, 150, 235)
  const spec: SceneSpec = {
    symbol,
    moduleSize,
    tiltDeg,
    keystone: random() * 0.15,
    blur,
    noise: between(random, 2, 6),
    glare: kind === 'glare' ? between(random, 90, 200) : random() < 0.3 ? between(random, 20, 60) : 0,
    glareRadius: kind === 'glare' ? between(random, 0.1, 0.25) : undefined,
    jpegQuality: 55 + Math.floor(random() * 35),
    clutter: 2 + Math.floor(random() * 4),
    ...(kind === 'lowContrast' ? { screenWhite: white, screenBlack: white - between(random, 30, 70) } : {}),
    seed
  }
  return {
    kind,
    format: kind === 'empty' ? 'none' : format,
    band: kind,
    tiltDeg,
    expected: kind === 'empty' ? '' : expected,
    moduleSize,
    blur,
    spec
  }
}

/** `perCell` frames for every kind and format, then `empty` frames without a code. */
export function* hardFrames(perCell: number, empty = perCell * 2, seed = 18): Generator<HardFrame> {
  for (const kind of HARD_KINDS)
    for (const format of HARD_FORMATS)
      for (let i = 0; i < perCell; i++) {
        const frameSeed =
          seed * 2_000_003 + HARD_KINDS.indexOf(kind) * 100_003 + HARD_FORMATS.indexOf(format) * 10_007 + i
        const { spec, ...rest } = hardSpec(kind, format, frameSeed)
        const { frame, corners } = renderScene(spec)
        yield { ...rest, frame, corners }
      }
  for (let i = 0; i < empty; i++) {
    const frameSeed = seed * 5_000_011 + i
    // A blank phone at any distance, with clutter around it.
    const kind: HardKind = 'empty'
    const { spec, ...rest } = hardSpec(kind, 'QRCode', frameSeed)
    const { frame, corners } = renderScene({ ...spec, moduleSize: between(rng(frameSeed + 1), 2, 9) })
    yield { ...rest, frame, corners }
  }
}
