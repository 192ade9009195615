/**
 * Claims before committing at the chain hub (docs/chain.md § Claims before committing): the online pre-check that
 * stops a coupon redeemed in one store from being redeemed again in another, before the second till commits.
 *
 * One table with the ingest: `code_claims (platform, card_id, code)`, not partitioned. A claim made here is
 * *unconfirmed* (`provisional_until` set) until the lane's `redeemed` event of the same redemption is applied
 * (src/hub/chain/chainIngest.ts), which turns it into a recorded claim. The rules, so the two paths agree:
 * - the key is the event's (`claimCardOf`: a plain code under the card-independent key ''), so the event finds
 *   its own claim and no duplicate is recorded between a redemption and itself;
 * - a recorded redemption beats an unconfirmed claim of another redemption (the ingest replaces it; the claim's
 *   own event, if it ever comes, is then the duplicate, found after the fact as before);
 * - an unconfirmed claim stops blocking the code at `provisional_until` (`ttlMs` after the claim, 10 min by
 *   default), or at once when its till releases it (not committed), or when the same till claims the code
 *   again for another redemption (its earlier one is not in its ledger, or the till would have refused locally).
 *
 * Stateless like the ingest: the unique key serialises concurrent claims of one code, in any number of hub
 * processes.
 */
import type pg from 'pg'
import type {
  ChainClaimRequest,
  ChainClaimResponse,
  ChainHolder,
  ChainReleaseRequest
} from '../../shared/hub/chainProtocol'
import { claimCardOf, type ChainTill } from './chainIngest'
import { ChainFailure } from './failure'

export interface ChainClaimsOptions {
  now?: () => number
  /** How long a claim not yet confirmed by its lane event blocks the code (ms). Default 10 minutes. */
  ttlMs?: number
}

export const CHAIN_CLAIM_TTL_MS = 10 * 60_000

const INSERT = `INSERT INTO code_claims (platform, card_id, code, redemption_id, store_id, till_id, redeemed_at,
    provisional_until, cashier_name)
  VALUES ('wechat', $1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT DO NOTHING RETURNING provisional_until`

interface HolderRow {
  redemption_id: string
  store_id: string
  store_name: string | null
  till_id: string
  till_name: string | null
  cashier_name: string | null
  redeemed_at: number
  provisional_until: number | null
}

export class ChainClaims {
  private readonly now: () => number
  private readonly ttlMs: number

  constructor(
    private readonly pool: pg.Pool,
    options: ChainClaimsOptions = {}
  ) {
    this.now = options.now ?? Date.now
    this.ttlMs = options.ttlMs ?? CHAIN_CLAIM_TTL_MS
  }

  /**
   * The common case is one statement (INSERT … ON CONFLICT DO NOTHING RETURNING): a row back is granted. Otherwise
   * a short transaction sorts it out: the same redemption again (granted, repeat), an id that claims another
   * coupon (REDEMPTION_ID_REUSED), an expired or own-till unconfirmed holder (replaced, granted), or another
   * redemption holding it (duplicate, with the holder's store, till, cashier and time).
   */
  async claim(till: ChainTill, req: ChainClaimRequest): Promise<ChainClaimResponse> {
    if (req.tillId !== till.tillId)
      throw new ChainFailure(
        'TILL_MISMATCH',
        `This credential is till "${till.tillId}"'s; the claim names till "${req.tillId}".`
      )
    const card = claimCardOf(req)
    const now = this.now()
    const params = [
      card,
      req.code,
      req.redemptionId,
      till.storeId,
      till.tillId,
      req.at,
      now + this.ttlMs,
      req.cashier.name
    ]
    const fast = await this.pool.query<{ provisional_until: number }>(INSERT, params)
    if (fast.rows[0]) return { outcome: 'granted', repeat: false, expiresAt: fast.rows[0].provisional_until }
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await this.settle(till, req, card, params, now)
      if (answer) return answer
    }
    throw new Error(`the claim of ${req.redemptionId} did not settle after 5 attempts`)
  }

  /** One pass of the slow path in its own transaction; null when a concurrent change means "look again". */
  private async settle(
    till: ChainTill,
    req: ChainClaimRequest,
    card: string,
    params: unknown[],
    now: number
  ): Promise<ChainClaimResponse | null> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const answer = await this.settleIn(client, till, req, card, params, now)
      await client.query(answer ? 'COMMIT' : 'ROLLBACK')
      return answer
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  private async settleIn(
    client: pg.PoolClient,
    till: ChainTill,
    req: ChainClaimRequest,
    card: string,
    params: unknown[],
    now: number
  ): Promise<ChainClaimResponse | null> {
    const mine = await client.query<{
      card_id: string
      code: string
      till_id: string
      provisional_until: number | null
    }>(
      `SELECT card_id, code, till_id, provisional_until FROM code_claims WHERE redemption_id = $1 FOR UPDATE`,
      [req.redemptionId]
    )
    const own = mine.rows[0]
    if (own) {
      if (own.card_id === card && own.code === req.code && own.till_id === till.tillId)
        return { outcome: 'granted', repeat: true, expiresAt: own.provisional_until }
      throw new ChainFailure(
        'REDEMPTION_ID_REUSED',
        `Redemption ${req.redemptionId} already claims another coupon; nothing was changed.`
      )
    }
    const held = await client.query<HolderRow>(
      `SELECT c.redemption_id::text AS redemption_id, c.store_id, s.name AS store_name, c.till_id,
         t.name AS till_name, COALESCE(c.cashier_name, r.cashier_name) AS cashier_name, c.redeemed_at,
         c.provisional_until
       FROM code_claims c
       LEFT JOIN chain_stores s ON s.store_id = c.store_id
       LEFT JOIN chain_tills t ON t.till_id = c.till_id
       LEFT JOIN redemptions r ON r.redemption_id = c.redemption_id
       WHERE c.platform = 'wechat' AND c.card_id = $1 AND c.code = $2
       FOR UPDATE OF c`,
      [card, req.code]
    )
    const holder = held.rows[0]
    if (holder) {
      const stale =
        holder.provisional_until !== null &&
        (holder.provisional_until <= now || holder.till_id === till.tillId)
      if (!stale) return { outcome: 'duplicate', holder: holderOf(holder) }
      await client.query(
        'DELETE FROM code_claims WHERE redemption_id = $1 AND provisional_until IS NOT NULL',
        [holder.redemption_id]
      )
    }
    const inserted = await client.query<{ provisional_until: number }>(INSERT, params)
    return inserted.rows[0]
      ? { outcome: 'granted', repeat: false, expiresAt: inserted.rows[0].provisional_until }
      : null
  }

  /**
   * The till did not commit the redemption it claimed (its commit failed, or the store hub said DUPLICATE): the
   * code is free again at once. Only an unconfirmed claim of this till goes; a recorded one is the lane's truth
   * (a void reaches the hub as an event). Repeating it changes nothing.
   */
  async release(till: ChainTill, req: ChainReleaseRequest): Promise<{ released: boolean }> {
    if (req.tillId !== till.tillId)
      throw new ChainFailure(
        'TILL_MISMATCH',
        `This credential is till "${till.tillId}"'s; the release names till "${req.tillId}".`
      )
    const result = await this.pool.query(
      `DELETE FROM code_claims WHERE redemption_id = $1 AND till_id = $2 AND provisional_until IS NOT NULL`,
      [req.redemptionId, till.tillId]
    )
    return { released: (result.rowCount ?? 0) > 0 }
  }
}

function holderOf(row: HolderRow): ChainHolder {
  return {
    redemptionId: row.redemption_id,
    storeId: row.store_id,
    storeName: row.store_name ?? row.store_id,
    tillId: row.till_id,
    tillName: row.till_name ?? row.till_id,
    cashierName: row.cashier_name ?? '',
    at: row.redeemed_at,
    recorded: row.provisional_until === null
  }
}
