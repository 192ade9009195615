/**
 * One camera frame in, codes out. Pure apart from the injected zxing `read` function, so the worker, the
 * Node bench and the unit tests run exactly this code.
 *
 * Pass 1 reads the whole frame with every configured format. Only when it finds nothing, and only for
 * bar formats (1-D, PDF417), pass 2 looks for striped regions, levels each one and reads it again: a
 * tilted bar code is the one thing zxing misses on a webcam frame. Frames holding a QR code are done after
 * pass 1, so the retry never slows them down.
 *
 * Pass 2 also covers the hard frames of docs/performance.md ("Hard frames"): the stripe search accepts
 * the weak gradients of a blurred or dimmed code; every region is probed first (stripes that repeat one
 * period are clutter: blinds, keyboards, woven mats) and the most code-like ones are read, then read again
 * as cleaned-up lines (enhance.ts: averaged along the bars, levelled against glare, sharpened or not,
 * enlarged for thin bars). Only a region that looks like a code in every way raises the hint.
 */
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader'
import { barFormatsOf, DEFAULT_CAMERA_FORMATS, type CameraFormat } from './formats'
import type { ImageLike, Point, Quad } from './frame'
import { findStripedRegions, type StripedRegion } from './stripes'
import { enhanceCrop, lineProfile } from './enhance'
import { levelCrop, type LevelledCrop } from './warp'

export type ReadFn = (image: ImageLike, options: ReaderOptions) => Promise<ReadResult[]>

/** 'video': tuned for 10 frames/s; 'still': every zxing effort on (single photos, the sample corpus). */
export type DecodeEffort = 'video' | 'still'

export interface PipelineOptions {
  formats: readonly CameraFormat[]
  effort: DecodeEffort
  /** Retry tilted bar codes on levelled crops (pass 2). */
  levelTilted: boolean
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  formats: DEFAULT_CAMERA_FORMATS,
  effort: 'video',
  levelTilted: true
}

export interface DecodedCode {
  format: string
  text: string
  bytes: Uint8Array
  corners: Quad
  /** 'direct' = pass 1, 'levelled' = found on a levelled crop (pass 2). */
  pass: 'direct' | 'levelled'
}

/** Something that looks like a code but did not decode: drives the "hold closer / hold level" hint. */
export interface SeenSymbol {
  corners: Quad
  hint: 'closer' | 'level'
}

export interface FrameResult {
  codes: DecodedCode[]
  seen: SeenSymbol | null
  /** zxing calls made for this frame (1 when pass 1 sufficed). */
  reads: number
}

const toQuad = (r: ReadResult): Quad => [
  r.position.topLeft,
  r.position.topRight,
  r.position.bottomRight,
  r.position.bottomLeft
]

function toCode(
  r: ReadResult,
  pass: DecodedCode['pass'],
  toFrame: (p: Point) => Point = (p) => p
): DecodedCode {
  return { format: r.format, text: r.text, bytes: r.bytes, corners: toQuad(r).map(toFrame) as Quad, pass }
}

function readerOptions(formats: readonly CameraFormat[], effort: DecodeEffort): ReaderOptions {
  const base: ReaderOptions = { formats: [...formats], textMode: 'Plain' }
  // Video: the next frame comes 100 ms later, so no extra effort per frame. No rotate pass (pass 2 reads
  // bar codes at any angle, QR finds its own), no inverted pass, no tryHarder (about a third slower per
  // frame in bench/decode, for no extra reads), and stop at the first symbol: one code at a time.
  return effort === 'still'
    ? { ...base, tryHarder: true, tryRotate: true, tryInvert: true }
    : { ...base, tryHarder: false, tryRotate: false, tryInvert: false, maxNumberOfSymbols: 1 }
}

/** A striped region shorter than this (frame pixels) is too far away to read: ask to come closer. */
const NEAR_ENOUGH_PX = 240
/** Off-axis angle from which "hold it level" is the more useful hint. */
const LEVEL_ENOUGH_DEG = 15

/** Autocorrelation above which a striped region is one period repeated (see enhance.ts), not a code. */
const PERIODIC = 0.7
/** Fewer elements than this across the crop: an edge or two, not a code. */
const MIN_ELEMENTS = 16
/**
 * Only a region that looks like a code in every way gets the orange outline and a hint: clutter (a
 * receipt, a woven mat, a keyboard) must never make the cashier move a phone that shows no code.
 */
const HINT_PERIODICITY = 0.4
const HINT_ELEMENTS = 40
/**
 * …and is at least as long as its bars are tall, as coupon bar codes are: a blank screen's edges or a
 * receipt's print lines seen across can otherwise pass for a code.
 */
const HINT_COHERENCE = 0.7
/** The enlarged crop stays below this many pixels (about half a 720p frame). */
const MAX_CROP_PIXELS = 480_000
/** Defocus blur and a dim screen weaken the gradients: the stripe search takes weaker cells than it used to. */
const STRIPES = { minEnergy: 40, maxRegions: 8 }
/** Regions read per frame (the rest are only probed): bounds the time a cluttered frame costs. */
const MAX_TRIED = 3

function hintFor(region: StripedRegion): SeenSymbol['hint'] {
  if (region.length < NEAR_ENOUGH_PX) return 'closer'
  return offAxisDegrees(region.angle) > LEVEL_ENOUGH_DEG ? 'level' : 'closer'
}

function regionQuad(r: StripedRegion): Quad {
  const ax = Math.cos(r.angle)
  const ay = Math.sin(r.angle)
  const hl = r.length / 2
  const ht = r.thickness / 2
  const at = (u: number, v: number): Point => ({
    x: r.center.x + u * ax - v * ay,
    y: r.center.y + u * ay + v * ax
  })
  return [at(-hl, -ht), at(hl, -ht), at(hl, ht), at(-hl, ht)]
}

function offAxisDegrees(angle: number): number {
  const deg = Math.abs((angle * 180) / Math.PI) % 90
  return Math.min(deg, 90 - deg)
}

export function createDecodePipeline(read: ReadFn, options: Partial<PipelineOptions> = {}) {
  const o: PipelineOptions = { ...DEFAULT_PIPELINE_OPTIONS, ...options }
  const direct = readerOptions(o.formats, o.effort)
  const barFormats = barFormatsOf(o.formats)
  const levelled: ReaderOptions = {
    ...readerOptions(barFormats, o.effort),
    // The crop is small and level: full effort on it costs about a millisecond. Upside down is fine
    // (bar readers scan both ways), so no rotate pass.
    tryHarder: true,
    tryRotate: false,
    tryDownscale: false
  }

  // The cleaned-up crops (enhance.ts) only go to symbologies that check themselves hard: Code 128 (a
  // mod-103 check over patterns with fixed module sums) and PDF417 (Reed-Solomon). EAN-13's single
  // mod-10 digit let a sharpened crop of a book cover (public corpus, ean13-2/23) pass as another ISBN.
  const barOnly: ReaderOptions = { ...levelled, formats: barFormats.filter((f) => f === 'Code128') }
  const pdfOnly: ReaderOptions = { ...levelled, formats: barFormats.filter((f) => f === 'PDF417') }

  /** Reads one image cut from the frame; `toFrame` maps its points back. */
  async function attempt(
    image: ImageLike,
    options: ReaderOptions,
    toFrame: (p: Point) => Point
  ): Promise<DecodedCode[]> {
    if (!options.formats?.length) return []
    const found = (await read(image, options)).filter((r) => r.isValid)
    return found.map((r) => toCode(r, 'levelled', toFrame))
  }

  /** Where a region's crop lies in the frame: the code's bars plus generous margins. */
  const cropSpec = (region: StripedRegion) => ({
    center: region.center,
    angle: region.angle,
    // Quiet zones and end bars are weaker than the middle of the code: take generous margins.
    width: region.length * 1.3 + 48,
    height: region.thickness + 32
  })

  /**
   * A cheap look at a region (a strip a third of its thickness): clutter stripes repeat one period,
   * a code does not, so codes are tried first and only they can raise a hint.
   */
  function probe(frame: ImageLike, region: StripedRegion) {
    const spec = cropSpec(region)
    const strip = levelCrop(frame, { ...spec, height: Math.max(8, region.thickness / 3) })
    const profile = lineProfile(strip.image, 1)
    const elements = strip.image.width / profile.elementWidth
    const worthCleaning = profile.periodicity < PERIODIC && elements >= MIN_ELEMENTS
    const codeLike =
      profile.periodicity < HINT_PERIODICITY &&
      elements >= HINT_ELEMENTS &&
      region.coherence >= HINT_COHERENCE &&
      region.length >= region.thickness
    return { region, profile, worthCleaning, codeLike }
  }

  async function readRegion(
    frame: ImageLike,
    { region, profile, worthCleaning }: ReturnType<typeof probe>
  ): Promise<{ codes: DecodedCode[]; reads: number }> {
    const spec = cropSpec(region)
    const base = levelCrop(frame, spec)
    let reads = 1
    let codes = await attempt(base.image, levelled, base.toFrame)
    // Repeating stripes or a few edges: not worth the clean-up passes.
    if (codes.length || !worthCleaning) return { codes, reads }
    // A crop enlarged 2× (within a pixel budget): thin bars get about 4 pixels each, PDF417 rows stay apart.
    const enlarge = Math.min(2, Math.sqrt(MAX_CROP_PIXELS / (base.image.width * base.image.height)))
    let bigCrop: LevelledCrop | null = null
    // Made only when a pass needs it: cutting it costs about as much as one zxing read of it.
    const big = () => (enlarge >= 1.4 ? (bigCrop ??= levelCrop(frame, { ...spec, scale: enlarge })) : null)
    const element = profile.elementWidth
    const enhanced = (crop: LevelledCrop, scale: number, band: number, step: number, sharpen: number) => {
      // Levelling window: about 8 elements, so it always holds Code 128's widest bar and space.
      const window = 8 * Math.min(12, element) * scale
      const image = enhanceCrop(crop.image, { band, step, upscale: 1, window, sharpen })
      const toCrop = (p: Point): Point => ({ x: p.x, y: p.y * step + band / 2 })
      return { image, toFrame: (p: Point) => crop.toFrame(toCrop(p)) }
    }
    if (barOnly.formats?.length) {
      // 1-D codes: bands 8 crop pixels tall average the noise away, and are short enough that tilt and
      // keystone leave the bars straight within one. Sharpened for blur, plain for a dim screen (where
      // sharpening mostly raises the noise). Thin elements are read on the enlarged crop.
      // The enlarged cut for bars keeps only the middle of the bars' height: twice the resolution at
      // about the cost of the plain crop.
      const [crop, scale] =
        element < 6
          ? [levelCrop(frame, { ...spec, height: Math.max(16, region.thickness * 0.7), scale: 2 }), 2]
          : [base, 1]
      for (const sharpen of [2, 0]) {
        const bars = enhanced(crop, scale, Math.round(8 * scale), Math.round(4 * scale), sharpen)
        reads++
        codes = await attempt(bars.image, barOnly, bars.toFrame)
        if (codes.length) return { codes, reads }
      }
    }
    if (pdfOnly.formats?.length) {
      // PDF417: its rows are only 3 modules tall, so just two lines are averaged.
      const enlarged = big()
      const [crop, scale] = enlarged ? [enlarged, enlarge] : [base, 1]
      const rows = enhanced(crop, scale, Math.round(scale), 1, 1)
      reads++
      codes = await attempt(rows.image, pdfOnly, rows.toFrame)
    }
    return { codes, reads }
  }

  async function retryLevelled(
    frame: ImageLike
  ): Promise<{ codes: DecodedCode[]; seen: SeenSymbol | null; reads: number }> {
    // Code-like regions first (biggest first within each group), at most MAX_TRIED of them read.
    const probed = findStripedRegions(frame, STRIPES).map((region) => probe(frame, region))
    const ordered = [...probed.filter((p) => p.worthCleaning), ...probed.filter((p) => !p.worthCleaning)]
    let reads = 0
    for (const candidate of ordered.slice(0, MAX_TRIED)) {
      const r = await readRegion(frame, candidate)
      reads += r.reads
      if (r.codes.length) return { codes: r.codes, seen: null, reads }
    }
    // Stripes that repeat one period (blinds, a keyboard, a woven mat) are not a code: no hint for them.
    const first = probed.find((p) => p.codeLike)
    const seen: SeenSymbol | null = first
      ? { corners: regionQuad(first.region), hint: hintFor(first.region) }
      : null
    return { codes: [], seen, reads }
  }

  return {
    options: o,
    async decode(frame: ImageLike): Promise<FrameResult> {
      const results = (await read(frame, direct)).filter((r) => r.isValid)
      if (results.length) return { codes: results.map((r) => toCode(r, 'direct')), seen: null, reads: 1 }
      if (!o.levelTilted || barFormats.length === 0) return { codes: [], seen: null, reads: 1 }
      const retry = await retryLevelled(frame)
      return { ...retry, reads: retry.reads + 1 }
    }
  }
}

export type DecodePipeline = ReturnType<typeof createDecodePipeline>
