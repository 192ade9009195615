/**
 * Report correctness as properties over random ledgers written to a real database file: every breakdown sums
 * to the day total, the total equals the ledger for that business day (recomputed here independently), the
 * drill-down behind every figure has exactly that figure's count and discount, and cut-off edges land on the
 * right day — in Asia/Shanghai and in zones with DST (including a cut-off inside the spring-forward gap).
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/db/open'
import { dayReport } from '../../src/main/reports/dayReport'
import { rowsPage } from '../../src/main/reports/rows'
import type { RedemptionRow, RedemptionStatus } from '../../src/main/redeem/ledgerRows'
import type { StoreProfile } from '../../src/main/config/storeProfile'
import type { Amounts, DayReport, ReportFilter } from '../../src/shared/reports'
import { businessDayOf, businessDayRange } from '../../src/shared/time'
import { ledgerDb, writeRedemption } from './support/ledger'

const CARDS = [
  { card_id: 'pCASH10', card_title: '满100减10', card_type: 'CASH' },
  { card_id: 'pDISC30', card_title: '七折券', card_type: 'DISCOUNT' },
  { card_id: 'pGIFT01', card_title: '赠饮一杯', card_type: 'GIFT' },
  { card_id: null, card_title: '', card_type: 'UNKNOWN' }
] as const
const CASHIERS = [
  { cashier_id: 'c1', cashier_name: '李娜' },
  { cashier_id: 'c2', cashier_name: '张伟' },
  { cashier_id: 'm1', cashier_name: '王店长' }
] as const
const STATUSES: RedemptionStatus[] = ['pending', 'synced', 'conflict', 'rejected', 'voided']

interface Spec {
  offsetMs: number
  card: number
  cashier: number
  online: boolean
  status: RedemptionStatus
  stale: boolean
  discount: number
  bill: number | null
}

const specArb = (spanMs: number): fc.Arbitrary<Spec> =>
  fc.record({
    offsetMs: fc.oneof(
      fc.integer({ min: 0, max: spanMs - 1 }),
      // near a cut-off: a whole number of days plus or minus two minutes
      fc
        .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -120_000, max: 120_000 }))
        .map(([d, e]) => d * 86_400_000 + e)
    ),
    card: fc.integer({ min: 0, max: CARDS.length - 1 }),
    cashier: fc.integer({ min: 0, max: CASHIERS.length - 1 }),
    online: fc.boolean(),
    status: fc.constantFrom(...STATUSES),
    stale: fc.boolean(),
    discount: fc.integer({ min: 0, max: 50_000 }),
    bill: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null })
  })

interface Case {
  zone: string
  cutoffMinutes: number
  /** The business day in the middle of the generated ledger; its neighbours get rows too. */
  day: string
}

const CASES: Case[] = [
  { zone: 'Asia/Shanghai', cutoffMinutes: 240, day: '2026-11-22' },
  { zone: 'Asia/Shanghai', cutoffMinutes: 0, day: '2026-02-17' },
  { zone: 'America/New_York', cutoffMinutes: 120, day: '2026-03-08' }, // spring forward: 02:00 does not exist
  { zone: 'America/New_York', cutoffMinutes: 90, day: '2026-11-01' }, // fall back: 01:00–02:00 twice
  { zone: 'Europe/Berlin', cutoffMinutes: 150, day: '2026-03-29' }, // the 02:30 cut-off falls in the gap
  { zone: 'Europe/Berlin', cutoffMinutes: 240, day: '2026-10-25' }
]

let open: Db[] = []
afterEach(() => {
  open.forEach((db) => db.close())
  open = []
})

const prevDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

type Written = RedemptionRow & { stale: boolean }

function writeLedger(c: Case, specs: Spec[]): { db: Db; rows: Written[] } {
  const profile: StoreProfile = { timeZone: c.zone, cutoffMinutes: c.cutoffMinutes }
  const { db } = ledgerDb(profile)
  open.push(db)
  const origin = businessDayRange(prevDay(c.day), c.zone, c.cutoffMinutes).start
  const rows = specs.map((s, i) => {
    const at = origin + s.offsetMs
    const bill = s.bill === null ? null : Math.max(s.bill, s.discount)
    const written = writeRedemption(
      db,
      {
        code: `9${String(i).padStart(11, '0')}`,
        at,
        business_day: businessDayOf(at, c.zone, c.cutoffMinutes),
        ...CARDS[s.card],
        ...CASHIERS[s.cashier],
        online: s.online ? 1 : 0,
        discount_fen: s.discount,
        bill_fen: bill,
        payable_fen: bill === null ? null : bill - s.discount
      },
      { status: s.status, stale: s.stale }
    )
    return { ...written, stale: s.stale && s.status === 'pending' }
  })
  return { db, rows }
}

function sumOf(rows: RedemptionRow[]): Amounts {
  return rows.reduce(
    (a, r) => ({
      count: a.count + 1,
      discountFen: a.discountFen + r.discount_fen,
      billFen: a.billFen + (r.bill_fen ?? 0),
      payableFen: a.payableFen + (r.payable_fen ?? 0)
    }),
    { count: 0, discountFen: 0, billFen: 0, payableFen: 0 }
  )
}

function sumLines(lines: readonly Amounts[]): Amounts {
  return lines.reduce(
    (a, l) => ({
      count: a.count + l.count,
      discountFen: a.discountFen + l.discountFen,
      billFen: a.billFen + l.billFen,
      payableFen: a.payableFen + l.payableFen
    }),
    { count: 0, discountFen: 0, billFen: 0, payableFen: 0 }
  )
}

const amountsOf = (a: Amounts): Amounts => ({
  count: a.count,
  discountFen: a.discountFen,
  billFen: a.billFen,
  payableFen: a.payableFen
})

function expectBreakdownsSum(report: DayReport): void {
  for (const lines of [
    report.byCard,
    report.byCardType,
    report.byCashier,
    report.byHour,
    report.byChannel,
    report.byStatus
  ])
    expect(sumLines(lines)).toEqual(amountsOf(report.totals))
}

describe.each(CASES)('day report in $zone, cut-off $cutoffMinutes min, around $day', (c) => {
  const span =
    businessDayRange(nextDay(c.day), c.zone, c.cutoffMinutes).end -
    businessDayRange(prevDay(c.day), c.zone, c.cutoffMinutes).start

  it('totals equal the ledger of the business day, and every breakdown sums to them', () => {
    fc.assert(
      fc.property(fc.array(specArb(span), { maxLength: 40 }), (specs) => {
        const { db, rows } = writeLedger(c, specs)
        const profile = { timeZone: c.zone, cutoffMinutes: c.cutoffMinutes }
        for (const day of [prevDay(c.day), c.day, nextDay(c.day)]) {
          const report = dayReport(db, { from: day, to: day }, profile, 0)
          const { start, end } = businessDayRange(day, c.zone, c.cutoffMinutes)
          // Independent of the stored business_day: the rows whose instant is inside the day's range.
          const ofDay = rows.filter((r) => r.at >= start && r.at < end)
          expect(ofDay.every((r) => r.business_day === day)).toBe(true)
          expect(amountsOf(report.totals)).toEqual(sumOf(ofDay.filter((r) => r.status !== 'voided')))
          expect(amountsOf(report.voided)).toEqual(sumOf(ofDay.filter((r) => r.status === 'voided')))
          expect(amountsOf(report.stale)).toEqual(sumOf(ofDay.filter((r) => r.stale)))
          expectBreakdownsSum(report)
          for (const hour of report.byHour) {
            if (hour.startAt !== null) expect(hour.startAt).toBeGreaterThanOrEqual(start - 3_600_000)
          }
        }
        db.close()
        open = open.filter((d) => d !== db)
      }),
      { numRuns: 25 }
    )
  })

  it('the three-day range adds the days up, and its clock-hour lines still sum to the total', () => {
    fc.assert(
      fc.property(fc.array(specArb(span), { maxLength: 30 }), (specs) => {
        const { db } = writeLedger(c, specs)
        const profile = { timeZone: c.zone, cutoffMinutes: c.cutoffMinutes }
        const days = [prevDay(c.day), c.day, nextDay(c.day)].map((d) =>
          dayReport(db, { from: d, to: d }, profile, 0)
        )
        const range = dayReport(db, { from: prevDay(c.day), to: nextDay(c.day) }, profile, 0)
        expect(amountsOf(range.totals)).toEqual(sumLines(days.map((d) => d.totals)))
        expect(range.byHour).toHaveLength(24)
        expectBreakdownsSum(range)
        db.close()
        open = open.filter((d) => d !== db)
      }),
      { numRuns: 15 }
    )
  })

  it('the drill-down behind every figure lists exactly what the figure counts', () => {
    fc.assert(
      fc.property(
        fc.array(specArb(span), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (specs, wholeRange) => {
          const { db } = writeLedger(c, specs)
          const profile = { timeZone: c.zone, cutoffMinutes: c.cutoffMinutes }
          const query = wholeRange ? { from: prevDay(c.day), to: nextDay(c.day) } : { from: c.day, to: c.day }
          const report = dayReport(db, query, profile, 0)
          const filters: Array<[ReportFilter, Amounts]> = [
            [{}, report.totals],
            ...report.byCard.map((l): [ReportFilter, Amounts] => [{ cardId: l.cardId }, l]),
            ...report.byCardType.map((l): [ReportFilter, Amounts] => [{ cardType: l.cardType }, l]),
            ...report.byCashier.map((l): [ReportFilter, Amounts] => [{ cashierId: l.cashierId }, l]),
            ...report.byChannel.map((l): [ReportFilter, Amounts] => [{ online: l.online }, l]),
            ...report.byStatus.map((l): [ReportFilter, Amounts] => [{ status: l.status }, l]),
            [{ status: 'stale' }, report.stale],
            [{ status: 'voided' }, report.voided],
            ...report.byHour.map((l): [ReportFilter, Amounts] => [
              l.startAt === null ? { hourOfDay: l.hour } : { hourStart: l.startAt },
              l
            ])
          ]
          for (const [filter, figure] of filters) {
            const page = rowsPage(db, { ...query, filter }, profile, 1, 200)
            expect(page.total).toBe(figure.count)
            expect(page.rows.reduce((s, r) => s + r.discountFen, 0)).toBe(figure.discountFen)
          }
          db.close()
          open = open.filter((d) => d !== db)
        }
      ),
      { numRuns: 15 }
    )
  })
})

describe('cut-off edges', () => {
  it.each(CASES)(
    'a redemption a minute before the cut-off belongs to the day before ($zone, $cutoffMinutes)',
    (c) => {
      const { start } = businessDayRange(c.day, c.zone, c.cutoffMinutes)
      const { db } = writeLedger(c, [])
      const profile = { timeZone: c.zone, cutoffMinutes: c.cutoffMinutes }
      for (const [i, at] of [start - 60_000, start - 1, start, start + 60_000].entries()) {
        writeRedemption(db, {
          code: `7${i}`,
          at,
          business_day: businessDayOf(at, c.zone, c.cutoffMinutes),
          discount_fen: 100 * (i + 1)
        })
      }
      expect(dayReport(db, { from: prevDay(c.day), to: prevDay(c.day) }, profile, 0).totals.discountFen).toBe(
        100 + 200
      )
      expect(dayReport(db, { from: c.day, to: c.day }, profile, 0).totals.discountFen).toBe(300 + 400)
    }
  )

  it('a DST day has as many hour buckets as hours (23 in spring, 25 in autumn)', () => {
    const spring = writeLedger({ zone: 'America/New_York', cutoffMinutes: 240, day: '2026-03-08' }, []).db
    const autumn = writeLedger({ zone: 'America/New_York', cutoffMinutes: 240, day: '2026-11-01' }, []).db
    const ny = (cutoffMinutes: number) => ({ timeZone: 'America/New_York', cutoffMinutes })
    // 2026-03-08 02:00 → 03:00 and 2026-11-01 02:00 → 01:00 fall inside those business days.
    expect(dayReport(spring, { from: '2026-03-07', to: '2026-03-07' }, ny(240), 0).byHour).toHaveLength(23)
    const fallBack = dayReport(autumn, { from: '2026-10-31', to: '2026-10-31' }, ny(240), 0).byHour
    expect(fallBack).toHaveLength(25)
    expect(fallBack.filter((h) => h.hour === 1)).toHaveLength(2)
  })
})
