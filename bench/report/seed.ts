/** The benchmark's ledger: a busy day of redemptions written straight into a real database file. */
import type { Db } from '../../src/main/db/open'
import { DEFAULT_STORE_PROFILE } from '../../src/main/config/storeProfile'
import { businessDayRange } from '../../src/shared/time'

const CARDS = Array.from({ length: 12 }, (_, i) => ({
  id: `pBENCHCARD${String(i).padStart(2, '0')}`,
  title: `满${(i + 1) * 20}减${i + 5}`,
  type: ['CASH', 'DISCOUNT', 'GIFT', 'GROUPON'][i % 4] ?? 'CASH'
}))
const CASHIERS = Array.from({ length: 8 }, (_, i) => ({
  id: `cashier-${i}`,
  name: ['李娜', '张伟', '王芳', '刘洋', '陈静', '杨磊', '赵敏', '黄强'][i] ?? 'x'
}))

/** Writes `count` redemptions spread over `day` (a realistic mix of coupons, cashiers, statuses), with outbox rows. */
export function seedBench(db: Db, day: string, count: number, offset: number): void {
  const { start, end } = businessDayRange(
    day,
    DEFAULT_STORE_PROFILE.timeZone,
    DEFAULT_STORE_PROFILE.cutoffMinutes
  )
  const insert = db.prepare(
    `INSERT INTO redemptions (id, code, card_id, card_type, card_title, picked_card_id, at, business_day, station_id,
      station_name, cashier_id, cashier_name, openid, bill_fen, discount_fen, payable_fen, face_value_fen, online,
      decision_json, approved_by, other_discount, status, synced_at, status_reason, voided_at, voided_by, void_reason)
    VALUES (@id, @code, @card_id, @card_type, @card_title, NULL, @at, @business_day, 'station-1',
      '收银台 1', @cashier_id, @cashier_name, @openid, @bill_fen, @discount_fen, @payable_fen, @discount_fen, @online,
      '{"outcome":"OK","reasons":[]}', NULL, 0, @status, @synced_at, @status_reason, @voided_at, @voided_by, @void_reason)`
  )
  const outbox = db.prepare(
    `INSERT INTO outbox (redemption_id, kind, state, next_attempt_at, stale, created_at, updated_at) VALUES (?, 'consume', ?, ?, ?, ?, ?)`
  )
  const STATE: Record<string, string> = {
    synced: 'done',
    pending: 'queued',
    conflict: 'conflict',
    rejected: 'rejected',
    voided: 'cancelled'
  }
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = offset + i
      const card = CARDS[n % CARDS.length] ?? CARDS[0]!
      const cashier = CASHIERS[(n * 7) % CASHIERS.length] ?? CASHIERS[0]!
      const at = start + Math.floor(((end - start) * i) / count)
      const r = n % 100
      const status =
        r < 85 ? 'synced' : r < 93 ? 'pending' : r < 96 ? 'conflict' : r < 98 ? 'rejected' : 'voided'
      const bill = 5_000 + ((n * 37) % 20_000)
      const discount = card.type === 'GIFT' ? 0 : 500 + (n % 3_000)
      const id = `bench-${String(n).padStart(9, '0')}`
      insert.run({
        id,
        code: String(100_000_000_000 + n),
        card_id: card.id,
        card_type: card.type,
        card_title: card.title,
        at,
        business_day: day,
        cashier_id: cashier.id,
        cashier_name: cashier.name,
        openid: `oBENCH${String(n).padStart(22, '0')}`,
        bill_fen: card.type === 'GIFT' ? null : bill,
        discount_fen: discount,
        payable_fen: card.type === 'GIFT' ? null : bill - Math.min(discount, bill),
        online: n % 10 === 0 ? 0 : 1,
        status,
        synced_at: status === 'synced' || status === 'conflict' || status === 'rejected' ? at + 1_000 : null,
        status_reason:
          status === 'conflict' ? 'used_elsewhere' : status === 'rejected' ? 'wechat:40127' : null,
        voided_at: status === 'voided' ? at + 5_000 : null,
        voided_by: status === 'voided' ? 'mgr' : null,
        void_reason: status === 'voided' ? '录入错误' : null
      })
      outbox.run(id, STATE[status], at, status === 'pending' && n % 8 === 0 ? 1 : 0, at, at)
    }
  })()
}
