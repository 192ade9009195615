/** Builds the ledger row for a redemption from its look-up and final decision. */
import { faceValue } from '../../shared/coupon'
import type { Decision } from '../../shared/rules'
import type { LookupView } from '../../shared/redeem'
import type { Actor } from '../audit/actor'
import type { StationIdentity } from '../config/identity'
import type { NewRedemption } from './ledgerRows'
import type { LookupRecord } from './lookups'

export interface RowInput {
  record: LookupRecord
  view: LookupView
  decision: Decision
  staff: Actor
  approver: Actor | null
  otherDiscount: boolean
  at: number
  businessDay: string
  identity: StationIdentity
}

export function redemptionRow(input: RowInput): NewRedemption {
  const { record, view, decision } = input
  const card = view.card?.kind === 'card' ? view.card : null
  const status = record.codeStatus?.kind === 'code' ? record.codeStatus : null
  return {
    id: record.redemptionId,
    code: record.code ?? '',
    // The card the decision was made for decides whether the coupon is (card, code) or the code alone.
    custom_code: card?.useCustomCode === true ? 1 : 0,
    card_id: card?.cardId ?? status?.cardId ?? record.scannedCardId,
    card_type: card?.cardType ?? 'UNKNOWN',
    card_title: card?.title ?? '',
    picked_card_id: view.pickedCardId,
    at: input.at,
    business_day: input.businessDay,
    station_id: input.identity.stationId,
    station_name: input.identity.stationName,
    cashier_id: input.staff.staffId,
    cashier_name: input.staff.name,
    openid: status?.openid ?? null,
    bill_fen: decision.money.billAmount,
    discount_fen: decision.money.discount,
    payable_fen: decision.money.payable,
    face_value_fen: card ? (faceValue(card) ?? 0) : 0,
    online: record.connectivity === 'online' ? 1 : 0,
    decision_json: JSON.stringify({
      outcome: decision.outcome,
      reasons: decision.reasons.map((r) => r.code)
    }),
    approved_by: input.approver?.name ?? null,
    other_discount: input.otherDiscount ? 1 : 0,
    status: 'pending',
    synced_at: null,
    status_reason: null,
    voided_at: null,
    voided_by: null,
    void_reason: null
  }
}
