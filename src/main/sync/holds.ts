/**
 * When the whole worker waits instead of one item: the circuit breaker (the upstream has given no answer for a
 * while and the last rounds all failed, so only one item at a time goes out as a probe, after a growing pause), 45011 (wait for the next minute), 45009 (the daily
 * quota is gone: pause until the WeChat day ends, Beijing midnight) and credentials trouble (pause, try again
 * now and then in case someone fixed the whitelist or the secret).
 */
import { DateTime } from 'luxon'
import type { SyncPause } from '../../shared/sync'
import type { UpstreamError } from '../upstream/types'
import type { Random } from '../clock/clock'
import { isTransportTrouble } from './settlement'

export interface HoldPolicy {
  /**
   * Rounds in a row with transport trouble before the breaker opens. Default 8: a dead upstream fails every
   * request in flight at once, while a merely flaky one (even 30% failures) almost never fails 8 in a row.
   */
  breakerAfter: number
  /** …and no answer at all for this long (a flaky upstream still answers; a dead one does not). Default 2 s. */
  breakerQuietMs: number
  breakerBaseMs: number
  breakerMaxMs: number
  authRetryMs: number
  rateLimitedUntil: (now: number) => number
  quotaPausedUntil: (now: number) => number
}

export const nextMinute = (now: number): number => Math.floor(now / 60_000) * 60_000 + 60_000

/** WeChat's quota day is Beijing time (the sandbox models the same). */
export const nextBeijingMidnight = (now: number): number =>
  DateTime.fromMillis(now, { zone: 'Asia/Shanghai' }).startOf('day').plus({ days: 1 }).toMillis()

export const DEFAULT_HOLD_POLICY: HoldPolicy = {
  breakerAfter: 8,
  breakerQuietMs: 2_000,
  breakerBaseMs: 1_000,
  breakerMaxMs: 30_000,
  authRetryMs: 60_000,
  rateLimitedUntil: nextMinute,
  quotaPausedUntil: nextBeijingMidnight
}

export class Holds {
  /** Rounds in a row that ended in transport trouble. */
  trouble = 0
  lastAnswerAt = Number.NEGATIVE_INFINITY
  breakerUntil = 0
  slowedUntil = 0
  paused: SyncPause | null = null

  constructor(
    private readonly policy: HoldPolicy,
    private readonly random: Random
  ) {}

  /** Whether only one item at a time should go out (probing a failing upstream). */
  probing(now: number): boolean {
    return this.trouble >= this.policy.breakerAfter && now - this.lastAnswerAt >= this.policy.breakerQuietMs
  }

  /** Updates the holds from one round's result; returns true when a pause or slow-down began. */
  noteFailure(error: UpstreamError, now: number): boolean {
    switch (error.kind) {
      case 'rate_limited':
        this.slowedUntil = Math.max(this.slowedUntil, this.policy.rateLimitedUntil(now))
        return true
      case 'quota_exhausted':
        this.pause('quota', now, this.policy.quotaPausedUntil(now), error.errcode)
        return true
      case 'auth':
        this.pause('auth', now, now + this.policy.authRetryMs, error.errcode)
        return true
      default:
        if (!isTransportTrouble(error)) return false
        this.trouble++
        if (this.probing(now)) {
          const n = this.trouble - this.policy.breakerAfter
          const d = Math.min(this.policy.breakerMaxMs, this.policy.breakerBaseMs * 2 ** Math.min(n, 20))
          this.breakerUntil = now + Math.round(d / 2 + (this.random() * d) / 2)
        }
        return false
    }
  }

  /** An answer came: the breaker closes. */
  noteAnswer(now: number): void {
    this.trouble = 0
    this.breakerUntil = 0
    this.lastAnswerAt = now
  }

  resume(): void {
    this.trouble = 0
    this.breakerUntil = 0
    this.slowedUntil = 0
    this.paused = null
  }

  /** Drops holds that have run out; true when a pause ended. */
  expire(now: number): boolean {
    if (now >= this.slowedUntil) this.slowedUntil = 0
    if (this.paused && this.paused.until !== null && now >= this.paused.until) {
      this.paused = null
      return true
    }
    return false
  }

  /** Until when nothing may be sent (the cashier's own redemption is not held by the breaker). */
  end(now: number, interactive = false): number {
    let end = Math.max(now, this.slowedUntil)
    if (this.paused) end = Math.max(end, this.paused.until ?? Number.POSITIVE_INFINITY)
    if (!interactive) end = Math.max(end, this.breakerUntil)
    return end
  }

  private pause(reason: SyncPause['reason'], now: number, until: number, errcode: number | null): void {
    const since = this.paused?.reason === reason ? this.paused.since : now
    this.paused = { reason, since, until, errcode }
  }
}
