/**
 * Real training stations (SQLite files, their own sandboxes) sending their chain lane to a real chain hub (embedded
 * PostgreSQL, HTTP on loopback): one directly, one through its store hub, which forwards with the same protocol
 * (docs/chain.md). Invariants: the hub's redemptions are exactly the tills' ledgers; each till's acknowledged seq is
 * its last once drained; the planted cross-store duplicate is found once and reaches both tills' conflict lists; a
 * lost answer re-sent changes no counts; a chain hub that is down delays neither the counter nor the WeChat lane.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { ChainLink } from '../../src/main/chainLink/link'
import { readIdentity, writeIdentity } from '../../src/main/config/identity'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { Session } from '../../src/main/ipc/session'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { addStore, counts } from '../hub/chainSupport'
import { trainingStation, type TestStation } from '../support/station'

const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let chainHub: RunningHub
let storeHub: RunningHub
let shTill: TestStation
let hzTill: TestStation

async function openTill(name: string): Promise<TestStation> {
  const t = await trainingStation({
    background: false,
    chainLink: { pollMs: 50, idlePollMs: 200, backoffBaseMs: 50, backoffMaxMs: 200 }
  })
  writeIdentity(t.station.db, { ...readIdentity(t.station.db, 'training'), stationName: name })
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
  return t
}

async function redeem(t: TestStation, key: string) {
  const looked = await t.station.services.redemptions.lookup(
    { source: 'manual', device: 'k', raw: code(key) },
    t.cashier,
    t.session.id
  )
  expect(looked.decision?.outcome).toBe('OK')
  return t.station.services.redemptions.commit(
    { lookupId: looked.lookupId, otherDiscount: false, confirmWarnings: true },
    t.cashier,
    t.session.id
  )
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** The till's ledger as the chain hub should hold it: id → status. */
const ledgerOf = (t: TestStation) =>
  Object.fromEntries(
    (
      t.station.db.prepare('SELECT id, status FROM redemptions ORDER BY id').all() as Array<{
        id: string
        status: string
      }>
    ).map((r) => [r.id, r.status])
  )
const hubLedgerOf = async (tillId: string) =>
  Object.fromEntries(
    (
      await chainHub.store.pool.query<{ id: string; status: string }>(
        'SELECT redemption_id::text AS id, status FROM redemptions WHERE till_id = $1 ORDER BY 1',
        [tillId]
      )
    ).rows.map((r) => [r.id, r.status])
  )
const tillIdOf = (t: TestStation) => readIdentity(t.station.db, 'training').stationId
const laneMeta = (t: TestStation) =>
  t.station.db.prepare('SELECT last_seq AS lastSeq, acked_seq AS ackedSeq FROM chain_lane_meta').get() as {
    lastSeq: number
    ackedSeq: number
  }

beforeAll(async () => {
  chainHub = await startHub({ dataDir: hubDataDir(), log: () => {} })
  storeHub = await startHub({ dataDir: hubDataDir(), chainUrl: chainHub.url, log: () => {} })
  await addStore(chainHub, 'sh-01', '上海一店')
  await addStore(chainHub, 'hz-01', '杭州一店')
  shTill = await openTill('上海1号机')
  hzTill = await openTill('杭州1号机')
}, 120_000)

afterAll(async () => {
  await shTill?.station.close()
  await hzTill?.station.close()
  await storeHub?.stop()
  await chainHub?.stop()
  removeHubDataDirs()
}, 60_000)

describe('the chain lane of real stations', () => {
  it('a manager enrols one till directly and one through its store hub; the token stays out of the renderer', async () => {
    const dispatch = createDispatcher(shTill.station.handlers)
    const manager = new Session('manager')
    manager.signIn(shTill.manager)
    const { code: direct } = await chainHub.chain.newEnrolmentCode('sh-01')
    const request = { hubUrl: chainHub.url, enrolmentCode: direct }
    expect(await dispatch('chainLink.enrol', request, shTill.session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(
      await dispatch('chainLink.enrol', { ...request, enrolmentCode: 'WRNG-CODE' }, manager)
    ).toMatchObject({
      ok: false,
      error: { code: 'CHAIN_ENROLMENT_REFUSED', details: { hubCode: 'ENROLMENT_CODE_INVALID' } }
    })
    const enrolled = await dispatch('chainLink.enrol', request, manager)
    expect(enrolled).toMatchObject({
      ok: true,
      value: { storeId: 'sh-01', storeName: '上海一店', hubUrl: chainHub.url }
    })
    expect(JSON.stringify(enrolled)).not.toContain('hxc_')
    expect(JSON.stringify(shTill.station.db.prepare('SELECT * FROM chain_link').all())).not.toContain('hxc_')
    const audit = shTill.station.db
      .prepare(`SELECT actor_name FROM audit_log WHERE action = 'chainLink.enrolled'`)
      .all()
    expect(audit).toEqual([{ actor_name: shTill.manager.name }])

    // Through the store hub: same request, same answer, the chain hub's credential.
    const { code: viaStore } = await chainHub.chain.newEnrolmentCode('hz-01')
    const overview = await hzTill.station.services.chainLink.enrol(storeHub.url, viaStore)
    expect(overview).toMatchObject({ storeId: 'hz-01', hubUrl: storeHub.url })
    const tills = await chainHub.store.pool.query(
      'SELECT till_id, store_id FROM chain_tills ORDER BY store_id'
    )
    expect(tills.rows).toEqual([
      { till_id: tillIdOf(hzTill), store_id: 'hz-01' },
      { till_id: tillIdOf(shTill), store_id: 'sh-01' }
    ])
  })

  it('both tills drain to the chain hub: its redemptions are their ledgers, acked == last seq, the duplicate reaches both', async () => {
    await redeem(shTill, 'CASH_NO_THRESHOLD')
    await redeem(shTill, 'GIFT')
    const voided = await redeem(shTill, 'GENERAL_COUPON')
    if (voided.redemption.status === 'pending')
      shTill.station.services.redemptions.voidRedemption(voided.redemption.id, '顾客取消', shTill.manager)
    // The same coupon at the other store: a planted cross-store duplicate.
    await redeem(hzTill, 'CASH_NO_THRESHOLD')
    await redeem(hzTill, 'GROUPON')

    shTill.station.services.chainLink.start()
    hzTill.station.services.chainLink.start()
    await until(
      () =>
        laneMeta(shTill).ackedSeq === laneMeta(shTill).lastSeq &&
        laneMeta(hzTill).ackedSeq === laneMeta(hzTill).lastSeq,
      'both lanes drained'
    )
    for (const t of [shTill, hzTill]) {
      expect(await hubLedgerOf(tillIdOf(t))).toEqual(ledgerOf(t))
      expect(Object.keys(ledgerOf(t)).length).toBeGreaterThanOrEqual(2)
      const cursor = await chainHub.store.pool.query('SELECT acked_seq FROM till_cursor WHERE till_id = $1', [
        tillIdOf(t)
      ])
      expect(cursor.rows[0]).toEqual({ acked_seq: laneMeta(t).lastSeq })
      expect(t.station.db.prepare('SELECT count(*) AS n FROM chain_lane').get()).toEqual({ n: 0 })
    }
    const dups = await chainHub.store.pool.query<{ first_till_id: string; second_till_id: string }>(
      'SELECT first_till_id, second_till_id FROM chain_duplicates'
    )
    expect(dups.rows).toHaveLength(1)
    expect(new Set([dups.rows[0]!.first_till_id, dups.rows[0]!.second_till_id])).toEqual(
      new Set([tillIdOf(shTill), tillIdOf(hzTill)])
    )
    // Each till gets it on its next batch or idle poll, stores it, and says so; then the hub stops sending it.
    await until(
      () =>
        shTill.station.services.chainLink.conflicts(10).length === 1 &&
        hzTill.station.services.chainLink.conflicts(10).length === 1,
      'the duplicate at both tills'
    )
    const atSh = shTill.station.services.chainLink.conflicts(10)[0]!
    expect(atSh.code).toBe(code('CASH_NO_THRESHOLD'))
    expect([atSh.first.storeName, atSh.second.storeName].sort()).toEqual(['上海一店', '杭州一店'])
    expect(atSh.first.cashierName).toBe('李娜')
    await until(async () => {
      const seen = await chainHub.store.pool.query(
        'SELECT 1 FROM chain_duplicates WHERE first_seen_at IS NOT NULL AND second_seen_at IS NOT NULL'
      )
      return seen.rowCount === 1
    }, 'both tills reported the duplicate as stored')
    // On the manager's conflicts page ("redeemed at two tills"), naming the other store and till.
    const listed = shTill.station.services.reports.crossTillConflicts(10)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({
      code: code('CASH_NO_THRESHOLD'),
      holder: { tillName: '杭州一店 杭州1号机' }
    })
    const dispatch = createDispatcher(hzTill.station.handlers)
    const manager = new Session('m')
    manager.signIn(hzTill.manager)
    expect(await dispatch('chainLink.conflicts', { limit: 10 }, manager)).toMatchObject({
      ok: true,
      value: [{ code: code('CASH_NO_THRESHOLD') }]
    })
  }, 60_000)

  it('an answer lost on the way back: the same batch again changes no counts', async () => {
    const t = shTill
    await t.station.services.chainLink.stop()
    await redeem(t, 'NO_STACKING')
    const before = await counts(chainHub.store.pool)
    let calls = 0
    // A second sender on the same lane whose first answer is lost after the hub committed it.
    const lossy = new ChainLink({
      db: t.station.db,
      now: Date.now,
      token: { get: () => secretOf(t), set: () => undefined },
      identity: () => ({ tillId: tillIdOf(t), tillName: 'x' }),
      fetch: async (input, init) => {
        const res = await fetch(input, init)
        if (String(input).includes('/v1/events') && calls++ === 0) throw new Error('connection reset')
        return res
      }
    })
    const first = await lossy.drain()
    expect(first.waiting).toBeGreaterThan(0)
    expect(first.lastError).toBe('UNREACHABLE')
    const second = await lossy.drain()
    expect(second).toMatchObject({ waiting: 0, status: 'connected' })
    const after = await counts(chainHub.store.pool)
    expect(after.redemptions - before.redemptions).toBe(1)
    // Every seq of the till once at the hub, no more.
    const held = await chainHub.store.pool.query<{ n: number; max: number }>(
      'SELECT count(*)::int AS n, max(seq) AS max FROM till_events WHERE till_id = $1',
      [tillIdOf(t)]
    )
    expect(held.rows[0]).toEqual({ n: laneMeta(t).lastSeq, max: laneMeta(t).lastSeq })
    expect(await hubLedgerOf(tillIdOf(t))).toEqual(ledgerOf(t))
  }, 30_000)

  it('with the chain hub unreachable the counter and the WeChat lane go on; the events wait, then drain', async () => {
    const t = hzTill
    // Its store hub's address stops answering (a closed port), as when the store's uplink is down.
    t.station.db.prepare('UPDATE chain_link SET hub_url = ?').run('http://127.0.0.1:9')
    const started = Date.now()
    const done = await redeem(t, 'GIFT') // also redeemed in Shanghai: a second, real duplicate
    expect(Date.now() - started).toBeLessThan(5_000)
    // The WeChat lane did its part at once (the training sandbox consumed it): it does not wait for the chain.
    expect(done.redemption.status).toBe('synced')
    await until(() => t.station.services.chainLink.overview().status === 'degraded', 'degraded')
    expect(t.station.services.chainLink.overview().waiting).toBeGreaterThan(0)
    expect(t.station.services.chainLink.overview().lastError).toBe('UNREACHABLE')
    // The store hub answers again.
    t.station.db.prepare('UPDATE chain_link SET hub_url = ?').run(storeHub.url)
    await until(
      () => t.station.services.chainLink.overview().waiting === 0,
      'drained after the hub came back'
    )
    expect(await hubLedgerOf(tillIdOf(t))).toEqual(ledgerOf(t))
    // No false positives: the duplicates are exactly the codes live at both stores, each found once.
    const live = (x: TestStation) =>
      new Set(
        (
          x.station.db.prepare(`SELECT code FROM redemptions WHERE status <> 'voided'`).all() as Array<{
            code: string
          }>
        ).map((r) => r.code)
      )
    const both = [...live(shTill)].filter((c) => live(hzTill).has(c)).sort()
    const found = await chainHub.store.pool.query<{ code: string }>(
      'SELECT code FROM chain_duplicates ORDER BY code'
    )
    expect(found.rows.map((r) => r.code)).toEqual(both)
    expect(both).toHaveLength(2)
  }, 60_000)
})

describe('the sender under load and failures', () => {
  it('never retries a 429 before its Retry-After; errors back off with full jitter up to the cap', async () => {
    const t = shTill
    await t.station.services.chainLink.stop()
    // A second ingest process on the chain hub's database that is always full.
    const d = chainHub.database
    const busy = await startHub({
      dataDir: hubDataDir(),
      databaseUrl: `postgres://${d.user}:${encodeURIComponent(String(d.password))}@${d.host}:${d.port}/${d.database}`,
      log: () => {},
      chain: { maxConcurrent: 0, retryAfterS: 1 }
    })
    const hubUrl = (t.station.db.prepare('SELECT hub_url FROM chain_link').get() as { hub_url: string })
      .hub_url
    try {
      t.station.db.prepare('UPDATE chain_link SET hub_url = ?').run(busy.url)
      await redeem(t, 'GROUPON') // also redeemed in Hangzhou: a third real duplicate once it drains
      const sent: number[] = []
      const link = new ChainLink({
        db: t.station.db,
        now: Date.now,
        token: { get: () => secretOf(t), set: () => undefined },
        identity: () => ({ tillId: tillIdOf(t), tillName: 'x' }),
        random: () => 0, // the earliest a 429 allows
        pollMs: 10,
        fetch: (input, init) => {
          if (String(input).includes('/v1/events')) sent.push(Date.now())
          return fetch(input, init)
        }
      })
      link.start()
      await until(() => sent.length >= 3, 'three attempts')
      await link.stop()
      expect(link.overview()).toMatchObject({ lastError: 'BUSY' })
      for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(990)

      // Errors: the wait is uniform in [0, min(cap, base * 2^failures)].
      t.station.db.prepare('UPDATE chain_link SET hub_url = ?').run('http://127.0.0.1:9')
      let r = 1
      const down = new ChainLink({
        db: t.station.db,
        now: Date.now,
        token: { get: () => secretOf(t), set: () => undefined },
        identity: () => ({ tillId: tillIdOf(t), tillName: 'x' }),
        backoffBaseMs: 100,
        backoffMaxMs: 1_000,
        random: () => r
      })
      const ceilings: number[] = []
      for (let i = 0; i < 6; i++) {
        await down.drain()
        ceilings.push(down.backoffMs())
      }
      expect(ceilings).toEqual([200, 400, 800, 1000, 1000, 1000])
      r = 0.25
      expect(down.backoffMs()).toBe(250)
    } finally {
      t.station.db.prepare('UPDATE chain_link SET hub_url = ?').run(hubUrl)
      await busy.stop()
    }
    await t.station.services.chainLink.drain()
    expect(t.station.services.chainLink.overview().waiting).toBe(0)
    expect(await hubLedgerOf(tillIdOf(t))).toEqual(ledgerOf(t))
  }, 60_000)
})

function secretOf(t: TestStation): string {
  // The node-host secret store of the training station (src/main/setup/secrets.ts).
  const file = JSON.parse(readFileSync(join(t.station.dataDir, 'live', 'secrets.json'), 'utf8')) as Record<
    string,
    string
  >
  return file['chainHub.token']!
}
