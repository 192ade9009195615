/**
 * Day report and exports over a 100,000-redemption business day (plus three quieter days around it) in a real
 * database file. Each phase runs in its own process (see run.mjs), so the report's and the exports' time and
 * peak RSS are those of a process that opens the seeded database and does exactly that work — as the station
 * does — and not the seeding's leftovers. Prints medians; never passes or fails on time.
 * Targets (issue 7): day report ≤ 100 ms; XLSX export ≤ 3 s with peak RSS ≤ 300 MB.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openDatabase } from '../../src/main/db/open'
import { dayReport } from '../../src/main/reports/dayReport'
import { produceExport } from '../../src/main/reports/export/exportRange'
import { rowsPage } from '../../src/main/reports/rows'
import { DEFAULT_STORE_PROFILE } from '../../src/main/config/storeProfile'
import { seedBench } from './seed'

export const DAY = '2026-11-22'
const profile = DEFAULT_STORE_PROFILE
const query = { from: DAY, to: DAY }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN
const mb = (bytes: number) => Math.round(bytes / 1_048_576)
const say = (result: Record<string, unknown>) => console.log(JSON.stringify(result))

function seedPhase(file: string, rows: number): void {
  rmSync(dirname(file), { recursive: true, force: true })
  const { db } = openDatabase(file)
  const started = performance.now()
  seedBench(db, DAY, rows, 0)
  for (const [i, day] of ['2026-11-20', '2026-11-21', '2026-11-23'].entries())
    seedBench(db, day, Math.floor(rows / 5), rows * (i + 1))
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('optimize')
  db.close()
  say({
    phase: 'seed',
    rows,
    otherDays: 3 * Math.floor(rows / 5),
    ms: Math.round(performance.now() - started)
  })
}

function reportPhase(file: string): void {
  const { db } = openDatabase(file)
  const first = performance.now()
  let report = dayReport(db, query, profile, Date.now())
  const firstMs = performance.now() - first
  const times: number[] = []
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now()
    report = dayReport(db, query, profile, Date.now())
    times.push(performance.now() - t0)
  }
  const drill: number[] = []
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now()
    rowsPage(db, { ...query, filter: { status: 'conflict' } }, profile, 10, 50)
    drill.push(performance.now() - t0)
  }
  db.close()
  say({
    phase: 'report',
    counted: report.totals.count,
    voided: report.voided.count,
    firstMs: Math.round(firstMs),
    medianMs: +median(times).toFixed(1),
    p95Ms: +p95(times).toFixed(1),
    drillMedianMs: +median(drill).toFixed(1),
    rssMb: mb(process.memoryUsage().rss)
  })
}

async function exportPhase(file: string, format: 'csv' | 'xlsx'): Promise<void> {
  const { db } = openDatabase(file)
  const exportsDir = join(dirname(file), 'exports')
  mkdirSync(exportsDir, { recursive: true })
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  // How long the event loop is held at a stretch: what a till request arriving mid-export would wait.
  const stalls = monitorEventLoopDelay({ resolution: 5 })
  stalls.enable()
  const started = performance.now()
  const cpu = process.cpuUsage()
  const produced = await produceExport(
    db,
    { ...query, format, lang: 'zh-CN' },
    {
      profile,
      identity: { stationId: 's', stationName: '收银台 1', storeName: '门店' },
      exportsDir,
      mode: 'training',
      now: Date.now()
    }
  )
  const ms = performance.now() - started
  // CPU time (this thread and libuv's zlib threads) says how much work it was, whatever else the machine runs.
  const used = process.cpuUsage(cpu)
  stalls.disable()
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  rmSync(produced.file, { force: true })
  db.close()
  say({
    phase: 'export',
    format,
    rows: produced.rows,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    longestStallMs: Math.round(stalls.max / 1e6),
    peakRssMb: mb(peak),
    baselineRssMb: mb(baseline),
    fileMb: +(produced.bytes / 1_048_576).toFixed(1)
  })
}

export async function main(args: string[]): Promise<void> {
  const arg = (name: string) => args[args.indexOf(name) + 1] ?? ''
  const file = arg('--db')
  switch (arg('--phase')) {
    case 'seed':
      return seedPhase(file, Number(arg('--rows')) || 100_000)
    case 'report':
      return reportPhase(file)
    case 'export':
      return exportPhase(file, arg('--format') === 'csv' ? 'csv' : 'xlsx')
    default:
      throw new Error('usage: --phase seed|report|export --db <file> [--rows N] [--format csv|xlsx]')
  }
}
