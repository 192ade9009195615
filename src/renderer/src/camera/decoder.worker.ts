/**
 * The camera's decoder thread: zxing-wasm with the .wasm from the app bundle (Vite emits it as an asset;
 * the default would fetch it from a CDN, which the CSP forbids and an offline till cannot reach).
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'
import { createDecodePipeline, type DecodePipeline } from './decodePipeline'
import type { ImageLike } from './frame'
import type { FromDecoder, ToDecoder } from './workerProtocol'

const scope = self as unknown as {
  postMessage: (message: FromDecoder) => void
  onmessage: ((event: MessageEvent<ToDecoder>) => void) | null
}

const read = (image: ImageLike, options: Parameters<typeof readBarcodes>[1]) =>
  readBarcodes(image as ImageData, options)

let pipeline: DecodePipeline = createDecodePipeline(read)

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path)
  },
  fireImmediately: true
}).then(
  () => scope.postMessage({ type: 'ready' }),
  (error: unknown) => {
    scope.postMessage({ type: 'error', id: null, message: `zxing-wasm failed to load: ${String(error)}` })
    throw error
  }
)

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'configure') {
    pipeline = createDecodePipeline(read, message.options)
    return
  }
  const { id, width, height, buffer } = message
  void ready
    .then(async () => {
      const started = performance.now()
      const result = await pipeline.decode({ data: new Uint8ClampedArray(buffer), width, height })
      scope.postMessage({ type: 'result', id, ...result, ms: performance.now() - started })
    })
    .catch((error: unknown) => scope.postMessage({ type: 'error', id, message: String(error) }))
}
