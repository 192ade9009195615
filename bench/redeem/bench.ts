/**
 * bench/redeem: with N (default 1,000,000) redemptions in the ledger, how fast are the station's
 * look-up + decide and its durable redeem() commit — next to the bare SQLite figures measured in the
 * same run on the same file, so the overhead reads as a ratio. Prints; never asserts.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { connectionPragmas, openDatabase } from '../../src/main/db/open'
import { Session } from '../../src/main/ipc/session'
import { decideContext } from '../../src/main/redeem/decideContext'
import { databaseFile } from '../../src/main/config/paths'
import { openStation } from '../../src/main/station/station'
import { decide } from '../../src/shared/rules'
import { sampleRow } from '../../test/support/rows'
import { fill } from './fill'

const micros = (start: bigint) => Number(process.hrtime.bigint() - start) / 1000

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted.at(-1) ?? NaN, n: sorted.length }
}

/**
 * A full GC before every timed phase, bare and station alike (needs --expose-gc): the garbage of the fill,
 * of opening the station and of the phase before must not be collected inside the next phase's samples.
 * Within a phase nothing is forced: the garbage the measured code makes is collected as it would be.
 */
const settle = () => (globalThis as { gc?: () => void }).gc?.()

function time(n: number, run: (i: number) => void): number[] {
  settle()
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint()
    run(i)
    out.push(micros(start))
  }
  return out
}

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)
const walMb = (file: string) => (walBytes(file) / 1048576).toFixed(1)
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576)
const fmt = (s: { p50: number; p99: number }) => `p50 ${s.p50.toFixed(1)} µs, p99 ${s.p99.toFixed(1)} µs`
const tail = (s: { p999: number; max: number }) =>
  `(p99.9 ${s.p999.toFixed(0)} µs, max ${s.max.toFixed(0)} µs)`

/** Starts the BUILT host on the same data and reads its resident memory once it serves. */
async function hostResidentMemory(dataDir: string): Promise<string> {
  const host = join(process.cwd(), 'out/main/host.js')
  if (!existsSync(host)) return 'n/a (run `npm run build` first)'
  const child = spawn(process.execPath, [host, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  try {
    await new Promise<void>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('Open: ')) resolve()
      })
      child.once('exit', (code) => reject(new Error(`host exited with ${code}`)))
    })
    // Let the card cache and the outbox worker run their first round.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN)
    return (kb / 1024).toFixed(0)
  } finally {
    child.kill('SIGTERM')
  }
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      samples: { type: 'string', default: '20000' },
      keep: { type: 'string' }
    }
  })
  const rows = Number(values.rows)
  const samples = Number(values.samples)
  const dataDir = values.keep ?? mkdtempSync(join(tmpdir(), 'hexiao-bench-redeem-'))
  const file = databaseFile(dataDir, 'training')
  const startAt = Date.UTC(2025, 10, 22)
  if (!existsSync(file)) {
    const t0 = Date.now()
    const { db } = openDatabase(file)
    fill(db, rows, startAt)
    db.close()
    console.log(
      `filled ${rows.toLocaleString()} redemptions in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${file}`
    )
  }

  // Bare SQLite, same file, the station's own connection pragmas (WAL, synchronous=FULL, checkpoint interval…).
  const raw = new Database(file)
  for (const pragma of connectionPragmas()) raw.pragma(pragma)
  // The station's duplicate look-up goes through the live-row index on code_key (the code itself for a plain code).
  const bareGet = raw.prepare(`SELECT id FROM redemptions WHERE code_key = ? AND status <> 'voided'`)
  const bareLookup = stats(time(samples, (i) => bareGet.get(String(100_000_000_000 + ((i * 7919) % rows)))))
  raw.exec('CREATE TABLE IF NOT EXISTS bench_pair (k TEXT, v INTEGER) STRICT')
  const pairInsert = raw.prepare('INSERT INTO bench_pair VALUES (?, ?)')
  const pair = raw.transaction((i: number) => {
    pairInsert.run(`a${i}`, i)
    pairInsert.run(`b${i}`, i)
  })
  const commitN = Math.min(samples, 3000)
  // The redeem() phase below starts on a WAL file that the service look-ups (their scan log) have already
  // grown to its working size, and a commit that overwrites WAL pages is cheaper than one that appends
  // (appending makes each fsync also commit the file system's journal). The bare commit gets the same
  // start: untimed commits until the WAL has reached its checkpoint size once. Both sizes are printed.
  const walTarget =
    Number(raw.pragma('wal_autocheckpoint', { simple: true })) *
    (Number(raw.pragma('page_size', { simple: true })) + 24)
  for (let i = 0; i < 100_000 && walBytes(file) < walTarget; i++) pair.immediate(-1 - i)
  const walAtBare = walMb(file)
  const t1 = Date.now()
  const bareCommit = stats(time(commitN, (i) => pair.immediate(i)))
  const bareRate = commitN / ((Date.now() - t1) / 1000)
  raw.exec('DROP TABLE bench_pair')
  raw.close()

  // The station on the same file.
  const rssBefore = rssMb()
  const station = openStation({ dataDir, runtime: 'node-host', mode: 'training', background: false })
  const cashier = await station.services.staff.create(
    { name: `bench${Date.now() % 100000}`, role: 'cashier', pin: '1357' },
    null
  )
  await station.services.cards.refresh()
  const settings = station.services.settings.forRedeem()
  const card = station.services.cards.activeCards().find((c) => c.cardType === 'CASH')!
  const now = startAt + 364 * 86_400_000
  const status = {
    kind: 'code' as const,
    cardId: card.cardId,
    code: null,
    openid: 'oBENCH000042xxxxxxxxxxxxxxxx',
    userCardStatus: 'NORMAL' as const,
    rawUserCardStatus: 'NORMAL',
    canConsume: true,
    outerStr: null
  }
  const lookupDecide = stats(
    time(samples, (i) => {
      const code =
        i % 2 === 0 ? String(100_000_000_000 + ((i * 7919) % rows)) : `9${String(i).padStart(11, '0')}`
      const ctx = decideContext(
        {
          now,
          code,
          codeStatus: { ...status, code },
          connectivity: 'online',
          billFen: 12_000,
          otherDiscount: false,
          role: 'cashier',
          managerApproved: false,
          cardPicked: false,
          codeWindow: null
        },
        settings,
        station.services.ledger
      )
      decide(card, status, ctx)
    })
  )

  // A whole offline look-up through the service: normalise, cache, decide; its scan log is written between scans.
  station.sandbox!.startPartition('refuse')
  const session = new Session('bench')
  session.signIn(cashier)
  const serviceLookup: number[] = []
  settle()
  for (let i = 0; i < Math.min(samples, 2000); i++) {
    const start = process.hrtime.bigint()
    await station.services.redemptions.lookup(
      { source: 'wedge', device: `d${i}`, raw: `8${String(i).padStart(11, '0')}` },
      cashier,
      session.id
    )
    serviceLookup.push(micros(start))
    // One event-loop turn between scans, as between two customers at the counter: the scan log the look-up
    // gathered is written here, after the answer and outside the timing (see src/main/redeem/scanJournal.ts).
    await new Promise((resolve) => setImmediate(resolve))
  }

  const runTag = String(Date.now() % 1_000_000).padStart(6, '0')
  const walAtRedeem = walMb(file)
  const t2 = Date.now()
  const redeem = stats(
    time(commitN, (i) =>
      station.services.ledger.recordRedemption(
        sampleRow({ code: `7${runTag}${String(i).padStart(7, '0')}`, at: now + i })
      )
    )
  )
  const redeemRate = commitN / ((Date.now() - t2) / 1000)
  const rssAfter = rssMb()
  await station.close()

  const lookupStats = stats(serviceLookup)
  console.log(`\nledger: ${rows.toLocaleString()} redemptions (+ outbox + audit), samples ${samples}`)
  console.log(`bare indexed look-up            ${fmt(bareLookup)}`)
  console.log(
    `look-up + decide (ledger reads) ${fmt(lookupDecide)}   ratio p99 ${(lookupDecide.p99 / bareLookup.p99).toFixed(1)}× bare`
  )
  console.log(
    `offline service look-up         ${fmt(lookupStats)}   (the scan-log write follows the answer, between scans)`
  )
  console.log(
    `bare 2-row WAL commit (FULL)    ${fmt(bareCommit)}   ${bareRate.toFixed(0)}/s   ${tail(bareCommit)}`
  )
  console.log(
    `durable redeem() commit         ${fmt(redeem)}   ${redeemRate.toFixed(0)}/s   ratio p99 ${(redeem.p99 / bareCommit.p99).toFixed(2)}× bare, rate ${(redeemRate / bareRate).toFixed(2)}× bare   ${tail(redeem)}`
  )
  console.log(`WAL file when the commit timing starts: bare ${walAtBare} MB, redeem() ${walAtRedeem} MB`)
  console.log(`connection pragmas (station and bare): ${connectionPragmas().join(', ')}`)
  console.log(
    `bench process memory: ${rssBefore} MB before opening the station, ${rssAfter} MB after (includes the bench's own fill and Vite)`
  )
  const hostRss = await hostResidentMemory(dataDir)
  console.log(
    `host resident memory with this ledger open: ${hostRss} MB (out/main/host.js, measured from /proc after start-up)`
  )
  console.log(`targets: look-up+decide p99 ≤ 500 µs; redeem() p99 ≤ 1000 µs and ≥ 2000/s; RSS ≤ 200 MB`)
}
