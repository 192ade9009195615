/**
 * The store's day (docs/hub.md § The store's day): every till's redemptions of one business day, by till, read
 * from this till's mirror of the store hub (`store_mirror`, filled by src/main/storeLink from the hub's feed; it
 * holds every claim of the store, this till's included, with till, cashier, amount and both clocks).
 *
 * - The business day is cut by each claim's till clock (`till_at`), as each till cuts its own day and Z report.
 * - Counted: held or completed at the hub. Voided ones are listed apart; released ones (never committed) not at
 *   all. Rows from before migration 011 have no status: `live` tells counted from not.
 * - A redemption decided in degraded mode joins when its queued claim reaches the hub; `waiting` says how many
 *   of this till's are still on the way.
 */
import { businessDayRange } from '../../shared/time'
import type { StoreDayRow, StoreDayStatus, StoreDayTill, StoreDayView } from '../../shared/storeDay'
import { AppFailure } from '../../shared/result'
import type { Db } from '../db/open'
import type { StoreProfile } from '../config/storeProfile'

/** held | completed | voided, or null (released: never committed, not part of the day). */
const STATUS_SQL = `CASE
    WHEN m.status IS NOT NULL THEN CASE WHEN m.status = 'released' THEN NULL ELSE m.status END
    WHEN m.live = 1 THEN 'completed' ELSE NULL END`

interface Link {
  storeId: string
  tillId: string
}

function linkOf(db: Db): Link {
  const link = db
    .prepare('SELECT store_id AS storeId, till_id AS tillId FROM store_link WHERE id = 1')
    .get() as Link | undefined
  if (!link) throw new AppFailure('STORE_NOT_PAIRED', 'This till is not paired with a store hub.')
  return link
}

export function storeDay(db: Db, businessDay: string, profile: StoreProfile, now: number): StoreDayView {
  const link = linkOf(db)
  const { start, end } = businessDayRange(businessDay, profile.timeZone, profile.cutoffMinutes)
  const rows = db
    .prepare(
      `SELECT m.till AS tillId, max(m.till_name) AS tillName, m.cashier_name AS cashierName, s AS status,
              count(*) AS n, sum(m.amount_fen) AS fen, min(m.till_at) AS firstAt, max(m.till_at) AS lastAt
       FROM (SELECT m.*, ${STATUS_SQL} AS s FROM store_mirror m WHERE m.till_at >= ? AND m.till_at < ?) m
       WHERE s IS NOT NULL
       GROUP BY m.till, m.cashier_name, s`
    )
    .all(start, end) as {
    tillId: string
    tillName: string
    cashierName: string
    status: StoreDayStatus
    n: number
    fen: number
    firstAt: number
    lastAt: number
  }[]
  const tills = new Map<string, StoreDayTill>()
  for (const r of rows) {
    const till =
      tills.get(r.tillId) ??
      ({
        tillId: r.tillId,
        tillName: r.tillName,
        thisTill: r.tillId === link.tillId,
        count: 0,
        discountFen: 0,
        held: 0,
        voidedCount: 0,
        voidedFen: 0,
        firstAt: null,
        lastAt: null,
        cashiers: []
      } satisfies StoreDayTill)
    tills.set(r.tillId, till)
    if (r.status === 'voided') {
      till.voidedCount += r.n
      till.voidedFen += r.fen
      continue
    }
    till.count += r.n
    till.discountFen += r.fen
    if (r.status === 'held') till.held += r.n
    till.firstAt = till.firstAt === null ? r.firstAt : Math.min(till.firstAt, r.firstAt)
    till.lastAt = till.lastAt === null ? r.lastAt : Math.max(till.lastAt, r.lastAt)
    const cashier = till.cashiers.find((c) => c.cashierName === r.cashierName)
    if (cashier) {
      cashier.count += r.n
      cashier.discountFen += r.fen
    } else till.cashiers.push({ cashierName: r.cashierName, count: r.n, discountFen: r.fen })
  }
  const list = [...tills.values()].sort(
    (a, b) => a.tillName.localeCompare(b.tillName, 'zh-CN') || a.tillId.localeCompare(b.tillId)
  )
  for (const t of list)
    t.cashiers.sort((a, b) => b.discountFen - a.discountFen || a.cashierName.localeCompare(b.cashierName))
  const waiting = (
    db
      .prepare(`SELECT count(*) AS n FROM store_claims WHERE pending = 'claim' AND state <> 'released'`)
      .get() as {
      n: number
    }
  ).n
  const latest = db.prepare('SELECT max(hub_at) AS at FROM store_mirror').get() as { at: number | null }
  return {
    businessDay,
    timeZone: profile.timeZone,
    from: start,
    to: end,
    storeId: link.storeId,
    tills: list,
    total: {
      count: sum(list, (t) => t.count),
      discountFen: sum(list, (t) => t.discountFen),
      voidedCount: sum(list, (t) => t.voidedCount),
      voidedFen: sum(list, (t) => t.voidedFen)
    },
    waiting,
    latestHubAt: latest.at,
    madeAt: now
  }
}

/** Every redemption of the store's day (counted and voided), by till then time: what the export lists. */
export function storeDayRows(db: Db, businessDay: string, profile: StoreProfile): StoreDayRow[] {
  linkOf(db)
  const { start, end } = businessDayRange(businessDay, profile.timeZone, profile.cutoffMinutes)
  return db
    .prepare(
      `SELECT m.till_at AS at, m.till_name AS tillName, m.cashier_name AS cashierName, m.code,
              m.amount_fen AS amountFen, s AS status
       FROM (SELECT m.*, ${STATUS_SQL} AS s FROM store_mirror m WHERE m.till_at >= ? AND m.till_at < ?) m
       WHERE s IS NOT NULL ORDER BY m.till_name, m.till_at, m.redemption_id`
    )
    .all(start, end) as StoreDayRow[]
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0)
}
