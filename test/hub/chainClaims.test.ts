/**
 * Claims before committing at the chain hub (docs/chain.md § Claims before committing), over real HTTP with the
 * hub's embedded PostgreSQL: granted, repeated, a collision across stores naming the holder, the lane's event of
 * the same redemption confirming its claim (no false duplicate), a recorded redemption beating an unconfirmed
 * claim, release and expiry, refused requests that store nothing, and concurrent claims of one code.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChainClaims } from '../../src/hub/chain/chainClaims'
import { startHub, type RunningHub } from '../../src/hub/hub'
import type { ChainClaimRequest, ChainClaimResponse } from '../../src/shared/hub/chainProtocol'
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
  type LaneTill
} from './chainSupport'

let hub: RunningHub
let sh: LaneTill
let hz: LaneTill
let sh2: LaneTill

beforeAll(async () => {
  hub = await startHub({ dataDir: hubDataDir(), log: () => {} })
  await addStore(hub, 'sh-01', '上海一店')
  await addStore(hub, 'hz-01', '杭州一店')
  sh = await enrol(hub, 'sh-01', 'sh-till-1')
  sh2 = await enrol(hub, 'sh-01', 'sh-till-2')
  hz = await enrol(hub, 'hz-01', 'hz-till-1')
}, 120_000)

afterAll(async () => {
  await hub?.stop()
  removeHubDataDirs()
}, 60_000)

function claimOf(till: LaneTill, code: string, extra: Partial<ChainClaimRequest> = {}): ChainClaimRequest {
  return {
    tillId: till.tillId,
    redemptionId: randomUUID(),
    cardId: 'pCardA',
    customCode: false,
    code,
    cashier: { id: `${till.tillId}-c`, name: till === hz ? '李雷' : '王芳' },
    amountFen: 1000,
    at: AT,
    ...extra
  }
}

async function claim(till: LaneTill, body: unknown, auth: { token?: string; store?: string } = {}) {
  return post(hub.url, '/v1/chain/claims', body, {
    token: auth.token ?? till.token,
    store: auth.store ?? till.storeId,
    gzip: false
  })
}

const answer = (r: { status: number; body: { ok: boolean; value?: unknown } }): ChainClaimResponse => {
  if (!r.body.ok) throw new Error(JSON.stringify(r.body))
  return r.body.value as ChainClaimResponse
}

/** The lane's `redeemed` event of a claimed redemption: same id, card, code, cashier as the claim. */
function eventOf(till: LaneTill, req: ChainClaimRequest) {
  const event = redeemed(till, req.code, { cardId: req.cardId, customCode: req.customCode, at: req.at })
  event.body.redemptionId = req.redemptionId
  event.body.cashierName = req.cashier.name
  return event
}

async function claimRow(code: string) {
  const { rows } = await hub.store.pool.query<{
    redemption_id: string
    card_id: string
    provisional_until: number | null
    store_id: string
  }>(
    `SELECT redemption_id::text AS redemption_id, card_id, provisional_until, store_id FROM code_claims
     WHERE code = $1`,
    [code]
  )
  return rows
}

describe('claims before committing', () => {
  it('granted once; the same request again is granted as a repeat and stores nothing more', async () => {
    const req = claimOf(sh, 'CC-GRANT-1')
    const first = await claim(sh, req)
    expect(first.status).toBe(200)
    const v = answer(first)
    expect(v).toMatchObject({ outcome: 'granted', repeat: false })
    expect(v.outcome === 'granted' && v.expiresAt! > Date.now()).toBe(true)
    const before = await chainSnapshot(hub.store.pool)
    expect(answer(await claim(sh, req))).toMatchObject({ outcome: 'granted', repeat: true })
    expect(await chainSnapshot(hub.store.pool)).toBe(before)
    // The plain code is held under the card-independent key, as the ingest records it.
    expect(await claimRow('CC-GRANT-1')).toEqual([
      expect.objectContaining({ redemption_id: req.redemptionId, card_id: '', store_id: 'sh-01' })
    ])
  })

  it('a code claimed in Shanghai is a duplicate in Hangzhou, naming the store, till, cashier and time', async () => {
    const first = claimOf(sh, 'CC-DUP-1', { at: AT + 5_000 })
    expect(answer(await claim(sh, first)).outcome).toBe('granted')
    // Another card named for the same plain code meets the same key.
    const second = claimOf(hz, 'CC-DUP-1', { cardId: 'pCardB' })
    const r = await claim(hz, second)
    expect(r.status).toBe(200)
    expect(answer(r)).toEqual({
      outcome: 'duplicate',
      holder: {
        redemptionId: first.redemptionId,
        storeId: 'sh-01',
        storeName: '上海一店',
        tillId: 'sh-till-1',
        tillName: 'sh-till-1 号机',
        cashierName: '王芳',
        at: AT + 5_000,
        recorded: false
      }
    })
    // The loser stored nothing.
    expect(await claimRow('CC-DUP-1')).toHaveLength(1)
  })

  it('custom codes are claimed under their card: the same code of two cards is two coupons', async () => {
    const a = claimOf(sh, 'CC-CUSTOM-1', { cardId: 'pCustomA', customCode: true })
    const b = claimOf(hz, 'CC-CUSTOM-1', { cardId: 'pCustomB', customCode: true })
    expect(answer(await claim(sh, a)).outcome).toBe('granted')
    expect(answer(await claim(hz, b)).outcome).toBe('granted')
    const c = claimOf(hz, 'CC-CUSTOM-1', { cardId: 'pCustomA', customCode: true })
    expect(answer(await claim(hz, c))).toMatchObject({
      outcome: 'duplicate',
      holder: { redemptionId: a.redemptionId }
    })
  })

  it('the lane event of the claimed redemption confirms its claim: no false duplicate; later claims see it recorded', async () => {
    const req = claimOf(sh, 'CC-LANE-1')
    expect(answer(await claim(sh, req)).outcome).toBe('granted')
    const before = await counts(hub.store.pool)
    const sent = await send(hub.url, sh, [eventOf(sh, req)])
    expect(sent.status).toBe(200)
    expect(sent.body.value.duplicates).toEqual([])
    const after = await counts(hub.store.pool)
    expect(after.chain_duplicates).toBe(before.chain_duplicates)
    expect(after.code_claims).toBe(before.code_claims)
    expect(await claimRow('CC-LANE-1')).toEqual([
      expect.objectContaining({ redemption_id: req.redemptionId, provisional_until: null })
    ])
    // A replay of the batch changes nothing either (beyond "heard from").
    await send(hub.url, sh, sh.made.slice(-1))
    expect(await counts(hub.store.pool)).toEqual(after)
    expect(await claimRow('CC-LANE-1')).toEqual([
      expect.objectContaining({ redemption_id: req.redemptionId, provisional_until: null })
    ])
    const late = await claim(hz, claimOf(hz, 'CC-LANE-1'))
    expect(answer(late)).toMatchObject({
      outcome: 'duplicate',
      holder: { redemptionId: req.redemptionId, storeName: '上海一店', recorded: true, cashierName: '王芳' }
    })
  })

  it('a recorded redemption beats an unconfirmed claim; the claim’s own event is then the duplicate, both stories', async () => {
    // Hangzhou claims and commits; Shanghai had redeemed the code offline (no claim) and its event arrives first.
    const hzClaim = claimOf(hz, 'CC-BEAT-1')
    expect(answer(await claim(hz, hzClaim)).outcome).toBe('granted')
    const offline = redeemed(sh, 'CC-BEAT-1', { at: AT - 60_000 })
    const r1 = await send(hub.url, sh, [offline])
    expect(r1.body.value.duplicates).toEqual([])
    expect(await claimRow('CC-BEAT-1')).toEqual([
      expect.objectContaining({ redemption_id: offline.body.redemptionId, provisional_until: null })
    ])
    const r2 = await send(hub.url, hz, [eventOf(hz, hzClaim)])
    expect(r2.body.value.duplicates).toHaveLength(1)
    expect(r2.body.value.duplicates[0]).toMatchObject({
      code: 'CC-BEAT-1',
      first: { redemptionId: offline.body.redemptionId, storeName: '上海一店' },
      second: { redemptionId: hzClaim.redemptionId, storeName: '杭州一店' }
    })
  })

  it('a claim that is never committed: released at once by its till, or it expires', async () => {
    const req = claimOf(sh, 'CC-REL-1')
    expect(answer(await claim(sh, req)).outcome).toBe('granted')
    // Only the claiming till can release it.
    const foreign = await post(
      hub.url,
      '/v1/chain/claims/release',
      { tillId: hz.tillId, redemptionId: req.redemptionId },
      { token: hz.token, store: hz.storeId }
    )
    expect(foreign.body.value).toEqual({ released: false })
    const rel = { tillId: sh.tillId, redemptionId: req.redemptionId }
    const released = await post(hub.url, '/v1/chain/claims/release', rel, {
      token: sh.token,
      store: sh.storeId
    })
    expect(released.body.value).toEqual({ released: true })
    expect(
      (await post(hub.url, '/v1/chain/claims/release', rel, { token: sh.token, store: sh.storeId })).body
        .value
    ).toEqual({ released: false })
    expect(answer(await claim(hz, claimOf(hz, 'CC-REL-1'))).outcome).toBe('granted')

    // Expiry, on the hub's clock (the rules object over the same database, with a clock the test moves).
    let now = Date.now()
    const rules = new ChainClaims(hub.store.pool, { now: () => now, ttlMs: 60_000 })
    const till = (t: LaneTill) => ({ tillId: t.tillId, storeId: t.storeId, name: t.tillId, revokedAt: null })
    const stuck = claimOf(sh, 'CC-EXP-1')
    expect((await rules.claim(till(sh), stuck)).outcome).toBe('granted')
    now += 59_000
    expect(await rules.claim(till(hz), claimOf(hz, 'CC-EXP-1'))).toMatchObject({ outcome: 'duplicate' })
    now += 2_000
    const after = claimOf(hz, 'CC-EXP-1')
    expect(await rules.claim(till(hz), after)).toMatchObject({ outcome: 'granted', repeat: false })
    expect(await claimRow('CC-EXP-1')).toEqual([
      expect.objectContaining({ redemption_id: after.redemptionId, store_id: 'hz-01' })
    ])
    // A recorded claim never expires.
    now += 24 * 3600_000
    expect(await rules.claim(till(sh), claimOf(sh, 'CC-LANE-1'))).toMatchObject({ outcome: 'duplicate' })
  })

  it('the same till claiming a code again for another redemption takes over its own unconfirmed claim', async () => {
    const crashed = claimOf(sh, 'CC-OWN-1')
    expect(answer(await claim(sh, crashed)).outcome).toBe('granted')
    // Another till of the same store is a duplicate (the store hub would say so too).
    expect(answer(await claim(sh2, claimOf(sh2, 'CC-OWN-1'))).outcome).toBe('duplicate')
    const again = claimOf(sh, 'CC-OWN-1')
    expect(answer(await claim(sh, again))).toMatchObject({ outcome: 'granted', repeat: false })
    expect(await claimRow('CC-OWN-1')).toEqual([
      expect.objectContaining({ redemption_id: again.redemptionId })
    ])
  })

  it('malformed, foreign, unknown and revoked tills, a reused redemption id: a clear code, nothing stored', async () => {
    const bad = await enrol(hub, 'sh-01', 'sh-bad-1')
    const held = claimOf(sh, 'CC-BAD-HELD')
    expect(answer(await claim(sh, held)).outcome).toBe('granted')
    const before = await chainSnapshot(hub.store.pool)
    const good = claimOf(bad, 'CC-BAD-1')
    const cases: Array<[number, string, Promise<{ status: number; body: { error?: { code: string } } }>]> = [
      [400, 'BAD_REQUEST', claim(bad, { ...good, amountFen: -1 })],
      [400, 'BAD_REQUEST', claim(bad, { ...good, at: Math.floor(AT / 1000) })],
      [400, 'BAD_REQUEST', claim(bad, { ...good, extra: 1 })],
      [
        400,
        'BAD_JSON',
        post(hub.url, '/v1/chain/claims', null, { token: bad.token, store: 'sh-01', raw: '{' })
      ],
      [401, 'TOKEN_MISSING', post(hub.url, '/v1/chain/claims', good, { store: 'sh-01' })],
      [401, 'TOKEN_UNKNOWN', claim(bad, good, { token: 'hxc_nope' })],
      [403, 'STORE_MISMATCH', claim(bad, good, { store: 'hz-01' })],
      [403, 'TILL_MISMATCH', claim(bad, { ...good, tillId: 'hz-till-1' })],
      [409, 'REDEMPTION_ID_REUSED', claim(sh, { ...held, code: 'CC-BAD-OTHER' })],
      [
        405,
        'METHOD_NOT_ALLOWED',
        fetch(`${hub.url}/v1/chain/claims`).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { error?: { code: string } }
        }))
      ]
    ]
    for (const [status, code, reply] of cases) {
      const r = await reply
      expect({ status: r.status, code: r.body.error?.code }).toEqual({ status, code })
    }
    expect(await hub.chain.revokeTill('sh-bad-1')).toBe(true)
    const revokedBefore = await chainSnapshot(hub.store.pool)
    const revoked = await claim(bad, good)
    expect({ status: revoked.status, code: revoked.body.error?.code }).toEqual({
      status: 401,
      code: 'TOKEN_REVOKED'
    })
    expect(await chainSnapshot(hub.store.pool)).toBe(revokedBefore)
    // Apart from the revocation itself, nothing changed.
    expect((await chainSnapshot(hub.store.pool)).replace(/"revoked_at":\d+/, '"revoked_at":null')).toBe(
      before
    )
  })

  it('a till whose lane goes through its store hub claims through it too (forwarded unchanged)', async () => {
    const storeHub = await startHub({ dataDir: hubDataDir(), chainUrl: hub.url, log: () => {} })
    try {
      const req = claimOf(sh, 'CC-FWD-1')
      const through = (till: LaneTill, body: unknown, path = '/v1/chain/claims') =>
        post(storeHub.url, path, body, { token: till.token, store: till.storeId })
      expect(answer(await through(sh, req))).toMatchObject({ outcome: 'granted', repeat: false })
      expect(answer(await through(hz, claimOf(hz, 'CC-FWD-1')))).toMatchObject({
        outcome: 'duplicate',
        holder: { redemptionId: req.redemptionId, storeName: '上海一店' }
      })
      const released = await through(
        sh,
        { tillId: sh.tillId, redemptionId: req.redemptionId },
        '/v1/chain/claims/release'
      )
      expect(released.body.value).toEqual({ released: true })
      // The store hub itself stores nothing of it.
      const local = await storeHub.store.pool.query('SELECT count(*)::int AS n FROM code_claims')
      expect(local.rows[0]).toEqual({ n: 0 })
    } finally {
      await storeHub.stop()
    }
  }, 120_000)

  it('50 pairs of concurrent claims of one code from two stores: exactly one granted per pair, the loser told the winner', async () => {
    const wins = { sh: 0, hz: 0 }
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const code = `CC-RACE-${i}`
        const a = claimOf(sh, code)
        const b = claimOf(hz, code)
        const [ra, rb] = await Promise.all([claim(sh, a), claim(hz, b)])
        const va = answer(ra)
        const vb = answer(rb)
        expect([va.outcome, vb.outcome].sort()).toEqual(['duplicate', 'granted'])
        if (va.outcome === 'granted') {
          wins.sh++
          expect(vb).toMatchObject({ holder: { redemptionId: a.redemptionId, storeId: 'sh-01' } })
        } else {
          wins.hz++
          expect(va).toMatchObject({ holder: { redemptionId: b.redemptionId, storeId: 'hz-01' } })
        }
      })
    )
    expect(wins.sh + wins.hz).toBe(50)
  })
})
