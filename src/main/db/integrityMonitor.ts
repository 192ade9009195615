/**
 * The background full integrity check of the open station database (docs/reliability.md § Database checks).
 * The first check runs shortly after start, then once a day, and again whenever a backup's copy fails its
 * own check; each runs on a worker thread (integrity.ts) so the till never waits for it. Its verdict is stored
 * beside the file, so a damaged file is refused at the next start even if the open-time check cannot see the
 * damage. On damage the owner (the Station) stops all writes; `assertWritable` and `damagedError` give the
 * clear DB_DAMAGED answer.
 */
import type { Worker } from 'node:worker_threads'
import { DatabaseError } from './errors'
import { fullCheck, writeCheckRecord } from './integrity'

export interface IntegrityStatus {
  /** pending: not checked since start; checking: a check is running; ok / damaged: the last verdict. */
  state: 'pending' | 'checking' | 'ok' | 'damaged'
  checkedAt: number | null
  problems: string[]
  /** Why the last attempt could not run (busy file, worker failure), else null. */
  lastError: string | null
}

export interface IntegrityMonitorOptions {
  file: string
  onDamage: (status: IntegrityStatus) => void
  now?: () => number
  log?: (line: string) => void
  /** After start, the first check waits this long (the till opens first). Default 10 s. */
  startDelayMs?: number
  /** Between checks. Default a day. */
  intervalMs?: number
}

export class IntegrityMonitor {
  private status: IntegrityStatus = { state: 'pending', checkedAt: null, problems: [], lastError: null }
  private timer: NodeJS.Timeout | null = null
  private worker: Worker | null = null
  private running: Promise<IntegrityStatus> | null = null
  private stopped = true

  constructor(private readonly options: IntegrityMonitorOptions) {}

  get current(): IntegrityStatus {
    return { ...this.status, problems: [...this.status.problems] }
  }

  get damaged(): boolean {
    return this.status.state === 'damaged'
  }

  start(): void {
    this.stopped = false
    this.schedule(this.options.startDelayMs ?? 10_000)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    // The worker holds its own read-only connection; ending it lets the file be closed or moved at once.
    await this.worker?.terminate()
    if (this.running) await this.running
  }

  /** Runs the full check now (or waits for the one running) and answers its verdict. */
  async checkNow(): Promise<IntegrityStatus> {
    if (this.running) return this.running
    const run = this.runCheck()
    this.running = run
    try {
      return await run
    } finally {
      this.running = null
    }
  }

  /** The DB_DAMAGED answer for a write refused because of damage. */
  damagedError(advice: string): DatabaseError {
    return new DatabaseError(
      'DB_DAMAGED',
      `The station database failed its integrity check (${this.status.problems.slice(0, 3).join('; ')}); writes are stopped so the ledger stays as it is. ${advice}`,
      this.options.file
    )
  }

  private async runCheck(): Promise<IntegrityStatus> {
    if (this.damaged) return this.current // damage is final until the file is restored (a new station)
    const previous = this.status.state
    this.status = { ...this.status, state: 'checking' }
    const result = await fullCheck(this.options.file, (worker) => (this.worker = worker))
    this.worker = null
    const now = (this.options.now ?? Date.now)()
    if (result.kind === 'not-run') {
      // Terminated by stop(), or the file was busy: nothing is known, keep the last verdict.
      this.status = {
        ...this.status,
        state: previous === 'checking' ? 'pending' : previous,
        lastError: result.error
      }
      if (!this.stopped) this.options.log?.(`[integrity] the full check could not run: ${result.error}`)
      return this.current
    }
    const problems = result.kind === 'damaged' ? result.problems : []
    this.status = { state: result.kind, checkedAt: now, problems, lastError: null }
    try {
      writeCheckRecord(this.options.file, { ok: result.kind === 'ok', problems, checkedAt: now })
    } catch (err) {
      this.options.log?.(`[integrity] the check's verdict could not be stored: ${String(err)}`)
    }
    if (result.kind === 'damaged') {
      this.options.log?.(`[integrity] DAMAGED: ${problems.slice(0, 3).join('; ')}`)
      this.options.onDamage(this.current)
    }
    return this.current
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (this.stopped) return
      void this.checkNow().then(() => {
        if (!this.stopped && !this.damaged) this.schedule(this.options.intervalMs ?? 86_400_000)
      })
    }, delayMs)
    this.timer.unref()
  }
}
