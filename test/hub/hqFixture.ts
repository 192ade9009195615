/**
 * A FIXTURE OF THE CHAIN PROJECTIONS, not of the ingest: rows written straight into chain_stores, chain_tills,
 * redemptions and chain_duplicates, as the ingest (POST /v1/events) would leave them, so the HQ side (its API,
 * exports and page) is tested on a known chain day. Expected figures are computed here from the same list, not
 * read back from SQL.
 */
import { createHash, randomUUID } from 'node:crypto'
import type pg from 'pg'

export const DAY = '2026-12-05'

export const STORES = [
  { storeId: 'sh-001', name: '上海南京路店', region: '华东', timeZone: 'Asia/Shanghai' },
  { storeId: 'hz-002', name: '杭州西湖店', region: '华东', timeZone: 'Asia/Shanghai' },
  { storeId: 'cd-003', name: '成都春熙路店', region: '西南', timeZone: 'Asia/Shanghai' },
  { storeId: 'wlmq-004', name: '乌鲁木齐友好路店', region: '西北', timeZone: 'Asia/Urumqi' }
] as const

export const TILLS = [
  { tillId: 'sh-001-t1', storeId: 'sh-001', name: '1号收银台' },
  { tillId: 'sh-001-t2', storeId: 'sh-001', name: '2号收银台' },
  { tillId: 'hz-002-t1', storeId: 'hz-002', name: '1号收银台' },
  { tillId: 'cd-003-t1', storeId: 'cd-003', name: '1号收银台' },
  { tillId: 'wlmq-004-t1', storeId: 'wlmq-004', name: '1号收银台' }
] as const

export const CARDS = [
  { cardId: 'pCardA', title: '满100减20元券', fen: 2000 },
  { cardId: 'pCardB', title: '咖啡买一送一券', fen: 1500 },
  { cardId: 'pCardC', title: '会员日立减8元券', fen: 800 }
] as const

const CASHIERS = ['王芳', '李强', '张敏', '刘洋']

export interface SeedRedemption {
  redemptionId: string
  storeId: string
  tillId: string
  cardId: string
  cardTitle: string
  code: string
  cashierName: string
  amountFen: number
  redeemedAt: number
  status: string
}

/** UTC ms of a local time on DAY in a zone (Shanghai +8, Urumqi +6; neither has daylight saving). */
export function localAt(zone: string, hour: number, minute: number): number {
  const offset = zone === 'Asia/Urumqi' ? 6 : 8
  return Date.UTC(2026, 11, 5, hour - offset, minute)
}

export const DUPLICATE_CODE = '012345678905'

export function chainDay(): SeedRedemption[] {
  const rows: SeedRedemption[] = []
  let n = 0
  for (const till of TILLS) {
    const store = STORES.find((s) => s.storeId === till.storeId)!
    // A few redemptions per till between 9:00 and 20:00 store time, deterministic.
    const count = till.storeId === 'wlmq-004' ? 3 : 6
    for (let i = 0; i < count; i++) {
      n++
      const card = CARDS[n % CARDS.length]!
      rows.push({
        redemptionId: randomUUID(),
        storeId: till.storeId,
        tillId: till.tillId,
        cardId: card.cardId,
        cardTitle: card.title,
        code: String(100000000000 + n * 7919),
        cashierName: CASHIERS[n % CASHIERS.length]!,
        amountFen: card.fen,
        redeemedAt: localAt(store.timeZone, 9 + ((n * 5) % 12), (n * 13) % 60),
        status: n % 11 === 0 ? 'voided' : 'synced'
      })
    }
  }
  // The planted cross-store duplicate: one coupon, Shanghai at 10:15 then Hangzhou at 14:40.
  rows.push(
    {
      redemptionId: randomUUID(),
      storeId: 'sh-001',
      tillId: 'sh-001-t1',
      cardId: 'pCardA',
      cardTitle: '满100减20元券',
      code: DUPLICATE_CODE,
      cashierName: '王芳',
      amountFen: 2000,
      redeemedAt: localAt('Asia/Shanghai', 10, 15),
      status: 'synced'
    },
    {
      redemptionId: randomUUID(),
      storeId: 'hz-002',
      tillId: 'hz-002-t1',
      cardId: 'pCardA',
      cardTitle: '满100减20元券',
      code: DUPLICATE_CODE,
      cashierName: '李强',
      amountFen: 2000,
      redeemedAt: localAt('Asia/Shanghai', 14, 40),
      status: 'conflict'
    }
  )
  return rows
}

export const tillToken = (tillId: string): string => `hxt_fixture_${tillId}_${'x'.repeat(24)}`
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** Writes the fixture; the Urumqi store last sent something 5 hours before `now`, with 37 events waiting. */
export async function seedChain(pool: pg.Pool, now = Date.now()): Promise<SeedRedemption[]> {
  for (const s of STORES)
    await pool.query(
      'INSERT INTO chain_stores (store_id, name, region, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)',
      [s.storeId, s.name, s.region, s.timeZone, now - 30 * 86400_000]
    )
  for (const t of TILLS) {
    const quiet = t.storeId === 'wlmq-004'
    await pool.query(
      `INSERT INTO chain_tills (till_id, store_id, name, token_hash, enrolled_at, last_event_at, last_seen_at,
         reported_queue_depth) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        t.tillId,
        t.storeId,
        t.name,
        sha256(tillToken(t.tillId)),
        now - 20 * 86400_000,
        quiet ? now - 5 * 3600_000 - 12 * 60_000 : now - 2 * 60_000,
        quiet ? now - 5 * 3600_000 : now - 60_000,
        quiet ? 37 : 0
      ]
    )
  }
  const rows = chainDay()
  for (const [i, r] of rows.entries())
    await pool.query(
      `INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, card_id, code, card_title,
         cashier_id, cashier_name, amount_fen, redeemed_at, status, status_at, last_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11, $13)`,
      [
        r.redemptionId,
        DAY,
        r.storeId,
        r.tillId,
        r.cardId,
        r.code,
        r.cardTitle,
        `${r.tillId}-${r.cashierName}`,
        r.cashierName,
        r.amountFen,
        r.redeemedAt,
        r.status,
        i + 1
      ]
    )
  const [first, second] = rows.filter((r) => r.code === DUPLICATE_CODE)
  await pool.query(
    `INSERT INTO chain_duplicates (platform, card_id, code, first_redemption_id, first_store_id, first_till_id,
       first_at, second_redemption_id, second_store_id, second_till_id, second_at, found_at)
     VALUES ('wechat', 'pCardA', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      DUPLICATE_CODE,
      first!.redemptionId,
      first!.storeId,
      first!.tillId,
      first!.redeemedAt,
      second!.redemptionId,
      second!.storeId,
      second!.tillId,
      second!.redeemedAt,
      second!.redeemedAt + 90_000
    ]
  )
  return rows
}

/** What the day view must say, from the fixture's own list: voided and rejected do not count. */
export function expectedTally(rows: SeedRedemption[], filter: (r: SeedRedemption) => boolean = () => true) {
  const picked = rows.filter(filter)
  const counted = picked.filter((r) => r.status !== 'voided' && r.status !== 'rejected')
  return {
    count: counted.length,
    amountFen: counted.reduce((sum, r) => sum + r.amountFen, 0),
    voided: picked.filter((r) => r.status === 'voided').length
  }
}
