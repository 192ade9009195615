/**
 * The second half of the store hub (docs/hub.md § Store policy, § The store's day), with a real hub (its own
 * embedded PostgreSQL, HTTP and WebSocket on loopback) and two real training stations:
 * - the store's policy set by a manager at one till, pushed to the other, cached in SQLite, and enforced in
 *   degraded mode (above the limit refused, nothing committed; at or below committed "not checked");
 * - plain codes claimed under one key whatever card a till names (custom codes stay keyed by their card);
 * - the whole store's day by till, built from the mirror, with its CSV and XLSX;
 * - a cross-till conflict marked resolved by a manager, with a note, audited, kept in history.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHub, type RunningHub } from '../../src/hub/hub'
import { writeIdentity, readIdentity } from '../../src/main/config/identity'
import { createDispatcher } from '../../src/main/ipc/dispatcher'
import { openStation } from '../../src/main/station/station'
import { Session } from '../../src/main/ipc/session'
import { produceStoreDayExport } from '../../src/main/reports/export/storeDayExport'
import { storeDayRows } from '../../src/main/reports/storeDay'
import { trainingSeed } from '../../src/main/upstream/sandbox'
import { PLAIN_CODE_CARD_ID } from '../../src/shared/hub/protocol'
import type { RedeemResult } from '../../src/shared/redeem'
import type { StoreDayView } from '../../src/shared/storeDay'
import type { AppFailure } from '../../src/shared/result'
import { businessDayOf } from '../../src/shared/time'
import { hubDataDir, removeHubDataDirs } from '../hub/support'
import { trainingStation, type TestStation } from '../support/station'

const STORE = 'store-9'
const seed = trainingSeed(Date.now())
const code = (key: string) => seed.scenarios.find((s) => s.key === key)!.code

let hubDir: string
let hub: RunningHub
let till1: TestStation
let till2: TestStation

async function openTill(name: string): Promise<TestStation> {
  const t = await trainingStation({ background: false, storeLink: { claimDeadlineMs: 300, retryMs: 100 } })
  writeIdentity(t.station.db, { ...readIdentity(t.station.db, 'training'), stationName: name })
  expect((await t.station.services.cards.refresh()).ok).toBe(true)
  const { code: pairingCode } = await hub.store.newPairingCode()
  await t.station.services.storeLink.pair(hub.url, pairingCode, STORE)
  t.station.services.storeLink.start()
  return t
}

const lookup = (t: TestStation, raw: string, device: string) =>
  t.station.services.redemptions.lookup({ source: 'manual', device, raw }, t.cashier, t.session.id)

const commit = (t: TestStation, lookupId: string): Promise<RedeemResult> =>
  t.station.services.redemptions.commit(
    { lookupId, otherDiscount: false, confirmWarnings: true },
    t.cashier,
    t.session.id
  )

function managerOf(t: TestStation) {
  const dispatch = createDispatcher(t.station.handlers)
  const manager = new Session('manager-screen')
  manager.signIn(t.manager)
  return { dispatch, manager }
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const connected = () =>
  till1.station.services.storeLink.state().status === 'connected' &&
  till2.station.services.storeLink.state().status === 'connected'

const audits = (t: TestStation, action: string) =>
  t.station.db
    .prepare('SELECT actor_name, subject, detail_json FROM audit_log WHERE action = ?')
    .all(action) as {
    actor_name: string
    subject: string
    detail_json: string
  }[]

beforeAll(async () => {
  hubDir = hubDataDir()
  hub = await startHub({ dataDir: hubDir, storeId: STORE, log: () => undefined })
  till1 = await openTill('1号机')
  till2 = await openTill('2号机')
  await until(connected, 'both feeds')
}, 120_000)

afterAll(async () => {
  await till1?.station.close()
  await till2?.station.close()
  await hub?.stop()
  removeHubDataDirs()
})

describe('plain codes at the hub', () => {
  it('two tills naming different cards for one plain code: the second is told DUPLICATE', async () => {
    const plain = `PLAIN-${randomUUID().slice(0, 8)}`
    const claim = (t: TestStation, cardId: string, plainCode: boolean, c = plain) =>
      t.station.services.storeLink.claim({
        redemptionId: randomUUID(),
        cardId,
        plainCode,
        code: c,
        cashier: { id: t.cashier.staffId, name: t.cashier.name },
        amountFen: 1000,
        at: Date.now()
      })
    expect(await claim(till1, 'pCardOfferA', true)).toEqual({ kind: 'granted' })
    const second = await claim(till2, 'pCardOfferB', true)
    expect(second).toMatchObject({
      kind: 'duplicate',
      holder: { tillName: '1号机', cashierName: till1.cashier.name }
    })
    const atHub = await hub.store.pool.query<{ card_id: string }>(
      'SELECT card_id FROM claims WHERE code = $1',
      [plain]
    )
    expect(atHub.rows).toEqual([{ card_id: PLAIN_CODE_CARD_ID }])
    // Custom codes are unique only within their card: the same text under two cards is two coupons.
    const custom = `CUSTOM-${randomUUID().slice(0, 8)}`
    expect(await claim(till1, 'pCustomA', false, custom)).toEqual({ kind: 'granted' })
    expect(await claim(till2, 'pCustomB', false, custom)).toEqual({ kind: 'granted' })
    expect(await claim(till2, 'pCustomA', false, custom)).toMatchObject({ kind: 'duplicate' })
    // These claims never reach a ledger: release them. A grant waits in memory (the row stays 'intent') until the
    // ledger commits, so both states are this test's to abandon.
    for (const t of [till1, till2])
      for (const row of t.station.db
        .prepare(`SELECT redemption_id FROM store_claims WHERE state IN ('intent', 'granted')`)
        .all() as { redemption_id: string }[])
        t.station.services.storeLink.abandoned(row.redemption_id)
    await until(
      () =>
        till1.station.services.storeLink.state().waiting +
          till2.station.services.storeLink.state().waiting ===
        0,
      'releases'
    )
  })

  it('a real redemption of a plain code is claimed under the plain key, its card kept at the till', async () => {
    const found = await lookup(till1, code('GIFT'), 'p1')
    const done = await commit(till1, found.lookupId)
    const atHub = await hub.store.pool.query<{ card_id: string }>(
      'SELECT card_id FROM claims WHERE redemption_id = $1',
      [done.redemption.id]
    )
    expect(atHub.rows).toEqual([{ card_id: PLAIN_CODE_CARD_ID }])
    const local = till1.station.db
      .prepare('SELECT card_id, key_card_id FROM store_claims WHERE redemption_id = ?')
      .get(done.redemption.id) as { card_id: string; key_card_id: string }
    expect(local).toEqual({ card_id: found.card?.kind === 'card' ? found.card.cardId : '', key_card_id: '*' })
  })
})

describe("the store's policy for degraded mode", () => {
  it('is set by a manager at till 1 through the hub, reaches till 2, and is audited', async () => {
    const one = managerOf(till1)
    const before = till2.station.services.storeLink.policy()
    expect(before).toMatchObject({ unverifiedLimitFen: null, version: 0 })
    expect(
      await one.dispatch('storeLink.setPolicy', { unverifiedLimitFen: 600, baseVersion: 0 }, till1.session)
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const bad of [-1, 1.5, '600'])
      expect(
        await one.dispatch('storeLink.setPolicy', { unverifiedLimitFen: bad, baseVersion: 0 }, one.manager)
      ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    const set = await one.dispatch(
      'storeLink.setPolicy',
      { unverifiedLimitFen: 600, baseVersion: 0 },
      one.manager
    )
    expect(set).toMatchObject({
      ok: true,
      value: {
        policy: { unverifiedLimitFen: 600, version: 1, setByName: till1.manager.name, setByTillName: '1号机' }
      }
    })
    await until(() => till2.station.services.storeLink.policy().version === 1, 'the policy at till 2')
    expect(till2.station.services.storeLink.overview().policy).toMatchObject({ unverifiedLimitFen: 600 })
    const entry = audits(till1, 'storeLink.policySet')
    expect(entry).toHaveLength(1)
    expect(entry[0]?.actor_name).toBe(till1.manager.name)
    expect(JSON.parse(entry[0]!.detail_json)).toMatchObject({
      unverifiedLimitFen: 600,
      beforeLimitFen: null,
      version: 1
    })

    // A manager at till 2 who still saw version 0 is refused and shown the new one; nothing changes.
    const two = managerOf(till2)
    expect(
      await two.dispatch('storeLink.setPolicy', { unverifiedLimitFen: null, baseVersion: 0 }, two.manager)
    ).toMatchObject({ ok: false, error: { code: 'STORE_POLICY_STALE' } })
    expect(till2.station.services.storeLink.policy()).toMatchObject({ unverifiedLimitFen: 600, version: 1 })
    expect(audits(till2, 'storeLink.policySet')).toHaveLength(0)
  })

  it('with the hub silent: above the limit refused (nothing committed), at or below committed unchecked', async () => {
    const port = hub.port
    await hub.stop()
    await until(() => till2.station.services.storeLink.state().status === 'degraded', 'till 2 degraded')
    // The cached policy is what decides: the hub cannot be asked.
    expect(till2.station.services.storeLink.policy().unverifiedLimitFen).toBe(600)

    const big = await lookup(till2, code('CASH_NO_THRESHOLD'), 'x1')
    expect(big.decision?.outcome).toBe('OK')
    const failure = (await commit(till2, big.lookupId).catch((err: unknown) => err)) as AppFailure
    expect(failure.code).toBe('STORE_UNCHECKED_OVER_LIMIT')
    expect(failure.details).toEqual({ amount: '¥10.00', limit: '¥6.00' })
    expect(till2.station.services.ledger.recent(50).some((r) => r.code === code('CASH_NO_THRESHOLD'))).toBe(
      false
    )
    const refused = audits(till2, 'storeLink.uncheckedRefused')
    expect(refused).toHaveLength(1)
    expect(refused[0]?.actor_name).toBe(till2.cashier.name)
    expect(JSON.parse(refused[0]!.detail_json)).toMatchObject({ amountFen: 1000, limitFen: 600 })

    const small = await lookup(till2, code('NO_STACKING'), 'x2')
    expect(small.decision?.outcome).toBe('OK')
    const done = await commit(till2, small.lookupId)
    expect(done.redemption.discountFen).toBeLessThanOrEqual(600)
    expect(done.redemption.storeUnchecked).toBe(true)

    hub = await startHub({ dataDir: hubDir, storeId: STORE, port, log: () => undefined })
    await till2.station.services.storeLink.flush()
    expect(till2.station.services.storeLink.state().waiting).toBe(0)
    // The refused claim never held the code at the hub; the small one is there.
    const atHub = await hub.store.pool.query<{ status: string }>(
      'SELECT status FROM claims WHERE redemption_id = $1',
      [done.redemption.id]
    )
    expect(atHub.rows[0]?.status).toBe('completed')
    const held = await hub.store.pool.query('SELECT 1 FROM code_holds WHERE code = $1', [
      code('CASH_NO_THRESHOLD')
    ])
    expect(held.rowCount).toBe(0)
    await until(connected, 'both feeds again')
  }, 60_000)

  it('0 refuses every unchecked redemption; null lifts the limit again', async () => {
    const one = managerOf(till1)
    const version = till1.station.services.storeLink.policy().version
    const zero = await one.dispatch(
      'storeLink.setPolicy',
      { unverifiedLimitFen: 0, baseVersion: version },
      one.manager
    )
    expect(zero).toMatchObject({ ok: true, value: { policy: { unverifiedLimitFen: 0 } } })
    await until(() => till2.station.services.storeLink.policy().unverifiedLimitFen === 0, 'zero at till 2')
    const none = await one.dispatch(
      'storeLink.setPolicy',
      { unverifiedLimitFen: null, baseVersion: version + 1 },
      one.manager
    )
    expect(none).toMatchObject({
      ok: true,
      value: { policy: { unverifiedLimitFen: null, version: version + 2 } }
    })
    await until(
      () => till2.station.services.storeLink.policy().unverifiedLimitFen === null,
      'no limit at till 2'
    )
  })
})

describe("the store's day on a paired till", () => {
  it('lists every till with its redemptions and cashiers; voided apart; the same at both tills', async () => {
    // Till 1 (GIFT from the plain-code test) also redeems GENERAL_COUPON, kept pending (WeChat cut after a first
    // online look-up told it the card), so the manager can void it: a voided one is listed apart.
    expect((await lookup(till1, code('GENERAL_COUPON'), 'd1')).connectivity).toBe('online')
    till1.station.sandbox!.startPartition('refuse')
    const general = await commit(till1, (await lookup(till1, code('GENERAL_COUPON'), 'd2')).lookupId)
    till1.station.services.redemptions.voidRedemption(general.redemption.id, 'test', till1.manager)
    till1.station.sandbox!.heal()
    await until(
      () =>
        till1.station.services.storeLink.state().waiting +
          till2.station.services.storeLink.state().waiting ===
        0,
      'everything at the hub'
    )
    const mirrored = (t: TestStation) =>
      (
        t.station.db.prepare(`SELECT count(*) AS n FROM store_mirror WHERE status = 'voided'`).get() as {
          n: number
        }
      ).n
    await until(() => mirrored(till1) === 1 && mirrored(till2) === 1, 'the void in both mirrors')

    const zone = till1.station.services.reports.today().timeZone
    const today = till1.station.services.reports.today().businessDay
    expect(businessDayOf(Date.now(), zone)).toBe(today)
    const one = managerOf(till1)
    const answer = await one.dispatch('storeLink.storeDay', { businessDay: today }, one.manager)
    if (!answer.ok) throw new Error(JSON.stringify(answer))
    const view = { value: answer.value as StoreDayView }
    const expected = (t: TestStation) => {
      const rows = t.station.services.ledger.recent(100).filter((r) => r.status !== 'voided')
      return { count: rows.length, discountFen: rows.reduce((n, r) => n + r.discount_fen, 0) }
    }
    const [t1, t2] = view.value.tills
    expect(view.value.tills.map((t) => t.tillName)).toEqual(['1号机', '2号机'])
    expect(t1).toMatchObject({ thisTill: true, ...expected(till1), voidedCount: 1, held: 0 })
    expect(t1?.voidedFen).toBe(general.redemption.discountFen)
    expect(t2).toMatchObject({ thisTill: false, ...expected(till2), voidedCount: 0 })
    expect(t1?.cashiers).toEqual([{ cashierName: till1.cashier.name, ...expected(till1) }])
    expect(view.value.total).toEqual({
      count: expected(till1).count + expected(till2).count,
      discountFen: expected(till1).discountFen + expected(till2).discountFen,
      voidedCount: 1,
      voidedFen: general.redemption.discountFen
    })
    expect(view.value).toMatchObject({ storeId: STORE, timeZone: zone, waiting: 0 })
    // Till 2 sees the same store (only "this till" differs).
    const two = managerOf(till2)
    const otherAnswer = await two.dispatch('storeLink.storeDay', { businessDay: today }, two.manager)
    if (!otherAnswer.ok) throw new Error(JSON.stringify(otherAnswer))
    const other = { value: otherAnswer.value as StoreDayView }
    expect(other.value.tills.map((t) => [t.tillName, t.thisTill, t.count, t.discountFen])).toEqual(
      view.value.tills.map((t) => [t.tillName, !t.thisTill, t.count, t.discountFen])
    )
    // A cashier may not read it; another day is empty; a bad day is refused.
    expect(await one.dispatch('storeLink.storeDay', { businessDay: today }, till1.session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    const empty = await one.dispatch('storeLink.storeDay', { businessDay: '2024-01-01' }, one.manager)
    expect(empty).toMatchObject({ ok: true, value: { tills: [], total: { count: 0, discountFen: 0 } } })
    expect(
      await one.dispatch('storeLink.storeDay', { businessDay: '2026-02-30' }, one.manager)
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
    // The export channel answers a one-time link in the Node host.
    const exported = await one.dispatch(
      'storeLink.storeDayExport',
      { businessDay: today, format: 'csv', lang: 'zh-CN' },
      one.manager
    )
    expect(exported).toMatchObject({
      ok: true,
      value: { fileName: `全店核销_${today}_培训.csv`, delivery: { kind: 'download' } }
    })
  })

  it('exports the store day as CSV (BOM, CRLF, codes as text) and XLSX (by till, then the rows)', async () => {
    const reports = till1.station.services.reports
    const today = reports.today().businessDay
    const view = reports.storeDay(today)
    const rows = storeDayRows(till1.station.db, today, till1.station.services.settings.store())
    expect(rows.length).toBe(view.total.count + view.total.voidedCount)
    const dir = mkdtempSync(join(tmpdir(), 'hexiao-storeday-'))
    const ctx = { exportsDir: dir, mode: 'training', storeName: '测试门店' }

    const csv = await produceStoreDayExport(view, rows, { format: 'csv', lang: 'zh-CN' }, ctx)
    const bytes = readFileSync(csv.file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('收银台,收银员,核销时间,券码,优惠（元）,状态')
    expect(lines.filter((l) => l.length > 0)).toHaveLength(rows.length + 1)
    expect(lines.some((l) => l.startsWith('1号机,') && l.includes(`="${code('GIFT')}"`))).toBe(true)
    expect(lines.some((l) => l.endsWith(',已撤销'))).toBe(true)
    expect(csv.rows).toBe(rows.length)

    const xlsx = await produceStoreDayExport(view, rows, { format: 'xlsx', lang: 'en' }, ctx)
    expect(xlsx.fileName).toBe(`store-day_${today}_TRAINING.xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsx.file)
    expect(book.worksheets.map((w) => w.name)).toEqual(['By till', 'Redemptions'])
    const byTill = book.worksheets[0]!
    const tillRows: unknown[][] = []
    byTill.eachRow((row) => tillRows.push((row.values as unknown[]).slice(1)))
    expect(tillRows[0]).toEqual([`Whole store, business day ${today} (TRAINING)`])
    const t1 = view.tills[0]!
    expect(tillRows).toContainEqual([
      '1号机',
      t1.count,
      t1.discountFen / 100,
      t1.held,
      t1.voidedCount,
      t1.voidedFen / 100
    ])
    expect(tillRows.at(-1)?.[0]).toBe('Store total')
    expect(tillRows.at(-1)?.[2]).toBe(view.total.discountFen / 100)
    expect(book.worksheets[1]!.rowCount).toBe(rows.length + 1)
  })
})

describe('a cross-till conflict marked resolved', () => {
  it('by a manager with a note: audited, gone from the open queue, kept in history, once', async () => {
    // Both tills redeem GROUPON while the hub is stopped; when it returns, till 2's claim is a conflict.
    const port = hub.port
    await hub.stop()
    await until(
      () =>
        till1.station.services.storeLink.state().status === 'degraded' &&
        till2.station.services.storeLink.state().status === 'degraded',
      'degraded'
    )
    const r1 = await commit(till1, (await lookup(till1, code('GROUPON'), 'g1')).lookupId)
    const r2 = await commit(till2, (await lookup(till2, code('GROUPON'), 'g2')).lookupId)
    // Till 1's queue first: till 2's link waits (stopped) so its own retries cannot win the race to the hub.
    await till2.station.services.storeLink.stop()
    hub = await startHub({ dataDir: hubDir, storeId: STORE, port, log: () => undefined })
    await till1.station.services.storeLink.flush()
    till2.station.services.storeLink.start()
    await till2.station.services.storeLink.flush()
    const two = managerOf(till2)
    const open = await two.dispatch('storeLink.conflicts', { limit: 50 }, two.manager)
    expect(open).toMatchObject({
      ok: true,
      value: [
        { redemptionId: r2.redemption.id, holder: { redemptionId: r1.redemption.id }, resolution: null }
      ]
    })
    const resolve = (redemptionId: string, note: string, session = two.manager) =>
      two.dispatch('storeLink.resolveConflict', { redemptionId, note }, session)
    expect(await resolve(r2.redemption.id, '顾客补付', till2.session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await resolve(r2.redemption.id, '   ')).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
    const noConflict = till2.station.db
      .prepare(`SELECT redemption_id FROM store_claims WHERE state = 'committed' LIMIT 1`)
      .get() as { redemption_id: string }
    expect(await resolve(noConflict.redemption_id, 'x')).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_CONFLICT' }
    })
    expect(audits(till2, 'storeLink.conflictResolved')).toHaveLength(0)

    const done = await resolve(r2.redemption.id, '顾客已现金补付 15 元')
    expect(done).toMatchObject({
      ok: true,
      value: {
        redemptionId: r2.redemption.id,
        resolution: { note: '顾客已现金补付 15 元', resolvedByName: till2.manager.name }
      }
    })
    expect(await two.dispatch('storeLink.conflicts', { limit: 50 }, two.manager)).toMatchObject({
      ok: true,
      value: []
    })
    expect(
      await two.dispatch('storeLink.conflicts', { limit: 50, state: 'resolved' }, two.manager)
    ).toMatchObject({
      ok: true,
      value: [{ redemptionId: r2.redemption.id, resolution: { note: '顾客已现金补付 15 元' } }]
    })
    expect(await resolve(r2.redemption.id, 'again')).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_RESOLVED' }
    })
    const entry = audits(till2, 'storeLink.conflictResolved')
    expect(entry).toHaveLength(1)
    expect(entry[0]).toMatchObject({ actor_name: till2.manager.name, subject: r2.redemption.id })
    expect(JSON.parse(entry[0]!.detail_json)).toMatchObject({
      otherTill: '1号机',
      note: '顾客已现金补付 15 元'
    })
    // The claim and the ledger are untouched: it stays a collision, the redemption stays counted.
    const claim = till2.station.db
      .prepare('SELECT state FROM store_claims WHERE redemption_id = ?')
      .get(r2.redemption.id) as { state: string }
    expect(claim.state).toBe('collision')
    await until(connected, 'both feeds again')
  }, 60_000)
})

describe('the cached policy', () => {
  it('survives a restart of the till while the hub is down (it lives in SQLite)', async () => {
    const one = managerOf(till1)
    const version = till1.station.services.storeLink.policy().version
    const set = await one.dispatch(
      'storeLink.setPolicy',
      { unverifiedLimitFen: 1234, baseVersion: version },
      one.manager
    )
    expect(set).toMatchObject({ ok: true })
    await until(
      () => till2.station.services.storeLink.policy().unverifiedLimitFen === 1234,
      'the policy at till 2'
    )
    await hub.stop()
    const dataDir = till2.station.dataDir
    await till2.station.close()
    const reopened = openStation({
      dataDir,
      runtime: 'node-host',
      mode: 'training',
      background: false,
      storeLink: { claimDeadlineMs: 300, retryMs: 100 }
    })
    till2 = { ...till2, station: reopened }
    reopened.services.storeLink.start()
    expect(reopened.services.storeLink.policy()).toMatchObject({
      unverifiedLimitFen: 1234,
      version: version + 1,
      setByTillName: '1号机'
    })
    expect(reopened.services.storeLink.state().status).toBe('degraded')
  })
})
