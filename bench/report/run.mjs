// `node bench/report/run.mjs [--rows 100000] [--runs 3]`: the day report and export benchmark.
// Vite (already a dev dependency) bundles bench.ts for Node with every package external, then each phase runs
// in its own plain Node process: seed once, the report, then each export `--runs` times. Prints medians and
// peak RSS, writes the raw figures to bench/results/report-<time>.json. Never passes or fails on time.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback)
const rows = option('--rows', '100000')
const runs = Number(option('--runs', '3'))

// Inside the project (git-ignored) so the bundle resolves its packages from node_modules.
const outDir = fileURLToPath(new URL('../results/.build-report', import.meta.url))
await build({
  configFile: false,
  logLevel: 'error',
  build: {
    ssr: fileURLToPath(new URL('./main.ts', import.meta.url)),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'bench.mjs' } }
  }
})
const work = mkdtempSync(join(tmpdir(), 'hexiao-bench-report-'))
const db = join(work, 'training', 'station.db')
const phase = (...more) =>
  JSON.parse(
    execFileSync(process.execPath, [join(outDir, 'bench.mjs'), '--db', db, ...more], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()
  )
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const seeded = phase('--phase', 'seed', '--rows', rows)
console.log(
  `seeded ${seeded.rows} redemptions on one business day (+${seeded.otherDays} on three others) in ${seeded.ms} ms`
)
const report = phase('--phase', 'report')
console.log(
  `day report (${report.counted} counted, ${report.voided} voided): median ${report.medianMs} ms, p95 ${report.p95Ms} ms, first call ${report.firstMs} ms; drill-down page ${report.drillMedianMs} ms`
)
const exports = {}
for (const format of ['xlsx', 'csv']) {
  const list = Array.from({ length: runs }, () => phase('--phase', 'export', '--format', format))
  exports[format] = list
  console.log(
    `${format} export of ${list[0].rows} rows: median ${median(list.map((r) => r.ms))} ms (CPU ${median(list.map((r) => r.cpuMs))} ms, longest event-loop stall ${Math.max(...list.map((r) => r.longestStallMs))} ms), peak RSS ${Math.max(...list.map((r) => r.peakRssMb))} MB (process at start ${list[0].baselineRssMb} MB), file ${list[0].fileMb} MB`
  )
}
rmSync(work, { recursive: true, force: true })
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')}, Node ${process.version}`
console.log(machine)
mkdirSync(fileURLToPath(new URL('../results', import.meta.url)), { recursive: true })
const out = fileURLToPath(
  new URL(`../results/report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url)
)
writeFileSync(out, JSON.stringify({ seeded, report, exports, machine }, null, 2))
console.log(`raw figures: ${out}`)
