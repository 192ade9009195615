/**
 * Group commit for the worker's small writes. Every write the worker makes must be durable (synchronous=FULL)
 * before it acts on it — above all the attempt record before a consume is sent — and one fsync per write would
 * cap the drain rate on a real disk. Writes queued in the same turn of the event loop commit together in ONE
 * transaction; each runs in its own savepoint, so one failing write does not undo the others. A caller's promise
 * resolves only after the commit.
 */
import type { Db } from '../db/open'

interface Job {
  work: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export class WriteQueue {
  private queue: Job[] = []
  private scheduled = false

  constructor(
    private readonly db: Db,
    private readonly defer: (flush: () => void) => void = (flush) => setImmediate(flush)
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.scheduled) {
        this.scheduled = true
        this.defer(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.scheduled = false
    const batch = this.queue
    this.queue = []
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = []
    try {
      this.db
        .transaction(() => {
          for (const job of batch) {
            try {
              // A transaction function called inside a transaction runs as a savepoint.
              results.push({ ok: true, value: this.db.transaction(job.work)() })
            } catch (error) {
              results.push({ ok: false, error })
            }
          }
        })
        .immediate()
    } catch (error) {
      for (const job of batch) job.reject(error)
      return
    }
    batch.forEach((job, i) => {
      const result = results[i]
      if (result?.ok) job.resolve(result.value)
      else job.reject(result ? result.error : new Error('write lost'))
    })
  }
}
