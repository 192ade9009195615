/**
 * Host start-up with an empty data directory and with a 1,000,000-redemption ledger (bench/redeem's generator):
 * the median of N starts of the BUILT Node host (out/main/host.js), each timed from the spawn to the moment the
 * counter has answered a look-up over the host's WebSocket (signed in as a cashier would be). Beside them, in the
 * same run: the bare figures — a Node process that only starts, and one that opens the ledger with better-sqlite3
 * and reads one redemption by code — so a change of machine load shows in both. `--compare-host` interleaves
 * the starts of another build (e.g. the previous commit's) on the same ledger. Never passes or fails on time.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { WebSocket } from 'ws'
import { openDatabase } from '../../src/main/db/open'
import { databaseFile } from '../../src/main/config/paths'
import { fill } from '../redeem/fill'

const MANAGER = { name: '店长', pin: '2468' }
const CODE = '100000000042' // a redemption the generator wrote (a duplicate scan: the ledger is read)

interface Start {
  /** spawn → the host printed its URL (station open, server listening) */
  openMs: number
  /** spawn → the look-up answered */
  readyMs: number
  /** the look-up's own round trip */
  lookupMs: number
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/** One host start on dataDir, to the first answered look-up; the host is stopped (SIGTERM) before returning. */
async function hostStart(HOST: string, dataDir: string): Promise<Start> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const look = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
        if (match?.[1]) resolve(match[1])
      }
      child.stdout.on('data', look)
      child.stderr.on('data', look)
      child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)))
    })
    const openMs = performance.now() - t0
    const parsed = new URL(url)
    const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? ''
    const ws = new WebSocket(`ws://127.0.0.1:${parsed.port}/ipc?token=${token}`, {
      headers: { Origin: parsed.origin }
    })
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    let nextId = 1
    const waiting = new Map<number, (reply: { ok: boolean; value?: unknown; error?: unknown }) => void>()
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { t: string; id?: number; result?: { ok: boolean } }
      if (message.t === 'result' && message.id !== undefined && message.result)
        waiting.get(message.id)?.(message.result)
    })
    const call = async <T>(channel: string, request?: unknown): Promise<T> => {
      const reply = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        ws.send(JSON.stringify({ t: 'call', id, channel, request }))
      })
      if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`)
      return reply.value as T
    }
    const staff = await call<{ staffId: string; name: string }[]>('staff.list')
    const manager = staff.find((s) => s.name === MANAGER.name)
    if (manager) await call('staff.signIn', { staffId: manager.staffId, pin: MANAGER.pin })
    else await call('staff.firstManager', MANAGER)
    const t1 = performance.now()
    await call('redeem.lookup', { source: 'manual', device: 'keyboard', raw: CODE })
    const readyMs = performance.now() - t0
    ws.close()
    return { openMs, readyMs, lookupMs: performance.now() - t1 }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

/** A bare process start, and a bare process that opens the ledger and reads one row by code. */
async function bare(script: string, args: string[] = []): Promise<number> {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`bare process exited ${code}`)
  return performance.now() - t0
}

const BARE_LOOKUP = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))})
const db = new Database(process.argv[1], { readonly: true })
if (!db.prepare('SELECT id FROM redemptions WHERE code = ?').get(${JSON.stringify(CODE)})) process.exit(3)
db.close()`

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      starts: { type: 'string', default: '7' },
      keep: { type: 'string' },
      // Another build to compare (e.g. the previous commit's out/main/host.js); its starts are interleaved too.
      host: { type: 'string', default: join(process.cwd(), 'out/main/host.js') },
      'compare-host': { type: 'string' }
    }
  })
  const HOST = values.host
  const OTHER = values['compare-host']
  if (!existsSync(HOST)) throw new Error(`${HOST} is missing: run \`npm run build\` first.`)
  const rows = Number(values.rows)
  const starts = Number(values.starts)
  const ledgerDir = values.keep ?? mkdtempSync(join(tmpdir(), 'hexiao-bench-startup-'))
  const file = databaseFile(ledgerDir, 'training')
  if (!existsSync(file)) {
    const t0 = Date.now()
    const { db } = openDatabase(file)
    fill(db, rows, Date.UTC(2025, 10, 22))
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    console.log(
      `filled ${rows.toLocaleString()} redemptions in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${file}`
    )
  }
  console.log(`ledger ${(statSync(file).size / 1_048_576).toFixed(0)} MB`)
  await hostStart(HOST, ledgerDir) // the first start creates the manager (and warms the page cache like a running PC)

  const figures = {
    bareNode: [] as number[],
    bareLookup: [] as number[],
    empty: [] as Start[],
    ledger: [] as Start[],
    otherEmpty: [] as Start[],
    otherLedger: [] as Start[]
  }
  const emptyStart = async (host: string): Promise<Start> => {
    const empty = mkdtempSync(join(tmpdir(), 'hexiao-bench-startup-empty-'))
    try {
      return await hostStart(host, empty)
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  }
  for (let i = 0; i < starts; i++) {
    // Interleaved, so load on the machine touches every kind alike.
    figures.bareNode.push(await bare(''))
    figures.bareLookup.push(await bare(BARE_LOOKUP, [file]))
    figures.empty.push(await emptyStart(HOST))
    figures.ledger.push(await hostStart(HOST, ledgerDir))
    if (OTHER) {
      figures.otherEmpty.push(await emptyStart(OTHER))
      figures.otherLedger.push(await hostStart(OTHER, ledgerDir))
    }
  }
  const bareNode = median(figures.bareNode)
  const line = (label: string, list: Start[]) => {
    const ready = median(list.map((s) => s.readyMs))
    console.log(
      `${label}: to a served look-up median ${ready.toFixed(0)} ms (min ${Math.min(...list.map((s) => s.readyMs)).toFixed(0)}, max ${Math.max(...list.map((s) => s.readyMs)).toFixed(0)}); URL printed ${median(list.map((s) => s.openMs)).toFixed(0)} ms; look-up itself ${median(list.map((s) => s.lookupMs)).toFixed(1)} ms; ${(ready / bareNode).toFixed(1)}× a bare Node start`
    )
    return ready
  }
  console.log(`bare Node process start: median ${bareNode.toFixed(0)} ms`)
  console.log(
    `bare Node + better-sqlite3 open of the ledger + one look-up by code: median ${median(figures.bareLookup).toFixed(0)} ms`
  )
  const empty = line('host, empty data directory', figures.empty)
  const ledger = line(`host, ${rows.toLocaleString()}-row ledger`, figures.ledger)
  console.log(
    `ledger start / empty start: ${(ledger / empty).toFixed(2)}× (${starts} starts each, interleaved)`
  )
  if (OTHER) {
    console.log(`compared build ${OTHER}, same run:`)
    const otherEmpty = line('  its host, empty data directory', figures.otherEmpty)
    const otherLedger = line(`  its host, ${rows.toLocaleString()}-row ledger`, figures.otherLedger)
    console.log(`  its ledger start / empty start: ${(otherLedger / otherEmpty).toFixed(2)}×`)
  }
  const results = join(process.cwd(), 'bench/results')
  mkdirSync(results, { recursive: true })
  const out = join(results, `startup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(out, JSON.stringify({ rows, starts, host: HOST, compared: OTHER ?? null, figures }, null, 2))
  console.log(`raw figures: ${out}`)
  if (!values.keep) rmSync(ledgerDir, { recursive: true, force: true })
}
