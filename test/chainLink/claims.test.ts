/**
 * Claims before committing at the chain hub from real training stations (SQLite files, their own sandboxes) to a
 * real chain hub (embedded PostgreSQL, HTTP on loopback), docs/chain.md § Claims before committing: a coupon
 * redeemed in Shanghai is DUPLICATE in Hangzhou naming the store and till, nothing committed there; the lane's
 * event of the claimed redemption is no duplicate; HQ silent → decided here, "not checked with headquarters",
 * and the after-the-fact duplicate still comes back to both tills through the lane; the setting is a manager's,
 * off by default; a claim not committed is released.
 */
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { readIdentity, writeIdentity } from '../../src/main/config/identity'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { addStore } from '../hub/chainSupport'
import { trainingStation, type TestStation } from '../support/station'

const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let chainHub: RunningHub
let shTill: TestStation
let hzTill: TestStation
/** Takes the connection and never answers: a chain hub that has gone silent. */
let silent: Server
let silentUrl: string

async function openTill(name: string): Promise<TestStation> {
  const t = await trainingStation({ background: false })
  writeIdentity(t.station.db, { ...readIdentity(t.station.db, 'training'), stationName: name })
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
  return t
}

function managerOf(t: TestStation) {
  const dispatch = createDispatcher(t.station.handlers)
  const manager = new Session('manager')
  manager.signIn(t.manager)
  return { dispatch, manager }
}

async function enrolAndEnable(t: TestStation, storeId: string, deadlineMs: number) {
  const { dispatch, manager } = managerOf(t)
  const { code: enrolment } = await chainHub.chain.newEnrolmentCode(storeId)
  expect(
    await dispatch('chainLink.enrol', { hubUrl: chainHub.url, enrolmentCode: enrolment }, manager)
  ).toMatchObject({ ok: true, value: { claims: { enabled: false } } })
  expect(await dispatch('chainLink.setClaims', { enabled: true, deadlineMs }, manager)).toMatchObject({
    ok: true,
    value: { claims: { enabled: true, deadlineMs } }
  })
}

async function lookup(t: TestStation, key: string) {
  const looked = await t.station.services.redemptions.lookup(
    { source: 'manual', device: 'k', raw: code(key) },
    t.cashier,
    t.session.id
  )
  expect(looked.decision?.outcome).toBe('OK')
  return looked
}

async function redeem(t: TestStation, key: string) {
  const looked = await lookup(t, key)
  return t.station.services.redemptions.commit(
    { lookupId: looked.lookupId, otherDiscount: false, confirmWarnings: true },
    t.cashier,
    t.session.id
  )
}

const tillIdOf = (t: TestStation) => readIdentity(t.station.db, 'training').stationId
const ledgerCodes = (t: TestStation) =>
  (t.station.db.prepare('SELECT code FROM redemptions').all() as Array<{ code: string }>).map((r) => r.code)

async function claimsOf(theCode: string) {
  const { rows } = await chainHub.store.pool.query<{
    redemption_id: string
    till_id: string
    provisional_until: number | null
  }>(
    'SELECT redemption_id::text AS redemption_id, till_id, provisional_until FROM code_claims WHERE code = $1',
    [theCode]
  )
  return rows
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function secretOf(t: TestStation): string {
  const file = JSON.parse(readFileSync(join(t.station.dataDir, 'live', 'secrets.json'), 'utf8')) as Record<
    string,
    string
  >
  return file['chainHub.token']!
}

beforeAll(async () => {
  chainHub = await startHub({ dataDir: hubDataDir(), log: () => {} })
  await addStore(chainHub, 'sh-01', '上海一店')
  await addStore(chainHub, 'hz-01', '杭州一店')
  silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
  shTill = await openTill('上海1号机')
  hzTill = await openTill('杭州1号机')
}, 120_000)

afterAll(async () => {
  await shTill?.station.close()
  await hzTill?.station.close()
  silent?.closeAllConnections()
  await new Promise((resolve) => silent?.close(resolve))
  await chainHub?.stop()
  removeHubDataDirs()
}, 60_000)

describe('claims before committing at the chain hub', () => {
  it('off by default: an enrolled till redeems without asking HQ; only a manager turns it on, audited', async () => {
    const { dispatch, manager } = managerOf(shTill)
    const { code: enrolment } = await chainHub.chain.newEnrolmentCode('sh-01')
    await dispatch('chainLink.enrol', { hubUrl: chainHub.url, enrolmentCode: enrolment }, manager)
    await redeem(shTill, 'NO_STACKING')
    expect(await claimsOf(code('NO_STACKING'))).toEqual([])
    expect(shTill.station.db.prepare('SELECT count(*) AS n FROM chain_claims').get()).toEqual({ n: 0 })

    const request = { enabled: true, deadlineMs: 2_000 }
    expect(await dispatch('chainLink.setClaims', request, shTill.session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await dispatch('chainLink.setClaims', { enabled: true, deadlineMs: 10 }, manager)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
    expect(await dispatch('chainLink.setClaims', request, manager)).toMatchObject({
      ok: true,
      value: { claims: request }
    })
    const audit = shTill.station.db
      .prepare(`SELECT actor_name, subject FROM audit_log WHERE action = 'settings.changed' ORDER BY id DESC`)
      .get()
    expect(audit).toEqual({ actor_name: '王店长', subject: 'chainLink.claims' })
  })

  it('a coupon redeemed in Shanghai is DUPLICATE in Hangzhou naming 上海一店 and 上海1号机; Hangzhou commits nothing', async () => {
    await enrolAndEnable(hzTill, 'hz-01', 2_000)
    const first = await redeem(shTill, 'CASH_NO_THRESHOLD')
    expect(first.redemption.chainUnchecked).toBeUndefined()
    expect(await claimsOf(code('CASH_NO_THRESHOLD'))).toEqual([
      expect.objectContaining({ redemption_id: first.redemption.id, till_id: tillIdOf(shTill) })
    ])
    const before = ledgerCodes(hzTill)
    await expect(redeem(hzTill, 'CASH_NO_THRESHOLD')).rejects.toMatchObject({
      code: 'CHAIN_DUPLICATE',
      details: { store: '上海一店', station: '上海1号机', cashier: '李娜' }
    })
    expect(ledgerCodes(hzTill)).toEqual(before)
    expect(hzTill.station.db.prepare('SELECT count(*) AS n FROM chain_lane').get()).toEqual({ n: 0 })
  })

  it('the lane’s event of the claimed redemption confirms the claim: no duplicate at HQ, none back at the till', async () => {
    const drained = await shTill.station.services.chainLink.drain()
    expect(drained).toMatchObject({ waiting: 0, status: 'connected' })
    const claims = await claimsOf(code('CASH_NO_THRESHOLD'))
    expect(claims).toHaveLength(1)
    expect(claims[0]!.provisional_until).toBeNull()
    const dups = await chainHub.store.pool.query('SELECT count(*)::int AS n FROM chain_duplicates')
    expect(dups.rows[0]).toEqual({ n: 0 })
    expect(shTill.station.services.chainLink.conflicts(10)).toEqual([])
    // Hangzhou asks again, now against the recorded redemption: still DUPLICATE.
    await expect(redeem(hzTill, 'CASH_NO_THRESHOLD')).rejects.toMatchObject({ code: 'CHAIN_DUPLICATE' })
  })

  it('HQ silent: decided here within the deadline, "not checked with headquarters"; the lane then finds the duplicate for both stores', async () => {
    await redeem(shTill, 'GROUPON')
    await shTill.station.services.chainLink.drain()
    const { dispatch, manager } = managerOf(hzTill)
    await dispatch('chainLink.setClaims', { enabled: true, deadlineMs: 300 }, manager)
    hzTill.station.db.prepare('UPDATE chain_link SET hub_url = ?').run(silentUrl)
    const done = await redeem(hzTill, 'GROUPON')
    expect(done.redemption.chainUnchecked).toBe(true)
    // The view keeps saying so (the mark committed with the redemption).
    expect(
      hzTill.station.services.redemptions.recent(5).find((r) => r.id === done.redemption.id)?.chainUnchecked
    ).toBe(true)
    expect(
      hzTill.station.db
        .prepare('SELECT checked, reason FROM chain_claims WHERE redemption_id = ?')
        .get(done.redemption.id)
    ).toEqual({ checked: 0, reason: 'UNREACHABLE' })

    // HQ is back: the lane carries the redemption, the duplicate is found after the fact and goes to both.
    hzTill.station.db.prepare('UPDATE chain_link SET hub_url = ?').run(chainHub.url)
    await hzTill.station.services.chainLink.drain()
    await shTill.station.services.chainLink.drain()
    await hzTill.station.services.chainLink.drain()
    for (const t of [shTill, hzTill]) {
      const found = t.station.services.chainLink.conflicts(10).filter((c) => c.code === code('GROUPON'))
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({ first: { storeName: '上海一店' }, second: { storeName: '杭州一店' } })
    }
  }, 30_000)

  it('a refused till (revoked) is decided here too, marked unchecked, and never blocked', async () => {
    expect(await chainHub.chain.revokeTill(tillIdOf(hzTill))).toBe(true)
    const done = await redeem(hzTill, 'GIFT')
    expect(done.redemption.chainUnchecked).toBe(true)
    expect(
      hzTill.station.db
        .prepare('SELECT reason FROM chain_claims WHERE redemption_id = ?')
        .get(done.redemption.id)
    ).toEqual({ reason: 'TOKEN_REVOKED' })
  })

  it('a claim not committed is released at HQ at once', async () => {
    const claimer = shTill.station.services.chainLink.claims
    const redemptionId = '01900000-0000-7000-8000-00000000c1a1'
    const outcome = await claimer.claim({
      redemptionId,
      cardId: 'pTraining',
      plainCode: true,
      code: 'RELEASE-ME-1',
      cashier: { id: 'c', name: '李娜' },
      amountFen: 100,
      at: Date.now()
    })
    expect(outcome).toEqual({ kind: 'granted' })
    expect(await claimsOf('RELEASE-ME-1')).toHaveLength(1)
    claimer.abandoned(redemptionId)
    await until(async () => (await claimsOf('RELEASE-ME-1')).length === 0, 'the release')
    // The token the claimer used is the lane's own (the set-up secret), never stored in SQLite.
    expect(JSON.stringify(shTill.station.db.prepare('SELECT * FROM chain_link').all())).not.toContain(
      secretOf(shTill)
    )
  })
})
