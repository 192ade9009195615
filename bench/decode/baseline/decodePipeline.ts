// Frozen copy of src/renderer/src/camera/decodePipeline.ts at 2733a47 (see README.md): the "before" in bench/decode.
/**
 * One camera frame in, codes out. Pure apart from the injected zxing `read` function, so the worker, the
 * Node bench and the unit tests run exactly this code.
 *
 * Pass 1 reads the whole frame with every configured format. Only when it finds nothing, and only for
 * bar formats (1-D, PDF417), pass 2 looks for striped regions, levels each one and reads it again: a
 * tilted bar code is the one thing zxing misses on a webcam frame. Frames holding a QR code are done after
 * pass 1, so the retry never slows them down.
 */
import type { ReaderOptions, ReadResult } from 'zxing-wasm/reader'
import {
  barFormatsOf,
  DEFAULT_CAMERA_FORMATS,
  type CameraFormat
} from '../../../src/renderer/src/camera/formats'
import type { ImageLike, Point, Quad } from '../../../src/renderer/src/camera/frame'
import { findStripedRegions, type StripedRegion } from './stripes'
import { levelCrop } from './warp'

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

  async function retryLevelled(
    frame: ImageLike
  ): Promise<{ codes: DecodedCode[]; seen: SeenSymbol | null; reads: number }> {
    const regions = findStripedRegions(frame)
    let reads = 0
    for (const region of regions) {
      // Quiet zones and end bars are weaker than the middle of the code: take generous margins.
      const crop = levelCrop(frame, {
        center: region.center,
        angle: region.angle,
        width: region.length * 1.3 + 48,
        height: region.thickness + 32
      })
      reads++
      const found = (await read(crop.image, levelled)).filter((r) => r.isValid)
      if (found.length)
        return { codes: found.map((r) => toCode(r, 'levelled', crop.toFrame)), seen: null, reads }
    }
    const first = regions[0]
    const seen: SeenSymbol | null = first ? { corners: regionQuad(first), hint: hintFor(first) } : null
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
