/**
 * Drain throughput: N queued redemptions sent to the sandbox over HTTP with 50 ms injected latency on every
 * request, by a worker in its own process. Prints consumes/s and its ratio to the ideal min(rate limit,
 * in-flight ÷ latency) at a few settings, and the worker's RSS (after start-up, peak, after the drain) for a
 * short and a long queue, which must not differ by the queue length.
 *
 *   node bench/run.mjs bench/sync/drain.ts [items=10000]
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Ledger } from '../../src/main/redeem/ledger'
import { DEFAULT_MAX_IN_FLIGHT, DEFAULT_RATE_PER_SECOND } from '../../src/main/sync/worker'
import { startSandboxServer } from '../../src/main/upstream/sandbox'
import { bundleForNode } from '../../test/reliability/buildDriver'
import { APP, CARD_A, codeOf, reliabilitySandbox } from '../../test/reliability/seed'
import { openStationDb, removeTempDbs, tempDbFile } from '../../test/sync/support/db'
import { redemptionRow } from '../../test/sync/support/redemptions'
import type { DrainChildConfig } from './drainChild'

const LATENCY_MS = 50

interface Setting {
  label: string
  items: number
  ratePerSecond?: number
  maxInFlight?: number
}

interface ChildResult {
  items: number
  synced: number
  ms: number
  /** CPU time of the worker process while draining. */
  cpuMs: number
  heapAfter: number
  rssBefore: number
  rssPeak: number
  rssAfter: number
}

export async function main(args: string[]): Promise<void> {
  const items = Number(args[0] ?? 10_000)
  const settings: Setting[] = [
    { label: `defaults (${DEFAULT_RATE_PER_SECOND}/s, ${DEFAULT_MAX_IN_FLIGHT} in flight)`, items },
    { label: 'defaults, 1/10 of the queue', items: Math.max(100, Math.round(items / 10)) },
    { label: '500/s, 8 in flight', items, maxInFlight: 8 },
    { label: '200/s, 32 in flight', items, ratePerSecond: 200 },
    { label: '1000/s, 64 in flight', items, ratePerSecond: 1_000, maxInFlight: 64 }
  ]
  const child = await bundleForNode(join(import.meta.dirname, 'drainChild.ts'))
  console.log(`sync drain bench: ${LATENCY_MS} ms latency per request, Node ${process.version}`)
  console.log(
    'setting                           items   consumes/s   ideal   ratio   worker CPU   RSS start → peak → after (MB)   heap after (MB)'
  )
  try {
    for (const setting of settings) {
      const parentCpu = process.cpuUsage()
      const result = await runOne(child.file, setting)
      const sandboxCpu = process.cpuUsage(parentCpu)
      const rate = setting.ratePerSecond ?? DEFAULT_RATE_PER_SECOND
      const inFlight = setting.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT
      const ideal = Math.min(rate, (inFlight * 1000) / LATENCY_MS)
      const perSecond = (result.synced / result.ms) * 1000
      const mb = (n: number): string => (n / 1_048_576).toFixed(0)
      console.log(
        `${setting.label.padEnd(32)} ${String(result.synced).padStart(6)} ${perSecond.toFixed(0).padStart(12)} ${ideal
          .toFixed(0)
          .padStart(
            7
          )} ${(perSecond / ideal).toFixed(2).padStart(7)} ${`${((result.cpuMs / result.ms) * 100).toFixed(0)}%`.padStart(12)}   ${mb(
          result.rssBefore
        )} → ${mb(result.rssPeak)} → ${mb(result.rssAfter)}${mb(result.heapAfter).padStart(24)}`
      )
      if (result.synced !== setting.items)
        console.log(`  !! only ${result.synced} of ${setting.items} synced`)
      if (process.env.HEXIAO_BENCH_VERBOSE) {
        console.log(
          `  sandbox process CPU (incl. queue set-up): ${((sandboxCpu.user + sandboxCpu.system) / 1000).toFixed(0)} ms for ${result.ms.toFixed(0)} ms of drain`
        )
      }
    }
  } finally {
    child.cleanup()
    removeTempDbs()
  }
}

async function runOne(childFile: string, setting: Setting): Promise<ChildResult> {
  const codes = Array.from({ length: setting.items }, (_, i) => ({
    code: codeOf('7', i),
    cardId: CARD_A,
    fate: 'normal' as const
  }))
  const sandbox = reliabilitySandbox(codes)
  sandbox.setFaults({ rules: [{ kind: 'latency', ms: LATENCY_MS }] })
  const server = await startSandboxServer({ sandbox })
  const dbFile = tempDbFile('hexiao-drain-')
  const db = openStationDb(dbFile)
  const ledger = new Ledger(db)
  const at = Date.now()
  db.transaction(() => {
    for (const c of codes) ledger.recordRedemption(redemptionRow({ code: c.code, cardId: c.cardId, at }))
  })()
  db.close()
  try {
    const config: DrainChildConfig = {
      dbFile,
      baseUrl: server.url,
      ...APP,
      ...(setting.ratePerSecond === undefined ? {} : { ratePerSecond: setting.ratePerSecond }),
      ...(setting.maxInFlight === undefined ? {} : { maxInFlight: setting.maxInFlight })
    }
    return await new Promise<ChildResult>((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        [
          '--expose-gc',
          ...(process.env.HEXIAO_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.HEXIAO_PROF] : []),
          childFile
        ],
        {
          env: { ...process.env, HEXIAO_DRAIN: JSON.stringify(config) },
          stdio: ['ignore', 'pipe', 'inherit']
        }
      )
      let out = ''
      proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
      proc.on('close', (code) => {
        try {
          resolve(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildResult)
        } catch {
          reject(new Error(`drain child failed (${code}): ${out}`))
        }
      })
    })
  } finally {
    await server.close()
    rmSync(dirname(dbFile), { recursive: true, force: true })
  }
}
