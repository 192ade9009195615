/** A clock whose time moves only when the test says so; timers fire in time order as it advances. */
import type { Clock } from '../../../src/main/sync'

interface Timer {
  id: number
  at: number
  callback: () => void
}

/** Lets promise chains and setImmediate-deferred writes (the write queue) run to completion. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

export class FakeClock implements Clock {
  private timers = new Map<number, Timer>()
  private nextId = 1

  constructor(public current = Date.UTC(2026, 10, 22, 6, 0, 0)) {}

  now = (): number => this.current

  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++
    this.timers.set(id, { id, at: this.current + Math.max(0, ms), callback })
    return id
  }

  clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number)
  }

  get pendingTimers(): number {
    return this.timers.size
  }

  /** Moves time forward by `ms`, firing each due timer at its own instant and letting work settle after each. */
  async advance(ms: number): Promise<void> {
    const until = this.current + ms
    await settle()
    for (;;) {
      const next = [...this.timers.values()]
        .filter((t) => t.at <= until)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!next) break
      this.timers.delete(next.id)
      this.current = Math.max(this.current, next.at)
      next.callback()
      await settle()
    }
    this.current = until
    await settle()
  }
}

/** A seeded random in [0, 1) (mulberry32), so jitter is the same on every run. */
export function seededRandom(seed = 1): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Advances the clock in steps until `check` holds (fails after `maxMs` of fake time). */
export async function runUntil(
  clock: FakeClock,
  check: () => boolean,
  stepMs = 10,
  maxMs = 600_000
): Promise<void> {
  for (let spent = 0; spent <= maxMs; spent += stepMs) {
    if (check()) return
    await clock.advance(stepMs)
  }
  if (!check()) throw new Error(`condition not reached within ${maxMs} ms of fake time`)
}
