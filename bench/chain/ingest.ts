/**
 * Chain ingest (docs/chain.md, docs/performance.md § Chain hub): a real hub with its embedded PostgreSQL, simulated
 * tills posting their lanes over loopback HTTP (gzip, as the station does), beside a bare figure measured in the
 * same run: the same rows inserted straight into a copy of till_events with one INSERT … SELECT FROM unnest per
 * batch, on one connection, no HTTP, no projections.
 *
 *   node bench/run.mjs bench/chain/ingest.ts [--quick] [--tills 60] [--events 3000] [--catchup-tills 300] [--hours 1]
 *
 * Sustained: redemptions/s and batch latency (p50/p95/p99) by batch size 1 / 50 / 500, WAL bytes per redemption.
 * Catch-up: `--catchup-tills` tills, each `--hours` offline at 30 redemptions/h, reconnecting all at once versus
 * spread over 10 s, each with full-jitter backoff on 429: time to drained and the 429 count. The tills are state
 * machines in this one process; the catch-up with tills in worker processes is bench/chain/catchup.ts.
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { startHub, type RunningHub } from '../../src/hub/hub'
import type { ChainEvent, EnrolResponse, EventsResponse } from '../../src/shared/hub/chainProtocol'
import { HUB_STORE_HEADER } from '../../src/shared/hub/protocol'

interface Till {
  id: string
  store: string
  token: string
  next: number
  acked: number
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? NaN }
}

function event(till: Till): ChainEvent {
  const seq = till.next++
  const at = Date.UTC(2026, 11, 5, 2) + seq * 1000
  return {
    seq,
    eventId: randomUUID(),
    kind: 'redeemed',
    tillAt: at,
    businessDate: '2026-12-05',
    body: {
      redemptionId: randomUUID(),
      cardId: 'pBenchCard',
      customCode: false,
      code: `${till.id}-${seq}`,
      cardTitle: '10元代金券',
      cashierId: 'c1',
      cashierName: '收银员',
      amountFen: 1000,
      billFen: 5000,
      redeemedAt: at,
      status: 'pending'
    }
  }
}

async function post(
  hub: RunningHub,
  till: Till,
  events: ChainEvent[]
): Promise<{ status: number; retryAfter: number; value?: EventsResponse }> {
  const body = gzipSync(JSON.stringify({ tillId: till.id, queueDepth: 0, events, seenDuplicates: [] }))
  const res = await fetch(`${hub.url}/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      authorization: `Bearer ${till.token}`,
      [HUB_STORE_HEADER]: till.store
    },
    body: new Uint8Array(body)
  })
  const json = (await res.json()) as { ok: boolean; value?: EventsResponse; error?: { message: string } }
  if (res.status !== 200 && res.status !== 429) throw new Error(`HTTP ${res.status}: ${json.error?.message}`)
  return { status: res.status, retryAfter: Number(res.headers.get('retry-after') ?? 1), value: json.value }
}

async function enrolTills(hub: RunningHub, count: number, prefix: string): Promise<Till[]> {
  const tills: Till[] = []
  for (let i = 0; i < count; i++) {
    const store = `s-${Math.floor(i / 3)}`
    await hub.chain.upsertStore({ storeId: store, name: store })
    const { code } = await hub.chain.newEnrolmentCode(store)
    const res = await fetch(`${hub.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrolmentCode: code, tillId: `${prefix}-${i}`, tillName: `${i}` })
    })
    const v = ((await res.json()) as { value: EnrolResponse }).value
    tills.push({ id: v.tillId, store, token: v.token, next: 1, acked: 0 })
  }
  return tills
}

async function walBytes(hub: RunningHub): Promise<string> {
  const r = await hub.store.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
  return r.rows[0]!.lsn
}
async function walDiff(hub: RunningHub, from: string): Promise<number> {
  const r = await hub.store.pool.query<{ d: string }>(
    'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::text AS d',
    [from]
  )
  return Number(r.rows[0]!.d)
}

/** Every till sends `perTill` events in batches of `size`, all tills at once; 429s are retried after Retry-After. */
async function sustained(hub: RunningHub, tills: Till[], perTill: number, size: number) {
  const latencies: number[] = []
  let busy = 0
  const wal = await walBytes(hub)
  const t0 = performance.now()
  await Promise.all(
    tills.map(async (till) => {
      for (let sent = 0; sent < perTill; sent += size) {
        const batch = Array.from({ length: Math.min(size, perTill - sent) }, () => event(till))
        for (;;) {
          const s = performance.now()
          const r = await post(hub, till, batch)
          if (r.status === 200) {
            latencies.push(performance.now() - s)
            break
          }
          busy++
          await new Promise((done) => setTimeout(done, Math.random() * r.retryAfter * 1000))
        }
      }
    })
  )
  const seconds = (performance.now() - t0) / 1000
  const events = tills.length * perTill
  return {
    perSecond: events / seconds,
    latency: stats(latencies),
    busy,
    walPerEvent: (await walDiff(hub, wal)) / events
  }
}

/** The bare figure: the same rows, one INSERT … unnest per batch, straight into a copy of till_events. */
export async function bare(hub: RunningHub, events: number, size: number): Promise<number> {
  const client = await hub.store.pool.connect()
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_bare (LIKE till_events INCLUDING ALL)')
    await client.query('TRUNCATE bench_bare')
    const till: Till = { id: 'bare', store: 'bare', token: '', next: 1, acked: 0 }
    const t0 = performance.now()
    for (let sent = 0; sent < events; sent += size) {
      const batch = Array.from({ length: Math.min(size, events - sent) }, () => event(till))
      await client.query(
        `INSERT INTO bench_bare (till_id, seq, event_id, kind, redemption_id, till_at, business_date, body, received_at)
         SELECT 'bare', e.seq, e.id, e.kind, e.rid, e.at, e.d, e.body, 0
         FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::bigint[], $6::date[], $7::jsonb[])
           AS e (seq, id, kind, rid, at, d, body) ON CONFLICT DO NOTHING`,
        [
          batch.map((e) => e.seq),
          batch.map((e) => e.eventId),
          batch.map((e) => e.kind),
          batch.map((e) => ('redemptionId' in e.body ? e.body.redemptionId : null)),
          batch.map((e) => e.tillAt),
          batch.map((e) => e.businessDate),
          batch.map((e) => JSON.stringify(e.body))
        ]
      )
    }
    return events / ((performance.now() - t0) / 1000)
  } finally {
    client.release()
  }
}

/** Tills each holding a backlog reconnect (at once, or spread over `spreadMs`), sending ≤ 500 per batch. */
async function catchUp(hub: RunningHub, tills: Till[], backlog: number, spreadMs: number) {
  const lanes = tills.map((till) => Array.from({ length: backlog }, () => event(till)))
  let busy = 0
  const drainedAt: number[] = []
  const t0 = performance.now()
  await Promise.all(
    tills.map(async (till, i) => {
      await new Promise((done) => setTimeout(done, Math.random() * spreadMs))
      const lane = lanes[i]!
      let acked = 0
      while (acked < lane.length) {
        const r = await post(hub, till, lane.slice(acked, acked + 500))
        if (r.status === 429) {
          busy++
          // Not before Retry-After, then full jitter over one more of it (as src/main/chainLink does).
          await new Promise((done) => setTimeout(done, r.retryAfter * 1000 * (1 + Math.random())))
          continue
        }
        acked = r.value!.ackSeq - (lane[0]!.seq - 1)
      }
      drainedAt.push(performance.now() - t0)
    })
  )
  const total = tills.length * backlog
  const seconds = (performance.now() - t0) / 1000
  return { total, seconds, perSecond: total / seconds, busy, drained: stats(drainedAt) }
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      tills: { type: 'string' },
      events: { type: 'string' },
      'catchup-tills': { type: 'string' },
      hours: { type: 'string', default: '1' }
    }
  })
  const quick = values.quick
  const tillCount = Number(values.tills ?? (quick ? 12 : 60))
  const perTill = Number(values.events ?? (quick ? 500 : 3000))
  const catchTills = Number(values['catchup-tills'] ?? (quick ? 60 : 300))
  const backlog = Math.round(Number(values.hours) * 30)

  const root = mkdtempSync(join(tmpdir(), 'hexiao-chain-bench-'))
  chmodSync(root, 0o755)
  const hub = await startHub({ dataDir: join(root, 'hub'), log: () => undefined })
  try {
    console.log(
      `chain ingest bench: ${tillCount} tills × ${perTill} events per batch size; node ${process.version}`
    )
    for (const size of [1, 50, 500]) {
      const events = size === 1 ? Math.min(perTill, quick ? 50 : 200) : perTill
      const tills = await enrolTills(hub, tillCount, `t${size}`)
      const r = await sustained(hub, tills, events, size)
      const b = await bare(hub, tillCount * events, size)
      console.log(
        `batch ${String(size).padStart(3)}: ${r.perSecond.toFixed(0).padStart(6)} redemptions/s  (bare INSERT ${b.toFixed(0)}/s, ratio ${(r.perSecond / b).toFixed(2)})  ` +
          `batch p50 ${r.latency.p50.toFixed(1)} ms p95 ${r.latency.p95.toFixed(1)} ms p99 ${r.latency.p99.toFixed(1)} ms  ` +
          `429s ${r.busy}  WAL ${(r.walPerEvent / 1024).toFixed(2)} KiB/redemption`
      )
    }
    for (const [label, spread] of [
      ['all at once', 0],
      ['spread over 10 s', 10_000]
    ] as const) {
      const tills = await enrolTills(hub, catchTills, `c${spread}`)
      const r = await catchUp(hub, tills, backlog, spread)
      console.log(
        `catch-up ${label.padEnd(16)}: ${catchTills} tills × ${backlog} events = ${r.total} in ${r.seconds.toFixed(1)} s ` +
          `(${r.perSecond.toFixed(0)}/s), drained p50 ${(r.drained.p50 / 1000).toFixed(1)} s p99 ${(r.drained.p99 / 1000).toFixed(1)} s, 429s ${r.busy}`
      )
    }
    const size = await hub.store.pool.query<{ t: string; i: string; n: number }>(
      `SELECT pg_total_relation_size('till_events')::text AS t,
         (SELECT sum(pg_total_relation_size(inhrelid))::text FROM pg_inherits WHERE inhparent = 'redemptions'::regclass) AS i,
         (SELECT count(*)::int FROM till_events) AS n`
    )
    const s = size.rows[0]!
    console.log(
      `storage: till_events ${(((Number(s.t) / s.n) * 1e6) / 2 ** 30).toFixed(2)} GiB and redemptions ${(((Number(s.i) / s.n) * 1e6) / 2 ** 30).toFixed(2)} GiB per 1M (tables + indexes, from ${s.n} rows)`
    )
  } finally {
    await hub.stop()
  }
}
