/**
 * Time as every main-process service sees it: one interface, one system implementation, injected by the
 * composition root (src/main/station) so tests drive back-off, rate limits, deadlines, idle time-outs and
 * schedules by advancing a fake clock instead of sleeping.
 */
export type TimerHandle = unknown

export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** A number in [0, 1) (jitter; seeded in tests). */
export type Random = () => number

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A pending retry, reopen or refresh must never keep the process alive on quit.
    handle.unref()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** A clock whose now() is the given function, with real timers (tests and tools that fix "now"). */
export const clockWithNow = (now: () => number): Clock => ({ ...systemClock, now })

/** Resolves after `ms` on the given clock. */
export const delay = (clock: Clock, ms: number): Promise<void> =>
  new Promise((resolve) => {
    clock.setTimeout(resolve, ms)
  })

/** Resolves with `work`'s value, or undefined once `ms` have passed on the clock. */
export function within<T>(clock: Clock, work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = clock.setTimeout(() => resolve(undefined), ms)
    work.then(
      (value) => {
        clock.clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clock.clearTimeout(timer)
        reject(error)
      }
    )
  })
}
