/**
 * Group commit for the worker's small writes. Every write the worker makes must be durable (synchronous=FULL)
 * before it acts on it — above all the attempt record before a consume is sent — and a commit costs an fsync
 * (~1.5 ms on our CI disk) that blocks the main thread, so one commit per write would cap the drain rate well
 * below the upstream's. Writes are gathered and committed together in ONE transaction: at once when the last
 * commit was a while ago (a quiet station pays no delay), else once as much time has passed since it as it took
 * — so commits never take more than about half of the thread, however slow the disk. Each write runs in its own savepoint, so one failing write does
 * not undo the others; a caller's promise resolves only after the commit.
 */
import type { Db } from '../db/open'

interface Job {
  work: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export interface WriteQueueOptions {
  /** Least time between two commits. Default: as long as the last commit took. 0 = the next turn of the loop. */
  minIntervalMs?: number
}

export class WriteQueue {
  private queue: Job[] = []
  private scheduled = false
  private lastCommit = Number.NEGATIVE_INFINITY
  private lastCommitMs = 0

  constructor(
    private readonly db: Db,
    private readonly options: WriteQueueOptions = {}
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (this.scheduled) return
      this.scheduled = true
      const gap = this.options.minIntervalMs ?? this.lastCommitMs
      const wait = this.lastCommit + gap - performance.now()
      if (wait <= 0) setImmediate(() => this.flush())
      else setTimeout(() => this.flush(), Math.ceil(wait))
    })
  }

  private flush(): void {
    this.scheduled = false
    const started = performance.now()
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
    } finally {
      this.lastCommit = performance.now()
      this.lastCommitMs = this.lastCommit - started
    }
    batch.forEach((job, i) => {
      const result = results[i]
      if (result?.ok) job.resolve(result.value)
      else job.reject(result ? result.error : new Error('write lost'))
    })
  }
}
