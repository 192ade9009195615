/**
 * Time as the device services see it. Injected so tests drive reconnect back-off and idle timeouts by
 * advancing a fake clock instead of sleeping.
 */
import { z } from 'zod'
import type { EpochMs } from '../../shared/time'

export type TimerHandle = unknown

export interface DeviceClock {
  now(): EpochMs
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemClock: DeviceClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A pending reopen must never keep the process alive on quit.
    handle.unref()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

export const reopenPolicySchema = z
  .object({
    initialMs: z.number().int().min(50).max(60_000).default(500),
    maxMs: z.number().int().min(50).max(300_000).default(10_000)
  })
  .refine((p) => p.maxMs >= p.initialMs, {
    error: 'reopen.maxMs must be at least reopen.initialMs'
  })

export type ReopenPolicy = z.output<typeof reopenPolicySchema>

/**
 * Delay before reopen attempt n (1-based): doubling from initialMs, capped at maxMs. No jitter: one
 * station polls one local device, there is no herd to spread out.
 */
export function reopenDelay(attempt: number, policy: ReopenPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30)
  return Math.min(policy.maxMs, policy.initialMs * 2 ** exponent)
}
