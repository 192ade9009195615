/**
 * The day view never contradicts its Z report: for any sequence of redemptions, syncs, voids and closes
 * (early closes included) on a real database file, a closed day's "until close" figures plus what was voided
 * after the close are exactly what its Z report counted, every status-independent breakdown agrees when
 * nothing was voided after the close, the "after close" part is the rest of the day, its drill-down lists
 * exactly those rows, and each after-close redemption is carried to exactly one later Z report.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/open'
import { Ledger } from '../../src/main/redeem/ledger'
import { dayReport } from '../../src/main/reports/dayReport'
import { rowsPage } from '../../src/main/reports/rows'
import { closeDay, zReportList, zReportOfDay } from '../../src/main/reports/zReport'
import { readIdentity } from '../../src/main/config/identity'
import type { StoreProfile } from '../../src/main/config/storeProfile'
import type { Amounts, ReportFilter, ZReportBody } from '../../src/shared/reports'
import { businessDayOf, businessDayRange } from '../../src/shared/time'
import { ledgerDb, writeRedemption } from './support/ledger'

const PROFILE: StoreProfile = { timeZone: 'Asia/Shanghai', cutoffMinutes: 240 }
const DAYS = ['2026-11-22', '2026-11-23'] as const
const CARDS = [
  { card_id: 'pCASH10', card_title: '满100减10', card_type: 'CASH' },
  { card_id: 'pGIFT01', card_title: '赠饮一杯', card_type: 'GIFT' },
  { card_id: null, card_title: '', card_type: 'UNKNOWN' }
] as const
const CASHIERS = [
  { cashier_id: 'c1', cashier_name: '李娜' },
  { cashier_id: 'm1', cashier_name: '王店长' }
] as const
const BY = { staffId: 'm1', name: '王店长', role: 'manager' as const }

const origin = businessDayRange(DAYS[0], PROFILE.timeZone, PROFILE.cutoffMinutes).start
const span = businessDayRange(DAYS[1], PROFILE.timeZone, PROFILE.cutoffMinutes).end - origin + 3 * 3_600_000

type Op =
  | {
      kind: 'redeem'
      at: number
      card: number
      cashier: number
      online: boolean
      discount: number
      bill: number | null
    }
  | { kind: 'sync' | 'void'; at: number; pick: number }
  | { kind: 'close'; at: number; day: 0 | 1 }

const at = fc.integer({ min: 0, max: span })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('redeem' as const),
      at,
      card: fc.integer({ min: 0, max: CARDS.length - 1 }),
      cashier: fc.integer({ min: 0, max: CASHIERS.length - 1 }),
      online: fc.boolean(),
      discount: fc.integer({ min: 0, max: 30_000 }),
      bill: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null })
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('sync' as const, 'void' as const), at, pick: fc.nat() })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      at,
      day: fc.constantFrom(0 as const, 1 as const)
    })
  }
)

// Same instant: the till's write comes before a close (a close takes the rows there are).
const ORDER: Record<Op['kind'], number> = { redeem: 0, sync: 1, void: 1, close: 2 }

let open: Db[] = []
afterEach(() => {
  open.forEach((db) => db.close())
  open = []
})

const plain = (a: Amounts): Amounts => ({
  count: a.count,
  discountFen: a.discountFen,
  billFen: a.billFen,
  payableFen: a.payableFen
})
const plus = (a: Amounts, b: Amounts): Amounts => ({
  count: a.count + b.count,
  discountFen: a.discountFen + b.discountFen,
  billFen: a.billFen + b.billFen,
  payableFen: a.payableFen + b.payableFen
})

function play(ops: Op[]): { db: Db; ids: Array<{ id: string; at: number }> } {
  const { db } = ledgerDb(PROFILE)
  open.push(db)
  const identity = readIdentity(db, 'training')
  const ledger = new Ledger(db)
  const ids: Array<{ id: string; at: number }> = []
  const sorted = ops
    .map((op) => ({ ...op, at: origin + op.at }))
    .sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind])
  sorted.forEach((op, i) => {
    if (op.kind === 'redeem') {
      const bill = op.bill === null ? null : Math.max(op.bill, op.discount)
      const row = writeRedemption(db, {
        code: `8${String(i).padStart(11, '0')}`,
        at: op.at,
        business_day: businessDayOf(op.at, PROFILE.timeZone, PROFILE.cutoffMinutes),
        ...CARDS[op.card],
        ...CASHIERS[op.cashier],
        online: op.online ? 1 : 0,
        discount_fen: op.discount,
        bill_fen: bill,
        payable_fen: bill === null ? null : bill - op.discount
      })
      ids.push({ id: row.id, at: op.at })
    } else if (op.kind === 'close') {
      const day = DAYS[op.day]
      const today = businessDayOf(op.at, PROFILE.timeZone, PROFILE.cutoffMinutes)
      if (day > today || zReportOfDay(db, day)) return
      closeDay(db, day, { profile: PROFILE, identity, by: BY, now: op.at, confirmEarly: true })
    } else if (ids.length > 0) {
      const target = ids[op.pick % ids.length] as { id: string }
      if (op.kind === 'void') ledger.voidUnsynced(target.id, BY, '录入错误', op.at)
      else
        db.prepare(
          `UPDATE redemptions SET status = 'synced', synced_at = ? WHERE id = ? AND status = 'pending'`
        ).run(op.at, target.id)
    }
  })
  return { db, ids }
}

const STATUS_FREE = ['byCard', 'byCardType', 'byCashier', 'byHour', 'byChannel'] as const

describe('day view and Z report', () => {
  it('a closed day shows what its Z report counted, the rest apart as "after close"', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const { db, ids } = play(ops)
        const report = (day: string, filter?: ReportFilter) =>
          dayReport(db, { from: day, to: day, ...(filter ? { filter } : {}) }, PROFILE, 0)
        const drill = (day: string, filter: ReportFilter) =>
          rowsPage(db, { from: day, to: day, filter }, PROFILE, 1, 200)
        for (const day of DAYS) {
          const all = report(day)
          const until = report(day, { phase: 'until_close' })
          const after = report(day, { phase: 'after_close' })
          expect(plus(plain(until.totals), plain(after.totals))).toEqual(plain(all.totals))
          expect(plain(until.afterClose)).toEqual(plain(after.totals))
          const untilRows = drill(day, { phase: 'until_close' })
          const afterRows = drill(day, { phase: 'after_close' })
          expect(afterRows.total).toBe(after.totals.count)
          expect(afterRows.rows.every((r) => r.afterClose)).toBe(true)
          expect(untilRows.total).toBe(until.totals.count)
          expect(untilRows.rows.some((r) => r.afterClose)).toBe(false)

          const z = zReportOfDay(db, day)
          if (!z) {
            expect(after.totals.count).toBe(0)
            expect(until.closed).toEqual([])
            continue
          }
          const body: ZReportBody = z.body
          expect(z.check).toMatchObject({ hashOk: true, auditOk: true, rowsOk: true })
          // What the Z report counted = still counted up to the close + voided after the close.
          expect(plus(plain(until.totals), plain(until.voidedAfterClose))).toEqual(plain(body.totals))
          expect(until.closed).toEqual([
            {
              businessDay: day,
              number: body.number,
              closedAt: body.closedAt,
              count: body.totals.count,
              discountFen: body.totals.discountFen
            }
          ])
          if (until.voidedAfterClose.count === 0)
            for (const key of STATUS_FREE) expect(until[key], key).toEqual(body[key])
        }
        // Each redemption made after its day's close is carried to exactly one later Z report: the first
        // one closed after it (none if nothing was closed since).
        const reports = zReportList(db, 100).map((s) => zReportOfDay(db, s.businessDay)?.body as ZReportBody)
        for (const { id, at } of ids) {
          const row = db.prepare('SELECT business_day AS day FROM redemptions WHERE id = ?').get(id) as {
            day: string
          }
          const own = reports.find((b) => b.businessDay === row.day)
          const carried = reports.filter((b) =>
            b.afterClose.some((e) => e.redemptionId === id && e.event === 'redeemed')
          )
          const lateAfter = own !== undefined && at > own.closedAt
          const closedSince = reports.some((b) => b.closedAt >= at && b.number > (own?.number ?? 0))
          expect(carried.length).toBe(lateAfter && closedSince ? 1 : 0)
        }
      }),
      { numRuns: 30 }
    )
  })
})
