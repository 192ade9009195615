/** When a lost scanner is tried again (the clock itself is src/main/clock). */
import type { ReopenPolicy } from '../../shared/scannerConfig'

/**
 * Delay before reopen attempt n (1-based): doubling from initialMs, capped at maxMs. No jitter: one
 * station polls one local device, there is no herd to spread out.
 */
export function reopenDelay(attempt: number, policy: ReopenPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30)
  return Math.min(policy.maxMs, policy.initialMs * 2 ** exponent)
}
