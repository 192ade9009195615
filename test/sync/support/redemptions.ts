/** Ledger rows for sync tests, written the way the redeem service writes them (Ledger.recordRedemption). */
import { v7 as uuidv7 } from 'uuid'
import type { Db } from '../../../src/main/db/open'
import { Ledger } from '../../../src/main/redeem/ledger'
import type { NewRedemption } from '../../../src/main/redeem/ledgerRows'

export interface RedemptionSpec {
  code: string
  /** The card uses custom codes: the coupon is (card, code). Needs cardId or pickedCardId. */
  customCode?: boolean
  cardId?: string | null
  pickedCardId?: string | null
  online?: boolean
  at?: number
  id?: string
}

export function redemptionRow(spec: RedemptionSpec): NewRedemption {
  const at = spec.at ?? Date.UTC(2026, 10, 22, 6, 0, 0)
  return {
    id: spec.id ?? uuidv7(),
    code: spec.code,
    custom_code: spec.customCode === true ? 1 : 0,
    // As the redeem service writes it: card_id is the card of the decision, the picked one offline.
    card_id: spec.cardId ?? (spec.customCode === true ? (spec.pickedCardId ?? null) : null),
    card_type: 'CASH',
    card_title: '10元代金券',
    picked_card_id: spec.pickedCardId ?? null,
    at,
    business_day: '2026-11-22',
    station_id: 'station-1',
    station_name: '1号收银台',
    cashier_id: 'cashier-1',
    cashier_name: '王芳',
    openid: null,
    bill_fen: 5000,
    discount_fen: 1000,
    payable_fen: 4000,
    face_value_fen: 1000,
    online: spec.online === false ? 0 : 1,
    decision_json: '{}',
    approved_by: null,
    other_discount: 0,
    status: 'pending',
    synced_at: null,
    status_reason: null,
    voided_at: null,
    voided_by: null,
    void_reason: null
  }
}

/** Writes a redemption and its outbox item; returns the redemption id. */
export function record(db: Db, spec: RedemptionSpec): string {
  const row = redemptionRow(spec)
  new Ledger(db).recordRedemption(row)
  return row.id
}

export interface SyncView {
  status: string
  statusReason: string | null
  outboxState: string
  inFlight: number
  attempts: number
  stale: number
  nextAttemptAt: number
  lastError: string | null
}

export function view(db: Db, redemptionId: string): SyncView {
  return db
    .prepare(
      `SELECT r.status, r.status_reason AS statusReason, o.state AS outboxState, o.in_flight AS inFlight,
              o.attempts, o.stale, o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError
       FROM redemptions r JOIN outbox o ON o.redemption_id = r.id WHERE r.id = ?`
    )
    .get(redemptionId) as SyncView
}

export interface AttemptView {
  kind: string
  outcome: string | null
  errcode: number | null
  detail: string | null
}

export function attempts(db: Db, redemptionId: string): AttemptView[] {
  return db
    .prepare(
      `SELECT a.kind, a.outcome, a.errcode, a.detail FROM sync_attempts a
       JOIN outbox o ON o.seq = a.outbox_seq WHERE o.redemption_id = ? ORDER BY a.id`
    )
    .all(redemptionId) as AttemptView[]
}

export function auditActions(db: Db, redemptionId: string): string[] {
  return (
    db.prepare('SELECT action FROM audit_log WHERE subject = ? ORDER BY id').all(redemptionId) as Array<{
      action: string
    }>
  ).map((r) => r.action)
}
