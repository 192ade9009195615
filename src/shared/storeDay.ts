/**
 * The store's day on a paired till (docs/hub.md § The store's day): every till's redemptions of one business day,
 * by till, built from this till's mirror of the store hub (src/main/storeLink keeps it, src/main/reports reads it).
 * Money is integer fen; times are UTC epoch ms, shown in the store's zone. Each till still closes its own day.
 */
import type { Fen } from './money'
import type { EpochMs } from './time'

export interface StoreDayCashier {
  cashierName: string
  count: number
  discountFen: Fen
}

export interface StoreDayTill {
  tillId: string
  tillName: string
  /** This till (the one showing the view). */
  thisTill: boolean
  /** Redemptions that count (held or completed at the hub), and their discount. */
  count: number
  discountFen: Fen
  /** Of those, still held (the till claimed but has not told the hub it committed). */
  held: number
  /** Voided by a manager (never reached WeChat): listed apart, never in a total. */
  voidedCount: number
  voidedFen: Fen
  firstAt: EpochMs | null
  lastAt: EpochMs | null
  cashiers: StoreDayCashier[]
}

export interface StoreDayView {
  businessDay: string
  timeZone: string
  /** [from, to) of the business day, by each till's own clock (what its own day and Z report use). */
  from: EpochMs
  to: EpochMs
  storeId: string
  tills: StoreDayTill[]
  total: { count: number; discountFen: Fen; voidedCount: number; voidedFen: Fen }
  /** This till's claims that have not reached the hub yet (they join the store's view once they do). */
  waiting: number
  /** The hub's clock of the newest claim in this till's mirror (null: none yet). */
  latestHubAt: EpochMs | null
  madeAt: EpochMs
}

export type StoreDayStatus = 'held' | 'completed' | 'voided'

export interface StoreDayRow {
  at: EpochMs
  tillName: string
  cashierName: string
  code: string
  amountFen: Fen
  status: StoreDayStatus
}
