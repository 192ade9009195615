/** Row shapes of the ledger tables, as SQLite returns them (snake_case, integers for booleans). */

export type RedemptionStatus = 'pending' | 'synced' | 'conflict' | 'rejected' | 'voided'
export type OutboxState = 'queued' | 'done' | 'conflict' | 'rejected' | 'cancelled'

export interface RedemptionRow {
  id: string
  code: string
  card_id: string | null
  card_type: string
  card_title: string
  picked_card_id: string | null
  at: number
  business_day: string
  station_id: string
  station_name: string
  cashier_id: string
  cashier_name: string
  openid: string | null
  bill_fen: number | null
  discount_fen: number
  payable_fen: number | null
  face_value_fen: number
  online: number
  decision_json: string
  approved_by: string | null
  other_discount: number
  status: RedemptionStatus
  synced_at: number | null
  status_reason: string | null
  voided_at: number | null
  voided_by: string | null
  void_reason: string | null
}

export interface OutboxRow {
  seq: number
  redemption_id: string
  kind: 'consume'
  state: OutboxState
  attempts: number
  in_flight: number
  next_attempt_at: number
  stale: number
  last_error: string | null
  created_at: number
  updated_at: number
}
