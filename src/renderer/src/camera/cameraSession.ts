/**
 * One running camera: the stream, the frame loop and the decoder worker. Frames are drawn to a canvas,
 * their pixels are transferred (not copied) to the worker, and a new frame is sent only when the worker is
 * idle and the rate limit allows — so a slow machine decodes fewer frames instead of falling behind.
 */
import type { CameraScan } from '../scan/types'
import { cameraProblemOf, type CameraProblem } from './cameraErrors'
import type { DecodedCode, PipelineOptions, SeenSymbol } from './decodePipeline'
import { DEFAULT_CAMERA_FORMATS, type CameraFormat } from './formats'
import { createRepeatFilter } from './repeatFilter'
import type { FromDecoder, ToDecoder } from './workerProtocol'

export type CameraState =
  | { status: 'starting' }
  | { status: 'running'; device: string; deviceId: string; devices: MediaDeviceInfo[] }
  | { status: 'problem'; problem: CameraProblem | 'decoderFailed' }

/** What the last decoded frame showed, for the viewfinder overlay. */
export interface FrameFeedback {
  width: number
  height: number
  codes: DecodedCode[]
  seen: SeenSymbol | null
  ms: number
}

export interface CameraOptions {
  video: HTMLVideoElement
  deviceId?: string
  formats?: readonly CameraFormat[]
  /** Decode at most this many frames per second. */
  maxFps?: number
  onScan: (scan: CameraScan) => void
  onState: (state: CameraState) => void
  onFeedback?: (feedback: FrameFeedback) => void
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

function makeContext(width: number, height: number): Canvas2D | null {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height })
  return canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null
}

async function openStream(deviceId: string | undefined): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia)
    throw Object.assign(new Error('no mediaDevices'), { name: 'Unsupported' })
  const devices = await navigator.mediaDevices.enumerateDevices()
  if (!devices.some((d) => d.kind === 'videoinput'))
    throw Object.assign(new Error('no camera'), { name: 'NotFoundError' })
  return navigator.mediaDevices.getUserMedia({
    audio: false,
    video: {
      width: { ideal: 1280 },
      height: { ideal: 720 },
      ...(deviceId ? { deviceId: { exact: deviceId } } : {})
    }
  })
}

export function startCamera(options: CameraOptions): { stop: () => void } {
  const { video, onState } = options
  const minInterval = 1000 / (options.maxFps ?? 10)
  const repeats = createRepeatFilter()
  let stopped = false
  let stream: MediaStream | null = null
  let worker: Worker | null = null
  let context: Canvas2D | null = null
  let busy = false
  let lastSent = 0
  let frameId = 0
  let device = 'camera'
  let timer: ReturnType<typeof setTimeout> | undefined

  const fail = (problem: CameraProblem | 'decoderFailed') => {
    if (stopped) return
    stop()
    onState({ status: 'problem', problem })
  }

  const onMessage = (event: MessageEvent<FromDecoder>) => {
    const message = event.data
    if (message.type === 'ready') return
    if (message.type === 'error') {
      if (message.id === null) fail('decoderFailed')
      busy = false
      return
    }
    busy = false
    const { codes, seen, ms } = message
    options.onFeedback?.({ width: video.videoWidth, height: video.videoHeight, codes, seen, ms })
    const now = Date.now()
    for (const text of repeats.accept(
      codes.map((c) => c.text),
      now
    )) {
      const code = codes.find((c) => c.text === text)
      options.onScan({ source: 'camera', device, raw: text, at: now, format: code?.format ?? '' })
    }
  }

  const sendFrame = () => {
    const width = video.videoWidth
    const height = video.videoHeight
    if (!worker || busy || width === 0 || height === 0) return
    if (!context || context.canvas.width !== width || context.canvas.height !== height)
      context = makeContext(width, height)
    if (!context) return fail('failed')
    context.drawImage(video, 0, 0, width, height)
    const { data } = context.getImageData(0, 0, width, height)
    busy = true
    lastSent = performance.now()
    const message: ToDecoder = { type: 'frame', id: ++frameId, width, height, buffer: data.buffer }
    worker.postMessage(message, [data.buffer])
  }

  const loop = () => {
    if (stopped) return
    if (performance.now() - lastSent >= minInterval) sendFrame()
    // requestVideoFrameCallback fires once per camera frame; the timer is the fallback.
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(loop)
    else timer = setTimeout(loop, minInterval / 2)
  }

  function stop() {
    stopped = true
    clearTimeout(timer)
    worker?.terminate()
    worker = null
    stream?.getTracks().forEach((t) => t.stop())
    stream = null
    video.srcObject = null
  }

  onState({ status: 'starting' })
  void (async () => {
    try {
      stream = await openStream(options.deviceId)
    } catch (error) {
      return fail(
        error instanceof Error && error.name === 'Unsupported' ? 'unsupported' : cameraProblemOf(error)
      )
    }
    if (stopped) return stop()
    const track = stream.getVideoTracks()[0]
    device = track?.label || 'camera'
    worker = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = onMessage
    worker.onerror = () => fail('decoderFailed')
    const configure: ToDecoder = {
      type: 'configure',
      options: { formats: options.formats ?? DEFAULT_CAMERA_FORMATS } satisfies Partial<PipelineOptions>
    }
    worker.postMessage(configure)
    video.srcObject = stream
    video.muted = true
    video.playsInline = true
    try {
      await video.play()
    } catch (error) {
      return fail(cameraProblemOf(error))
    }
    if (stopped) return
    const devices = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput')
    onState({ status: 'running', device, deviceId: track?.getSettings().deviceId ?? '', devices })
    loop()
  })()

  return { stop }
}
