/**
 * A network partition: for a period every WeChat request is lost. In 'refuse' mode the caller fails at once
 * (unreachable); in 'hang' mode it hangs until it gives up, the period ends, or heal() is called, and then
 * fails like a timeout. Requests lost this way are never applied: they did not reach WeChat.
 */
import type { EpochMs } from '../../../shared/time'
import type { Clock } from './clock'
import type { PartitionMode } from './types'

export interface PartitionState {
  mode: PartitionMode
  /** Sandbox-clock instant the partition ends; Infinity = until heal(). */
  until: EpochMs
}

/** setTimeout's ceiling; longer partitions simply wait for heal() or the caller's abort. */
const MAX_TIMER_MS = 2_147_483_647

export class PartitionGate {
  private state: PartitionState | undefined
  private readonly waiters = new Set<() => void>()

  constructor(private readonly now: Clock) {}

  start(mode: PartitionMode, durationMs?: number): PartitionState {
    this.state = {
      mode,
      until: durationMs === undefined ? Number.POSITIVE_INFINITY : this.now() + durationMs
    }
    return this.state
  }

  heal(): void {
    this.state = undefined
    for (const wake of [...this.waiters]) wake()
  }

  active(): PartitionState | undefined {
    if (this.state && this.now() >= this.state.until) this.state = undefined
    return this.state
  }

  /** Resolves when the partition heals or ends, or the caller aborts; never rejects. */
  wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const remaining = (this.state?.until ?? 0) - this.now()
      let timer: ReturnType<typeof setTimeout> | undefined
      const wake = (): void => {
        if (timer) clearTimeout(timer)
        this.waiters.delete(wake)
        signal?.removeEventListener('abort', wake)
        resolve()
      }
      if (signal?.aborted || remaining <= 0) return wake()
      this.waiters.add(wake)
      signal?.addEventListener('abort', wake, { once: true })
      if (remaining <= MAX_TIMER_MS) {
        timer = setTimeout(wake, remaining)
        // A hanging request must not keep a CLI or test process alive on its own.
        timer.unref?.()
      }
    })
  }
}
