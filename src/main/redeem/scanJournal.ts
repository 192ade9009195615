/**
 * The scan log and the last-seen code statuses are bookkeeping, not money: the cashier must not
 * wait for their fsync (about a millisecond each on a till's disk). They are gathered and written
 * together in one transaction right after the answer has gone out (next turn of the event loop),
 * and always before the station closes. A redemption never depends on them being written.
 */
import type { Db } from '../db/open'
import { prepared } from '../db/statements'

type Write = () => void

/** A code's card and own validity window (epoch ms), as code/get last gave them. */
export interface LastSeen {
  cardId: string | null
  beginTime: number | null
  endTime: number | null
}

export class ScanJournal {
  private pending: Write[] = []
  /** What each code's status gathered but not written yet says (the latest wins, as in the upsert). */
  private pendingSeen = new Map<string, LastSeen>()
  private scheduled = false

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void = (error) => console.error('[scan journal]', error)
  ) {}

  logScan(row: {
    at: number
    source: string
    device: string
    raw: string
    normalized: unknown
    accepted: boolean
  }): void {
    this.add(() =>
      prepared(
        this.db,
        'INSERT INTO scan_events (at, source, device, raw, normalized_json, accepted) VALUES (?, ?, ?, ?, ?, ?)'
      ).run(row.at, row.source, row.device, row.raw, JSON.stringify(row.normalized), row.accepted ? 1 : 0)
    )
  }

  rememberStatus(row: {
    code: string
    cardId: string | null
    status: string
    canConsume: boolean
    openid: string | null
    beginTime: number | null
    endTime: number | null
    seenAt: number
  }): void {
    this.pendingSeen.set(row.code, { cardId: row.cardId, beginTime: row.beginTime, endTime: row.endTime })
    this.add(() =>
      prepared(
        this.db,
        `INSERT INTO code_statuses (code, card_id, status, can_consume, openid, begin_time, end_time, seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(code) DO UPDATE SET card_id = excluded.card_id, status = excluded.status,
           can_consume = excluded.can_consume, openid = excluded.openid, begin_time = excluded.begin_time,
           end_time = excluded.end_time, seen_at = excluded.seen_at`
      ).run(
        row.code,
        row.cardId,
        row.status,
        row.canConsume ? 1 : 0,
        row.openid,
        row.beginTime,
        row.endTime,
        row.seenAt
      )
    )
  }

  /**
   * The card a code belonged to when WeChat last said, including what is not flushed yet — read from
   * memory, so an offline look-up never waits for the journal's fsync (it used to flush the previous
   * scan's entries first whenever scans came faster than the event loop's next turn).
   */
  cardSeenBefore(code: string): string | null {
    return this.lastSeen(code)?.cardId ?? null
  }

  /** What WeChat last said about this code on this station: its card and its own validity window. */
  lastSeen(code: string): LastSeen | null {
    const pending = this.pendingSeen.get(code)
    if (pending) return pending
    const row = prepared(
      this.db,
      'SELECT card_id, begin_time, end_time FROM code_statuses WHERE code = ?'
    ).get(code) as { card_id: string | null; begin_time: number | null; end_time: number | null } | undefined
    return row ? { cardId: row.card_id, beginTime: row.begin_time, endTime: row.end_time } : null
  }

  /** Writes everything gathered so far, now. */
  flush(): void {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.pendingSeen = new Map()
    try {
      this.db.transaction(() => batch.forEach((write) => write()))()
    } catch (error) {
      this.onError(error)
    }
  }

  private add(write: Write): void {
    this.pending.push(write)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      if (this.db.open) this.flush()
    })
  }
}
