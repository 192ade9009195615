/**
 * Every statement the sync worker runs, prepared once per connection. Queued items are found through the
 * partial index outbox_queued (migration 004) so done items, kept for ever as the sync history, cost nothing.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from '../db/open'

const SQL = {
  duePage: `SELECT seq FROM outbox WHERE state = 'queued' AND seq > ? AND next_attempt_at <= ? ORDER BY seq LIMIT ?`,
  load: `SELECT o.seq, o.redemption_id, o.attempts, o.in_flight, o.created_at, o.next_attempt_at,
                r.code, r.custom_code, r.card_id, r.picked_card_id, r.online, r.at
         FROM outbox o JOIN redemptions r ON r.id = o.redemption_id
         WHERE o.seq = ? AND o.state = 'queued'`,
  byRedemption: `SELECT o.seq, o.state, r.status FROM outbox o JOIN redemptions r ON r.id = o.redemption_id
         WHERE o.redemption_id = ?`,
  earliest: `SELECT seq, next_attempt_at FROM outbox WHERE state = 'queued' ORDER BY next_attempt_at, seq LIMIT ?`,
  stats: `SELECT count(*) AS depth, min(created_at) AS oldest, coalesce(sum(stale), 0) AS stale
         FROM outbox WHERE state = 'queued'`,
  /** Conflicts and rejections no manager has resolved yet (partial index redemptions_open_status). */
  needsManager: `SELECT count(*) AS n FROM redemptions r WHERE r.status IN ('conflict', 'rejected')
         AND NOT EXISTS (SELECT 1 FROM conflict_resolutions c WHERE c.redemption_id = r.id)`,
  ours: `SELECT EXISTS (SELECT 1 FROM sync_attempts WHERE outbox_seq = ? AND kind = 'consume' AND id <> ?
           AND (outcome IS NULL OR outcome IN ('consumed', 'ambiguous', 'unknown'))) AS found`,
  oursAfterNormal: `SELECT EXISTS (SELECT 1 FROM sync_attempts c WHERE c.outbox_seq = ? AND c.kind = 'consume'
           AND c.id <> ? AND (c.outcome IS NULL OR c.outcome IN ('consumed', 'ambiguous', 'unknown'))
           AND (EXISTS (SELECT 1 FROM sync_attempts s WHERE s.outbox_seq = c.outbox_seq AND s.kind = 'status_check'
                  AND s.outcome = 'status' AND json_extract(s.detail, '$.status') = 'NORMAL' AND s.id < c.id
                  AND s.finished_at <= c.started_at AND c.started_at - s.finished_at <= ?)
             OR EXISTS (SELECT 1 FROM code_statuses k WHERE k.code = ? AND k.status = 'NORMAL'
                  AND k.seen_at <= c.started_at AND c.started_at - k.seen_at <= ?))) AS found`,
  codeWindow: `SELECT begin_time, end_time FROM code_statuses WHERE code_key = ?`,
  lookupSeen: `SELECT seen_at FROM code_statuses WHERE code_key = ? AND status = 'NORMAL'`,
  anyConsume: `SELECT EXISTS (SELECT 1 FROM sync_attempts WHERE outbox_seq = ? AND kind = 'consume') AS found`,
  insertAttempt: `INSERT INTO sync_attempts (outbox_seq, kind, started_at, finished_at, outcome, errcode, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
  finishAttempt: `UPDATE sync_attempts SET finished_at = ?, outcome = ?, errcode = ?, detail = ? WHERE id = ?`,
  markInterrupted: `UPDATE sync_attempts SET outcome = 'unknown', finished_at = ?,
           detail = 'no reply recorded: the station stopped while this request was on its way'
         WHERE outbox_seq = ? AND outcome IS NULL`,
  markInFlight: `UPDATE outbox SET in_flight = 1, updated_at = ? WHERE seq = ? AND state = 'queued'`,
  settleOutbox: `UPDATE outbox SET state = ?, in_flight = 0, last_error = ?, updated_at = ? WHERE seq = ? AND state = 'queued'`,
  settleRedemption: `UPDATE redemptions SET status = ?, status_reason = ?, synced_at = ?,
           card_id = coalesce(card_id, ?), openid = coalesce(openid, ?)
         WHERE id = ? AND status <> 'voided'`,
  reschedule: `UPDATE outbox SET attempts = attempts + ?, next_attempt_at = ?, stale = max(stale, ?), in_flight = ?,
           last_error = ?, updated_at = ?
         WHERE seq = ? AND state = 'queued'`,
  makeDue: `UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE state = 'queued' AND next_attempt_at > ?`,
  /** Items a worker-wide hold (45009, 45011, credentials) put off: their last error names the hold's kind. */
  reviveHeld: `UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE state = 'queued' AND next_attempt_at > ?
           AND (last_error LIKE 'quota_exhausted%' OR last_error LIKE 'rate_limited%' OR last_error LIKE 'auth%')`,
  flagStale: `UPDATE outbox SET stale = 1, updated_at = ? WHERE state = 'queued' AND stale = 0 AND created_at <= ?`
} as const

export type OutboxStatements = Record<keyof typeof SQL, Statement>

export function prepareOutboxStatements(db: Db): OutboxStatements {
  return Object.fromEntries(
    Object.entries(SQL).map(([name, sql]) => [name, db.prepare(sql)])
  ) as OutboxStatements
}
