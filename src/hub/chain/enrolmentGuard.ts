/**
 * The brute-force lock-out of enrolment codes (docs/chain.md § Enrolment lock-out). A code has many values, but
 * codes stay valid for hours and several may be outstanding at once, so guessing must be slowed:
 *
 * - **per source**: more than `perSource` wrong codes from one address in `windowMs` → that address is refused
 *   `ENROLMENT_LOCKED` until the oldest of them leaves the window (Retry-After says when);
 * - **per store**: a request that names its store (the `x-hexiao-store` header: a store hub that forwards adds
 *   its own store, so all tills behind it count together) — more than `perStore` wrong codes for that store in the
 *   window → enrolment for that store is locked the same way, from any address.
 *
 * A locked request is refused before the code is even looked at, so the right code does not get through either.
 * Every attempt (enrolled, refused, locked) is a row of `chain_enrolment_attempts` (hub migration 007): HQ's
 * audit, and the window's memory shared by every hub process on the database.
 */
import type pg from 'pg'
import { ChainFailure } from './failure'

export interface EnrolmentGuardOptions {
  perSource?: number
  perStore?: number
  windowMs?: number
  now?: () => number
}

export interface EnrolmentAttempt {
  source: string
  storeId: string | null
  tillId: string
}

export const ENROLMENT_LOCKOUT = { perSource: 10, perStore: 30, windowMs: 10 * 60_000 } as const

export class EnrolmentGuard {
  private readonly perSource: number
  private readonly perStore: number
  private readonly windowMs: number
  private readonly now: () => number

  constructor(
    private readonly pool: pg.Pool,
    options: EnrolmentGuardOptions = {}
  ) {
    this.perSource = options.perSource ?? ENROLMENT_LOCKOUT.perSource
    this.perStore = options.perStore ?? ENROLMENT_LOCKOUT.perStore
    this.windowMs = options.windowMs ?? ENROLMENT_LOCKOUT.windowMs
    this.now = options.now ?? Date.now
  }

  /** Throws ENROLMENT_LOCKED (and records the locked attempt) when the source or the store is locked. */
  async check(attempt: EnrolmentAttempt): Promise<void> {
    const now = this.now()
    const since = now - this.windowMs
    const bySource = await this.window('source', attempt.source, since, this.perSource)
    const byStore =
      attempt.storeId === null ? null : await this.window('store_id', attempt.storeId, since, this.perStore)
    const locked = bySource ?? byStore
    if (!locked) return
    await this.record(attempt, 'locked')
    const retryAfterS = Math.max(1, Math.ceil((locked.until - now) / 1000))
    const scope = bySource ? 'source' : 'store'
    throw new ChainFailure(
      'ENROLMENT_LOCKED',
      scope === 'source'
        ? `Too many wrong enrolment codes from this address; enrolment is paused here for ${retryAfterS} s.`
        : `Too many wrong enrolment codes for store "${attempt.storeId}"; its enrolment is paused for ${retryAfterS} s.`,
      { scope, lockedUntil: locked.until },
      retryAfterS
    )
  }

  async record(attempt: EnrolmentAttempt, outcome: 'enrolled' | 'refused' | 'locked'): Promise<void> {
    await this.pool.query(
      `INSERT INTO chain_enrolment_attempts (at, source, store_id, till_id, outcome)
       VALUES ($1, $2, $3, $4, $5)`,
      [this.now(), attempt.source, attempt.storeId, attempt.tillId, outcome]
    )
  }

  /**
   * The lock of one key, if it has `limit` wrong codes in the window: it ends when the limit-th newest of them
   * leaves the window (from then on fewer than `limit` remain).
   */
  private async window(
    column: 'source' | 'store_id',
    key: string,
    since: number,
    limit: number
  ): Promise<{ until: number } | null> {
    const { rows } = await this.pool.query<{ at: string }>(
      `SELECT at FROM chain_enrolment_attempts
       WHERE ${column} = $1 AND outcome = 'refused' AND at > $2
       ORDER BY at DESC OFFSET $3 - 1 LIMIT 1`,
      [key, since, limit]
    )
    return rows[0] ? { until: Number(rows[0].at) + this.windowMs } : null
  }
}
