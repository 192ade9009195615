/**
 * What HQ sees (docs/hq.md § Pages), read from the chain projections the ingest fills (docs/chain.md): the day by
 * store / till / card / hour, stores not heard from, cross-store duplicates with both stories, stores and their
 * tills; and what an HQ admin changes: stores, enrolment codes (SHA-256 only, single use, 15 minutes), revocation.
 * Every read takes the user's scope: a regional viewer sees only the stores of its region.
 *
 * Counting: a redemption counts in the day unless its latest status is `voided` or `rejected` (WeChat refused
 * it); voided ones are shown apart. Hours are on each store's own clock (chain_stores.time_zone).
 */
import { createHash, randomBytes } from 'node:crypto'
import type pg from 'pg'
import {
  maskCode,
  type DayView,
  type DuplicateView,
  type EnrolmentCodeView,
  type NewStore,
  type QuietView,
  type RedemptionStory,
  type StoreHealth,
  type StoreView,
  type Tally
} from '../../shared/hub/hqProtocol'
import { normalizePairingCode } from '../store/hubStore'
import type { HqUser } from './hqAuth'
import { HqFailure } from './failure'

export const ENROLMENT_TTL_MS = 15 * 60_000
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

/** How enrolment codes are kept: the SHA-256 of the code without dashes or spaces, upper case (as pairing codes). */
export const enrolmentCodeHash = (code: string): Buffer =>
  createHash('sha256').update(normalizePairingCode(code), 'utf8').digest()

/** The region a user is limited to; null = every store (HQ admin). */
const regionOf = (user: HqUser): string | null => (user.role === 'hq_admin' ? null : user.region)

export function requireAdmin(user: HqUser): void {
  if (user.role !== 'hq_admin') throw new HqFailure('FORBIDDEN', 'Only an HQ admin may do this.')
}

export interface DayRow {
  businessDate: string
  storeId: string
  storeName: string
  timeZone: string
  tillId: string
  tillName: string
  cashierName: string
  redeemedAt: number
  cardId: string
  cardTitle: string
  code: string
  amountFen: number
  billFen: number | null
  status: string
  redemptionId: string
}

const COUNTED = `r.status NOT IN ('voided', 'rejected')`

export class HqQueries {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number = Date.now,
    /** The hub's "gone quiet" threshold (`--quiet-after-minutes`), used when the page does not choose one. */
    private readonly quietAfterMinutes = 60
  ) {}

  private async assertStoreVisible(user: HqUser, storeId: string): Promise<void> {
    const { rows } = await this.pool.query<{ region: string }>(
      'SELECT region FROM chain_stores WHERE store_id = $1',
      [storeId]
    )
    const region = regionOf(user)
    if (!rows[0]) throw new HqFailure('STORE_UNKNOWN', `No store "${storeId}".`)
    if (region !== null && rows[0].region !== region)
      throw new HqFailure('FORBIDDEN', 'This store is outside your region.')
  }

  async day(user: HqUser, date: string, storeId?: string): Promise<DayView> {
    if (storeId) await this.assertStoreVisible(user, storeId)
    const { rows } = await this.pool.query<{
      g_store: number
      g_till: number
      g_card: number
      g_hour: number
      store_id: string | null
      till_id: string | null
      card_id: string | null
      hour: number | null
      count: number
      amount: number
      voided: number
      card_title: string | null
      store_name: string | null
      region: string | null
      time_zone: string | null
      till_name: string | null
    }>(
      `SELECT GROUPING(r.store_id)::int AS g_store, GROUPING(r.till_id)::int AS g_till,
              GROUPING(r.card_id)::int AS g_card, GROUPING(h.hour)::int AS g_hour,
              r.store_id, r.till_id, r.card_id, h.hour,
              count(*) FILTER (WHERE ${COUNTED})::bigint AS count,
              coalesce(sum(r.amount_fen) FILTER (WHERE ${COUNTED}), 0)::bigint AS amount,
              count(*) FILTER (WHERE r.status = 'voided')::bigint AS voided,
              max(r.card_title) AS card_title, max(s.name) AS store_name, max(s.region) AS region,
              max(s.time_zone) AS time_zone, max(t.name) AS till_name
       FROM redemptions r
       JOIN chain_stores s ON s.store_id = r.store_id
       LEFT JOIN chain_tills t ON t.till_id = r.till_id
       CROSS JOIN LATERAL (SELECT extract(hour FROM to_timestamp(r.redeemed_at / 1000.0) AT TIME ZONE s.time_zone)::int AS hour) h
       WHERE r.business_date = $1::date
         AND ($2::text IS NULL OR r.store_id = $2)
         AND ($3::text IS NULL OR s.region = $3)
       GROUP BY GROUPING SETS ((), (r.store_id), (r.store_id, r.till_id), (r.card_id), (h.hour))`,
      [date, storeId ?? null, regionOf(user)]
    )
    const tally = (row: { count: number; amount: number; voided: number }): Tally => ({
      count: Number(row.count),
      amountFen: Number(row.amount),
      voided: Number(row.voided)
    })
    const view: DayView = {
      date,
      storeId: storeId ?? null,
      totals: { count: 0, amountFen: 0, voided: 0 },
      stores: [],
      tills: [],
      cards: [],
      hours: []
    }
    for (const row of rows) {
      const all = row.g_store + row.g_till + row.g_card + row.g_hour
      if (all === 4) view.totals = tally(row)
      else if (row.g_store === 0 && row.g_till === 1)
        view.stores.push({
          ...tally(row),
          storeId: row.store_id ?? '',
          name: row.store_name ?? '',
          region: row.region ?? '',
          timeZone: row.time_zone ?? 'Asia/Shanghai'
        })
      else if (row.g_store === 0 && row.g_till === 0)
        view.tills.push({
          ...tally(row),
          tillId: row.till_id ?? '',
          tillName: row.till_name ?? row.till_id ?? '',
          storeId: row.store_id ?? '',
          storeName: row.store_name ?? ''
        })
      else if (row.g_card === 0)
        view.cards.push({ ...tally(row), cardId: row.card_id ?? '', cardTitle: row.card_title ?? '' })
      else if (row.g_hour === 0) view.hours.push({ ...tally(row), hour: row.hour ?? 0 })
    }
    view.stores.sort((a, b) => b.amountFen - a.amountFen || a.name.localeCompare(b.name))
    view.tills.sort((a, b) => a.storeName.localeCompare(b.storeName) || a.tillName.localeCompare(b.tillName))
    view.cards.sort((a, b) => b.count - a.count || a.cardTitle.localeCompare(b.cardTitle))
    view.hours.sort((a, b) => a.hour - b.hour)
    return view
  }

  /** Every redemption of the day (for the exports), by store, then time. */
  async dayRows(user: HqUser, date: string, storeId?: string): Promise<DayRow[]> {
    if (storeId) await this.assertStoreVisible(user, storeId)
    const { rows } = await this.pool.query<DayRow>(
      `SELECT to_char(r.business_date, 'YYYY-MM-DD') AS "businessDate", r.store_id AS "storeId",
              s.name AS "storeName", s.time_zone AS "timeZone", r.till_id AS "tillId",
              coalesce(t.name, r.till_id) AS "tillName", r.cashier_name AS "cashierName",
              r.redeemed_at AS "redeemedAt", r.card_id AS "cardId", r.card_title AS "cardTitle", r.code,
              r.amount_fen AS "amountFen", r.bill_fen AS "billFen", r.status,
              r.redemption_id::text AS "redemptionId"
       FROM redemptions r
       JOIN chain_stores s ON s.store_id = r.store_id
       LEFT JOIN chain_tills t ON t.till_id = r.till_id
       WHERE r.business_date = $1::date
         AND ($2::text IS NULL OR r.store_id = $2)
         AND ($3::text IS NULL OR s.region = $3)
       ORDER BY s.name, r.redeemed_at, r.redemption_id`,
      [date, storeId ?? null, regionOf(user)]
    )
    return rows.map((r) => ({ ...r, redeemedAt: Number(r.redeemedAt), amountFen: Number(r.amountFen) }))
  }

  async quiet(user: HqUser, chosen?: number): Promise<QuietView> {
    const now = this.now()
    const minutes = chosen ?? this.quietAfterMinutes
    const { rows } = await this.pool.query<{
      store_id: string
      store_name: string
      region: string
      time_zone: string
      till_id: string | null
      till_name: string | null
      last_event_at: number | null
      last_seen_at: number | null
      reported_queue_depth: number | null
      revoked_at: number | null
    }>(
      `SELECT s.store_id, s.name AS store_name, s.region, s.time_zone, t.till_id, t.name AS till_name,
              t.last_event_at, t.last_seen_at, t.reported_queue_depth, t.revoked_at
       FROM chain_stores s LEFT JOIN chain_tills t ON t.store_id = s.store_id
       WHERE ($1::text IS NULL OR s.region = $1)
       ORDER BY s.store_id, t.till_id`,
      [regionOf(user)]
    )
    const stores = new Map<string, StoreHealth>()
    for (const row of rows) {
      let store = stores.get(row.store_id)
      if (!store) {
        store = {
          storeId: row.store_id,
          name: row.store_name,
          region: row.region,
          timeZone: row.time_zone,
          lastEventAt: null,
          lastSeenAt: null,
          queueDepth: 0,
          quiet: false,
          tills: []
        }
        stores.set(row.store_id, store)
      }
      if (row.till_id === null) continue
      const revoked = row.revoked_at !== null
      store.tills.push({
        tillId: row.till_id,
        name: row.till_name ?? row.till_id,
        lastEventAt: row.last_event_at,
        lastSeenAt: row.last_seen_at,
        queueDepth: row.reported_queue_depth,
        revoked
      })
      if (revoked) continue
      const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b))
      store.lastEventAt = max(store.lastEventAt, row.last_event_at)
      store.lastSeenAt = max(store.lastSeenAt, row.last_seen_at)
      store.queueDepth += row.reported_queue_depth ?? 0
    }
    const cutoff = now - minutes * 60_000
    const list = [...stores.values()].filter((s) => s.tills.some((t) => !t.revoked))
    for (const store of list) {
      const heard = Math.max(store.lastEventAt ?? 0, store.lastSeenAt ?? 0)
      store.quiet = heard < cutoff
    }
    // The longest silent first; a store never heard from before all.
    list.sort(
      (a, b) =>
        Number(b.quiet) - Number(a.quiet) ||
        Math.max(a.lastEventAt ?? 0, a.lastSeenAt ?? 0) - Math.max(b.lastEventAt ?? 0, b.lastSeenAt ?? 0) ||
        a.name.localeCompare(b.name)
    )
    return { minutes, hubMinutes: this.quietAfterMinutes, checkedAt: now, stores: list }
  }

  async duplicates(user: HqUser, date?: string): Promise<DuplicateView[]> {
    const { rows } = await this.pool.query(
      `SELECT d.id, d.card_id, d.code, d.found_at,
              coalesce(r1.card_title, r2.card_title, '') AS card_title,
              ${['1', '2']
                .map(
                  (n) => `d.${n === '1' ? 'first' : 'second'}_redemption_id::text AS r${n}_id,
              d.${n === '1' ? 'first' : 'second'}_store_id AS s${n}_id, s${n}.name AS s${n}_name,
              coalesce(s${n}.time_zone, 'Asia/Shanghai') AS s${n}_zone,
              d.${n === '1' ? 'first' : 'second'}_till_id AS t${n}_id, t${n}.name AS t${n}_name,
              d.${n === '1' ? 'first' : 'second'}_at AS r${n}_at, r${n}.cashier_name AS r${n}_cashier,
              r${n}.amount_fen AS r${n}_amount, r${n}.status AS r${n}_status,
              to_char(r${n}.business_date, 'YYYY-MM-DD') AS r${n}_date`
                )
                .join(',\n              ')}
       FROM chain_duplicates d
       LEFT JOIN chain_stores s1 ON s1.store_id = d.first_store_id
       LEFT JOIN chain_stores s2 ON s2.store_id = d.second_store_id
       LEFT JOIN chain_tills t1 ON t1.till_id = d.first_till_id
       LEFT JOIN chain_tills t2 ON t2.till_id = d.second_till_id
       LEFT JOIN LATERAL (SELECT * FROM redemptions WHERE redemption_id = d.first_redemption_id LIMIT 1) r1 ON true
       LEFT JOIN LATERAL (SELECT * FROM redemptions WHERE redemption_id = d.second_redemption_id LIMIT 1) r2 ON true
       WHERE ($1::text IS NULL OR s1.region = $1 OR s2.region = $1)
         AND ($2::date IS NULL OR r1.business_date = $2::date OR r2.business_date = $2::date)
       ORDER BY d.found_at DESC, d.id DESC
       LIMIT 500`,
      [regionOf(user), date ?? null]
    )
    const story = (row: Record<string, unknown>, n: '1' | '2'): RedemptionStory => ({
      redemptionId: String(row[`r${n}_id`]),
      storeId: String(row[`s${n}_id`]),
      storeName: String(row[`s${n}_name`] ?? row[`s${n}_id`]),
      timeZone: String(row[`s${n}_zone`]),
      tillId: String(row[`t${n}_id`]),
      tillName: String(row[`t${n}_name`] ?? row[`t${n}_id`]),
      cashierName: String(row[`r${n}_cashier`] ?? ''),
      at: Number(row[`r${n}_at`]),
      amountFen: row[`r${n}_amount`] === null ? null : Number(row[`r${n}_amount`]),
      status: (row[`r${n}_status`] as string | null) ?? null,
      businessDate: (row[`r${n}_date`] as string | null) ?? null
    })
    return rows.map((row: Record<string, unknown>) => ({
      id: Number(row['id']),
      cardId: String(row['card_id']),
      cardTitle: String(row['card_title']),
      codeMasked: maskCode(String(row['code'])),
      foundAt: Number(row['found_at']),
      first: story(row, '1'),
      second: story(row, '2')
    }))
  }

  async stores(user: HqUser): Promise<StoreView[]> {
    const now = this.now()
    const region = regionOf(user)
    const { rows: storeRows } = await this.pool.query<{
      store_id: string
      name: string
      region: string
      time_zone: string
    }>(
      'SELECT store_id, name, region, time_zone FROM chain_stores WHERE ($1::text IS NULL OR region = $1) ORDER BY name, store_id',
      [region]
    )
    const ids = storeRows.map((s) => s.store_id)
    const { rows: tills } = await this.pool.query<{
      till_id: string
      store_id: string
      name: string
      enrolled_at: number
      revoked_at: number | null
      last_event_at: number | null
    }>(
      'SELECT till_id, store_id, name, enrolled_at, revoked_at, last_event_at FROM chain_tills WHERE store_id = ANY($1) ORDER BY name, till_id',
      [ids]
    )
    const { rows: codes } = await this.pool.query<{
      store_id: string
      created_at: number
      expires_at: number
    }>(
      'SELECT store_id, created_at, expires_at FROM enrolment_codes WHERE store_id = ANY($1) AND used_at IS NULL AND expires_at > $2 ORDER BY created_at',
      [ids, now]
    )
    return storeRows.map((s) => ({
      storeId: s.store_id,
      name: s.name,
      region: s.region,
      timeZone: s.time_zone,
      tills: tills
        .filter((t) => t.store_id === s.store_id)
        .map((t) => ({
          tillId: t.till_id,
          name: t.name,
          enrolledAt: t.enrolled_at,
          revokedAt: t.revoked_at,
          lastEventAt: t.last_event_at
        })),
      openCodes: codes
        .filter((c) => c.store_id === s.store_id)
        .map((c) => ({ createdAt: c.created_at, expiresAt: c.expires_at }))
    }))
  }

  async addStore(user: HqUser, store: NewStore): Promise<void> {
    requireAdmin(user)
    const result = await this.pool.query(
      `INSERT INTO chain_stores (store_id, name, region, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (store_id) DO NOTHING`,
      [store.storeId, store.name, store.region, store.timeZone, this.now()]
    )
    if (result.rowCount === 0) throw new HqFailure('STORE_EXISTS', `Store "${store.storeId}" already exists.`)
  }

  /** A single-use enrolment code for a till of the store, shown once: the database keeps its hash only. */
  async newEnrolmentCode(user: HqUser, storeId: string): Promise<EnrolmentCodeView> {
    requireAdmin(user)
    await this.assertStoreVisible(user, storeId)
    const raw = Array.from(randomBytes(12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
    const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
    const now = this.now()
    const expiresAt = now + ENROLMENT_TTL_MS
    await this.pool.query(
      'INSERT INTO enrolment_codes (code_hash, store_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [enrolmentCodeHash(code), storeId, now, expiresAt]
    )
    return { storeId, code, expiresAt }
  }

  /** The till's credential stops working at once (ingest and token service both check revoked_at). */
  async revokeTill(user: HqUser, tillId: string): Promise<{ revokedAt: number }> {
    requireAdmin(user)
    const now = this.now()
    const { rows } = await this.pool.query<{ revoked_at: number }>(
      'UPDATE chain_tills SET revoked_at = coalesce(revoked_at, $2) WHERE till_id = $1 RETURNING revoked_at',
      [tillId, now]
    )
    if (!rows[0]) throw new HqFailure('TILL_UNKNOWN', `No till "${tillId}".`)
    return { revokedAt: rows[0].revoked_at }
  }
}
