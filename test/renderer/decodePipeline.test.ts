/**
 * The camera decode pipeline in Node, on synthetic webcam frames (bench/decode/scene.ts): tilted bar codes
 * are read on a levelled crop, QR frames never pay for that retry, and nothing is made up.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareNodeZxing, readNode } from '../../bench/decode/nodeReader'
import { renderScene, type SceneSpec } from '../../bench/decode/scene'
import { makeSymbol, type SymbolFormat } from '../../bench/decode/symbols'
import { createDecodePipeline, type PipelineOptions } from '../../src/renderer/src/camera/decodePipeline'

const pipeline = (options: Partial<PipelineOptions> = {}) => createDecodePipeline(readNode, options)

function scene(format: SymbolFormat, text: string, spec: Partial<SceneSpec> = {}) {
  return renderScene({
    symbol: makeSymbol(format, text),
    moduleSize: format === 'QRCode' ? 7 : 3.5,
    tiltDeg: 0,
    keystone: 0.05,
    blur: 0.6,
    noise: 3,
    glare: 0,
    jpegQuality: 80,
    seed: 7,
    ...spec
  })
}

beforeAll(async () => {
  await prepareNodeZxing()
})

describe('decode pipeline', () => {
  it('reads a QR code in the first pass, without the tilt retry', async () => {
    const { frame } = scene('QRCode', '012345678905', { tiltDeg: 20 })
    const result = await pipeline().decode(frame)
    expect(result.codes.map((c) => [c.format, c.text, c.pass])).toEqual([
      ['QRCode', '012345678905', 'direct']
    ])
    expect(result.reads).toBe(1)
  })

  it.each<[SymbolFormat, string, number]>([
    ['Code128', '012345678905', 25],
    ['Code128', '012345678905', -18],
    ['PDF417', '012345678905', 15],
    ['EAN13', '6901234567892', 28],
    ['Code128', 'CPN-2026-0042', 90]
  ])('reads a %s tilted %i° that the plain pass misses', async (format, text, tiltDeg) => {
    const { frame, corners } = scene(format, text, { tiltDeg })
    expect((await pipeline({ levelTilted: false }).decode(frame)).codes).toEqual([])
    const result = await pipeline().decode(frame)
    expect(result.codes.map((c) => [c.format, c.text, c.pass])).toEqual([[format, text, 'levelled']])
    // The outline maps back into the frame, inside the symbol's own box.
    const [xs, ys] = [corners.map((p) => p[0]), corners.map((p) => p[1])]
    for (const p of result.codes[0]!.corners) {
      expect(p.x).toBeGreaterThan(Math.min(...xs) - 20)
      expect(p.x).toBeLessThan(Math.max(...xs) + 20)
      expect(p.y).toBeGreaterThan(Math.min(...ys) - 20)
      expect(p.y).toBeLessThan(Math.max(...ys) + 20)
    }
  })

  it('finds nothing, and makes nothing up, in a frame without a code', async () => {
    const { frame } = scene('QRCode', 'x', { moduleSize: 0.01 })
    const result = await pipeline().decode(frame)
    expect(result.codes).toEqual([])
    expect(result.seen).toBeNull()
  })

  it('asks to come closer when a bar code is seen but too small to read', async () => {
    const { frame } = scene('Code128', '012345678905', { moduleSize: 1.1, blur: 1.2, tiltDeg: 3 })
    const result = await pipeline().decode(frame)
    expect(result.codes).toEqual([])
    expect(result.seen?.hint).toBe('closer')
  })

  it('looks only for the configured formats', async () => {
    const { frame } = scene('Code128', '012345678905', { tiltDeg: 25 })
    const result = await pipeline({ formats: ['QRCode'] }).decode(frame)
    expect(result).toMatchObject({ codes: [], reads: 1 })
  })
})
