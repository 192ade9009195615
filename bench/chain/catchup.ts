/**
 * Chain catch-up with the load generator (docs/performance.md § Chain hub, bench/README.md § Chain hub): a real hub
 * with its embedded PostgreSQL; `--stores` × `--tills-per-store` tills in `--workers` forked processes
 * (bench/chain/loadGen.ts), each offline `--hours` at `--per-hour`, reconnecting all at once and/or with full
 * jitter over `--jitter-s`. Prints time to drained (total, p50/p99 per till), 429s, peak requests in flight,
 * events/s, beside a bare figure from the same run (bench/chain/ingest.ts `bare`: INSERT … SELECT FROM unnest into a
 * copy of till_events, 500 rows a statement, one connection). Then the invariants (they fail the run, timings never).
 *
 *   node bench/run.mjs bench/chain/catchup.ts --stores 1000 --hours 8 --mode once   # the issue's 720,000 events
 *   node bench/run.mjs bench/chain/catchup.ts --stores 1000 --hours 1               # 1 h, at once and jittered
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startHub } from '../../src/hub/hub'
import { cpuSplit, postmasterOf, sampleCpu } from './cpu'
import { bare } from './ingest'
import { pgbenchCeiling } from './pgbench'
import {
  chainCounts,
  checkInvariants,
  drain,
  enrolAll,
  quantiles,
  startWorkers,
  stopWorkers,
  type LoadOptions
} from './loadGen'

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stores: { type: 'string', default: '1000' },
      'tills-per-store': { type: 'string', default: '3' },
      hours: { type: 'string', default: '1' },
      'per-hour': { type: 'string', default: '30' },
      workers: { type: 'string', default: '3' },
      'jitter-s': { type: 'string', default: '60' },
      mode: { type: 'string', default: 'both' }, // once | jitter | both
      duplicates: { type: 'string', default: '50' },
      'bare-events': { type: 'string', default: '60000' },
      'no-resend': { type: 'boolean', default: false },
      'pgbench-s': { type: 'string', default: '20' },
      'max-concurrent': { type: 'string', default: '6' },
      'max-queued': { type: 'string', default: '64' },
      'pg-tune': { type: 'boolean', default: false }
    }
  })
  const modes = values.mode === 'both' ? ['once', 'jitter'] : [values.mode]
  const root = mkdtempSync(join(tmpdir(), 'hexiao-chain-catchup-'))
  chmodSync(root, 0o755)
  const slots = Number(values['max-concurrent'])
  const start = () =>
    startHub({
      dataDir: join(root, 'hub'),
      log: () => undefined,
      chain: { maxConcurrent: slots, maxQueued: Number(values['max-queued']) }
    })
  let hub = await start()
  if (values['pg-tune']) {
    // An HQ server's settings instead of PostgreSQL's defaults (128 MB of buffers, 1 GB of WAL between
    // checkpoints): the 720,000-event catch-up outgrows both. Durability settings stay as they are.
    await hub.store.pool.query(`ALTER SYSTEM SET shared_buffers = '1GB'`)
    await hub.store.pool.query(`ALTER SYSTEM SET max_wal_size = '8GB'`)
    await hub.store.pool.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`)
    await hub.stop()
    hub = await start()
    const shown = await hub.store.pool.query<{ b: string; w: string }>(
      `SELECT current_setting('shared_buffers') AS b, current_setting('max_wal_size') AS w`
    )
    console.log(`PostgreSQL tuned: shared_buffers ${shown.rows[0]!.b}, max_wal_size ${shown.rows[0]!.w}`)
  }
  let failed = false
  const postmaster = postmasterOf(join(root, 'hub', 'postgres', 'data'))
  try {
    const bareEvents = Number(values['bare-events'])
    const ceiling = await bare(hub, bareEvents, 500)
    console.log(
      `bare INSERT … unnest, 500 a statement, ${bareEvents} rows: ${ceiling.toFixed(0)}/s  (load average ${load()})`
    )
    const pgbenchS = Number(values['pgbench-s'])
    let pgbRows = NaN
    if (pgbenchS > 0) {
      const batch = Math.min(500, Math.round(Number(values.hours) * Number(values['per-hour'])))
      const pgb = await pgbenchCeiling(hub, { clients: slots, seconds: pgbenchS, batch })
      pgbRows = pgb?.rowsPerS ?? NaN
      console.log(
        pgb
          ? `pgbench ceiling (${pgb.version}, ${slots} clients, one INSERT … SELECT of ${batch} event rows a transaction, ${pgbenchS} s): ${pgb.rowsPerS.toFixed(0)} rows/s (${pgb.tps.toFixed(1)} tps)  (load average ${load()})`
          : 'pgbench ceiling: no pgbench on this machine (Debian: apt-get install postgresql-client)'
      )
    }
    for (const mode of modes) {
      const o: LoadOptions = {
        url: hub.url,
        stores: Number(values.stores),
        tillsPerStore: Number(values['tills-per-store']),
        hours: Number(values.hours),
        perHour: Number(values['per-hour']),
        workers: Number(values.workers),
        jitterMs: mode === 'jitter' ? Number(values['jitter-s']) * 1000 : 0,
        duplicates: Number(values.duplicates),
        prefix: mode
      }
      const tills = await enrolAll(hub, o)
      const workers = await startWorkers(tills, o.workers)
      try {
        const workerPids = workers.map((w) => w.child.pid ?? 0)
        const cpu0 = sampleCpu(postmaster, workerPids)
        const r = await drain(workers, o)
        const cpu1 = sampleCpu(postmaster, workerPids)
        const d = quantiles(r.drainedMs)
        console.log(
          `${mode === 'once' ? 'all at once' : `full jitter over ${values['jitter-s']} s`}: ${tills.length} tills × ${tills[0]!.count} = ${r.events} events ` +
            `in ${o.workers} workers: drained in ${r.seconds.toFixed(1)} s (${(r.events / r.seconds).toFixed(0)} events/s, ` +
            `${(r.events / r.seconds / ceiling).toFixed(2)} of bare` +
            (Number.isFinite(pgbRows) ? `, ${(r.events / r.seconds / pgbRows).toFixed(2)} of pgbench` : '') +
            `); per till p50 ${(d.p50 / 1000).toFixed(1)} s p99 ${(d.p99 / 1000).toFixed(1)} s; ` +
            `429s ${r.busy}, other errors ${r.errors}, requests ${r.requests}, peak in flight ${r.peakInFlight}  (load average ${load()})`
        )
        console.log(`  ${cpuSplit(cpu0, cpu1)}`)
        let problems = await checkInvariants(hub, o, tills)
        if (!values['no-resend'] && problems.length === 0) {
          const before = await chainCounts(hub, o.prefix)
          const again = await drain(workers, o, { resend: true })
          const after = await chainCounts(hub, o.prefix)
          if (again.stored !== 0) problems.push(`the resend stored ${again.stored} events`)
          if (JSON.stringify(after) !== JSON.stringify(before))
            problems.push(`the resend changed counts: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
          problems = problems.concat(await checkInvariants(hub, o, tills))
          console.log(`  resend of everything: ${again.seconds.toFixed(1)} s, ${again.stored} stored`)
        }
        console.log(
          problems.length === 0
            ? '  invariants: all hold'
            : `  INVARIANTS BROKEN:\n  ${problems.join('\n  ')}`
        )
        if (problems.length > 0) failed = true
      } finally {
        stopWorkers(workers)
      }
    }
  } finally {
    await hub.stop()
    rmSync(root, { recursive: true, force: true })
  }
  if (failed) process.exit(1)
}
