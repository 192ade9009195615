/** A realistic ledger row for tests that write the ledger directly. */
import { v7 as uuidv7 } from 'uuid'
import type { NewRedemption } from '../../src/main/redeem/ledgerRows'

export function sampleRow(overrides: Partial<NewRedemption> = {}): NewRedemption {
  return {
    id: uuidv7(),
    code: '012345678905',
    custom_code: 0,
    card_id: 'pTRAINcash0000000000000000001',
    card_type: 'CASH',
    card_title: '满100减10',
    picked_card_id: null,
    at: Date.UTC(2026, 10, 22, 6, 0),
    business_day: '2026-11-22',
    station_id: 'station-1',
    station_name: '收银台 1',
    cashier_id: 'staff-1',
    cashier_name: '李娜',
    openid: 'oHXTRN0001xxxxxxxxxxxxxxxxxx',
    bill_fen: 12_000,
    discount_fen: 1_000,
    payable_fen: 11_000,
    face_value_fen: 1_000,
    online: 1,
    decision_json: '{"outcome":"OK","reasons":[]}',
    approved_by: null,
    other_discount: 0,
    status: 'pending',
    synced_at: null,
    status_reason: null,
    voided_at: null,
    voided_by: null,
    void_reason: null,
    ...overrides
  }
}
