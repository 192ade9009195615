/**
 * The chain lane under faults, with real parts (docs/chain.md § Guarantees, docs/reliability.md § Chain hub):
 * the BUILT chain hub (out/main/hub.js, a child process with its own embedded PostgreSQL), an in-process store hub
 * that forwards to it (`chainUrl`), and three real training stations (SQLite files, the real ChainLink sender on
 * its timer): till A (store east-01) and till B (store west-01) send directly, till C (west-01) through the store
 * hub. Every hop goes through a TCP proxy of proxy.ts. The redemptions are written through the station's ledger
 * (the lane's triggers number them), with voids, and with codes planted at two stores on purpose.
 *
 * Faults: (1) kill -9 of the hub's PostgreSQL postmaster while the tills send; the hub's watchdog starts it again
 * (crash recovery) and the tills, backing off meanwhile, resume. (2) connections cut mid-batch, every time, on
 * every hop: half a request reaches the hub (nothing stored), or the hub commits and the answer is cut (the till
 * sends the batch again); directly and through the store hub. After each, the invariants: the hub's redemptions
 * are the union of the tills' ledgers (ids and statuses), each till's acknowledged seq is its last and its lane is
 * empty, every seq once at the hub, every planted duplicate found exactly once and no other, and everything sent
 * once more changes no count. Run `npx electron-vite build` first (test/hubFaults/README.md).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { readIdentity } from '../../src/main/config/identity'
import type { ChainEvent, EnrolmentCodeResponse } from '../../src/shared/hub/chainProtocol'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { post, send } from '../hub/chainSupport'
import { sampleRow } from '../support/rows'
import { trainingStation, type TestStation } from '../support/station'
import {
  alive,
  hubPool,
  killPostmaster,
  postmaster,
  startHubProcess,
  stopHubProcess,
  until,
  type HubProcess
} from './hubProcess'
import { startProxy, type TcpProxy } from './proxy'

const PER_ROUND = 600
const PLANTED_PER_PAIR = 4

interface Till {
  name: string
  storeId: string
  t: TestStation
  tillId: string
  /** Every event of its lane, captured before it was sent (the "send everything again" of the invariants). */
  sent: Map<number, ChainEvent>
  proxy: TcpProxy
}

let chain: HubProcess
let chainDir: string
let adminToken: string
let storeHub: RunningHub
let upProxy: TcpProxy
let tills: Till[] = []
/** Codes redeemed at two stores on purpose. */
const planted = new Set<string>()
let codeSerial = 0

const admin = async (path: string, body: unknown) => {
  const r = await post(chain.url, path, body, { token: adminToken })
  if (!r.body.ok) throw new Error(JSON.stringify(r.body))
  return r.body.value as unknown
}

async function openTill(name: string, storeId: string, target: string): Promise<Till> {
  const t = await trainingStation({
    background: false,
    chainLink: { pollMs: 20, idlePollMs: 300, backoffBaseMs: 50, backoffMaxMs: 400 }
  })
  const url = new URL(target)
  const proxy = await startProxy({ host: url.hostname, port: Number(url.port) })
  const { code } = (await admin('/v1/admin/chain/enrolment-codes', { storeId })) as EnrolmentCodeResponse
  await t.station.services.chainLink.enrol(proxy.url, code)
  return {
    name,
    storeId,
    t,
    tillId: readIdentity(t.station.db, 'training').stationId,
    sent: new Map(),
    proxy
  }
}

const nextCode = () => String(880_000_000_000 + codeSerial++)

/** Writes `n` redemptions through the ledger (the lane's triggers add the events) and voids every 40th. */
function fill(till: Till, codes: string[]): void {
  const ledger = till.t.station.services.ledger
  const ids: string[] = []
  for (const code of codes) {
    const row = sampleRow({ code, at: Date.now(), station_id: till.tillId, station_name: till.name })
    ledger.recordRedemption(row)
    ids.push(row.id)
  }
  ids.forEach((id, i) => {
    if (i % 40 === 7 && !planted.has(codes[i]!))
      till.t.station.services.redemptions.voidRedemption(id, '顾客取消', till.t.manager)
  })
}

/** Every event the lane holds now, kept for the replay (the lane deletes what the hub acknowledged). */
function capture(till: Till): void {
  const rows = till.t.station.db
    .prepare('SELECT seq, event_id, kind, till_at, business_day, body_json FROM chain_lane ORDER BY seq')
    .all() as Array<{
    seq: number
    event_id: string
    kind: string
    till_at: number
    business_day: string
    body_json: string
  }>
  for (const r of rows)
    till.sent.set(r.seq, {
      seq: r.seq,
      eventId: r.event_id,
      kind: r.kind,
      tillAt: r.till_at,
      businessDate: r.business_day,
      body: JSON.parse(r.body_json) as unknown
    } as ChainEvent)
}

/**
 * One round of traffic, written while the senders are stopped: each till its own codes, and codes planted at
 * A and B (two stores) and at A and C (two stores). B and C are one store: they never share a code.
 */
async function round(): Promise<void> {
  for (const till of tills) await till.t.station.services.chainLink.stop()
  const [a, b, c] = tills as [Till, Till, Till]
  const own = (till: Till) => {
    const codes = Array.from({ length: PER_ROUND }, nextCode)
    fill(till, codes)
  }
  for (const till of tills) own(till)
  for (const [x, y] of [
    [a, b],
    [a, c]
  ] as const)
    for (let i = 0; i < PLANTED_PER_PAIR; i++) {
      const code = nextCode()
      planted.add(code)
      fill(x, [code])
      fill(y, [code])
    }
  for (const till of tills) capture(till)
}

const startSenders = () => {
  for (const till of tills) till.t.station.services.chainLink.start()
}

const laneMeta = (till: Till) =>
  till.t.station.db.prepare('SELECT last_seq AS last, acked_seq AS acked FROM chain_lane_meta').get() as {
    last: number
    acked: number
  }

const drained = (till: Till) => {
  const m = laneMeta(till)
  return m.last === m.acked && m.last > 0
}

const secretOf = (till: Till): string =>
  (
    JSON.parse(readFileSync(join(till.t.station.dataDir, 'live', 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >
  )['chainHub.token']!

async function hubCounts(): Promise<Record<string, number>> {
  const pool = hubPool(chainDir)
  try {
    const out: Record<string, number> = {}
    for (const table of ['till_events', 'redemptions', 'code_claims', 'chain_duplicates']) {
      const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
      out[table] = rows[0]!.n
    }
    return out
  } finally {
    await pool.end()
  }
}

/** The invariants, with every sender drained; returns the counts (for "again changes nothing"). */
async function checkInvariants(): Promise<Record<string, number>> {
  await until(() => tills.every(drained), 'every lane drained', 60_000)
  const pool = hubPool(chainDir)
  try {
    let ledgerTotal = 0
    let seqTotal = 0
    for (const till of tills) {
      const ledger = Object.fromEntries(
        (
          till.t.station.db.prepare('SELECT id, status FROM redemptions ORDER BY id').all() as Array<{
            id: string
            status: string
          }>
        ).map((r) => [r.id, r.status])
      )
      const held = await pool.query<{ id: string; status: string }>(
        'SELECT redemption_id::text AS id, status FROM redemptions WHERE till_id = $1 ORDER BY 1',
        [till.tillId]
      )
      expect(Object.fromEntries(held.rows.map((r) => [r.id, r.status])), `${till.name}: ledger`).toEqual(
        ledger
      )
      ledgerTotal += Object.keys(ledger).length
      const { last } = laneMeta(till)
      seqTotal += last
      const events = await pool.query<{ n: number; max: number }>(
        'SELECT count(*)::int AS n, max(seq)::int AS max FROM till_events WHERE till_id = $1',
        [till.tillId]
      )
      expect(events.rows[0], `${till.name}: every seq once`).toEqual({ n: last, max: last })
      const cursor = await pool.query('SELECT acked_seq::int FROM till_cursor WHERE till_id = $1', [
        till.tillId
      ])
      expect(cursor.rows[0], `${till.name}: cursor`).toEqual({ acked_seq: last })
      expect(till.t.station.db.prepare('SELECT count(*) AS n FROM chain_lane').get()).toEqual({ n: 0 })
      expect(till.sent.size, `${till.name}: every event captured`).toBe(last)
    }
    const dups = await pool.query<{ code: string }>('SELECT code FROM chain_duplicates ORDER BY code')
    expect(dups.rows.map((r) => r.code)).toEqual([...planted].sort())
    const counts = await hubCounts()
    expect(counts).toMatchObject({
      redemptions: ledgerTotal,
      till_events: seqTotal,
      chain_duplicates: planted.size
    })
    // Each till stores the duplicates it is part of (the hub re-sends them until it has).
    await until(
      () =>
        tills.every(
          (till) =>
            till.t.station.services.chainLink.conflicts(1000).length ===
            [...planted].filter((code) => hasCode(till, code)).length
        ),
      'the duplicates at their tills'
    )
    return counts
  } finally {
    await pool.end()
  }
}

const hasCode = (till: Till, code: string) =>
  till.t.station.db.prepare('SELECT 1 FROM redemptions WHERE code = ?').get(code) !== undefined

/** Everything every till ever sent, once more, straight to the chain hub: no count moves. */
async function replayChangesNothing(before: Record<string, number>): Promise<void> {
  for (const till of tills) {
    const lane = { tillId: till.tillId, storeId: till.storeId, token: secretOf(till), next: 0, made: [] }
    const events = [...till.sent.values()]
    for (let from = 0; from < events.length; from += 500) {
      const r = await send(chain.url, lane, events.slice(from, from + 500))
      expect(r.status).toBe(200)
      expect(r.body.value.ackSeq).toBe(laneMeta(till).last)
    }
  }
  expect(await hubCounts()).toEqual(before)
}

beforeAll(async () => {
  chainDir = hubDataDir()
  chain = await startHubProcess({ dataDir: chainDir })
  adminToken = readFileSync(join(chainDir, 'admin-token'), 'utf8').trim()
  await admin('/v1/admin/chain/stores', { storeId: 'east-01', name: '上海一店' })
  await admin('/v1/admin/chain/stores', { storeId: 'west-01', name: '成都一店' })
  upProxy = await startProxy({ host: '127.0.0.1', port: chain.port })
  storeHub = await startHub({ dataDir: hubDataDir(), chainUrl: upProxy.url, log: () => undefined })
  tills = [
    await openTill('A 上海1号机', 'east-01', chain.url),
    await openTill('B 成都1号机', 'west-01', chain.url),
    await openTill('C 成都2号机', 'west-01', storeHub.url)
  ]
}, 120_000)

afterAll(async () => {
  for (const till of tills) {
    await till.t.station.close()
    await till.proxy.close()
  }
  await storeHub?.stop()
  await upProxy?.close()
  if (chain) await stopHubProcess(chain)
  removeHubDataDirs()
}, 60_000)

describe('the chain lane under faults (built chain hub, store hub, 3 real tills)', () => {
  it('kill -9 of PostgreSQL mid-send: the hub restarts it (crash recovery), the tills back off and resume', async () => {
    await round()
    const pm = postmaster(chainDir)!
    startSenders()
    // Some batches are in, others still to come: the kill lands while the lanes are being sent.
    await until(() => tills.some((till) => laneMeta(till).acked > 0), 'a first batch acknowledged', 30_000)
    expect(tills.every(drained)).toBe(false)
    const killed = await killPostmaster(chainDir)
    expect(killed).toBe(pm.pid)
    // The tills hear a refusal (the hub is up, its database is not) or nothing, and back off.
    const errors = new Set<string>()
    await until(
      () => {
        for (const till of tills) {
          const e = till.t.station.services.chainLink.overview().lastError
          if (e) errors.add(e)
        }
        return chain.output().includes('PostgreSQL restarted after a crash')
      },
      'the hub to restart its PostgreSQL',
      60_000
    ).catch((err: unknown) => {
      throw new Error(`${String(err)}\n--- the hub said:\n${chain.output().slice(-3000)}`)
    })
    expect(chain.output()).toContain(`PostgreSQL stopped unexpectedly (postmaster pid ${pm.pid})`)
    expect([...errors].length).toBeGreaterThan(0)
    expect([...errors].every((e) => ['INTERNAL', 'UNREACHABLE'].includes(e))).toBe(true)
    // The same hub process, a new postmaster on the same port, after PostgreSQL's own crash recovery.
    expect(chain.child.exitCode).toBeNull()
    const now = postmaster(chainDir)!
    expect(now.pid).not.toBe(pm.pid)
    expect(now.port).toBe(pm.port)
    expect(alive(now.pid)).toBe(true)
    const pgLog = readFileSync(join(chainDir, 'postgres', 'postgres.log'), 'utf8')
    expect(pgLog).toMatch(/not properly shut down; automatic recovery in progress/)
    const counts = await checkInvariants()
    await replayChangesNothing(counts)
  }, 180_000)

  it('connections cut mid-batch on every hop, directly and through the store hub: nothing lost, nothing twice', async () => {
    await round()
    const before = await hubCounts()
    // First: every connection carries only the start of its request (the hub never gets a whole batch).
    // (Kept-alive connections of the last round are reset, so every request takes a new, chopped one.)
    for (const p of [tills[0]!.proxy, tills[1]!.proxy, upProxy]) {
      p.mode({ kind: 'chop', side: 'request', bytes: 1_500 })
      p.cut()
    }
    startSenders()
    await until(
      () => tills[0]!.proxy.chopped() >= 3 && tills[1]!.proxy.chopped() >= 3 && upProxy.chopped() >= 3,
      'requests cut on both direct hops and the store hub uplink'
    )
    expect(await hubCounts()).toEqual(before) // half a batch stores nothing
    // Then: whole requests, every answer cut after its first bytes (the hub committed; the tills never hear it),
    // and the store hub's answers to till C too.
    const cutBefore = tills.map((t) => t.proxy.chopped())
    const upBefore = upProxy.chopped()
    for (const p of [tills[0]!.proxy, tills[1]!.proxy, upProxy, tills[2]!.proxy]) {
      p.mode({ kind: 'chop', side: 'answer', bytes: 12 })
      p.cut()
    }
    await until(
      () =>
        tills.every((t, i) => t.proxy.chopped() >= cutBefore[i]! + 2) && upProxy.chopped() >= upBefore + 2,
      'answers cut on every hop'
    )
    // The hub holds more than any till has heard acknowledged.
    const pool = hubPool(chainDir)
    try {
      const ahead = await pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM till_cursor WHERE till_id = ANY($1) AND acked_seq > 0',
        [tills.map((t) => t.tillId)]
      )
      expect(ahead.rows[0]!.n).toBeGreaterThan(0)
    } finally {
      await pool.end()
    }
    for (const p of [...tills.map((t) => t.proxy), upProxy]) p.mode({ kind: 'pass' })
    const counts = await checkInvariants()
    await replayChangesNothing(counts)
  }, 180_000)
})
