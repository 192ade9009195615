/**
 * The hard-frame bench (hardSet.ts): today's pipeline, the pipeline as it was before the hard-frame work
 * (baseline/) and plain zxing-wasm (its default options: tryHarder, rotate, invert, downscale; the camera's
 * formats) on the same frames in the same run. Prints detection per kind and format, misreads, hints on
 * frames without a code, and median / p95 time per frame. Never fails on time.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDecodePipeline } from '../../src/renderer/src/camera/decodePipeline'
import { DEFAULT_CAMERA_FORMATS } from '../../src/renderer/src/camera/formats'
import { createDecodePipeline as createBaselinePipeline } from './baseline/decodePipeline'
import { HARD_FORMATS, HARD_KINDS, hardFrames, type HardFrame } from './hardSet'
import { prepareNodeZxing, readNode } from './nodeReader'

interface Outcome {
  ok: boolean
  misread: boolean
  hint: boolean
  ms: number
  cpuMs: number
}

type Decoder = (frame: HardFrame) => Promise<{ texts: string[]; hint: boolean }>

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN
}

export async function hardMain(argv: string[]): Promise<void> {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name)
    return i >= 0 ? Number(argv[i + 1]) : fallback
  }
  const perCell = value('--per-cell', 20)
  const empty = value('--empty', 40)
  await prepareNodeZxing()
  const after = createDecodePipeline(readNode)
  const before = createBaselinePipeline(readNode)
  const decoders: Record<string, Decoder> = {
    before: async (f) => {
      const r = await before.decode(f.frame)
      return { texts: r.codes.map((c) => c.text), hint: r.seen !== null }
    },
    after: async (f) => {
      const r = await after.decode(f.frame)
      return { texts: r.codes.map((c) => c.text), hint: r.seen !== null }
    },
    zxing: async (f) => ({
      texts: (await readNode(f.frame, { formats: [...DEFAULT_CAMERA_FORMATS] }))
        .filter((r) => r.isValid)
        .map((r) => r.text),
      hint: false
    })
  }
  const names = Object.keys(decoders)
  const frames: Omit<HardFrame, 'frame'>[] = []
  const results: Record<string, Outcome[]> = Object.fromEntries(names.map((n) => [n, []]))
  let warm = false
  for (const frame of hardFrames(perCell, empty)) {
    if (!warm) {
      for (let i = 0; i < 5; i++) for (const d of Object.values(decoders)) await d(frame)
      warm = true
    }
    for (const name of names) {
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const { texts, hint } = await decoders[name]!(frame)
      const ms = performance.now() - t0
      const cpu = process.cpuUsage(cpu0)
      const cpuMs = (cpu.user + cpu.system) / 1000
      const ok = frame.expected !== '' && texts.includes(frame.expected)
      results[name]!.push({ ok, misread: !ok && texts.length > 0, hint, ms, cpuMs })
    }
    const { frame: _pixels, ...meta } = frame
    frames.push(meta)
  }

  const select = (name: string, keep: (f: Omit<HardFrame, 'frame'>) => boolean) =>
    results[name]!.filter((_, i) => keep(frames[i]!))
  const rate = (o: Outcome[]) => `${o.filter((x) => x.ok).length}/${o.length}`.padStart(7)
  const pct = (o: Outcome[]) => ((100 * o.filter((x) => x.ok).length) / Math.max(1, o.length)).toFixed(0)

  console.log(`Hard frames: ${frames.length} (${perCell} per kind and format, ${empty} without a code)`)
  console.log('\nkind         format   |  before    after    zxing | median ms before / after / zxing')
  for (const kind of HARD_KINDS)
    for (const format of HARD_FORMATS) {
      const keep = (f: Omit<HardFrame, 'frame'>) => f.kind === kind && f.format === format
      console.log(
        `${kind.padEnd(12)} ${format.padEnd(8)} | ${names.map((n) => rate(select(n, keep))).join('  ')} | ` +
          names
            .map((n) =>
              quantile(
                select(n, keep).map((o) => o.ms),
                0.5
              ).toFixed(1)
            )
            .join(' / ')
      )
    }
  const coded = (f: Omit<HardFrame, 'frame'>) => f.kind !== 'empty'
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    perCell,
    empty
  }
  console.log(
    '\n         | read            | per format (QR / Code 128 / PDF417) | misreads | hints on empty | median  p95 ms wall | CPU'
  )
  for (const name of names) {
    const all = select(name, coded)
    const none = select(name, (f) => !coded(f))
    const perFormat = HARD_FORMATS.map((format) => pct(select(name, (f) => f.format === format)) + '%')
    const times = [...all, ...none].map((o) => o.ms)
    const cpuTimes = [...all, ...none].map((o) => o.cpuMs)
    const line = {
      read: all.filter((o) => o.ok).length,
      frames: all.length,
      perFormat: Object.fromEntries(HARD_FORMATS.map((f, i) => [f, perFormat[i]])),
      perKind: Object.fromEntries(HARD_KINDS.map((k) => [k, pct(select(name, (f) => f.kind === k)) + '%'])),
      misreads: [...all, ...none].filter((o) => o.misread).length,
      hintsOnEmpty: none.filter((o) => o.hint).length,
      emptyFrames: none.length,
      medianMs: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      medianCpuMs: quantile(cpuTimes, 0.5),
      p95CpuMs: quantile(cpuTimes, 0.95)
    }
    report[name] = line
    console.log(
      `${name.padEnd(8)} | ${`${line.read}/${line.frames} = ${pct(all)}%`.padEnd(15)} | ${perFormat.join(' / ').padEnd(35)} | ` +
        `${String(line.misreads).padStart(8)} | ${`${line.hintsOnEmpty}/${line.emptyFrames}`.padStart(14)} | ` +
        `${line.medianMs.toFixed(1).padStart(6)} ${line.p95Ms.toFixed(1).padStart(5)} | ` +
        `${line.medianCpuMs.toFixed(1).padStart(6)} ${line.p95CpuMs.toFixed(1).padStart(5)}`
    )
  }
  console.log('\nper kind (before / after / zxing):')
  for (const kind of HARD_KINDS)
    console.log(
      `  ${kind.padEnd(12)} ${names.map((n) => pct(select(n, (f) => f.kind === kind)) + '%').join(' / ')}`
    )
  if (argv.includes('--misses'))
    frames.forEach((f, i) => {
      if (f.kind !== 'empty' && !results.after![i]!.ok)
        console.log(
          `  miss: ${f.kind} ${f.format} module ${f.moduleSize.toFixed(2)} tilt ${f.tiltDeg.toFixed(1)} blur ${f.blur.toFixed(2)} "${f.expected}"`
        )
    })
  const dir = join(process.cwd(), 'bench/results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `decode-hard-${String(report.date).replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2))
  console.log(`\nwritten: ${file}`)
}
