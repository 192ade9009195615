/**
 * From a round's outcome to the item's new row: settled (synced / conflict / rejected, with the reason and the
 * audit detail) or rescheduled on the retry schedule. Problems that are not the item's fault — the minute or
 * daily quota, credentials — do not count as a try: the whole worker waits instead (see worker.ts).
 */
import type { UpstreamError } from '../upstream/types'
import type { Random } from '../clock/clock'
import type { ItemUpdate, OutboxItem } from './outboxStore'
import type { RoundOutcome } from './round'
import { isStale, retryDelay, type RetrySchedule } from './schedule'

/** Errors that hold the whole worker rather than this one item. */
export const isWorkerWide = (error: UpstreamError): boolean =>
  error.kind === 'rate_limited' || error.kind === 'quota_exhausted' || error.kind === 'auth'

/** Transport trouble: the upstream did not answer usefully (counts toward the circuit breaker). */
export const isTransportTrouble = (error: UpstreamError): boolean =>
  error.kind === 'network' ||
  error.kind === 'timeout' ||
  error.kind === 'transient' ||
  error.kind === 'malformed'

export interface SettleContext {
  now: number
  schedule: RetrySchedule
  random: Random
  /** When a worker-wide hold ends (for items held by it). */
  holdEnd: number
}

export function itemUpdate(
  item: OutboxItem,
  outcome: RoundOutcome,
  ctx: SettleContext
): ItemUpdate | undefined {
  switch (outcome.kind) {
    case 'synced':
      return {
        kind: 'settle',
        status: 'synced',
        reason: null,
        cardId: outcome.cardId,
        openid: outcome.openid,
        lastError: null,
        audit: { tries: item.attempts + 1, upstreamCardId: outcome.cardId }
      }
    case 'conflict':
      return {
        kind: 'settle',
        status: 'conflict',
        reason: outcome.reason,
        cardId: outcome.upstreamCardId,
        openid: null,
        lastError: outcome.reason,
        audit: {
          tries: item.attempts + 1,
          upstreamCardId: outcome.upstreamCardId,
          recordedCardId: item.cardId,
          pickedCardId: item.pickedCardId,
          consumedByUs: outcome.consumedByUs
        }
      }
    case 'rejected':
      return {
        kind: 'settle',
        status: 'rejected',
        reason: outcome.reason,
        cardId: null,
        openid: null,
        lastError: outcome.reason,
        audit: {
          tries: item.attempts + 1,
          errcode: outcome.errcode,
          ...(outcome.window
            ? { redeemedAt: item.redeemedAt, validFrom: outcome.window.begin, validUntil: outcome.window.end }
            : {})
        }
      }
    case 'retry': {
      const counts = !isWorkerWide(outcome.error)
      const tries = item.attempts + (counts ? 1 : 0)
      return {
        kind: 'reschedule',
        countsAsTry: counts,
        nextAttemptAt: counts ? ctx.now + retryDelay(tries, ctx.schedule, ctx.random) : ctx.holdEnd,
        stale: isStale(tries, ctx.now - item.createdAt, ctx.schedule),
        inFlight: outcome.inFlight,
        lastError: `${outcome.error.kind}${outcome.error.errcode === null ? '' : ` ${outcome.error.errcode}`}: ${outcome.error.message}`
      }
    }
    case 'gone':
      return undefined
  }
}
