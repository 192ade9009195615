import type { Clock, TimerHandle } from '../../../src/main/clock/clock'

interface Timer {
  id: number
  due: number
  callback: () => void
}

/** A Clock whose time moves only when a test calls advance(); timers run in due order. */
export class FakeClock implements Clock {
  private time = 1_700_000_000_000
  private nextId = 1
  private timers: Timer[] = []

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, due: this.time + ms, callback }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle)
  }

  /** Delays of the timers still pending, soonest first. */
  pendingDelays(): number[] {
    return this.timers.map((t) => t.due - this.time).sort((a, b) => a - b)
  }

  advance(ms: number): void {
    const target = this.time + ms
    for (;;) {
      const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.id - b.id)[0]
      if (next === undefined) break
      this.timers = this.timers.filter((t) => t !== next)
      this.time = next.due
      next.callback()
    }
    this.time = target
  }
}
