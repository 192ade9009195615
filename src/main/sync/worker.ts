/**
 * The outbox worker (PRODUCT.md §6): sends queued redemptions upstream FIFO (seq order), at most `maxInFlight`
 * at a time and `ratePerSecond` per second, retries on the backoff schedule, holds everything on quota,
 * rate-limit and credential errors, and never settles an item without a clear answer. It pages through the
 * outbox (memory does not grow with the queue) and wakes on timers or notify(), never by spinning.
 *
 * One worker per station database. sendNow() is the online path: the cashier's redemption goes out at once,
 * with the same exactly-once bookkeeping, and the answer comes back within a short deadline or the item simply
 * stays queued.
 */
import type { RedemptionUpdated, SyncProblem, SyncState } from '../../shared/sync'
import type { Db } from '../db/open'
import { UpstreamError, type Upstream } from '../upstream/types'
import { systemClock, type Random, type SyncClock } from './clock'
import { DEFAULT_HOLD_POLICY, Holds, type HoldPolicy } from './holds'
import { ConnectivityMonitor } from './monitor'
import { OutboxStore } from './outboxStore'
import { runRound, type RoundOutcome } from './round'
import { DEFAULT_SCHEDULE, type RetrySchedule } from './schedule'
import { itemUpdate } from './settlement'
import { TokenBucket } from './tokenBucket'
import { WriteQueue } from './writeQueue'

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
  clock?: SyncClock
  random?: Random
  /** Items being worked on at once. Default 32 (≥ 500/s at 50 ms round trips). */
  maxInFlight?: number
  /** Upstream calls per second (consume and code/get alike). Default 500. */
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
  /** code/get before an offline item's first consume (see round.ts). Default true. */
  precheckOffline?: boolean
  /** Longest sleep: housekeeping (stale flags, state) and a safety net for a missed notify(). Default 5 s. */
  idleMs?: number
  /** At most one sync.state per this many ms. Default 250. */
  stateThrottleMs?: number
  /** How the write queue defers its flush. Default setImmediate. */
  writeDefer?: (flush: () => void) => void
}

const STALE_SWEEP_MS = 10_000
/** Requests sendNow may add above maxInFlight (a till makes one at a time; a few tills may share a worker). */
const INTERACTIVE_RESERVE = 4

export class SyncWorker {
  readonly monitor: ConnectivityMonitor
  private readonly store: OutboxStore
  private readonly clock: SyncClock
  private readonly random: Random
  private readonly bucket: TokenBucket
  private readonly holds: Holds
  private readonly schedule: RetrySchedule
  private readonly maxInFlight: number
  private readonly pageSize: number
  private readonly idleMs: number
  private readonly active = new Map<number, Promise<RoundOutcome>>()
  private running = false
  private abort = new AbortController()
  private page: number[] = []
  private cursor = 0
  private wake: { timer: unknown; at: number } | undefined
  private publishTimer: unknown
  private lastPublished = ''
  private lastStaleSweep = Number.NEGATIVE_INFINITY
  private internalProblem: SyncProblem | null = null
  private unsubscribe: (() => void) | undefined

  constructor(private readonly options: SyncWorkerOptions) {
    this.clock = options.clock ?? systemClock
    this.random = options.random ?? Math.random
    this.monitor = options.monitor ?? new ConnectivityMonitor({ now: () => this.clock.now() })
    this.store = new OutboxStore(options.db, new WriteQueue(options.db, options.writeDefer))
    const rate = options.ratePerSecond ?? 500
    this.bucket = new TokenBucket(rate, options.burst ?? Math.max(1, Math.round(rate / 10)), this.clock)
    this.holds = new Holds({ ...DEFAULT_HOLD_POLICY, ...options.holds }, this.random)
    this.schedule = { ...DEFAULT_SCHEDULE, ...options.schedule }
    this.maxInFlight = options.maxInFlight ?? 32
    this.pageSize = options.pageSize ?? 64
    this.idleMs = options.idleMs ?? 5_000
  }

  start(): void {
    if (this.running) return
    this.running = true
    if (this.abort.signal.aborted) this.abort = new AbortController()
    this.unsubscribe = this.monitor.onChange((snapshot) => {
      // A look-up got through: stop probing and send what waits.
      if (snapshot.consecutiveFailures === 0 && this.holds.trouble > 0) {
        this.holds.noteAnswer(this.clock.now())
        this.pump()
      }
      this.publishSoon()
    })
    this.housekeeping()
    this.pump()
  }

  /**
   * Stops sending. Work on the wire gets `graceMs` to finish; then it is aborted (an aborted consume stays
   * in_flight and is resolved with code/get on the next start).
   */
  async stop(options: { graceMs?: number } = {}): Promise<void> {
    this.running = false
    this.unsubscribe?.()
    this.unsubscribe = undefined
    if (this.wake) this.clock.clearTimeout(this.wake.timer)
    this.wake = undefined
    if (this.publishTimer !== undefined) this.clock.clearTimeout(this.publishTimer)
    this.publishTimer = undefined
    const grace = options.graceMs ?? 5_000
    if (this.active.size > 0 && grace > 0)
      await within(this.clock, Promise.allSettled([...this.active.values()]), grace)
    if (this.active.size > 0) {
      this.abort.abort()
      this.bucket.cancelAll(new UpstreamError('timeout', 'sync stopped'))
      await Promise.allSettled([...this.active.values()])
    }
  }

  /** New items were written: look now rather than at the next wake-up. */
  notify(): void {
    this.pump()
  }

  /**
   * Manager: lift a quota or credentials pause (e.g. after clear_quota or new settings) and try every queued
   * item at once, backoff or not.
   */
  async resume(): Promise<void> {
    this.holds.resume()
    this.page = []
    this.cursor = 0
    await this.store.makeAllDue(this.clock.now())
    this.publishNow()
    this.pump()
  }

  /**
   * The online path, right after the ledger write: tries the redemption now. 'queued' when the deadline passes
   * first or the upstream failed transiently — the worker carries on and 'redemption.updated' tells the outcome.
   */
  async sendNow(
    redemptionId: string,
    deadlineMs = this.options.sendNowDeadlineMs ?? 1_500
  ): Promise<SendNowResult> {
    const found = this.store.findByRedemption(redemptionId)
    if (!found) throw new Error(`sendNow: redemption ${redemptionId} has no outbox item`)
    if (found.state !== 'queued') return resultOfState(found.state)
    const now = this.clock.now()
    this.holds.expire(now)
    if (this.holds.end(now, true) > now) return 'queued'
    let work = this.active.get(found.seq)
    if (!work) {
      // The cashier jumps the queue, within a small reserve above the in-flight limit.
      if (this.active.size >= this.maxInFlight + INTERACTIVE_RESERVE) return 'queued'
      work = this.dispatch(found.seq, true)
    }
    const outcome = await within(this.clock, work, deadlineMs)
    if (outcome === undefined) return 'queued'
    if (outcome.kind === 'gone') return resultOfState(this.store.findByRedemption(redemptionId)?.state)
    return resultOfOutcome(outcome)
  }

  state(): SyncState {
    const now = this.clock.now()
    const stats = this.store.stats()
    const m = this.monitor.snapshot()
    const problem =
      this.internalProblem && (!m.lastProblem || this.internalProblem.at > m.lastProblem.at)
        ? this.internalProblem
        : m.lastProblem
    return {
      connectivity: m.connectivity,
      queueDepth: stats.queueDepth,
      oldestPendingAt: stats.oldestPendingAt,
      oldestPendingAgeMs: stats.oldestPendingAt === null ? null : Math.max(0, now - stats.oldestPendingAt),
      staleCount: stats.staleCount,
      inFlight: this.active.size,
      lastSuccessAt: m.lastSuccessAt,
      lastProblem: problem,
      paused: this.holds.paused,
      slowedUntil: this.holds.slowedUntil > now ? this.holds.slowedUntil : null,
      at: now
    }
  }

  // ---- the loop ----

  private pump(): void {
    if (!this.running) return
    const now = this.clock.now()
    if (this.holds.expire(now)) this.publishNow()
    const holdEnd = this.holds.end(now)
    if (holdEnd > now) return this.wakeAt(holdEnd)
    const limit = this.holds.probing(now) ? 1 : this.maxInFlight
    while (this.active.size < limit) {
      const seq = this.nextDue(now)
      if (seq === undefined)
        return this.wakeAt(this.store.earliestDue(new Set(this.active.keys())) ?? now + this.idleMs)
      this.dispatch(seq, false)
    }
  }

  /** The next due item in seq order, reading one page at a time; wraps around once per call. */
  private nextDue(now: number): number | undefined {
    let wrapped = false
    for (;;) {
      while (this.page.length > 0) {
        const seq = this.page.shift() as number
        if (!this.active.has(seq)) return seq
      }
      const rows = this.store.duePage(this.cursor, now, this.pageSize)
      if (rows.length > 0) {
        this.cursor = rows[rows.length - 1] as number
        this.page = rows
        continue
      }
      if (wrapped || this.cursor === 0) return undefined
      this.cursor = 0
      wrapped = true
    }
  }

  private dispatch(seq: number, interactive: boolean): Promise<RoundOutcome> {
    const work = this.process(seq, interactive)
      .catch((error: unknown): RoundOutcome => {
        // Our own failure (e.g. the disk): wait a little rather than spin on it.
        const now = this.clock.now()
        this.internalProblem = { kind: 'internal', errcode: null, message: String(error), at: now }
        this.holds.breakerUntil = Math.max(this.holds.breakerUntil, now + 5_000)
        return { kind: 'retry', error: new UpstreamError('transient', String(error)), inFlight: true }
      })
      .finally(() => {
        this.active.delete(seq)
        this.publishSoon()
        this.pump()
      })
    this.active.set(seq, work)
    return work
  }

  private async process(seq: number, interactive: boolean): Promise<RoundOutcome> {
    const item = this.store.load(seq)
    // Settled, voided, or (a page read a while ago) rescheduled since: nothing to do now.
    if (!item || (!interactive && item.nextAttemptAt > this.clock.now())) return { kind: 'gone' }
    const round = await runRound(item, {
      upstream: this.options.upstream,
      store: this.store,
      now: () => this.clock.now(),
      gate: () => this.bucket.take(interactive),
      call: { deadlineMs: this.options.callDeadlineMs ?? 10_000, signal: this.abort.signal },
      report: (ok, error) => {
        this.monitor.recordUpstreamResult(ok, error)
        // Any answer closes the breaker at once, even inside a round that fails later.
        if (ok) this.holds.noteAnswer(this.clock.now())
      },
      precheckOffline: this.options.precheckOffline ?? true
    })
    const now = this.clock.now()
    const outcome = round.outcome
    if (outcome.kind === 'retry') {
      if (this.holds.noteFailure(outcome.error, now)) this.publishNow()
    } else if (outcome.kind !== 'gone') {
      this.holds.noteAnswer(now)
    }
    const update = itemUpdate(item, outcome, {
      now,
      schedule: this.schedule,
      random: this.random,
      holdEnd: this.holds.end(now)
    })
    const changed = await this.store.apply(item, round.checks, round.consume, update, now)
    if (changed && update?.kind === 'settle') {
      this.options.emit('redemption.updated', { redemptionId: item.redemptionId, status: update.status })
    }
    return outcome
  }

  private wakeAt(at: number): void {
    const now = this.clock.now()
    const when = Math.max(now + 1, Math.min(at, now + this.idleMs))
    if (this.wake && this.wake.at <= when) return
    if (this.wake) this.clock.clearTimeout(this.wake.timer)
    const timer = this.clock.setTimeout(() => {
      this.wake = undefined
      this.housekeeping()
      this.pump()
    }, when - now)
    this.wake = { timer, at: when }
  }

  private housekeeping(): void {
    const now = this.clock.now()
    if (now - this.lastStaleSweep >= STALE_SWEEP_MS) {
      this.lastStaleSweep = now
      this.store.flagStaleBefore(now - this.schedule.staleAfterMs, now).catch(() => undefined)
    }
    this.publishSoon()
  }

  private publishSoon(): void {
    if (!this.running || this.publishTimer !== undefined) return
    this.publishTimer = this.clock.setTimeout(() => {
      this.publishTimer = undefined
      this.publishNow()
    }, this.options.stateThrottleMs ?? 250)
  }

  private publishNow(): void {
    if (!this.running) return
    const state = this.state()
    // The age moves with the clock; re-announce only when something else changed.
    const key = JSON.stringify({ ...state, at: 0, oldestPendingAgeMs: 0 })
    if (key === this.lastPublished) return
    this.lastPublished = key
    this.options.emit('sync.state', state)
  }
}

/** Resolves with `work`'s value, or undefined once `ms` have passed on the clock. */
function within<T>(clock: SyncClock, work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = clock.setTimeout(() => resolve(undefined), ms)
    work.then(
      (value) => {
        clock.clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clock.clearTimeout(timer)
        reject(error)
      }
    )
  })
}

function resultOfOutcome(outcome: RoundOutcome): SendNowResult {
  if (outcome.kind === 'synced') return 'confirmed'
  if (outcome.kind === 'conflict' || outcome.kind === 'rejected') return outcome.kind
  return 'queued'
}

/** A cancelled item (voided) is reported as rejected: it will never be confirmed. */
function resultOfState(state: string | undefined): SendNowResult {
  if (state === 'done') return 'confirmed'
  if (state === 'conflict') return 'conflict'
  if (state === 'rejected' || state === 'cancelled') return 'rejected'
  return 'queued'
}
