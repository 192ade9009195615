/**
 * A token bucket: `ratePerSecond` sustained, up to `burst` at once. Waiters are served first come first served,
 * except that a priority waiter (the cashier's own redemption) goes to the front of the line.
 */
import type { Clock } from '../clock/clock'

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

export class TokenBucket {
  private tokens: number
  private refilledAt: number
  private readonly waiters: Waiter[] = []
  private timer: unknown

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate must be > 0 and burst ≥ 1')
    this.tokens = burst
    this.refilledAt = clock.now()
  }

  take(priority = false): Promise<void> {
    this.refill()
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject }
      if (priority) this.waiters.unshift(waiter)
      else this.waiters.push(waiter)
      this.arm()
    })
  }

  /** Rejects every waiter (the worker is stopping). */
  cancelAll(reason: unknown): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    for (const waiter of this.waiters.splice(0)) waiter.reject(reason)
  }

  get waiting(): number {
    return this.waiters.length
  }

  private refill(): void {
    const now = this.clock.now()
    const elapsed = Math.max(0, now - this.refilledAt)
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000)
    this.refilledAt = now
  }

  private arm(): void {
    if (this.timer !== undefined || this.waiters.length === 0) return
    const missing = Math.max(0, 1 - this.tokens)
    const wait = Math.max(1, Math.ceil((missing * 1000) / this.ratePerSecond))
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      this.refill()
      while (this.waiters.length > 0 && this.tokens >= 1) {
        this.tokens -= 1
        this.waiters.shift()?.resolve()
      }
      this.arm()
    }, wait)
  }
}
