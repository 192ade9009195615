/**
 * The chain hub's rules for the till lane (docs/chain.md): stores and enrolment, per-till tokens (hashes only),
 * and the ingest of event batches exactly once.
 *
 * Stateless: everything lives in PostgreSQL, so several hub processes can ingest into one database at once. The
 * one thing that must be serialised, a till's cursor, is a row lock (`till_cursor … FOR UPDATE`) taken first in
 * every batch of that till; batches of different tills run in parallel.
 */
import { createHash, randomBytes } from 'node:crypto'
import type pg from 'pg'
import {
  CHAIN_DUPLICATES_MAX,
  type ChainDuplicate,
  type ChainEvent,
  type EnrolRequest,
  type EnrolResponse,
  type EnrolmentCodeResponse,
  type EventsRequest,
  type EventsResponse,
  type RedeemedBody
} from '../../shared/hub/chainProtocol'
import { ChainFailure } from './failure'

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()
/** No 0/O, 1/I/L, U: a code read over the phone from HQ to a store survives. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'
const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

export interface ChainTill {
  tillId: string
  storeId: string
  name: string
  revokedAt: number | null
}

export interface ChainIngestOptions {
  now?: () => number
  /** Batches ingested at once by this process; one more answers BUSY (429). */
  maxConcurrent?: number
  /** The Retry-After of a BUSY answer, in seconds (the till adds its own jitter). */
  retryAfterS?: number
  enrolmentTtlMs?: number
  /** Called with each batch's transaction before COMMIT (tests: kill the process mid-batch). */
  beforeCommit?: (till: ChainTill, events: number) => Promise<void>
}

/** The plain-code claim key: a plain WeChat code is unique in the account whatever its card (docs/chain.md). */
export const claimCardOf = (body: Pick<RedeemedBody, 'customCode' | 'cardId'>): string =>
  body.customCode ? body.cardId : ''

const RETRYABLE = new Set(['40P01', '40001']) // deadlock, serialization failure: the whole batch is retried

/** Who holds a coupon's claim; `provisional_until` set: a claim before committing not yet confirmed by its event. */
interface ClaimHolderRow {
  redemption_id: string
  store_id: string
  till_id: string
  redeemed_at: number
  provisional_until: number | null
}

interface DuplicateRow {
  id: number
  platform: string
  card_id: string
  code: string
  found_at: number
  [k: string]: unknown
}

export class ChainIngest {
  private readonly now: () => number
  private readonly maxConcurrent: number
  private readonly retryAfterS: number
  private readonly enrolmentTtlMs: number
  private inFlight = 0

  constructor(
    readonly pool: pg.Pool,
    private readonly options: ChainIngestOptions = {}
  ) {
    this.now = options.now ?? Date.now
    this.maxConcurrent = options.maxConcurrent ?? 6
    this.retryAfterS = options.retryAfterS ?? 2
    this.enrolmentTtlMs = options.enrolmentTtlMs ?? 72 * 3600_000
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        const code = (err as { code?: string }).code
        if (attempt < 5 && code !== undefined && RETRYABLE.has(code)) continue
        throw err
      } finally {
        client.release()
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Stores, enrolment, tokens

  /** Creates the store, or renames it (HQ's UI and the admin endpoint). */
  async upsertStore(store: {
    storeId: string
    name: string
    region?: string
    timeZone?: string
  }): Promise<void> {
    await this.pool.query(
      `INSERT INTO chain_stores (store_id, name, region, time_zone, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (store_id) DO UPDATE SET name = EXCLUDED.name, region = EXCLUDED.region,
         time_zone = EXCLUDED.time_zone`,
      [store.storeId, store.name, store.region ?? '', store.timeZone ?? 'Asia/Shanghai', this.now()]
    )
  }

  /** A single-use code for one store (HQ gives it to the store's manager); only its hash is kept. */
  async newEnrolmentCode(storeId: string): Promise<EnrolmentCodeResponse> {
    const store = await this.pool.query('SELECT 1 FROM chain_stores WHERE store_id = $1', [storeId])
    if (store.rowCount === 0)
      throw new ChainFailure('STORE_UNKNOWN', `There is no store "${storeId}" in this chain; add it first.`)
    const code = Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
    const now = this.now()
    const expiresAt = now + this.enrolmentTtlMs
    await this.pool.query(
      'INSERT INTO enrolment_codes (code_hash, store_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [sha256(code), storeId, now, expiresAt]
    )
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, storeId, expiresAt }
  }

  /**
   * A till joins the chain with a code HQ made for its store: it gets its own token (shown once). Enrolling an
   * enrolled (or revoked) till of the same store again replaces its token and keeps its cursor: its lane goes on
   * where the hub stopped acknowledging.
   */
  async enrol(req: EnrolRequest): Promise<EnrolResponse> {
    const token = `hxc_${randomBytes(32).toString('base64url')}`
    const now = this.now()
    return this.transaction(async (client) => {
      const used = await client.query<{ store_id: string; name: string }>(
        `UPDATE enrolment_codes e SET used_at = $2, used_by = $3
         FROM chain_stores s
         WHERE e.code_hash = $1 AND e.used_at IS NULL AND e.expires_at > $2 AND s.store_id = e.store_id
         RETURNING e.store_id, s.name`,
        [sha256(normalizeCode(req.enrolmentCode)), now, req.tillId]
      )
      const store = used.rows[0]
      if (!store)
        throw new ChainFailure(
          'ENROLMENT_CODE_INVALID',
          'This enrolment code is wrong, used or expired; ask HQ for a new one.'
        )
      const existing = await client.query<{ store_id: string }>(
        'SELECT store_id FROM chain_tills WHERE till_id = $1 FOR UPDATE',
        [req.tillId]
      )
      const other = existing.rows[0]
      if (other && other.store_id !== store.store_id)
        throw new ChainFailure(
          'TILL_ID_TAKEN',
          `Till "${req.tillId}" is enrolled for another store; HQ must revoke it there first.`
        )
      await client.query(
        `INSERT INTO chain_tills (till_id, store_id, name, token_hash, enrolled_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (till_id) DO UPDATE SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash,
           enrolled_at = EXCLUDED.enrolled_at, revoked_at = NULL`,
        [req.tillId, store.store_id, req.tillName, sha256(token), now]
      )
      await client.query(
        'INSERT INTO till_cursor (till_id, updated_at) VALUES ($1, $2) ON CONFLICT (till_id) DO NOTHING',
        [req.tillId, now]
      )
      const cursor = await client.query<{ acked_seq: number }>(
        'SELECT acked_seq FROM till_cursor WHERE till_id = $1',
        [req.tillId]
      )
      return {
        storeId: store.store_id,
        storeName: store.name,
        tillId: req.tillId,
        token,
        ackSeq: cursor.rows[0]?.acked_seq ?? 0
      }
    })
  }

  /** HQ removes a till: its token stops working at once; its events and cursor stay. */
  async revokeTill(tillId: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE chain_tills SET revoked_at = $2 WHERE till_id = $1 AND revoked_at IS NULL',
      [tillId, this.now()]
    )
    return (result.rowCount ?? 0) > 0
  }

  async tillOfToken(token: string): Promise<ChainTill | null> {
    const { rows } = await this.pool.query<{
      till_id: string
      store_id: string
      name: string
      revoked_at: number | null
    }>('SELECT till_id, store_id, name, revoked_at FROM chain_tills WHERE token_hash = $1', [sha256(token)])
    const row = rows[0]
    return row
      ? { tillId: row.till_id, storeId: row.store_id, name: row.name, revokedAt: row.revoked_at }
      : null
  }

  // -------------------------------------------------------------------------------------------------------------
  // Ingest

  /**
   * One batch, one transaction (docs/chain.md § Ingest):
   * 1. lock the till's cursor row (two hub processes taking batches of one till queue here);
   * 2. insert the events ON CONFLICT DO NOTHING; an event the hub holds under the same (till, seq) or event id
   *    with different content refuses the whole batch (SEQ_CONFLICT), so nothing is overwritten;
   * 3. find the highest contiguous seq; apply to the projections exactly the events between the old and the new
   *    cursor, in seq order (events past a gap wait, stored, until the gap is filled);
   * 4. move the cursor, note the till as heard from, mark the duplicates it reported as seen;
   * 5. read the duplicates it has not seen yet (including any this batch found).
   * Replayed and reordered batches insert nothing and move nothing, so they change nothing.
   */
  async ingest(till: ChainTill, req: EventsRequest): Promise<EventsResponse> {
    if (req.tillId !== till.tillId)
      throw new ChainFailure(
        'TILL_MISMATCH',
        `This credential is till "${till.tillId}"'s; the batch names till "${req.tillId}".`
      )
    const events = req.events
    for (let i = 1; i < events.length; i++)
      if (events[i]!.seq !== events[i - 1]!.seq + 1)
        throw new ChainFailure(
          'BATCH_NOT_CONTIGUOUS',
          `The events of a batch must be numbered without gaps, in order: seq ${events[i]!.seq} follows ${events[i - 1]!.seq}. Nothing was stored.`,
          { at: i }
        )
    const ids = new Set(events.map((e) => e.eventId.toLowerCase()))
    if (ids.size !== events.length)
      throw new ChainFailure('BAD_REQUEST', 'Two events of the batch share an event id. Nothing was stored.')

    this.admit()
    this.inFlight++
    try {
      return await this.transaction((client) => this.ingestIn(client, till, req))
    } finally {
      this.inFlight--
    }
  }

  /**
   * BUSY (429 + Retry-After) when this process already takes its limit of batches. The route asks first, before
   * the token look-up and the body, so a stampede of reconnecting tills costs the database nothing.
   */
  admit(): void {
    if (this.inFlight >= this.maxConcurrent)
      throw new ChainFailure(
        'BUSY',
        `The hub is taking ${this.inFlight} batches at once; retry after ${this.retryAfterS} s.`,
        undefined,
        this.retryAfterS
      )
  }

  private async ingestIn(
    client: pg.PoolClient,
    till: ChainTill,
    req: EventsRequest
  ): Promise<EventsResponse> {
    const now = this.now()
    const tillId = till.tillId
    const events = req.events
    await client.query(
      'INSERT INTO till_cursor (till_id, updated_at) VALUES ($1, $2) ON CONFLICT (till_id) DO NOTHING',
      [tillId, now]
    )
    const cursorRow = await client.query<{ acked_seq: number; highest_seen: number }>(
      'SELECT acked_seq, highest_seen FROM till_cursor WHERE till_id = $1 FOR UPDATE',
      [tillId]
    )
    const acked = cursorRow.rows[0]!.acked_seq
    let highest = cursorRow.rows[0]!.highest_seen

    let stored = 0
    if (events.length > 0) {
      const inserted = await client.query<{ seq: number }>(
        `INSERT INTO till_events (till_id, seq, event_id, kind, redemption_id, till_at, business_date, body, received_at)
         SELECT $1, e.seq, e.event_id, e.kind, e.redemption_id, e.till_at, e.business_date, e.body, $9
         FROM unnest($2::bigint[], $3::uuid[], $4::text[], $5::uuid[], $6::bigint[], $7::date[], $8::jsonb[])
           AS e (seq, event_id, kind, redemption_id, till_at, business_date, body)
         ON CONFLICT DO NOTHING
         RETURNING seq`,
        [
          tillId,
          events.map((e) => e.seq),
          events.map((e) => e.eventId),
          events.map((e) => e.kind),
          events.map((e) => ('redemptionId' in e.body ? e.body.redemptionId : null)),
          events.map((e) => e.tillAt),
          events.map((e) => e.businessDate),
          events.map((e) => JSON.stringify(e.body)),
          now
        ]
      )
      stored = inserted.rowCount ?? 0
      if (stored < events.length) await this.checkReplayed(client, tillId, events, inserted.rows)
      highest = Math.max(highest, events.at(-1)!.seq)
    }

    const contiguous = await client.query<{ ack: number }>(
      `SELECT COALESCE(MAX(seq), $2) AS ack FROM (
         SELECT seq, seq - ROW_NUMBER() OVER (ORDER BY seq) AS base FROM till_events
         WHERE till_id = $1 AND seq > $2) t
       WHERE base = $2`,
      [tillId, acked]
    )
    const ackSeq = contiguous.rows[0]!.ack
    if (ackSeq > acked) await this.apply(client, till, acked, ackSeq, now)

    await client.query(
      'UPDATE till_cursor SET acked_seq = $2, highest_seen = $3, updated_at = $4 WHERE till_id = $1',
      [tillId, ackSeq, highest, now]
    )
    await client.query(
      `UPDATE chain_tills SET last_seen_at = $2, reported_queue_depth = $3,
         last_event_at = CASE WHEN $4 THEN $2 ELSE last_event_at END
       WHERE till_id = $1`,
      [tillId, now, req.queueDepth, stored > 0]
    )
    if (req.seenDuplicates.length > 0) {
      await client.query(
        `UPDATE chain_duplicates SET first_seen_at = $3
         WHERE id = ANY($2::bigint[]) AND first_till_id = $1 AND first_seen_at IS NULL`,
        [tillId, req.seenDuplicates, now]
      )
      await client.query(
        `UPDATE chain_duplicates SET second_seen_at = $3
         WHERE id = ANY($2::bigint[]) AND second_till_id = $1 AND second_seen_at IS NULL`,
        [tillId, req.seenDuplicates, now]
      )
    }
    const duplicates = await this.unseenDuplicates(client, tillId)
    await this.options.beforeCommit?.(till, events.length)

    const first = events[0]
    const gap = first && first.seq > ackSeq + 1 ? { from: ackSeq + 1, to: first.seq - 1 } : null
    return { ackSeq, stored, gap, duplicates }
  }

  /** Events of the batch the hub already held must be the very same events (a replay), else nothing is kept. */
  private async checkReplayed(
    client: pg.PoolClient,
    tillId: string,
    events: ChainEvent[],
    inserted: Array<{ seq: number }>
  ): Promise<void> {
    const fresh = new Set(inserted.map((r) => r.seq))
    const old = events.filter((e) => !fresh.has(e.seq))
    const { rows } = await client.query<{ seq: number; event_id: string }>(
      'SELECT seq, event_id::text AS event_id FROM till_events WHERE till_id = $1 AND seq = ANY($2::bigint[])',
      [tillId, old.map((e) => e.seq)]
    )
    const held = new Map(rows.map((r) => [r.seq, r.event_id]))
    for (const e of old) {
      const id = held.get(e.seq)
      if (id !== e.eventId.toLowerCase())
        throw new ChainFailure(
          'SEQ_CONFLICT',
          id === undefined
            ? `Event ${e.eventId} (seq ${e.seq}) is already held by the hub under another till or seq. Nothing was stored.`
            : `The hub already holds seq ${e.seq} of this till as another event (${id}); the till's lane was rebuilt? Nothing was stored.`,
          { seq: e.seq }
        )
    }
  }

  /**
   * Applies the events (from, to] of one till to the projections, set-based: a few statements per batch whatever its
   * size, with the result of applying them one by one in seq order:
   * 1. a `redeemed` event inserts its redemption (once per redemption id);
   * 2. each redemption takes its latest status by seq (never by the till's clock);
   * 3. a `voided` redemption frees its claim (it never reached WeChat);
   * 4. each redemption still live at the end of the range claims (platform, card, code), first writer wins; a
   *    losing claim is a duplicate against the holder, recorded once per pair.
   * 'resolved' and 'day_closed' live in the event log only (HQ's day view reads them there).
   */
  private async apply(
    client: pg.PoolClient,
    till: ChainTill,
    from: number,
    to: number,
    now: number
  ): Promise<void> {
    const range = [till.tillId, from, to]
    const inRange = 'e.till_id = $1 AND e.seq > $2 AND e.seq <= $3'
    await client.query(
      `INSERT INTO redemptions (redemption_id, business_date, store_id, till_id, platform, card_id, code, card_title,
         cashier_id, cashier_name, amount_fen, bill_fen, redeemed_at, status, status_at, last_seq)
       SELECT DISTINCT ON (e.redemption_id) e.redemption_id, e.business_date, $4, e.till_id, 'wechat',
         e.body->>'cardId', e.body->>'code', e.body->>'cardTitle', e.body->>'cashierId', e.body->>'cashierName',
         (e.body->>'amountFen')::bigint, (e.body->>'billFen')::bigint, (e.body->>'redeemedAt')::bigint,
         e.body->>'status', (e.body->>'redeemedAt')::bigint, e.seq
       FROM till_events e
       WHERE ${inRange} AND e.kind = 'redeemed'
         AND NOT EXISTS (SELECT 1 FROM redemptions r WHERE r.redemption_id = e.redemption_id)
       ORDER BY e.redemption_id, e.seq`,
      [...range, till.storeId]
    )
    await client.query(
      `UPDATE redemptions r SET status = s.kind, status_at = s.till_at, last_seq = s.seq
       FROM (SELECT DISTINCT ON (e.redemption_id) e.redemption_id, e.kind, e.till_at, e.seq FROM till_events e
             WHERE ${inRange} AND e.kind IN ('synced', 'conflict', 'rejected', 'voided')
             ORDER BY e.redemption_id, e.seq DESC) s
       WHERE r.redemption_id = s.redemption_id AND r.till_id = $1 AND r.last_seq < s.seq`,
      range
    )
    await client.query(
      `DELETE FROM code_claims WHERE redemption_id IN
         (SELECT e.redemption_id FROM till_events e WHERE ${inRange} AND e.kind = 'voided')`,
      range
    )
    // The key is claimCardOf's (a plain code under ''), as a claim before committing keys it (chainClaims.ts).
    const fresh = `fresh AS (
         SELECT e.redemption_id, e.seq,
           CASE WHEN (e.body->>'customCode')::boolean THEN e.body->>'cardId' ELSE '' END AS card,
           e.body->>'code' AS code, (e.body->>'redeemedAt')::bigint AS at
         FROM till_events e
         WHERE ${inRange} AND e.kind = 'redeemed' AND e.body->>'status' <> 'voided'
           AND NOT EXISTS (SELECT 1 FROM till_events v WHERE v.till_id = $1 AND v.seq > e.seq AND v.seq <= $3
                           AND v.kind = 'voided' AND v.redemption_id = e.redemption_id))`
    // Claims made before committing (docs/chain.md § Claims before committing) give way to what the lane records:
    // a redemption's own unconfirmed claim is replaced by its recorded one just below (never a duplicate of
    // itself), and another redemption's unconfirmed claim of the same coupon loses to a recorded redemption.
    await client.query(
      `WITH ${fresh}
       DELETE FROM code_claims c USING fresh f
       WHERE c.provisional_until IS NOT NULL
         AND (c.redemption_id = f.redemption_id
              OR (c.platform = 'wechat' AND c.card_id = f.card AND c.code = f.code))`,
      range
    )
    const lost = await client.query<{ redemption_id: string; card: string; code: string; at: number }>(
      `WITH ${fresh},
       won AS (
         INSERT INTO code_claims (platform, card_id, code, redemption_id, store_id, till_id, redeemed_at)
         SELECT 'wechat', f.card, f.code, f.redemption_id, $4, $1, f.at FROM fresh f ORDER BY f.seq
         ON CONFLICT DO NOTHING RETURNING redemption_id)
       SELECT f.redemption_id::text AS redemption_id, f.card, f.code, f.at FROM fresh f
       WHERE f.redemption_id NOT IN (SELECT redemption_id FROM won) ORDER BY f.seq`,
      [...range, till.storeId]
    )
    const holderSql = `SELECT redemption_id::text AS redemption_id, store_id, till_id, redeemed_at, provisional_until
      FROM code_claims WHERE platform = 'wechat' AND card_id = $1 AND code = $2`
    for (const loser of lost.rows) {
      const holder = await client.query<ClaimHolderRow>(holderSql, [loser.card, loser.code])
      let h = holder.rows[0]
      // An unconfirmed claim that came in between the DELETE above and the INSERT (a till claiming this very
      // coupon at this moment): the recorded redemption takes the key, as above. Then whoever holds it now.
      if (h && h.redemption_id !== loser.redemption_id && h.provisional_until !== null) {
        await client.query(
          'DELETE FROM code_claims WHERE redemption_id = $1 AND provisional_until IS NOT NULL',
          [h.redemption_id]
        )
        const took = await client.query(
          `INSERT INTO code_claims (platform, card_id, code, redemption_id, store_id, till_id, redeemed_at)
           VALUES ('wechat', $1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [loser.card, loser.code, loser.redemption_id, till.storeId, till.tillId, loser.at]
        )
        if ((took.rowCount ?? 0) > 0) continue
        h = (await client.query<ClaimHolderRow>(holderSql, [loser.card, loser.code])).rows[0]
      }
      // No holder: freed since (a void); the holder itself: a replay of the same redemption. Neither is a duplicate.
      if (!h || h.redemption_id === loser.redemption_id) continue
      await client.query(
        `INSERT INTO chain_duplicates (platform, card_id, code, first_redemption_id, first_store_id, first_till_id,
           first_at, second_redemption_id, second_store_id, second_till_id, second_at, found_at)
         VALUES ('wechat', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (first_redemption_id, second_redemption_id) DO NOTHING`,
        [
          loser.card,
          loser.code,
          h.redemption_id,
          h.store_id,
          h.till_id,
          h.redeemed_at,
          loser.redemption_id,
          till.storeId,
          till.tillId,
          loser.at,
          now
        ]
      )
    }
  }

  private async unseenDuplicates(client: pg.PoolClient, tillId: string): Promise<ChainDuplicate[]> {
    const { rows } = await client.query<DuplicateRow>(
      `WITH mine AS (
         (SELECT id FROM chain_duplicates WHERE first_till_id = $1 AND first_seen_at IS NULL ORDER BY id LIMIT $2)
         UNION
         (SELECT id FROM chain_duplicates WHERE second_till_id = $1 AND second_seen_at IS NULL ORDER BY id LIMIT $2))
       SELECT d.id, d.platform, d.card_id, d.code, d.found_at,
         d.first_redemption_id::text AS f_id, d.first_store_id AS f_store, fs.name AS f_store_name,
         d.first_till_id AS f_till, ft.name AS f_till_name, fr.cashier_name AS f_cashier, fr.amount_fen AS f_amount,
         d.first_at AS f_at,
         d.second_redemption_id::text AS s_id, d.second_store_id AS s_store, ss.name AS s_store_name,
         d.second_till_id AS s_till, st.name AS s_till_name, sr.cashier_name AS s_cashier, sr.amount_fen AS s_amount,
         d.second_at AS s_at
       FROM mine JOIN chain_duplicates d USING (id)
       LEFT JOIN chain_stores fs ON fs.store_id = d.first_store_id
       LEFT JOIN chain_tills ft ON ft.till_id = d.first_till_id
       LEFT JOIN redemptions fr ON fr.redemption_id = d.first_redemption_id
       LEFT JOIN chain_stores ss ON ss.store_id = d.second_store_id
       LEFT JOIN chain_tills st ON st.till_id = d.second_till_id
       LEFT JOIN redemptions sr ON sr.redemption_id = d.second_redemption_id
       ORDER BY d.id LIMIT $2`,
      [tillId, CHAIN_DUPLICATES_MAX]
    )
    const story = (r: DuplicateRow, p: 'f' | 's') => ({
      redemptionId: String(r[`${p}_id`]),
      storeId: String(r[`${p}_store`]),
      storeName: String(r[`${p}_store_name`] ?? ''),
      tillId: String(r[`${p}_till`]),
      tillName: String(r[`${p}_till_name`] ?? ''),
      cashierName: String(r[`${p}_cashier`] ?? ''),
      amountFen: Number(r[`${p}_amount`] ?? 0),
      at: Number(r[`${p}_at`])
    })
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      cardId: r.card_id,
      code: r.code,
      first: story(r, 'f'),
      second: story(r, 's'),
      foundAt: r.found_at
    }))
  }
}
