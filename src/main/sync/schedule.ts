/**
 * When a failed outbox item is tried again (docs/product-rules.md §6). Exponential backoff with "equal jitter" (each delay
 * is drawn from [d/2, d]), so retries of many items spread out but never come later than the nominal schedule:
 * the last fast attempt is therefore reached within the sum of the nominal delays, which the defaults keep under
 * 30 minutes. After that the item is flagged stale for the manager and retried at the slow interval, forever.
 */
import type { Random } from '../clock/clock'

export interface RetrySchedule {
  /** Delay after the first failed try. */
  baseMs: number
  factor: number
  /** Cap of one fast delay. */
  maxFastMs: number
  /** Tries on the fast schedule, the first one included. */
  fastTries: number
  /** Delay between tries once the fast schedule is used up. */
  slowMs: number
  /** An item still queued this long after it was written is stale, however often it was tried. */
  staleAfterMs: number
}

/** 1 s doubling to 5 min: 13 tries, the last one ≤ 23.5 min after the first; then every 10 min. */
export const DEFAULT_SCHEDULE: RetrySchedule = {
  baseMs: 1_000,
  factor: 2,
  maxFastMs: 300_000,
  fastTries: 13,
  slowMs: 600_000,
  staleAfterMs: 30 * 60_000
}

/** The nominal delay after `failedTries` tries have failed (1-based). */
export function nominalDelay(failedTries: number, s: RetrySchedule): number {
  if (failedTries >= s.fastTries) return s.slowMs
  const exponent = Math.max(0, failedTries - 1)
  return Math.min(s.maxFastMs, s.baseMs * s.factor ** exponent)
}

export function retryDelay(failedTries: number, s: RetrySchedule, random: Random): number {
  const d = nominalDelay(failedTries, s)
  return Math.round(d / 2 + (random() * d) / 2)
}

/** Time from the first try to the last fast try, at the most (no jitter makes it later). */
export function fastScheduleSpanMs(s: RetrySchedule): number {
  let sum = 0
  for (let failed = 1; failed < s.fastTries; failed++) sum += nominalDelay(failed, s)
  return sum
}

export const isStale = (failedTries: number, ageMs: number, s: RetrySchedule): boolean =>
  failedTries >= s.fastTries || ageMs >= s.staleAfterMs
