/** The worker's options, events and answers. */
import type { RedemptionUpdated, SyncState } from '../../shared/sync'
import type { Db } from '../db/open'
import type { Upstream } from '../upstream/types'
import type { Random, Clock } from '../clock/clock'
import type { HoldPolicy } from './holds'
import type { ConnectivityMonitor } from './monitor'
import type { RoundOutcome } from './round'
import type { RetrySchedule } from './schedule'

export interface SyncEvents {
  'sync.state': SyncState
  'redemption.updated': RedemptionUpdated
}
export type SyncEmit = <E extends keyof SyncEvents>(event: E, payload: SyncEvents[E]) => void

export type SendNowResult = 'confirmed' | 'queued' | 'conflict' | 'rejected'

export interface SyncWorkerOptions {
  db: Db
  upstream: Upstream
  emit: SyncEmit
  /** Share one with the redeem service so its look-ups count too. Default: a new one on the same clock. */
  monitor?: ConnectivityMonitor
  clock?: Clock
  random?: Random
  /** Items being worked on at once. Default 32 (≥ 500/s at 50 ms round trips). */
  maxInFlight?: number
  /** Upstream calls per second (consume and code/get alike). Default DEFAULT_RATE_PER_SECOND (600). */
  ratePerSecond?: number
  /** Calls allowed at once after a quiet spell. Default ratePerSecond / 10. */
  burst?: number
  schedule?: Partial<RetrySchedule>
  holds?: Partial<HoldPolicy>
  /** Deadline of one background upstream call. Default 10 s. */
  callDeadlineMs?: number
  /** sendNow's default deadline. Default 1.5 s. */
  sendNowDeadlineMs?: number
  /** Outbox rows read per page. Default 64. */
  pageSize?: number
  /** code/get before every consume but an online item's first (see round.ts). Default true. */
  precheckOffline?: boolean
  /** Longest sleep: housekeeping (stale flags, state) and a safety net for a missed notify(). Default 5 s. */
  idleMs?: number
  /** At most one sync.state per this many ms. Default 250. */
  stateThrottleMs?: number
  /** Least time between two commits of the worker's writes (group commit). Default: as long as the last took. */
  commitIntervalMs?: number
}

export function resultOfOutcome(outcome: RoundOutcome): SendNowResult {
  if (outcome.kind === 'synced') return 'confirmed'
  if (outcome.kind === 'conflict' || outcome.kind === 'rejected') return outcome.kind
  return 'queued'
}

/** A cancelled item (voided) is reported as rejected: it will never be confirmed. */
export function resultOfState(state: string | undefined): SendNowResult {
  if (state === 'done') return 'confirmed'
  if (state === 'conflict') return 'conflict'
  if (state === 'rejected' || state === 'cancelled') return 'rejected'
  return 'queued'
}
