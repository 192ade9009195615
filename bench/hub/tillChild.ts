/**
 * Tills in a process of their own for bench/hub/tills.ts: a real store has one machine per till, and two tills in
 * one Node process would wait for each other's synchronous SQLite commits. Each child holds one linked till (paired
 * with the hub) and one local-only till (no hub link, today's decision), and answers one JSON line per command
 * read from stdin (see `handle`). Times are absolute (performance.timeOrigin + now) where two processes compare.
 */
import { createInterface } from 'node:readline'
import { randomUUID } from 'node:crypto'
import { openTill, redeem, type BenchTill, type Timing } from './till'

type Command =
  | {
      cmd: 'open'
      name: string
      hubUrl: string
      pairingCode: string
      storeId: string
      claimDeadlineMs: number
      heartbeatMs: number
    }
  | { cmd: 'paced'; linked: boolean; seconds: number; rate: number; startDelayMs: number }
  | { cmd: 'redeem'; linked: boolean; count: number }
  | { cmd: 'redeemCode'; code: string }
  | { cmd: 'watch'; code: string; limitMs: number }
  | { cmd: 'state' }
  | { cmd: 'waitConnected'; limitMs: number }
  | { cmd: 'reconcile'; limitMs: number }
  | { cmd: 'fillDay'; count: number }
  | { cmd: 'pair'; hubUrl: string; pairingCode: string; storeId: string }
  | { cmd: 'close' }

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const clock = (): number => performance.timeOrigin + performance.now()

let linked: BenchTill | null = null
let local: BenchTill | null = null

const link = () => linked!.t.station.services.storeLink

async function handle(c: Command): Promise<unknown> {
  switch (c.cmd) {
    case 'open': {
      linked = await openTill(c.name, {
        claimDeadlineMs: c.claimDeadlineMs,
        retryMs: 500,
        heartbeatMs: c.heartbeatMs
      })
      local = await openTill(`本地${c.name}`)
      await link().pair(c.hubUrl, c.pairingCode, c.storeId)
      link().start()
      // Warm both (JIT, the hub connection) before anything is timed.
      for (let i = 0; i < 5; i++) {
        await redeem(linked, linked.freshCode())
        await redeem(local, local.freshCode())
      }
      return { ok: true }
    }
    case 'paced': {
      const till = c.linked ? linked! : local!
      const interval = 1000 / c.rate
      const claimFrom = till.claimMs.length
      const timings: Timing[] = []
      await sleep(c.startDelayMs)
      const end = performance.now() + c.seconds * 1000
      while (performance.now() < end) {
        const t0 = performance.now()
        timings.push(await redeem(till, till.freshCode()))
        await sleep(Math.max(0, interval - (performance.now() - t0)))
      }
      return { timings, claimMs: c.linked ? till.claimMs.slice(claimFrom) : [] }
    }
    case 'redeem': {
      const till = c.linked ? linked! : local!
      const timings: Timing[] = []
      for (let i = 0; i < c.count; i++) timings.push(await redeem(till, till.freshCode()))
      return { timings }
    }
    case 'redeemCode': {
      linked!.addCode(c.code)
      const timing = await redeem(linked!, c.code)
      return { timing, committedAt: clock(), grantedAt: linked!.claimDoneAt }
    }
    case 'watch': {
      const t0 = performance.now()
      while (link().holderOf(c.code, null) === null) {
        if (performance.now() - t0 > c.limitMs) return { seenAt: null }
        await sleep(1)
      }
      return { seenAt: clock() }
    }
    case 'state':
      return link().state()
    case 'waitConnected': {
      const t0 = performance.now()
      for (;;) {
        const s = link().state()
        if (s.status === 'connected' && s.waiting === 0) return { ms: performance.now() - t0 }
        if (performance.now() - t0 > c.limitMs) return { ms: null, state: s }
        await sleep(20)
      }
    }
    case 'reconcile': {
      const queued = link().state().waiting
      const t0 = performance.now()
      while (link().state().waiting > 0 && performance.now() - t0 < c.limitMs) {
        await link().flush()
        if (link().state().waiting > 0) await sleep(5)
      }
      return {
        queued,
        ms: performance.now() - t0,
        left: link().state().waiting,
        collisions: link().collisions().length
      }
    }
    case 'fillDay': {
      // One day of granted commits, written straight into the intent log as they leave it.
      const db = linked!.t.station.db
      const insert = db.prepare(
        `INSERT INTO store_claims (redemption_id, card_id, code, cashier_id, cashier_name, amount_fen, at, state,
           checked, pending, updated_at)
         VALUES (?, ?, ?, ?, ?, 1000, ?, 'committed', 1, NULL, ?)`
      )
      const now = Date.now()
      db.transaction(() => {
        for (let i = 0; i < c.count; i++) {
          const at = now - 86_400_000 + Math.floor((i * 86_400_000) / c.count)
          insert.run(
            randomUUID(),
            'pBenchDayCard',
            `day-${randomUUID()}`,
            linked!.t.cashier.staffId,
            linked!.t.cashier.name,
            at,
            at
          )
        }
      })()
      const { n } = db
        .prepare(
          `SELECT count(*) AS n FROM store_claims WHERE state IN ('granted', 'committed', 'collision')`
        )
        .get() as { n: number }
      return { offered: n }
    }
    case 'pair': {
      const t0 = performance.now()
      try {
        const { republished } = await link().pair(c.hubUrl, c.pairingCode, c.storeId)
        return { ms: performance.now() - t0, republished, failed: null }
      } catch (err) {
        return {
          ms: performance.now() - t0,
          republished: 0,
          failed: err instanceof Error ? err.message : String(err)
        }
      }
    }
    case 'close': {
      for (const till of [linked, local]) {
        if (!till) continue
        await till.t.station.services.storeLink.stop()
        await till.t.station.close()
      }
      return { ok: true }
    }
  }
}

async function main(): Promise<void> {
  // The bench gone (stdin closed): stop at once, even in the middle of a long command.
  process.stdin.once('end', () => process.exit(0))
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as Command
    let answer: unknown
    try {
      answer = await handle(command)
    } catch (err) {
      answer = { error: err instanceof Error ? err.message : String(err) }
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`)
    if (command.cmd === 'close') break
  }
  process.exit(0)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
