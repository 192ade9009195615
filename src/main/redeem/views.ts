/** Ledger rows → what the renderer may see (openid masked, integers as booleans). */
import { maskOpenid, type RedemptionView, type SyncOutcome } from '../../shared/redeem'
import type { OutboxRow, RedemptionRow } from './ledgerRows'

export function redemptionView(row: RedemptionRow, outbox: OutboxRow | null): RedemptionView {
  return {
    id: row.id,
    code: row.code,
    cardId: row.card_id,
    cardTitle: row.card_title,
    cardType: row.card_type,
    at: row.at,
    businessDay: row.business_day,
    stationName: row.station_name,
    cashierName: row.cashier_name,
    openidMasked: maskOpenid(row.openid),
    billFen: row.bill_fen,
    discountFen: row.discount_fen,
    payableFen: row.payable_fen,
    online: row.online === 1,
    status: row.status,
    stale: outbox?.stale === 1,
    statusReason: row.status_reason,
    approvedBy: row.approved_by
  }
}

export function syncOutcomeOf(row: RedemptionRow): SyncOutcome {
  if (row.status === 'synced') return 'confirmed'
  if (row.status === 'conflict') return 'conflict'
  if (row.status === 'rejected') return 'rejected'
  return 'queued'
}
