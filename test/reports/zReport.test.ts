/**
 * Z reports: numbered in close order, a day closes once, the stored report cannot be changed by the app and
 * an edit behind its back is caught (hash, audit chain, ledger digest), open items are listed without
 * blocking, and what happens to a closed day's items afterwards is reported "after close" on the next report.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyZReport } from '../../src/main/reports/zReport'
import { verifyAuditChain } from '../../src/main/audit/audit'
import { businessDayRange } from '../../src/shared/time'
import { trainingStation, type TestStation, reportsAt } from '../support/station'
import { writeRedemption } from './support/ledger'

let t: TestStation
afterEach(async () => {
  await t.station.close()
})

const ZONE = 'Asia/Shanghai'
const noon = (day: string) => businessDayRange(day, ZONE, 240).start + 8 * 3_600_000
let clock = 0

async function setUp() {
  t = await trainingStation({ background: false })
  clock = noon('2026-11-25')
  const reports = reportsAt(t.station, () => clock)
  const by = t.manager
  return { reports, by, db: t.station.db }
}

describe('closing a day', () => {
  it('numbers reports in close order, refuses a second close and a day that has not begun', async () => {
    const { reports, by } = await setUp()
    writeRedemption(
      t.station.db,
      { code: '1', at: noon('2026-11-22'), business_day: '2026-11-22' },
      { status: 'synced' }
    )
    const first = await reports.closeDay('2026-11-22', by)
    expect(first.report.body.number).toBe(1)
    expect(first.report.body.totals.count).toBe(1)
    clock += 1000
    const second = await reports.closeDay('2026-11-21', by)
    expect(second.report.body.number).toBe(2)
    await expect(reports.closeDay('2026-11-22', by)).rejects.toMatchObject({
      code: 'DAY_ALREADY_CLOSED',
      details: { number: 1 }
    })
    await expect(reports.closeDay('2026-11-26', by)).rejects.toMatchObject({ code: 'DAY_NOT_STARTED' })
    expect(reports.zList(10).map((z) => [z.number, z.businessDay])).toEqual([
      [2, '2026-11-21'],
      [1, '2026-11-22']
    ])
    // Both closes are in the audit chain, which still verifies.
    const closes = t.station.db
      .prepare(`SELECT subject FROM audit_log WHERE action = 'day.closed' ORDER BY id`)
      .all()
    expect(closes).toEqual([{ subject: 'z-report:1' }, { subject: 'z-report:2' }])
    expect(verifyAuditChain(t.station.db).ok).toBe(true)
  })

  it('carries the same figures as the day report, and takes a verified backup', async () => {
    const { reports, by } = await setUp()
    const day = '2026-11-24'
    writeRedemption(
      t.station.db,
      { code: '11', at: noon(day), business_day: day, discount_fen: 500 },
      { status: 'synced' }
    )
    writeRedemption(
      t.station.db,
      { code: '12', at: noon(day) + 1, business_day: day, discount_fen: 700 },
      { status: 'voided' }
    )
    const closed = await reports.closeDay(day, by)
    const figures = reports.day({ from: day, to: day })
    expect(closed.report.body.totals).toEqual(figures.totals)
    expect(closed.report.body.byCard).toEqual(figures.byCard)
    expect(closed.report.body.voided.discountFen).toBe(700)
    expect(closed.report.body.rows.count).toBe(2)
    expect(closed.report.check).toMatchObject({ hashOk: true, auditOk: true, rowsOk: true })
    expect(closed.backup.ok).toBe(true)
    if (closed.backup.ok) {
      expect(closed.backup.backup.reason).toBe('day_close')
      expect(existsSync(join(t.station.services.backups.dir, closed.backup.backup.file))).toBe(true)
    }
    expect(figures.closed).toEqual([
      { businessDay: day, number: 1, closedAt: clock, count: 1, discountFen: 500 }
    ])
  })

  it('lists pending, conflicting and rejected items prominently but closes anyway', async () => {
    const { reports, by } = await setUp()
    const day = '2026-11-23'
    const pending = writeRedemption(
      t.station.db,
      { code: '21', at: noon(day), business_day: day },
      { status: 'pending', stale: true }
    )
    const conflict = writeRedemption(
      t.station.db,
      { code: '22', at: noon(day) + 1, business_day: day },
      { status: 'conflict' }
    )
    const resolved = writeRedemption(
      t.station.db,
      { code: '23', at: noon(day) + 2, business_day: day },
      { status: 'rejected' }
    )
    writeRedemption(t.station.db, { code: '24', at: noon(day) + 3, business_day: day }, { status: 'synced' })
    reports.resolve({ redemptionId: resolved.id, outcome: 'written_off', note: '顾客已离开' }, by)
    const closed = await reports.closeDay(day, by)
    expect(closed.report.body.openItems.map((i) => [i.redemptionId, i.status, i.stale])).toEqual([
      [pending.id, 'pending', true],
      [conflict.id, 'conflict', false]
    ])
    expect(closed.report.body.totals.count).toBe(4)
  })
})

describe('closing before the cut-off', () => {
  it('needs the manager to confirm; later redemptions of the day are "after close" on the next report', async () => {
    const { reports, by, db } = await setUp()
    const day = '2026-11-25' // today: the clock is at its noon, the day runs until 04:00 tomorrow
    writeRedemption(db, { code: '61', at: clock - 1000, business_day: day, discount_fen: 2800 })
    const { end } = businessDayRange(day, ZONE, 240)
    await expect(reports.closeDay(day, by)).rejects.toMatchObject({
      code: 'DAY_NOT_OVER',
      details: { endsAt: end }
    })
    expect(reports.zList(10)).toEqual([])
    const early = await reports.closeDay(day, by, true)
    expect(early.report.body.totals.count).toBe(1)

    clock += 60_000
    const late = writeRedemption(db, { code: '62', at: clock, business_day: day, discount_fen: 3000 })
    const closedPart = reports.day({ from: day, to: day, filter: { phase: 'until_close' } })
    expect(closedPart.totals).toMatchObject({ count: 1, discountFen: 2800 })
    expect(closedPart.afterClose).toMatchObject({ count: 1, discountFen: 3000 })
    expect(closedPart.closed).toMatchObject([{ number: 1, count: 1, discountFen: 2800 }])
    const afterRows = reports.rows({ from: day, to: day, filter: { phase: 'after_close' } }, 1, 50)
    expect(afterRows.rows.map((r) => [r.id, r.afterClose])).toEqual([[late.id, true]])
    expect(reports.story(late.id).redemption.afterClose).toBe(true)
    // Z report No. 1 is unchanged; the next one carries the late redemption.
    expect(reports.zReport(1).body.totals).toEqual(early.report.body.totals)
    clock = end + 1000
    const next = await reports.closeDay('2026-11-26', by, true)
    expect(next.report.body.afterClose.map((e) => [e.redemptionId, e.event, e.closedBy])).toEqual([
      [late.id, 'redeemed', 1]
    ])
  })

  it('a day that is over closes without confirming', async () => {
    const { reports, by } = await setUp()
    const { end } = businessDayRange('2026-11-24', ZONE, 240)
    clock = end
    expect((await reports.closeDay('2026-11-24', by)).report.body.number).toBe(1)
  })
})

describe('immutability', () => {
  it('the app cannot update or delete a stored report', async () => {
    const { reports, by, db } = await setUp()
    await reports.closeDay('2026-11-22', by)
    expect(() => db.prepare(`UPDATE z_reports SET sha256 = 'x' WHERE number = 1`).run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM z_reports WHERE number = 1').run()).toThrow(/immutable/)
  })

  it('an edited body is caught by its hash; a body rewritten with a new hash by the audit chain', async () => {
    const { reports, by, db } = await setUp()
    writeRedemption(
      db,
      { code: '31', at: noon('2026-11-22'), business_day: '2026-11-22', discount_fen: 1000 },
      { status: 'synced' }
    )
    await reports.closeDay('2026-11-22', by)
    db.exec('DROP TRIGGER z_reports_immutable_update') // what someone with a SQLite editor could do
    const body = (
      db.prepare('SELECT body_json FROM z_reports WHERE number = 1').get() as { body_json: string }
    ).body_json
    const edited = body.replace('"discountFen":1000', '"discountFen":100')
    expect(edited).not.toBe(body)
    db.prepare('UPDATE z_reports SET body_json = ? WHERE number = 1').run(edited)
    expect(verifyZReport(db, 1)).toMatchObject({ hashOk: false, auditOk: true })
    expect(reports.zReport(1).check.hashOk).toBe(false)

    const { createHash } = await import('node:crypto')
    db.prepare('UPDATE z_reports SET sha256 = ? WHERE number = 1').run(
      createHash('sha256').update(edited).digest('hex')
    )
    expect(verifyZReport(db, 1)).toMatchObject({ hashOk: true, auditOk: false })
  })

  it('a redemption slipped into a closed day behind the app is caught by the rows digest', async () => {
    const { reports, by, db } = await setUp()
    writeRedemption(
      db,
      { code: '41', at: noon('2026-11-22'), business_day: '2026-11-22' },
      { status: 'synced' }
    )
    await reports.closeDay('2026-11-22', by)
    expect(verifyZReport(db, 1).rowsOk).toBe(true)
    writeRedemption(
      db,
      { code: '42', at: noon('2026-11-22') + 5, business_day: '2026-11-22' },
      { status: 'synced' }
    )
    expect(verifyZReport(db, 1)).toMatchObject({ hashOk: true, rowsOk: false })
  })
})

describe('after close', () => {
  it("reports later changes to a closed day's items on the next Z report, once", async () => {
    const { reports, by, db } = await setUp()
    const day = '2026-11-22'
    const pending = writeRedemption(
      db,
      { code: '51', at: noon(day), business_day: day },
      { status: 'pending' }
    )
    const conflict = writeRedemption(
      db,
      { code: '52', at: noon(day) + 1, business_day: day },
      { status: 'conflict' }
    )
    const toVoid = writeRedemption(
      db,
      { code: '53', at: noon(day) + 2, business_day: day },
      { status: 'pending' }
    )
    const closedAt = clock
    const first = await reports.closeDay(day, by)
    expect(first.report.body.afterClose).toEqual([])

    // After the close: the worker syncs the pending item, the manager resolves the conflict and voids one,
    // and a late redemption still lands on the closed business day.
    db.prepare(`UPDATE redemptions SET status = 'synced', synced_at = ? WHERE id = ?`).run(
      closedAt + 10,
      pending.id
    )
    clock = closedAt + 20
    reports.resolve({ redemptionId: conflict.id, outcome: 'collected', note: '顾客补付 10 元' }, by)
    t.station.services.ledger.voidUnsynced(toVoid.id, by, '录入错误', closedAt + 30)
    const late = writeRedemption(
      db,
      { code: '54', at: closedAt + 40, business_day: day },
      { status: 'pending' }
    )

    clock = closedAt + 100
    const second = await reports.closeDay('2026-11-23', by)
    expect(second.report.body.afterClose.map((e) => [e.redemptionId, e.event, e.at, e.closedBy])).toEqual([
      [pending.id, 'synced', closedAt + 10, 1],
      [conflict.id, 'resolved', closedAt + 20, 1],
      [toVoid.id, 'voided', closedAt + 30, 1],
      [late.id, 'redeemed', closedAt + 40, 1]
    ])
    // The late redemption is not part of report 1's row digest, which still verifies.
    expect(verifyZReport(db, 1).rowsOk).toBe(true)

    clock += 100
    const third = await reports.closeDay('2026-11-24', by)
    expect(third.report.body.afterClose).toEqual([])
  })
})
