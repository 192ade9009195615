/**
 * The public sample corpus through the very worker the camera uses (the built decoder.worker-<hash>.js with
 * the bundled wasm), in Chromium: images are decoded by the page (WebP included), their pixels posted to
 * the worker with the camera's message protocol. Floor: 233 of 257 (zxing-wasm's own score with default
 * options), and no misread at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import type { FromDecoder, ToDecoder } from '../../src/renderer/src/camera/workerProtocol'
import { launchBrowser } from './support/browser'
import { builtWorkerPath, loadCorpus, type Sample } from './support/corpus'
import { startHostProcess, type HostProcess } from './support/host'

let host: HostProcess
let browser: Browser

beforeAll(async () => {
  host = await startHostProcess()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await host?.stop()
})

interface Decoded {
  texts: string[]
  bytes: number[][]
}

/** The page's globals these functions touch (the test tsconfig has no DOM library). */
interface PageGlobals {
  Worker: new (
    url: string,
    options: { type: 'module' }
  ) => {
    postMessage(message: ToDecoder, transfer?: unknown[]): void
    onmessage: ((event: { data: FromDecoder }) => void) | null
    terminate(): void
  }
  Image: new () => { src: string; decode(): Promise<void>; naturalWidth: number; naturalHeight: number }
  document: {
    createElement(tag: 'canvas'): {
      width: number
      height: number
      getContext(
        kind: '2d',
        options: object
      ): {
        drawImage(image: unknown, x: number, y: number): void
        getImageData(x: number, y: number, w: number, h: number): { data: { buffer: ArrayBuffer } }
      }
    }
  }
}

/**
 * Runs in the page: one worker per set, configured like the camera (the default formats: QR, Code 128,
 * PDF417, EAN-13, so a code could also be misread as another format) but with 'still' effort, as these
 * are single photos rather than one frame of many.
 */
async function decodeInPage(
  browserPage: Awaited<ReturnType<Browser['newPage']>>,
  workerUrl: string,
  samples: Sample[]
): Promise<Decoded[]> {
  return browserPage.evaluate(
    async ({ workerUrl, urls }) => {
      const g = globalThis as unknown as PageGlobals
      const worker = new g.Worker(workerUrl, { type: 'module' })
      let settle: ((m: FromDecoder) => void) | null = null
      worker.onmessage = (event) => {
        if (event.data.type !== 'ready') settle?.(event.data)
      }
      worker.postMessage({ type: 'configure', options: { effort: 'still' } } as ToDecoder)
      const out: Decoded[] = []
      for (const [id, url] of urls.entries()) {
        const image = new g.Image()
        image.src = url
        await image.decode()
        const canvas = g.document.createElement('canvas')
        canvas.width = image.naturalWidth
        canvas.height = image.naturalHeight
        const context = canvas.getContext('2d', { willReadFrequently: true })
        context.drawImage(image, 0, 0)
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
        const reply = await new Promise<FromDecoder>((resolve) => {
          settle = resolve
          worker.postMessage(
            { type: 'frame', id, width: canvas.width, height: canvas.height, buffer: data.buffer },
            [data.buffer]
          )
        })
        if (reply.type === 'error') throw new Error(`worker: ${reply.message}`)
        if (reply.type !== 'result') throw new Error(`unexpected ${reply.type}`)
        out.push({ texts: reply.codes.map((c) => c.text), bytes: reply.codes.map((c) => [...c.bytes]) })
      }
      worker.terminate()
      return out
    },
    { workerUrl, urls: samples.map((s) => s.dataUrl) }
  )
}

const sameBytes = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i])

describe('public barcode corpus through the camera worker', () => {
  it('fails loudly, never skips, when the corpus folder is missing', () => {
    expect(() => loadCorpus('/nonexistent/barcodes')).toThrow(/barcode corpus is missing/)
  })

  it('reads at least 233 of 257 images, and never misreads one', async () => {
    const corpus = loadCorpus()
    const workerUrl = host.origin + builtWorkerPath()
    const page = await browser.newPage()
    await page.goto(host.url)
    const sets = [...new Set(corpus.map((s) => s.set))]
    const misreads: string[] = []
    const lines: string[] = []
    let detected = 0
    for (const set of sets) {
      const samples = corpus.filter((s) => s.set === set)
      const results = await decodeInPage(page, workerUrl, samples)
      let setDetected = 0
      samples.forEach((sample, i) => {
        const { texts, bytes } = results[i]!
        const hit =
          'text' in sample.expected
            ? texts.includes(sample.expected.text)
            : bytes.some((b) => sameBytes(b, (sample.expected as { bytes: number[] }).bytes))
        if (hit) setDetected++
        else if (texts.length) misreads.push(`${set}/${sample.name}: ${JSON.stringify(texts)}`)
      })
      detected += setDetected
      lines.push(`${set.padEnd(10)} ${setDetected}/${samples.length}`)
    }
    console.log(`detection rate per set:\n${lines.join('\n')}\ntotal      ${detected}/${corpus.length}`)
    await page.close()
    expect(corpus).toHaveLength(257)
    expect(misreads).toEqual([])
    expect(detected).toBeGreaterThanOrEqual(233)
  }, 180_000)
})
