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

/** A code's card and own validity window (epoch ms), as code/get last gave them. */
export interface LastSeen {
  cardId: string | null
  beginTime: number | null
  endTime: number | null
}

export class ScanJournal {
  private pending: Write[] = []
  /**
   * code → (code key → card and window) of the statuses gathered but not written yet (the latest per key wins,
   * as in the upsert).
   */
  private pendingSeen = new Map<string, Map<string, LastSeen>>()
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
    let keys = this.pendingSeen.get(row.code)
    if (!keys) this.pendingSeen.set(row.code, (keys = new Map()))
    keys.set(key, { cardId: row.cardId, beginTime: row.beginTime, endTime: row.endTime })
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
    return this.lastSeen(code)?.cardId ?? null
  }

  /**
   * What WeChat last said about this code on this station: its card and its own validity window. With a card
   * (the cashier's pick, a rule's or the scan's), the status of the code under that card; without one, the
   * status only when the code was seen under a single card (the same custom code on two cards is two coupons
   * with their own windows: the cashier picks first). Reads what is not flushed yet from memory.
   */
  lastSeen(code: string, cardId: string | null = null): LastSeen | null {
    const seen = new Map<string, LastSeen>()
    const rows = prepared(
      this.db,
      'SELECT code_key, card_id, begin_time, end_time FROM code_statuses WHERE code = ? LIMIT 8'
    ).all(code) as Array<{
      code_key: string
      card_id: string | null
      begin_time: number | null
      end_time: number | null
    }>
    for (const row of rows)
      seen.set(row.code_key, { cardId: row.card_id, beginTime: row.begin_time, endTime: row.end_time })
    for (const [key, entry] of this.pendingSeen.get(code) ?? []) seen.set(key, entry)
    const entries = [...seen.values()]
    if (cardId !== null) return entries.find((e) => e.cardId === cardId) ?? null
    const distinct = new Set(entries.map((e) => e.cardId).filter((card) => card !== null))
    if (distinct.size > 1) return null
    return entries.find((e) => e.cardId !== null) ?? entries[0] ?? null
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
