/**
 * Time and chance as the sync worker sees them. Injected so tests drive backoff, rate limits and deadlines by
 * advancing a fake clock instead of sleeping, and replay jitter with a seeded random.
 */
export interface SyncClock {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** A number in [0, 1). */
export type Random = () => number

export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    // A pending retry must never keep the process alive on quit.
    handle.unref()
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
}

/** Resolves after `ms` on the given clock. */
export const delay = (clock: SyncClock, ms: number): Promise<void> =>
  new Promise((resolve) => {
    clock.setTimeout(resolve, ms)
  })

/** Resolves with `work`'s value, or undefined once `ms` have passed on the clock. */
export function within<T>(clock: SyncClock, work: Promise<T>, ms: number): Promise<T | undefined> {
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
