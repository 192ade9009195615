/**
 * The chain hub's ingest over real HTTP with a real PostgreSQL (docs/chain.md): enrolment, exactly-once batches
 * (replayed, reordered, with a gap), cross-store duplicates found once and sent to both tills, refused input that
 * changes nothing, a skewed till clock, 429 under load, and two hub instances ingesting into one database at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import type { ChainDuplicate, EventsResponse } from '../../src/shared/hub/chainProtocol'
import { hubDataDir, removeHubDataDirs } from './support'
import {
  addStore,
  AT,
  chainSnapshot,
  counts,
  enrol,
  post,
  redeemed,
  send,
  statusEvent,
  type LaneTill
} from './chainSupport'

let hub: RunningHub
let second: RunningHub

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => {} })
  await addStore(hub, 'sh-01', '上海一店')
  await addStore(hub, 'hz-01', '杭州一店')
}, 120_000)

afterAll(async () => {
  await second?.stop()
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

const value = (r: { body: { ok: boolean; value?: unknown } }): EventsResponse => {
  if (!r.body.ok) throw new Error(JSON.stringify(r.body))
  return r.body.value as EventsResponse
}

describe('enrolment', () => {
  it('a code HQ made for a store enrols one till once; the hub keeps only the token hash', async () => {
    const { code } = await hub.chain.newEnrolmentCode('sh-01')
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const first = await post(hub.url, '/v1/enrol', {
      enrolmentCode: code.toLowerCase().replace('-', ' '),
      tillId: 'enrol-1',
      tillName: '1号机'
    })
    expect(first.status).toBe(200)
    expect(first.body.value).toMatchObject({
      storeId: 'sh-01',
      storeName: '上海一店',
      tillId: 'enrol-1',
      ackSeq: 0
    })
    const token = (first.body.value as { token: string }).token
    const again = await post(hub.url, '/v1/enrol', {
      enrolmentCode: code,
      tillId: 'enrol-2',
      tillName: '2号机'
    })
    expect(again.status).toBe(403)
    expect(again.body.error?.code).toBe('ENROLMENT_CODE_INVALID')
    const stored = await hub.store.pool.query<{ token_hash: Buffer }>(
      'SELECT token_hash FROM chain_tills WHERE till_id = $1',
      ['enrol-1']
    )
    expect(stored.rows[0]!.token_hash.toString('hex')).not.toContain(Buffer.from(token).toString('hex'))
    expect(stored.rows[0]!.token_hash).toHaveLength(32)
    // A till of another store cannot take this id.
    const other = await hub.chain.newEnrolmentCode('hz-01')
    const taken = await post(hub.url, '/v1/enrol', {
      enrolmentCode: other.code,
      tillId: 'enrol-1',
      tillName: 'x'
    })
    expect(taken.body.error?.code).toBe('TILL_ID_TAKEN')
    const unknown = await post(
      hub.url,
      '/v1/admin/chain/enrolment-codes',
      { storeId: 'nowhere' },
      { token: hub.adminToken }
    )
    expect(unknown.body.error?.code).toBe('STORE_UNKNOWN')
    const noAdmin = await post(
      hub.url,
      '/v1/admin/chain/enrolment-codes',
      { storeId: 'sh-01' },
      { token: token }
    )
    expect(noAdmin.status).toBe(401)
  })
})

describe('ingest, exactly once', () => {
  it('replayed and reordered batches change nothing; a gap is stored but never acknowledged past', async () => {
    const till = await enrol(hub, 'sh-01', 'once-1')
    const b1 = [redeemed(till, 'ONCE-1'), redeemed(till, 'ONCE-2')]
    const b2 = [statusEvent(till, 'synced', b1[0]!.body.redemptionId), redeemed(till, 'ONCE-3')]
    const b3 = [redeemed(till, 'ONCE-4')]

    // Batch 2 first: stored, not applied, acknowledged 0, the gap named.
    const early = value(await send(hub.url, till, b2))
    expect(early).toMatchObject({ ackSeq: 0, stored: 2, gap: { from: 1, to: 2 } })
    const none = await hub.store.pool.query("SELECT 1 FROM redemptions WHERE till_id = 'once-1'")
    expect(none.rowCount).toBe(0)

    const filled = value(await send(hub.url, till, b1, { gzip: false }))
    expect(filled).toMatchObject({ ackSeq: 4, stored: 2, gap: null, duplicates: [] })
    expect(value(await send(hub.url, till, b3))).toMatchObject({ ackSeq: 5, stored: 1 })

    const before = await chainSnapshot(hub.store.pool)
    for (const batch of [b3, b1, b2, b1]) {
      const replay = value(await send(hub.url, till, batch))
      expect(replay).toMatchObject({ ackSeq: 5, stored: 0, gap: null })
    }
    // Only the till row's "last seen" moves on a replay.
    const strip = (s: string) => s.replace(/"last_seen_at":\d+/g, '').replace(/"updated_at":\d+/g, '')
    expect(strip(await chainSnapshot(hub.store.pool))).toBe(strip(before))

    const rows = await hub.store.pool.query<{ code: string; status: string; last_seq: number }>(
      "SELECT code, status, last_seq FROM redemptions WHERE till_id = 'once-1' ORDER BY code"
    )
    expect(rows.rows).toEqual([
      { code: 'ONCE-1', status: 'synced', last_seq: 3 },
      { code: 'ONCE-2', status: 'pending', last_seq: 2 },
      { code: 'ONCE-3', status: 'pending', last_seq: 4 },
      { code: 'ONCE-4', status: 'pending', last_seq: 5 }
    ])
    const cursor = await hub.store.pool.query(
      "SELECT acked_seq, highest_seen FROM till_cursor WHERE till_id = 'once-1'"
    )
    expect(cursor.rows[0]).toEqual({ acked_seq: 5, highest_seen: 5 })
  })

  it('business dates come from the till and the latest status from seq, whatever its clock says', async () => {
    const till = await enrol(hub, 'sh-01', 'skew-1')
    // A clock a year ahead, then jumping back: the void is still the latest change (higher seq).
    const r = redeemed(till, 'SKEW-1', { at: AT + 365 * 86_400_000, day: '2026-12-05' })
    const v = statusEvent(till, 'voided', r.body.redemptionId as string, AT - 3_600_000)
    const s = statusEvent(till, 'synced', r.body.redemptionId as string, AT - 7_200_000)
    expect(value(await send(hub.url, till, [r, v]))).toMatchObject({ ackSeq: 2 })
    const row = await hub.store.pool.query(
      "SELECT business_date::text AS d, status, status_at FROM redemptions WHERE till_id = 'skew-1'"
    )
    expect(row.rows[0]).toEqual({ d: '2026-12-05', status: 'voided', status_at: AT - 3_600_000 })
    // A voided redemption frees its code at the hub, as at the till.
    const claim = await hub.store.pool.query("SELECT 1 FROM code_claims WHERE code = 'SKEW-1'")
    expect(claim.rowCount).toBe(0)
    expect(value(await send(hub.url, till, [s]))).toMatchObject({ ackSeq: 3 })
    const after = await hub.store.pool.query("SELECT status FROM redemptions WHERE till_id = 'skew-1'")
    expect(after.rows[0]).toEqual({ status: 'synced' })
  })
})

describe('cross-store duplicates', () => {
  it('a code redeemed in two stores is found once and goes back to both tills until each has stored it', async () => {
    const sh = await enrol(hub, 'sh-01', 'dup-sh')
    const hz = await enrol(hub, 'hz-01', 'dup-hz')
    const first = redeemed(sh, 'DUP-1', { at: AT })
    const same = redeemed(sh, 'DUP-OK') // a code only one store used: no duplicate
    value(await send(hub.url, sh, [first, same]))
    const second = redeemed(hz, 'DUP-1', { at: AT + 60_000 })
    const custom = redeemed(hz, 'DUP-OK', { customCode: true, cardId: 'pCustom' }) // another card's custom code
    const answer = value(await send(hub.url, hz, [second, custom]))
    expect(answer.duplicates).toHaveLength(1)
    const dup = answer.duplicates[0] as ChainDuplicate
    expect(dup).toMatchObject({
      code: 'DUP-1',
      first: {
        redemptionId: first.body.redemptionId,
        storeId: 'sh-01',
        storeName: '上海一店',
        tillId: 'dup-sh',
        cashierName: '王芳',
        at: AT
      },
      second: {
        redemptionId: second.body.redemptionId,
        storeId: 'hz-01',
        storeName: '杭州一店',
        tillId: 'dup-hz',
        at: AT + 60_000
      }
    })
    // The first store's till learns it on its next batch (here an empty poll), again until it says it stored it.
    const poll = value(await send(hub.url, sh, []))
    expect(poll.duplicates.map((d) => d.id)).toEqual([dup.id])
    expect(value(await send(hub.url, sh, [], { seen: [dup.id] })).duplicates).toEqual([])
    expect(value(await send(hub.url, sh, [])).duplicates).toEqual([])
    expect(value(await send(hub.url, hz, [])).duplicates.map((d) => d.id)).toEqual([dup.id])
    // Replaying both stores' batches finds nothing new.
    value(await send(hub.url, sh, [first, same]))
    value(await send(hub.url, hz, [second, custom], { seen: [dup.id] }))
    const rows = await hub.store.pool.query(
      "SELECT count(*)::int AS n FROM chain_duplicates WHERE code LIKE 'DUP-%'"
    )
    expect(rows.rows[0]).toEqual({ n: 1 })
  })
  it('a coupon voided and redeemed again in one batch is no duplicate; the second redemption holds the code', async () => {
    const till = await enrol(hub, 'sh-01', 'revoid-1')
    const r1 = redeemed(till, 'REVOID-1')
    const v1 = statusEvent(till, 'voided', r1.body.redemptionId)
    const r2 = redeemed(till, 'REVOID-1')
    expect(value(await send(hub.url, till, [r1, v1, r2])).duplicates).toEqual([])
    const holder = await hub.store.pool.query(
      "SELECT redemption_id::text AS id FROM code_claims WHERE code = 'REVOID-1'"
    )
    expect(holder.rows).toEqual([{ id: r2.body.redemptionId }])
    const dups = await hub.store.pool.query("SELECT 1 FROM chain_duplicates WHERE code = 'REVOID-1'")
    expect(dups.rowCount).toBe(0)
  })
})

describe('bad input changes nothing', () => {
  let till: LaneTill
  beforeAll(async () => {
    till = await enrol(hub, 'sh-01', 'bad-1')
    value(await send(hub.url, till, [redeemed(till, 'BAD-0')]))
  })

  it('malformed events, a batch with an inner gap, a foreign or revoked till, a rebuilt lane: clear codes', async () => {
    const before = await chainSnapshot(hub.store.pool)
    const good = redeemed(till, 'BAD-1')
    const cases: Array<
      [string, Promise<{ status: number; body: { error?: { code: string; message: string } } }>]
    > = [
      ['BAD_REQUEST', send(hub.url, till, [{ ...good, tillAt: Math.floor(AT / 1000) }])], // seconds, not ms
      ['BAD_REQUEST', send(hub.url, till, [{ ...good, body: { ...good.body, amountFen: -1 } } as never])],
      ['BAD_REQUEST', send(hub.url, till, [{ ...good, businessDate: '2026-13-40' }])],
      ['BAD_REQUEST', send(hub.url, till, [{ ...good, kind: 'teleported' } as never])],
      ['BAD_REQUEST', send(hub.url, till, [{ ...good, extra: 1 } as never])],
      [
        'BATCH_NOT_CONTIGUOUS',
        send(hub.url, till, [good, { ...redeemed(till, 'BAD-2'), seq: good.seq + 2 }])
      ],
      ['SEQ_CONFLICT', send(hub.url, till, [{ ...good, seq: 1 }])], // seq 1 is another event at the hub
      [
        'BAD_JSON',
        post(hub.url, '/v1/events', null, { token: till.token, store: till.storeId, raw: '{"tillId":' })
      ],
      [
        'BAD_ENCODING',
        fetch(`${hub.url}/v1/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            authorization: `Bearer ${till.token}`,
            'x-hexiao-store': till.storeId
          },
          body: 'not gzip'
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as never }))
      ],
      ['TOKEN_UNKNOWN', send(hub.url, { ...till, token: 'hxc_forged' }, [good])],
      ['STORE_MISMATCH', send(hub.url, { ...till, storeId: 'hz-01' }, [good])],
      [
        'TILL_MISMATCH',
        post(
          hub.url,
          '/v1/events',
          { tillId: 'once-1', queueDepth: 0, events: [good], seenDuplicates: [] },
          { token: till.token, store: till.storeId }
        )
      ]
    ]
    for (const [code, reply] of cases) {
      const r = await reply
      expect(r.body.error?.code, code).toBe(code)
      expect(r.body.error?.message.length).toBeGreaterThan(10)
    }
    expect(await chainSnapshot(hub.store.pool)).toBe(before)

    expect(await hub.chain.revokeTill('bad-1')).toBe(true)
    const revoked = await send(hub.url, till, [good])
    expect(revoked.status).toBe(401)
    expect(revoked.body.error?.code).toBe('TOKEN_REVOKED')
    const after = await chainSnapshot(hub.store.pool)
    expect(after.replace(/"revoked_at":\d+/, '"revoked_at":null')).toBe(before)
  })
})

describe('load and several hub processes', () => {
  it('over the concurrency limit the hub answers 429 with Retry-After and stores nothing of that batch', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let entered!: () => void
    const inside = new Promise<void>((r) => (entered = r))
    const busy = await startHub({
      dataDir: hubDataDir(),
      databaseUrl: urlOf(hub),
      log: () => {},
      chain: {
        maxConcurrent: 1,
        retryAfterS: 3,
        queueWaitMs: 300,
        beforeCommit: async () => (entered(), gate)
      }
    })
    try {
      const a = await enrol(hub, 'sh-01', 'busy-a')
      const b = await enrol(hub, 'sh-01', 'busy-b')
      const slow = send(busy.url, a, [redeemed(a, 'BUSY-A')])
      await inside
      const refused = await send(busy.url, b, [redeemed(b, 'BUSY-B')])
      expect(refused.status).toBe(429)
      expect(refused.retryAfter).toBe('3')
      expect(refused.body.error?.code).toBe('BUSY')
      release()
      expect(value(await slow)).toMatchObject({ ackSeq: 1 })
      expect(value(await send(busy.url, b, b.made))).toMatchObject({ ackSeq: 1 })
    } finally {
      release()
      await busy.stop()
    }
  }, 60_000)

  it('a batch over the limit waits in line for a free slot instead of a 429; a full line answers 429 at once', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let entered!: () => void
    const inside = new Promise<void>((r) => (entered = r))
    let first = true
    const lined = await startHub({
      dataDir: hubDataDir(),
      databaseUrl: urlOf(hub),
      log: () => {},
      chain: {
        maxConcurrent: 1,
        maxQueued: 1,
        queueWaitMs: 30_000,
        retryAfterS: 4,
        // Only the first batch is held inside; the one in line then passes straight through.
        beforeCommit: async () => {
          if (!first) return
          first = false
          entered()
          await gate
        }
      }
    })
    try {
      const a = await enrol(hub, 'sh-01', 'line-a')
      const b = await enrol(hub, 'sh-01', 'line-b')
      const c = await enrol(hub, 'sh-01', 'line-c')
      const slow = send(lined.url, a, [redeemed(a, 'LINE-A')])
      await inside
      const waiting = send(lined.url, b, [redeemed(b, 'LINE-B')])
      // b is in line (the line holds one): c finds it full and is refused at once, with Retry-After.
      await new Promise((done) => setTimeout(done, 200))
      const refused = await send(lined.url, c, [redeemed(c, 'LINE-C')])
      expect(refused.status).toBe(429)
      expect(refused.retryAfter).toBe('4')
      release()
      expect(value(await slow)).toMatchObject({ ackSeq: 1 })
      const served = await waiting
      expect(served.status).toBe(200)
      expect(value(served)).toMatchObject({ ackSeq: 1, stored: 1 })
      expect(value(await send(lined.url, c, c.made))).toMatchObject({ ackSeq: 1 })
    } finally {
      release()
      await lined.stop()
    }
  }, 60_000)

  it('two hub instances on one database, batches of the same tills sent to both at once: every event once', async () => {
    // The second process keeps no line of waiting requests (maxQueued 0): over its 6 slots it answers 429 at once,
    // so the batches also take the 429 path; the first lets them wait in line (docs/chain.md § Back-pressure).
    second = await startHub({
      dataDir: hubDataDir(),
      databaseUrl: urlOf(hub),
      log: () => {},
      chain: { maxQueued: 0 }
    })
    const tills: LaneTill[] = []
    for (let i = 0; i < 6; i++) tills.push(await enrol(hub, i % 2 ? 'hz-01' : 'sh-01', `two-${i}`))
    // Six tills × 120 events in batches of 40; every code also redeemed at the other store's till (i ^ 1), so
    // each pair is a planted cross-store duplicate.
    const planted = new Set<string>()
    for (let n = 0; n < 120; n++)
      for (let i = 0; i < 6; i++) {
        const code = `TWO-${Math.floor(i / 2)}-${n}`
        redeemed(tills[i]!, code)
        planted.add(code)
      }
    const before = await counts(hub.store.pool)
    // A till that meets 429 waits a random part of Retry-After (full jitter) and sends the same batch again.
    let busyAnswers = 0
    const sendUntilTaken = async (url: string, till: LaneTill, batch: typeof till.made) => {
      for (;;) {
        const r = await send(url, till, batch)
        if (r.status !== 429) return r
        busyAnswers++
        await new Promise((done) => setTimeout(done, Math.random() * Number(r.retryAfter) * 1000))
      }
    }
    const jobs: Array<Promise<{ status: number }>> = []
    for (const till of tills)
      for (let from = 0; from < till.made.length; from += 40) {
        const batch = till.made.slice(from, from + 40)
        // Every batch twice, once through each process, at the same time.
        jobs.push(sendUntilTaken(hub.url, till, batch), sendUntilTaken(second.url, till, batch))
      }
    const replies = await Promise.all(jobs)
    expect(replies.every((r) => r.status === 200)).toBe(true)
    expect(busyAnswers).toBeGreaterThan(0) // 36 batches at once against 2 × 6 slots
    for (const till of tills) {
      const final = value(await send(second.url, till, []))
      expect(final.ackSeq).toBe(till.made.length)
    }
    const after = await counts(hub.store.pool)
    expect(after.till_events - before.till_events).toBe(720)
    expect(after.redemptions - before.redemptions).toBe(720)
    expect(after.code_claims - before.code_claims).toBe(360)
    const dups = await hub.store.pool.query<{ code: string; n: number }>(
      "SELECT code, count(*)::int AS n FROM chain_duplicates WHERE code LIKE 'TWO-%' GROUP BY code"
    )
    expect(dups.rows).toHaveLength(planted.size)
    expect(dups.rows.every((r) => r.n === 1)).toBe(true)
    // Each duplicate pairs the two stores' tills of that code, never a till with itself.
    const pairs = await hub.store.pool.query(
      "SELECT 1 FROM chain_duplicates WHERE code LIKE 'TWO-%' AND first_store_id = second_store_id"
    )
    expect(pairs.rowCount).toBe(0)
    // Re-sending everything again changes no counts.
    for (const till of tills) value(await send(second.url, till, till.made.slice(0, 500)))
    expect(await counts(hub.store.pool)).toEqual(after)
  }, 120_000)
})

function urlOf(h: RunningHub): string {
  const d = h.database
  return `postgres://${d.user}:${encodeURIComponent(String(d.password))}@${d.host}:${d.port}/${d.database}`
}
