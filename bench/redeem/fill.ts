/**
 * Fills a station database with N realistic redemptions (365 business days, 3 stations' worth of
 * cashiers, a few thousand customers), each with its outbox item and a chained audit entry, fast:
 * one big transaction per 50,000 rows with synchronous=OFF while filling (the bench measures the
 * station's own settings afterwards).
 */
import type { Db } from '../../src/main/db/open'
import { GENESIS_HASH, entryHash } from '../../src/main/audit/audit'
import { writeSetting } from '../../src/main/db/settings'

const DAY_MS = 86_400_000

export function fill(db: Db, rows: number, startAt: number): void {
  db.pragma('synchronous = OFF')
  const insertRedemption =
    db.prepare(`INSERT INTO redemptions (id, code, card_id, card_type, card_title, picked_card_id, at, business_day,
      station_id, station_name, cashier_id, cashier_name, openid, bill_fen, discount_fen, payable_fen, face_value_fen,
      online, decision_json, approved_by, other_discount, status, synced_at, status_reason, voided_at, voided_by,
      void_reason)
    VALUES (@id, @code, @card_id, 'CASH', '满100减10', NULL,
    @at, @day, 'station-1', '收银台 1', @cashier, @cashierName, @openid, 12000, 1000, 11000, 1000, @online, '{}', NULL, 0,
    @status, @synced_at, NULL, NULL, NULL, NULL)`)
  const insertOutbox =
    db.prepare(`INSERT INTO outbox (redemption_id, kind, state, attempts, next_attempt_at, created_at, updated_at)
    VALUES (?, 'consume', ?, 1, ?, ?, ?)`)
  const insertAudit =
    db.prepare(`INSERT INTO audit_log (id, at, actor_id, actor_name, action, subject, detail_json, prev_hash, hash)
    VALUES (@id, @at, @actor_id, @actor_name, @action, @subject, @detail_json, @prev_hash, @hash)`)
  let prevHash = GENESIS_HASH
  const batch = 50_000
  for (let start = 0; start < rows; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const at = startAt + Math.floor((i / rows) * 365 * DAY_MS)
        const id = `bench-${String(i).padStart(8, '0')}`
        const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10)
        const synced = i < rows - 500
        insertRedemption.run({
          id,
          code: String(100_000_000_000 + i),
          card_id: 'pTRAINbenchCard0000000000001',
          at,
          day,
          cashier: `staff-${i % 12}`,
          cashierName: `收银员${i % 12}`,
          openid: `oBENCH${String(i % 5000).padStart(6, '0')}`.padEnd(28, 'x'),
          online: i % 10 === 0 ? 0 : 1,
          status: synced ? 'synced' : 'pending',
          synced_at: synced ? at + 500 : null
        })
        insertOutbox.run(id, synced ? 'done' : 'queued', at, at, at)
        const row = {
          id: i + 1,
          at,
          actor_id: `staff-${i % 12}`,
          actor_name: `收银员${i % 12}`,
          action: 'redemption.created',
          subject: id,
          detail_json: '{}',
          prev_hash: prevHash
        }
        const hash = entryHash(row)
        insertAudit.run({ ...row, hash })
        prevHash = hash
      }
    })()
  }
  writeSetting(db, 'audit.head', { id: rows, hash: prevHash })
  db.pragma('synchronous = FULL')
}
