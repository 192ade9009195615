/**
 * The batch endpoint (POST /v1/claims/batch, docs/hub.md § Batch) and the feed numbered after commit (docs/hub.md
 * § Feed), against a real hub with its embedded PostgreSQL over real HTTP on loopback — and a second hub process's
 * worth of code (a second startHub on the same database through --database-url), since the numbering must stay
 * right with several hub processes on one database.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startHub, type RunningHub } from '../../src/hub/hub'
import {
  feedFrameSchema,
  type BatchItem,
  type ClaimEvent,
  type ClaimRequest
} from '../../src/shared/hub/protocol'
import {
  call,
  claimBody,
  feedNumbered,
  hubDataDir,
  pairTill,
  removeHubDataDirs,
  snapshot,
  tillOf,
  type Till
} from './support'

const STORE = 'store-batch'
let hub: RunningHub
let till1: Till
let till2: Till
const pool = () => hub.store.pool

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), storeId: STORE, log: () => undefined })
  till1 = await pairTill(hub, 'till-1', STORE, '1号机')
  till2 = await pairTill(hub, 'till-2', STORE, '2号机')
})
const others: RunningHub[] = []
afterAll(async () => {
  for (const other of others) await other.stop()
  await hub?.stop()
  removeHubDataDirs()
})

const at = Date.UTC(2026, 11, 5, 9)
const claimItem = (req: ClaimRequest): BatchItem => ({ op: 'claim', ...req })
const step = (redemptionId: string, to: 'completed' | 'released' | 'voided', till = 'till-1'): BatchItem => ({
  op: 'transition',
  redemptionId,
  till,
  to,
  at
})

describe('POST /v1/claims/batch', () => {
  it('answers each item as its single request would, in order, in one transaction', async () => {
    // Setting the scene with single requests: till 2 holds a code; till 1 has a released claim (closed for good).
    const taken = claimBody('till-2', { code: `b-taken-${randomUUID()}` })
    expect((await till2.post('/v1/claims', taken)).body.value.outcome).toBe('granted')
    const closed = claimBody('till-1', { code: `b-closed-${randomUUID()}` })
    await till1.post('/v1/claims', closed)
    await till1.post('/v1/claims/transition', {
      redemptionId: closed.redemptionId,
      till: 'till-1',
      to: 'released',
      at
    })

    const fresh = [0, 1, 2].map(() => claimBody('till-1', { code: `b-${randomUUID()}` }))
    const loser = claimBody('till-1', { code: taken.code })
    const unknown = randomUUID()
    const items: BatchItem[] = [
      claimItem(fresh[0]!),
      step(fresh[0]!.redemptionId, 'completed'),
      claimItem(loser),
      step(loser.redemptionId, 'completed'),
      claimItem(fresh[1]!),
      claimItem(closed),
      step(unknown, 'completed'),
      claimItem(fresh[2]!),
      step(fresh[2]!.redemptionId, 'voided'),
      step(taken.redemptionId, 'completed') // not this till's claim
    ]
    const reply = await till1.post('/v1/claims/batch', { items })
    expect(reply.status).toBe(200)
    const results = reply.body.value.results as { outcome: string; redemptionId: string }[]
    expect(results.map((r) => [r.outcome, r.redemptionId])).toEqual([
      ['granted', fresh[0]!.redemptionId],
      ['transition', fresh[0]!.redemptionId],
      ['duplicate', loser.redemptionId],
      ['refused', loser.redemptionId],
      ['granted', fresh[1]!.redemptionId],
      ['refused', closed.redemptionId],
      ['refused', unknown],
      ['granted', fresh[2]!.redemptionId],
      ['transition', fresh[2]!.redemptionId],
      ['refused', taken.redemptionId]
    ])
    expect(results[0]).toMatchObject({
      repeat: false,
      claim: { till: 'till-1', tillName: '1号机', status: 'held' }
    })
    expect(results[1]).toMatchObject({ changed: true, claim: { status: 'completed' } })
    // The duplicate names the holder exactly as a single claim does, and is recorded for the manager.
    expect(results[2]).toMatchObject({
      holder: { redemptionId: taken.redemptionId, till: 'till-2', tillName: '2号机', status: 'held' }
    })
    expect(results[3]).toMatchObject({ error: { code: 'CLAIM_UNKNOWN' } })
    expect(results[5]).toMatchObject({ error: { code: 'CLAIM_CLOSED' } })
    expect(results[6]).toMatchObject({ error: { code: 'CLAIM_UNKNOWN' } })
    expect(results[9]).toMatchObject({ error: { code: 'NOT_HOLDER' } })
    const collisions = await pool().query(
      'SELECT source, holder_redemption_id::text AS holder FROM collisions WHERE redemption_id = $1',
      [loser.redemptionId]
    )
    expect(collisions.rows).toEqual([{ source: 'claim', holder: taken.redemptionId }])
    // The database agrees: the voided claim freed its code, the holder kept its own.
    const statuses = await pool().query<{ redemption_id: string; status: string }>(
      'SELECT redemption_id::text, status FROM claims WHERE redemption_id = ANY($1::uuid[]) ORDER BY status',
      [[...fresh.map((f) => f.redemptionId), taken.redemptionId, loser.redemptionId]]
    )
    expect(Object.fromEntries(statuses.rows.map((r) => [r.redemption_id, r.status]))).toEqual({
      [fresh[0]!.redemptionId]: 'completed',
      [fresh[1]!.redemptionId]: 'held',
      [fresh[2]!.redemptionId]: 'voided',
      [taken.redemptionId]: 'held'
    })
    const holds = await pool().query('SELECT 1 FROM code_holds WHERE code = $1', [fresh[2]!.code])
    expect(holds.rowCount).toBe(0)
    // The feed has each change once, a claim's `claimed` before its later change.
    await feedNumbered(pool())
    const events = await pool().query<{ seq: number; kind: string; redemption_id: string }>(
      `SELECT seq, kind, redemption_id::text FROM claim_events WHERE redemption_id = ANY($1::uuid[]) ORDER BY seq`,
      [fresh.map((f) => f.redemptionId)]
    )
    expect(events.rows.map((e) => [e.kind, e.redemption_id])).toEqual([
      ['claimed', fresh[0]!.redemptionId],
      ['completed', fresh[0]!.redemptionId],
      ['claimed', fresh[1]!.redemptionId],
      ['claimed', fresh[2]!.redemptionId],
      ['voided', fresh[2]!.redemptionId]
    ])

    // Replayed whole (a till that never saw the answer): every item repeats, nothing changes.
    const before = await snapshot(pool())
    const replay = await till1.post('/v1/claims/batch', { items })
    const again = replay.body.value.results as { outcome: string; repeat?: boolean; changed?: boolean }[]
    // The same answers, except that the voided claim cannot claim again (CLAIM_CLOSED, as a single replay).
    expect(again.map((r) => r.outcome)).toEqual(results.map((r, i) => (i === 7 ? 'refused' : r.outcome)))
    expect(again[0]).toMatchObject({ repeat: true })
    expect(again[1]).toMatchObject({ changed: false })
    expect(again[2]).toEqual(results[2])
    expect(again[4]).toMatchObject({ repeat: true })
    expect(again[7]).toMatchObject({ error: { code: 'CLAIM_CLOSED' } })
    expect(again[8]).toMatchObject({ changed: false })
    expect(await snapshot(pool())).toBe(before)
  })

  it('changes nothing for a malformed batch, a batch naming another till, or a request that is not one', async () => {
    const good = () => claimItem(claimBody('till-1', { code: `m-${randomUUID()}` }))
    const before = await snapshot(pool())
    const refusals: [unknown, number, string][] = [
      [{ items: [good(), { ...good(), amountFen: -1 }] }, 400, 'BAD_REQUEST'],
      [{ items: [good(), { ...good(), at: 1_796_457_600 }] }, 400, 'BAD_REQUEST'], // seconds, not ms
      [{ items: [good(), { ...good(), op: 'steal' }] }, 400, 'BAD_REQUEST'],
      [{ items: [good(), { ...good(), extra: 1 }] }, 400, 'BAD_REQUEST'],
      [
        { items: [good(), { op: 'transition', redemptionId: randomUUID(), till: 'till-1', to: 'held', at }] },
        400,
        'BAD_REQUEST'
      ],
      [{ items: [] }, 400, 'BAD_REQUEST'],
      [{ items: Array.from({ length: 501 }, good) }, 400, 'BAD_REQUEST'],
      [{ items: [good()], more: true }, 400, 'BAD_REQUEST'],
      [[good()], 400, 'BAD_REQUEST'],
      [
        { items: [good(), claimItem(claimBody('till-2', { code: `m-${randomUUID()}` }))] },
        403,
        'TILL_MISMATCH'
      ]
    ]
    for (const [body, status, code] of refusals) {
      const reply = await till1.post('/v1/claims/batch', body)
      expect([reply.status, reply.body.error?.code], JSON.stringify(body).slice(0, 200)).toEqual([
        status,
        code
      ])
    }
    const bad = await call(hub.url, 'POST', '/v1/claims/batch', {
      token: till1.token,
      store: STORE,
      rawBody: '{"items": ['
    })
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'BAD_JSON'])
    const anonymous = await call(hub.url, 'POST', '/v1/claims/batch', {
      store: STORE,
      body: { items: [good()] }
    })
    expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'TOKEN_MISSING'])
    const message = (await till1.post('/v1/claims/batch', { items: [good(), { ...good(), amountFen: 1.5 }] }))
      .body.error?.message
    expect(message).toContain('items.1.amountFen')
    expect(await snapshot(pool())).toBe(before)
  })

  it('lets exactly one win when a batch and single claims race for the same codes', async () => {
    const codes = Array.from({ length: 60 }, () => `race-${randomUUID()}`)
    const batch = codes.map((code) => claimItem(claimBody('till-1', { code })))
    const singles = codes.map((code) => claimBody('till-2', { code }))
    const [reply, ...answers] = await Promise.all([
      till1.post('/v1/claims/batch', { items: batch }),
      ...singles.map((s) => till2.post('/v1/claims', s))
    ])
    const batchOutcomes = (reply!.body.value.results as { outcome: string }[]).map((r) => r.outcome)
    codes.forEach((_, i) => {
      const single = answers[i]!.body.value.outcome as string
      expect([batchOutcomes[i], single].sort()).toEqual(['duplicate', 'granted'])
    })
    const holds = await pool().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM code_holds WHERE code = ANY($1::text[])',
      [codes]
    )
    expect(holds.rows[0]?.n).toBe(codes.length)
  })
})

// ---------------------------------------------------------------------------------------------------------------

function openFeed(url: string, till: Till, after: number) {
  const events: ClaimEvent[] = []
  const ws = new WebSocket(`${url.replace('http', 'ws')}/v1/feed?after=${after}`, {
    headers: { authorization: `Bearer ${till.token}`, 'x-hexiao-store': STORE }
  })
  ws.on('message', (data) => {
    const frame = feedFrameSchema.parse(JSON.parse(String(data)))
    if (frame.type === 'events') events.push(...frame.events)
  })
  const until = async (ok: () => boolean, what: string, ms = 20_000) => {
    const end = Date.now() + ms
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${events.length} events)`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return { events, until, close: () => ws.close() }
}

/** Every event once, numbered after `after` without a gap, and each claim's `claimed` before its other change. */
function expectContiguous(events: ClaimEvent[], after: number): void {
  events.forEach((e, i) => expect(e.seq).toBe(after + i + 1))
  const claimedAt = new Map<string, number>()
  for (const e of events) {
    if (e.kind === 'claimed') claimedAt.set(e.redemptionId, e.seq)
    else expect(claimedAt.get(e.redemptionId), `${e.kind} of ${e.redemptionId}`).toBeLessThan(e.seq)
  }
}

describe('the feed with two hub processes on one database', () => {
  it('delivers every event once, in order, at both hubs, under concurrent claims at both', async () => {
    const db = hub.database
    const url = `postgres://${db.user}:${encodeURIComponent(String(db.password))}@${db.host}:${db.port}/${db.database}`
    const hubB = await startHub({ dataDir: hubDataDir(), databaseUrl: url, log: () => undefined })
    others.push(hubB)
    expect(hubB.epoch).toBe(hub.epoch) // one database, one hub as far as the tills can tell
    const till1B = tillOf(hubB.url, 'till-1', STORE, till1.token)
    const till2B = tillOf(hubB.url, 'till-2', STORE, till2.token)

    await feedNumbered(pool())
    const start = (await till2.get('/v1/claims?after=0&limit=1')).body.value.lastSeq as number
    const atA = openFeed(hub.url, till2, start)
    const atB = openFeed(hubB.url, till1, start)

    // 8 clients, half at each hub, each claiming and completing: 240 claims and 120 completions.
    const clients = [till1, till2, till1B, till2B, till1, till2, till1B, till2B]
    const written = await Promise.all(
      clients.map(async (client) => {
        const mine: string[] = []
        for (let i = 0; i < 30; i++) {
          const req = claimBody(client.tillId, { code: `two-${randomUUID()}` })
          const reply = await client.post('/v1/claims', req)
          expect(reply.body.value?.outcome).toBe('granted')
          mine.push(req.redemptionId)
          if (i % 2 === 0) {
            const done = await client.post('/v1/claims/transition', {
              redemptionId: req.redemptionId,
              till: client.tillId,
              to: 'completed',
              at
            })
            expect(done.body.value?.changed).toBe(true)
          }
        }
        return mine
      })
    )
    const total = written.flat().length * 1.5
    await atA.until(() => atA.events.length >= total, 'every event at hub A')
    await atB.until(() => atB.events.length >= total, 'every event at hub B')
    expectContiguous(atA.events, start)
    expect(atB.events).toEqual(atA.events)
    expect(new Set(atA.events.map((e) => e.redemptionId))).toEqual(new Set(written.flat()))
    // A till catching up later by sequence, at either hub, reads the same story.
    const caughtUp: ClaimEvent[] = []
    for (let after = start; ;) {
      const page = (await till1B.get(`/v1/claims?after=${after}&limit=100`)).body.value
      caughtUp.push(...(page.events as ClaimEvent[]))
      if (!page.more) break
      after = caughtUp.at(-1)!.seq
    }
    expect(caughtUp).toEqual(atA.events)
    atA.close()
    atB.close()
  })

  it('never skips an event whose writer committed after higher numbers were handed out', async () => {
    await feedNumbered(pool())
    const start = (await till2.get('/v1/claims?after=0&limit=1')).body.value.lastSeq as number
    const feed = openFeed(hub.url, till2, start)
    // A slow writer: its claim is written but not committed (as a hub process stalled mid-claim would be).
    const slow = new pg.Client(hub.database)
    await slow.connect()
    const late = randomUUID()
    try {
      await slow.query('BEGIN')
      await slow.query(
        `INSERT INTO claims (redemption_id, store_id, card_id, code, till_id, cashier_id, cashier_name, amount_fen,
           till_at, hub_at, status, seq) VALUES ($1, $2, 'pCardA', $3, 'till-1', 'c', 'C', 1, $4, $4, 'held', 0)`,
        [late, STORE, `late-${randomUUID()}`, at]
      )
      await slow.query(
        `INSERT INTO claim_events (kind, redemption_id, till_at, hub_at) VALUES ('claimed', $1, $2, $2)`,
        [late, at]
      )
      // Meanwhile others commit and are numbered and delivered.
      for (let i = 0; i < 5; i++) await till1.claim({ code: `early-${randomUUID()}` })
      await feed.until(() => feed.events.length >= 5, 'the early claims')
      expect(feed.events.map((e) => e.redemptionId)).not.toContain(late)
      await slow.query('COMMIT')
    } finally {
      await slow.end()
    }
    // Nobody asked this process to number it: the sweep finds it, numbers it after the others, and the feed and a
    // till whose cursor is already past the early ones both get it.
    await feed.until(() => feed.events.length >= 6, 'the late claim')
    expectContiguous(feed.events, start)
    expect(feed.events.at(-1)).toMatchObject({ redemptionId: late, kind: 'claimed', seq: start + 6 })
    const after = (await till2.get(`/v1/claims?after=${start + 5}`)).body.value
    expect(after.events.map((e: ClaimEvent) => e.redemptionId)).toEqual([late])
    feed.close()
  })
})
