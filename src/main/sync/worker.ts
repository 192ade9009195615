/**
 * The outbox worker (docs/product-rules.md §6): sends queued redemptions upstream FIFO (seq order), at most `maxInFlight`
 * at a time and `ratePerSecond` per second, retries on the backoff schedule, holds everything on quota,
 * rate-limit and credential errors, and never settles an item without a clear answer. It pages through the
 * outbox (memory does not grow with the queue) and wakes on timers or notify(), never by spinning.
 *
 * One worker per station database. sendNow() is the online path: the cashier's redemption goes out at once,
 * with the same exactly-once bookkeeping, and the answer comes back within a short deadline or the item simply
 * stays queued.
 */
import type { SyncProblem, SyncState } from '../../shared/sync'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import { UpstreamError } from '../upstream/types'
import { COUNTER_DEADLINE_MS } from '../redeem/deps'
import { systemClock, within, type Random, type Clock } from '../clock/clock'
import { DEFAULT_HOLD_POLICY, Holds } from './holds'
import { ConnectivityMonitor } from './monitor'
import { OutboxStore, type OutboxItem } from './outboxStore'
import { OutboxPager } from './pager'
import { composeState, StatePublisher } from './publisher'
import { runRound, type Round, type RoundOutcome } from './round'
import { DEFAULT_SCHEDULE, type RetrySchedule } from './schedule'
import { itemUpdate } from './settlement'
import { TokenBucket } from './tokenBucket'
import { resultOfOutcome, resultOfState, type SendNowResult, type SyncWorkerOptions } from './types'
import { WriteQueue } from './writeQueue'

const STALE_SWEEP_MS = 10_000
/**
 * The seed's requirement for the redemption interface is QPS ≥ 500, and WeChat publishes no lower figure for
 * card/* (docs/wechat-api.md §9): a limit of exactly 500 could never let a backlog drain at 500/s, so the
 * default leaves 20 % headroom. An account with a smaller minute quota answers 45011 and the worker waits
 * for the next minute (holds.ts).
 */
export const DEFAULT_RATE_PER_SECOND = 600
/** 32 requests in flight carry 640/s at 50 ms round trips: the rate limit, not the pipe, sets the pace. */
export const DEFAULT_MAX_IN_FLIGHT = 32

/** Requests sendNow may add above maxInFlight (a till makes one at a time; a few tills may share a worker). */
const INTERACTIVE_RESERVE = 4

export class SyncWorker {
  readonly monitor: ConnectivityMonitor
  private readonly store: OutboxStore
  private readonly clock: Clock
  private readonly random: Random
  private readonly bucket: TokenBucket
  private readonly holds: Holds
  private readonly schedule: RetrySchedule
  private readonly maxInFlight: number
  private readonly idleMs: number
  /** Items being worked on, from dispatch until their outcome is committed (never dispatched twice). */
  private readonly active = new Map<number, Promise<RoundOutcome>>()
  /** Of those, the ones still talking to the upstream: what maxInFlight limits. */
  private talking = 0
  private running = false
  private abort = new AbortController()
  private readonly pager: OutboxPager
  private wake: { timer: unknown; at: number } | undefined
  private readonly publisher: StatePublisher
  private lastStaleSweep = Number.NEGATIVE_INFINITY
  private internalProblem: SyncProblem | null = null
  private unsubscribe: (() => void) | undefined

  constructor(private readonly options: SyncWorkerOptions) {
    this.clock = options.clock ?? systemClock
    this.random = options.random ?? Math.random
    this.monitor = options.monitor ?? new ConnectivityMonitor({ now: () => this.clock.now() })
    this.store = new OutboxStore(
      options.db,
      new WriteQueue(
        options.db,
        options.commitIntervalMs === undefined ? {} : { minIntervalMs: options.commitIntervalMs }
      )
    )
    const rate = options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND
    this.bucket = new TokenBucket(rate, options.burst ?? Math.max(1, Math.round(rate / 10)), this.clock)
    this.holds = new Holds({ ...DEFAULT_HOLD_POLICY, ...options.holds }, this.random)
    this.schedule = { ...DEFAULT_SCHEDULE, ...options.schedule }
    this.maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT
    this.pager = new OutboxPager(this.store, options.pageSize ?? 64)
    this.idleMs = options.idleMs ?? 5_000
    this.publisher = new StatePublisher(
      this.clock,
      options.stateThrottleMs ?? 250,
      () => this.state(),
      (state) => options.emit('sync.state', state)
    )
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
    // A hold (45009 until midnight, 45011, credentials) lived in the last run's memory only, but the items it put
    // off still carry its end as their next attempt: make them due, so the first answer re-derives the hold.
    void this.store
      .reviveHeld(this.clock.now())
      .then((revived) => {
        if (revived > 0) this.pump()
      })
      .catch(() => undefined)
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
    this.publisher.stop()
    const grace = options.graceMs ?? 5_000
    if (this.active.size > 0 && grace > 0)
      await within(this.clock, Promise.allSettled([...this.active.values()]), grace)
    if (this.active.size > 0) {
      this.abort.abort()
      this.bucket.cancelAll(new UpstreamError('timeout', 'sync stopped'))
      await Promise.allSettled([...this.active.values()])
    }
  }

  /** New items were written: send them, and tell the screens the queue grew (an offline item waits). */
  notify(): void {
    this.pump()
    this.publishSoon()
  }

  /**
   * Manager: lift a quota or credentials pause (e.g. after clear_quota or new settings) and try every queued
   * item at once, backoff or not.
   */
  async resume(): Promise<number> {
    this.holds.resume()
    this.pager.restart()
    const due = await this.store.makeAllDue(this.clock.now())
    this.publishNow()
    this.pump()
    return due
  }

  /**
   * A manager lifts a pause (45009 quota, credentials). The audit entry comes first (entry and chain head in one
   * transaction): a resume that happened is always on record, with what it lifted.
   */
  async resumeBy(by: Actor): Promise<SyncState> {
    const before = this.state()
    const db = this.options.db
    db.transaction(() =>
      appendAudit(db, {
        at: this.clock.now(),
        actorId: by.staffId,
        actorName: by.name,
        action: 'sync.resumed',
        subject: 'sync',
        detail: { paused: before.paused, slowedUntil: before.slowedUntil, queueDepth: before.queueDepth }
      })
    )()
    await this.resume()
    return this.state()
  }

  /** Something outside the worker changed what sync.state shows (e.g. a manager resolved a conflict). */
  refresh(): void {
    this.publishSoon()
  }

  /**
   * The online path, right after the ledger write: tries the redemption now. 'queued' when the deadline passes
   * first or the upstream failed transiently — the worker carries on and 'redemption.updated' tells the outcome.
   */
  async sendNow(
    redemptionId: string,
    deadlineMs = this.options.sendNowDeadlineMs ?? COUNTER_DEADLINE_MS
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
      if (this.talking >= this.maxInFlight + INTERACTIVE_RESERVE) return 'queued'
      work = this.dispatch(found.seq, true)
    }
    const outcome = await within(this.clock, work, deadlineMs)
    if (outcome === undefined) return 'queued'
    if (outcome.kind === 'gone') return resultOfState(this.store.findByRedemption(redemptionId)?.state)
    return resultOfOutcome(outcome)
  }

  state(): SyncState {
    return composeState(this.clock.now(), this.store.stats(), this.monitor.snapshot(), this.internalProblem, {
      talking: this.talking,
      paused: this.holds.paused,
      slowedUntil: this.holds.slowedUntil
    })
  }

  // ---- the loop ----

  private pump(): void {
    if (!this.running) return
    const now = this.clock.now()
    if (this.holds.expire(now)) this.publishNow()
    const holdEnd = this.holds.end(now)
    if (holdEnd > now) return this.wakeAt(holdEnd)
    const limit = this.holds.probing(now) ? 1 : this.maxInFlight
    while (this.talking < limit) {
      const seq = this.pager.nextDue(now, (candidate) => this.active.has(candidate))
      if (seq === undefined)
        return this.wakeAt(this.store.earliestDue(new Set(this.active.keys())) ?? now + this.idleMs)
      this.dispatch(seq, false)
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
    this.talking++
    // runRound never throws: every failure comes back as a 'retry' outcome.
    const round = await this.talk(item, interactive)
    const now = this.clock.now()
    const outcome = round.outcome
    if (outcome.kind === 'retry') {
      if (this.holds.noteFailure(outcome.error, now)) this.publishNow()
    } else if (outcome.kind !== 'gone') {
      this.holds.noteAnswer(now)
    }
    // The upstream part is over: another item may start while this one's outcome is committed.
    this.talking--
    this.pump()
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

  private talk(item: OutboxItem, interactive: boolean): Promise<Round> {
    return runRound(item, {
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
    if (this.running) this.publisher.soon()
  }

  private publishNow(): void {
    if (this.running) this.publisher.now()
  }
}
