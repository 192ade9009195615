/**
 * Camera decoding bench: the worker's decode pipeline in Node on synthetic 1280×720 webcam frames, against
 * the same pipeline without the tilt retry and against @zxing/library. Prints detection per format and
 * tilt band, median/p95 time per frame, speed ratios and memory over a long run. Never fails on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDecodePipeline, type DecodePipeline } from '../../src/renderer/src/camera/decodePipeline'
import { benchFrames, emptyFrames, FORMATS, TILT_BANDS, type BenchFrame } from './frameSet'
import { prepareNodeZxing, readNode } from './nodeReader'
import { createPeer } from './peer'

interface Options {
  perBand: number
  memoryFrames: number
  peer: boolean
  /** Run the peer with TRY_HARDER (slower, finds more) instead of its default. */
  peerTryHarder: boolean
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name)
    return i >= 0 ? Number(argv[i + 1]) : fallback
  }
  return {
    perBand: value('--per-band', 24),
    memoryFrames: value('--memory-frames', 3000),
    peer: !argv.includes('--no-peer'),
    peerTryHarder: argv.includes('--peer-try-harder')
  }
}

interface Sample {
  ok: boolean
  misread: boolean
  wallMs: number
  cpuMs: number
}

type Decoder = (frame: BenchFrame) => Promise<string[]>

async function measure(decode: Decoder, frame: BenchFrame): Promise<Sample> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const texts = await decode(frame)
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const ok = frame.expected !== '' && texts.includes(frame.expected)
  return { ok, misread: !ok && texts.length > 0, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }
}

function quantile(values: number[], q: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')
const pct = (samples: Sample[]) =>
  `${((100 * samples.filter((s) => s.ok).length) / samples.length).toFixed(0)}%`

interface Summary {
  frames: number
  detected: number
  misreads: number
  /** Total decode time over codes read: what one successful read costs, misses included. */
  msPerRead: number
  medianMs: number
  p95Ms: number
  medianCpuMs: number
  p95CpuMs: number
}

function summary(samples: Sample[]): Summary {
  return {
    frames: samples.length,
    detected: samples.filter((s) => s.ok).length,
    misreads: samples.filter((s) => s.misread).length,
    msPerRead: samples.reduce((a, s) => a + s.wallMs, 0) / Math.max(1, samples.filter((s) => s.ok).length),
    medianMs: quantile(
      samples.map((s) => s.wallMs),
      0.5
    ),
    p95Ms: quantile(
      samples.map((s) => s.wallMs),
      0.95
    ),
    medianCpuMs: quantile(
      samples.map((s) => s.cpuMs),
      0.5
    ),
    p95CpuMs: quantile(
      samples.map((s) => s.cpuMs),
      0.95
    )
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`
}

export async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv)
  const zxing = await prepareNodeZxing()
  const pipeline = createDecodePipeline(readNode)
  const plain = createDecodePipeline(readNode, { levelTilted: false })
  const peer = createPeer(options.peerTryHarder)
  const texts = (p: DecodePipeline) => async (f: BenchFrame) =>
    (await p.decode(f.frame)).codes.map((c) => c.text)
  const decoders: Record<string, Decoder> = {
    ours: texts(pipeline),
    plain: texts(plain),
    ...(options.peer
      ? { peer: async (f: BenchFrame) => [peer(f.frame)].filter((t): t is string => t !== null) }
      : {})
  }

  // Frames are made one at a time and dropped after measuring (400 frames would hold 1.5 GB); a few are
  // kept for the memory run.
  const frames: BenchFrame[] = []
  const kept: BenchFrame[] = []
  const results: Record<string, Sample[]> = Object.fromEntries(Object.keys(decoders).map((k) => [k, []]))
  let generating = 0
  let warm = false
  const source = (function* () {
    yield* benchFrames(options.perBand)
    yield* emptyFrames(options.perBand)
  })()
  for (
    let t = performance.now(), next = source.next();
    !next.done;
    t = performance.now(), next = source.next()
  ) {
    generating += performance.now() - t
    const frame = next.value
    if (!warm) {
      // Warm up the JIT and the wasm before anything is timed.
      for (let i = 0; i < 5; i++) for (const d of Object.values(decoders)) await d(frame)
      warm = true
    }
    for (const [name, decode] of Object.entries(decoders)) results[name]!.push(await measure(decode, frame))
    frames.push({ ...frame, frame: { data: new Uint8ClampedArray(0), width: 0, height: 0 } })
    if (frames.length % 6 === 1 && kept.length < 64) kept.push(frame)
  }
  console.log(`${frames.length} frames (generated in ${(generating / 1000).toFixed(1)} s)`)

  const pick = (name: string, keep: (f: BenchFrame) => boolean) =>
    results[name]?.filter((_, i) => keep(frames[i]!)) ?? []

  console.log('\nDetection and time per frame (ms wall / ms CPU), by format and tilt band')
  console.log(
    'format   tilt     | ours: found  misr  med     p95      | no retry: found  med   | peer: found  med'
  )
  for (const format of FORMATS)
    for (const band of TILT_BANDS) {
      const keep = (f: BenchFrame) => f.format === format && f.band === band.label
      const o = summary(pick('ours', keep))
      const p = pick('plain', keep)
      const z = pick('peer', keep)
      console.log(
        `${format.padEnd(8)} ${band.label.padEnd(8)} | ${pct(pick('ours', keep)).padStart(11)} ${String(o.misreads).padStart(5)}  ` +
          `${f1(o.medianMs)}/${f1(o.medianCpuMs)}`.padEnd(8) +
          `${f1(o.p95Ms)}/${f1(o.p95CpuMs)}`.padStart(10) +
          `   | ${pct(p).padStart(15)}  ${f1(summary(p).medianMs).padStart(5)} | ` +
          (z.length ? `${pct(z).padStart(11)}  ${f1(summary(z).medianMs).padStart(6)}` : '–')
      )
    }

  const coded = (f: BenchFrame) => f.format !== 'none'
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    frames: frames.length,
    perBand: options.perBand,
    ours: summary(pick('ours', coded)),
    oursQr: summary(pick('ours', (f) => f.format === 'QRCode')),
    plain: summary(pick('plain', coded)),
    plainQr: summary(pick('plain', (f) => f.format === 'QRCode')),
    empty: summary(pick('ours', (f) => !coded(f))),
    peer: options.peer ? summary(pick('peer', coded)) : null,
    memory: null as null | Record<string, string | number>
  }
  console.log('\nAll frames with a code:')
  for (const name of ['ours', 'plain', 'peer'] as const) {
    const s = report[name]
    if (!s) continue
    console.log(
      `  ${name.padEnd(6)} ${s.detected}/${s.frames} found, ${s.misreads} misreads, median ${f1(s.medianMs)} ms ` +
        `(CPU ${f1(s.medianCpuMs)}), p95 ${f1(s.p95Ms)} ms (CPU ${f1(s.p95CpuMs)}), ${f1(s.msPerRead)} ms per code read`
    )
  }
  console.log(
    `  QR frames: median ${f1(report.oursQr.medianMs)} ms with the retry, ${f1(report.plainQr.medianMs)} ms without`
  )
  console.log(
    `  frames without a code: ${report.empty.misreads} misreads, median ${f1(report.empty.medianMs)} ms ` +
      `(CPU ${f1(report.empty.medianCpuMs)})`
  )
  if (report.peer)
    console.log(
      `  peer/ours: median ${(report.peer.medianMs / report.ours.medianMs).toFixed(1)}× (wall), ` +
        `${(report.peer.medianCpuMs / report.ours.medianCpuMs).toFixed(1)}× (CPU); ` +
        `per code read ${(report.peer.msPerRead / report.ours.msPerRead).toFixed(1)}×` +
        (options.peerTryHarder ? ' (peer with TRY_HARDER)' : ' (peer with its default hints)')
    )

  report.memory = await memoryRun(
    pipeline,
    kept,
    options.memoryFrames,
    () => (zxing as unknown as { HEAPU8: Uint8Array }).HEAPU8.byteLength
  )
  const dir = join(process.cwd(), 'bench/results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `decode-${report.date.replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2))
  console.log(`\nwritten: ${file}`)
}

/** Decodes `count` frames in a row and compares memory before and after (GC first when exposed). */
async function memoryRun(
  pipeline: DecodePipeline,
  frames: BenchFrame[],
  count: number,
  wasmHeap: () => number
): Promise<Record<string, string | number>> {
  const gc = (globalThis as { gc?: () => void }).gc
  const reading = async () => {
    // Two collections with a turn of the event loop between: ArrayBuffer memory is released by
    // finalisers after the first one.
    gc?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
    gc?.()
    const m = process.memoryUsage()
    return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, wasm: wasmHeap() }
  }
  const first = await reading()
  const t0 = performance.now()
  for (let i = 0; i < count; i++) await pipeline.decode(frames[i % frames.length]!.frame)
  const seconds = (performance.now() - t0) / 1000
  const last = await reading()
  console.log(
    `\nMemory over ${count} frames in a row (${seconds.toFixed(0)} s, GC ${gc ? 'forced' : 'not exposed'}):`
  )
  for (const key of ['rss', 'heapUsed', 'arrayBuffers', 'wasm'] as const)
    console.log(`  ${key.padEnd(12)} first ${mb(first[key]).padStart(9)}   last ${mb(last[key]).padStart(9)}`)
  return {
    frames: count,
    seconds,
    gcForced: gc ? 1 : 0,
    ...Object.fromEntries(Object.entries(first).map(([k, v]) => [`first_${k}`, v])),
    ...Object.fromEntries(Object.entries(last).map(([k, v]) => [`last_${k}`, v]))
  }
}
