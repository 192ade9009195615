/**
 * Resolves or rejects like `work`, unless `signal` aborts first (or already has): then it rejects with
 * `reason()` — the signal's own reason unless the caller names a clearer error. `work` keeps running; the
 * caller stops waiting for it.
 */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal,
  reason: () => unknown = () => signal.reason
): Promise<T> {
  if (signal.aborted) return Promise.reject(reason())
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}
