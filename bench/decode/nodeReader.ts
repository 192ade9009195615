/** zxing-wasm in Node: the wasm bytes come from node_modules (the default locateFile points at a CDN). */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { prepareZXingModule, readBarcodes, type ZXingReaderModule } from 'zxing-wasm/reader'
import type { ReadFn } from '../../src/renderer/src/camera/decodePipeline'

let ready: Promise<ZXingReaderModule> | null = null

export function prepareNodeZxing(): Promise<ZXingReaderModule> {
  if (!ready) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'))
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer
    ready = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  }
  return ready
}

/** readBarcodes on an ImageData-shaped object (Node has no ImageData class; zxing only reads the fields). */
export const readNode: ReadFn = (image, options) =>
  readBarcodes(image as unknown as Parameters<typeof readBarcodes>[0], options)
