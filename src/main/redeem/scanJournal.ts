/**
 * The scan log and the last-seen code statuses are bookkeeping, not money: the cashier must not
 * wait for their fsync (about a millisecond each on a till's disk). They are gathered and written
 * together in one transaction right after the answer has gone out (next turn of the event loop),
 * and always before the station closes. A redemption never depends on them being written.
 *
 * Statuses are kept per coupon: the code alone for a plain code, (card, code) for a custom code
 * (src/main/db/codeKey.ts), so the same custom code under two cards keeps two statuses.
 */
import { codeKeyOf } from '../db/codeKey'
import type { Db } from '../db/open'
import { prepared } from '../db/statements'

type Write = () => void

export class ScanJournal {
  private pending: Write[] = []
  /**
   * code → (code key → card) of the statuses gathered but not written yet (the latest per key wins, as in the
   * upsert).
   */
  private pendingCards = new Map<string, Map<string, string | null>>()
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
    /** The card uses custom codes: the status belongs to (cardId, code). */
    customCode: boolean
    status: string
    canConsume: boolean
    openid: string | null
    beginTime: number | null
    endTime: number | null
    seenAt: number
  }): void {
    const custom = row.customCode && row.cardId !== null
    const key = codeKeyOf(row.code, custom ? row.cardId : null)
    let keys = this.pendingCards.get(row.code)
    if (!keys) this.pendingCards.set(row.code, (keys = new Map()))
    keys.set(key, row.cardId)
    this.add(() =>
      prepared(
        this.db,
        `INSERT INTO code_statuses (code, card_id, custom_code, status, can_consume, openid, begin_time, end_time,
           seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(code_key) DO UPDATE SET card_id = excluded.card_id, status = excluded.status,
           can_consume = excluded.can_consume, openid = excluded.openid, begin_time = excluded.begin_time,
           end_time = excluded.end_time, seen_at = excluded.seen_at`
      ).run(
        row.code,
        row.cardId,
        custom ? 1 : 0,
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
   * scan's entries first whenever scans came faster than the event loop's next turn). Null when the code was
   * seen under more than one card (the same custom code on two cards): the cashier must pick.
   */
  cardSeenBefore(code: string): string | null {
    const cards = new Map<string, string | null>()
    const rows = prepared(this.db, 'SELECT code_key, card_id FROM code_statuses WHERE code = ? LIMIT 8').all(
      code
    ) as Array<{ code_key: string; card_id: string | null }>
    for (const row of rows) cards.set(row.code_key, row.card_id)
    for (const [key, card] of this.pendingCards.get(code) ?? []) cards.set(key, card)
    const distinct = new Set([...cards.values()].filter((card) => card !== null))
    return distinct.size === 1 ? (distinct.values().next().value ?? null) : null
  }

  /** Writes everything gathered so far, now. */
  flush(): void {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    this.pendingCards = new Map()
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
