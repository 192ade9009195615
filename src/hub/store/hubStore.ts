/**
 * Everything the hub stores, on one pg Pool: the hub's identity (epoch, store, admin token), pairing and tills,
 * claims and their feed, republish. The HTTP layer (../http/server.ts) only translates; the rules live here.
 * docs/hub.md describes the tables and why each step is shaped the way it is.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Pool, PoolClient } from 'pg'
import type {
  BatchItem,
  BatchResult,
  ClaimEvent,
  ClaimHolder,
  ClaimRecord,
  ClaimRequest,
  ClaimResponse,
  ClaimStatus,
  FeedPage,
  PairRequest,
  PairResponse,
  PairingCodeResponse,
  RepublishItem,
  RepublishResult,
  SetPolicyRequest,
  StorePolicy,
  TransitionRequest,
  TransitionResponse
} from '../../shared/hub/protocol'
import { HubStartError } from '../errors'
import { HubFailure } from './failure'
import { FeedNumbering } from './feedNumbering'

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest()

/** No 0/O, 1/I/L, U: a code read aloud across a counter survives. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'
export const normalizePairingCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '')

export interface TillAuth {
  tillId: string
  storeId: string
  name: string
  revokedAt: number | null
}

interface Clock {
  now: () => number
}

/**
 * `seq` is the number of the claim's latest NUMBERED event (0 while none is): events are numbered after their
 * commit (./feedNumbering.ts), so claims.seq is no longer written (it stays 0 since hub migration 009).
 */
const CLAIM_BASE_COLUMNS = `c.redemption_id::text AS redemption_id, c.card_id, c.code, c.till_id,
  t.name AS till_name, c.cashier_id, c.cashier_name, c.amount_fen, c.till_at, c.hub_at, c.status`
const CLAIM_COLUMNS = `${CLAIM_BASE_COLUMNS},
  COALESCE((SELECT max(ev.seq) FROM claim_events ev WHERE ev.redemption_id = c.redemption_id), 0) AS seq`

interface ClaimRow {
  redemption_id: string
  card_id: string
  code: string
  till_id: string
  till_name: string
  cashier_id: string
  cashier_name: string
  amount_fen: number
  till_at: number
  hub_at: number
  status: ClaimStatus
  seq: number
}

const toRecord = (r: ClaimRow): ClaimRecord => ({
  redemptionId: r.redemption_id,
  cardId: r.card_id,
  code: r.code,
  till: r.till_id,
  tillName: r.till_name,
  cashier: { id: r.cashier_id, name: r.cashier_name },
  amountFen: r.amount_fen,
  tillAt: r.till_at,
  hubAt: r.hub_at,
  status: r.status,
  seq: r.seq
})

/** A claim just written: its `claimed` event has no number yet (seq 0), see ./feedNumbering.ts. */
const newRecord = (till: TillAuth, req: ClaimRequest, now: number): ClaimRecord => ({
  redemptionId: req.redemptionId,
  cardId: req.cardId,
  code: req.code,
  till: till.tillId,
  tillName: till.name,
  cashier: req.cashier,
  amountFen: req.amountFen,
  tillAt: req.at,
  hubAt: now,
  status: 'held',
  seq: 0
})

const toHolder = (r: ClaimRow): ClaimHolder => ({
  redemptionId: r.redemption_id,
  till: r.till_id,
  tillName: r.till_name,
  cashier: { id: r.cashier_id, name: r.cashier_name },
  tillAt: r.till_at,
  hubAt: r.hub_at,
  status: r.status
})

/** Which status may follow which. Closing (released/voided) frees the code; nothing follows a closed claim. */
const TRANSITIONS: Record<ClaimStatus, readonly ClaimStatus[]> = {
  held: ['completed', 'released', 'voided'],
  completed: ['voided'],
  released: [],
  voided: []
}

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505'
/** Deadlock or serialization failure: the transaction was rolled back and may simply run again. */
const isRetryable = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  ['40P01', '40001'].includes((err as { code?: string }).code ?? '')

const claimOf = ({ op: _op, ...req }: Extract<BatchItem, { op: 'claim' }>): ClaimRequest => req
const transitionOf = ({ op: _op, ...req }: Extract<BatchItem, { op: 'transition' }>): TransitionRequest => req

export interface HubStoreOptions {
  /** The store this hub serves; on a fresh database without it, the first till to pair sets it. */
  storeId?: string
  /** The admin token the hub process holds (from its data directory); its hash is kept. */
  adminToken: string
  clock?: Clock
  pairingTtlMs?: number
  log?: (line: string) => void
}

export class HubStore {
  readonly epoch: string
  private storeIdValue: string | null
  private readonly clock: Clock
  private readonly pairingTtlMs: number
  private readonly adminHash: Buffer
  private readonly tokens = new Map<string, TillAuth>()
  private pairingFailures: number[] = []
  /** Called when the feed grew: events were numbered, here or by another hub process (the WebSocket feed wakes up). */
  onEvents: () => void = () => undefined
  /** Numbers committed events for the feed, many per durable commit (docs/hub.md § Feed). */
  readonly numbering: FeedNumbering
  /** Called after the store's policy changed (every feed socket gets a `policy` frame). */
  onPolicy: (policy: StorePolicy) => void = () => undefined

  private constructor(
    readonly pool: Pool,
    meta: { epoch: string; storeId: string | null },
    options: HubStoreOptions
  ) {
    this.epoch = meta.epoch
    this.storeIdValue = meta.storeId
    this.clock = options.clock ?? { now: Date.now }
    this.pairingTtlMs = options.pairingTtlMs ?? 10 * 60_000
    this.adminHash = sha256(options.adminToken)
    this.numbering = new FeedNumbering(pool, () => this.onEvents(), options.log)
  }

  get storeId(): string | null {
    return this.storeIdValue
  }

  /** Reads (or, on a fresh database, creates) the hub's identity: a new database gets a new random epoch. */
  static async open(pool: Pool, options: HubStoreOptions): Promise<HubStore> {
    const now = (options.clock ?? { now: Date.now }).now()
    await pool.query(
      `INSERT INTO hub_meta (epoch, store_id, created_at, admin_token_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (singleton) DO NOTHING`,
      [randomUUID(), options.storeId ?? null, now, sha256(options.adminToken)]
    )
    const { rows } = await pool.query<{ epoch: string; store_id: string | null }>(
      'SELECT epoch::text AS epoch, store_id FROM hub_meta'
    )
    const meta = rows[0]
    if (!meta) throw new Error('hub_meta has no row')
    let storeId = meta.store_id
    if (options.storeId && storeId && options.storeId !== storeId)
      throw new HubStartError(
        'HUB_STORE_MISMATCH',
        `This hub's database belongs to store "${storeId}", not "${options.storeId}". Start it without --store-id, or with a new data directory for the other store.`
      )
    if (options.storeId && !storeId) {
      await pool.query('UPDATE hub_meta SET store_id = $1 WHERE store_id IS NULL', [options.storeId])
      storeId = options.storeId
    }
    // The admin token lives in the data directory; a new one (file lost) replaces the old hash.
    await pool.query('UPDATE hub_meta SET admin_token_hash = $1', [sha256(options.adminToken)])
    return new HubStore(pool, { epoch: meta.epoch, storeId }, options)
  }

  // -------------------------------------------------------------------------------------------------------------
  // Admin and pairing

  isAdmin(token: string): boolean {
    const given = sha256(token)
    return given.length === this.adminHash.length && timingSafeEqual(given, this.adminHash)
  }

  /** A fresh single-use pairing code, valid for pairingTtlMs. Only its hash is stored. */
  async newPairingCode(): Promise<PairingCodeResponse> {
    const bytes = randomBytes(8)
    const code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
    const now = this.clock.now()
    const expiresAt = now + this.pairingTtlMs
    await this.pool.query(
      'INSERT INTO pairing_codes (code_hash, created_at, expires_at) VALUES ($1, $2, $3)',
      [sha256(code), now, expiresAt]
    )
    return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt }
  }

  async pair(req: PairRequest): Promise<PairResponse> {
    const now = this.clock.now()
    // More than 10 wrong codes in 10 minutes: pairing pauses for everyone (a guessing attack, not a typo).
    this.pairingFailures = this.pairingFailures.filter((t) => now - t < 10 * 60_000)
    if (this.pairingFailures.length >= 10)
      throw new HubFailure(
        'PAIRING_LOCKED',
        'Too many wrong pairing codes in the last 10 minutes; pairing is paused. Wait, then use a new code.'
      )
    if (this.storeIdValue && req.storeId !== this.storeIdValue)
      throw new HubFailure(
        'STORE_MISMATCH',
        `This hub serves store "${this.storeIdValue}"; a till of store "${req.storeId}" cannot join it.`
      )
    const token = `hxt_${randomBytes(32).toString('base64url')}`
    const result = await this.transaction(async (client) => {
      const used = await client.query(
        `UPDATE pairing_codes SET used_at = $2, used_by = $3
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code_hash`,
        [sha256(normalizePairingCode(req.pairingCode)), now, req.tillId]
      )
      if (used.rowCount !== 1) return 'invalid' as const
      const store = await client.query<{ store_id: string }>(
        'UPDATE hub_meta SET store_id = COALESCE(store_id, $1) RETURNING store_id',
        [req.storeId]
      )
      const storeId = store.rows[0]?.store_id
      // Thrown, not returned: the rollback leaves the code unused for the store's own till.
      if (storeId !== req.storeId)
        throw new HubFailure(
          'STORE_MISMATCH',
          `This hub serves store "${storeId ?? ''}"; a till of store "${req.storeId}" cannot join it.`
        )
      await client.query(
        `INSERT INTO tills (till_id, store_id, name, token_hash, paired_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (till_id) DO UPDATE SET store_id = EXCLUDED.store_id, name = EXCLUDED.name,
           token_hash = EXCLUDED.token_hash, paired_at = EXCLUDED.paired_at, revoked_at = NULL`,
        [req.tillId, req.storeId, req.tillName, sha256(token), now]
      )
      return { storeId }
    })
    if (result === 'invalid') {
      this.pairingFailures.push(now)
      throw new HubFailure(
        'PAIRING_CODE_INVALID',
        'This pairing code is wrong, already used or expired. Ask for a new code on the hub.'
      )
    }
    this.storeIdValue = result.storeId
    this.tokens.clear() // a re-paired till's old token must stop working at once
    return { storeId: result.storeId, tillId: req.tillId, token }
  }

  async revoke(tillId: string): Promise<boolean> {
    const r = await this.pool.query(
      'UPDATE tills SET revoked_at = $2 WHERE till_id = $1 AND revoked_at IS NULL',
      [tillId, this.clock.now()]
    )
    this.tokens.clear()
    return r.rowCount === 1
  }

  async listTills(): Promise<{ tillId: string; name: string; pairedAt: number; revokedAt: number | null }[]> {
    const { rows } = await this.pool.query<{
      till_id: string
      name: string
      paired_at: number
      revoked_at: number | null
    }>('SELECT till_id, name, paired_at, revoked_at FROM tills ORDER BY till_id')
    return rows.map((r) => ({
      tillId: r.till_id,
      name: r.name,
      pairedAt: r.paired_at,
      revokedAt: r.revoked_at
    }))
  }

  /** The till a bearer token belongs to, or undefined. Cached: only this process writes `tills`. */
  async tillOfToken(token: string): Promise<TillAuth | undefined> {
    const key = sha256(token).toString('hex')
    const cached = this.tokens.get(key)
    if (cached) return cached
    const { rows } = await this.pool.query<{
      till_id: string
      store_id: string
      name: string
      revoked_at: number | null
    }>('SELECT till_id, store_id, name, revoked_at FROM tills WHERE token_hash = $1', [
      Buffer.from(key, 'hex')
    ])
    const row = rows[0]
    if (!row) return undefined
    const auth: TillAuth = {
      tillId: row.till_id,
      storeId: row.store_id,
      name: row.name,
      revokedAt: row.revoked_at
    }
    this.tokens.set(key, auth)
    return auth
  }

  // -------------------------------------------------------------------------------------------------------------
  // Claims

  /** First claim of (store, card, code) wins; a repeat of the same redemption id is granted again, unchanged. */
  async claim(till: TillAuth, req: ClaimRequest): Promise<ClaimResponse> {
    if (req.till !== till.tillId)
      throw new HubFailure(
        'TILL_MISMATCH',
        `This credential belongs to till "${till.tillId}", but the claim names till "${req.till}".`
      )
    const now = this.clock.now()
    const fast = await this.freshClaim(till, req, now)
    if (fast) {
      this.numbering.request()
      return fast
    }
    // Not a plain fresh claim: a repeat, a duplicate, a closed or reused id. Sort it out step by step.
    const answer = await this.retryingTransaction((client) => this.claimIn(client, till, req, now))
    if (answer.outcome === 'granted' && !answer.repeat) this.numbering.request()
    return answer
  }

  /**
   * A claim step by step inside the caller's transaction (the single claim's slow path and every claim of a
   * batch): a repeat, a closed or reused id (thrown), a duplicate (recorded), or a fresh grant. 'retry': the
   * holder was released between our insert and our read.
   */
  private async claimIn(
    client: PoolClient,
    till: TillAuth,
    req: ClaimRequest,
    now: number
  ): Promise<ClaimResponse | 'retry'> {
    const existing = await this.claimById(client, req.redemptionId)
    if (existing) return this.repeatOf(existing, req, till.tillId)
    const held = await client.query(
      `INSERT INTO code_holds (store_id, card_id, code, redemption_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING redemption_id`,
      [till.storeId, req.cardId, req.code, req.redemptionId]
    )
    if (held.rowCount === 0) {
      const holder = await this.holderOf(client, till.storeId, req.cardId, req.code)
      if (!holder) return 'retry'
      if (holder.redemption_id === req.redemptionId)
        return { outcome: 'granted', repeat: true, claim: toRecord(holder) }
      await this.recordCollision(client, 'claim', till, req, holder.redemption_id, now)
      return { outcome: 'duplicate', holder: toHolder(holder) }
    }
    await this.insertClaim(client, till, req, now)
    return { outcome: 'granted', repeat: false, claim: newRecord(till, req, now) }
  }

  /** The claim row and its `claimed` event (numbered after commit), once its hold was taken. */
  private async insertClaim(
    client: PoolClient,
    till: TillAuth,
    req: ClaimRequest,
    now: number
  ): Promise<void> {
    await client.query({
      name: 'hub-insert-claim',
      text: `WITH claim AS (
           INSERT INTO claims (redemption_id, store_id, card_id, code, till_id, cashier_id, cashier_name, amount_fen,
             till_at, hub_at, status, seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'held', 0) RETURNING redemption_id
         )
         INSERT INTO claim_events (kind, redemption_id, till_at, hub_at) SELECT 'claimed', redemption_id, $9, $10 FROM claim`,
      values: [
        req.redemptionId,
        till.storeId,
        req.cardId,
        req.code,
        till.tillId,
        req.cashier.id,
        req.cashier.name,
        req.amountFen,
        req.at,
        now
      ]
    })
  }

  /**
   * The common case in ONE statement (one round trip, implicit transaction): take the hold, and only if it was
   * free, write the claim and its (not yet numbered) event. No shared row is locked, so concurrent claims commit
   * together and share a WAL flush (docs/hub.md § Feed). Returns undefined when the hold was taken or the id already exists
   * (unique violation): the caller then runs the step-by-step transaction, which explains which case it is.
   */
  private async freshClaim(
    till: TillAuth,
    req: ClaimRequest,
    now: number
  ): Promise<ClaimResponse | undefined> {
    try {
      const { rows } = await this.pool.query<{ id: number }>({
        // Named: prepared once per connection instead of planned on every claim.
        name: 'hub-fresh-claim',
        text: `WITH hold AS (
           INSERT INTO code_holds (store_id, card_id, code, redemption_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING redemption_id
         ), claim AS (
           INSERT INTO claims (redemption_id, store_id, card_id, code, till_id, cashier_id, cashier_name, amount_fen,
             till_at, hub_at, status, seq)
           SELECT $4, $1, $2, $3, $5, $6, $7, $8, $9, $10, 'held', 0 FROM hold
           RETURNING redemption_id
         )
         INSERT INTO claim_events (kind, redemption_id, till_at, hub_at)
         SELECT 'claimed', redemption_id, $9, $10 FROM claim RETURNING id`,
        values: [
          till.storeId,
          req.cardId,
          req.code,
          req.redemptionId,
          till.tillId,
          req.cashier.id,
          req.cashier.name,
          req.amountFen,
          req.at,
          now
        ]
      })
      if (rows.length === 0) return undefined
      return { outcome: 'granted', repeat: false, claim: newRecord(till, req, now) }
    } catch (err) {
      if (isUniqueViolation(err)) return undefined
      throw err
    }
  }

  private repeatOf(existing: ClaimRow, req: ClaimRequest, tillId: string): ClaimResponse {
    if (existing.card_id !== req.cardId || existing.code !== req.code || existing.till_id !== tillId)
      throw new HubFailure(
        'REDEMPTION_ID_REUSED',
        `Redemption ${req.redemptionId} already claims another coupon at this hub; a redemption id claims one coupon once.`
      )
    if (existing.status === 'released' || existing.status === 'voided')
      throw new HubFailure(
        'CLAIM_CLOSED',
        `Redemption ${req.redemptionId} was ${existing.status} and cannot claim again; a new redemption needs a new id.`
      )
    return { outcome: 'granted', repeat: true, claim: toRecord(existing) }
  }

  async transition(till: TillAuth, req: TransitionRequest): Promise<TransitionResponse> {
    if (req.till !== till.tillId)
      throw new HubFailure(
        'TILL_MISMATCH',
        `This credential belongs to till "${till.tillId}", but the request names till "${req.till}".`
      )
    const now = this.clock.now()
    const result = await this.transaction((client) => this.transitionIn(client, till, req, now))
    if (result.changed) this.numbering.request()
    return result
  }

  /** A transition inside the caller's transaction (a single one, or one item of a batch). */
  private async transitionIn(
    client: PoolClient,
    till: TillAuth,
    req: TransitionRequest,
    now: number
  ): Promise<TransitionResponse> {
    const row = await this.claimById(client, req.redemptionId, true)
    if (!row)
      throw new HubFailure('CLAIM_UNKNOWN', `This hub has no claim for redemption ${req.redemptionId}.`)
    if (row.till_id !== till.tillId)
      throw new HubFailure(
        'NOT_HOLDER',
        `Redemption ${req.redemptionId} was claimed by till "${row.till_id}"; only that till can change it.`
      )
    if (row.status === req.to) return { changed: false, claim: toRecord(row) }
    if (!TRANSITIONS[row.status].includes(req.to))
      throw new HubFailure(
        'INVALID_TRANSITION',
        `Redemption ${req.redemptionId} is ${row.status}; it cannot become ${req.to}.`,
        { from: row.status, to: req.to }
      )
    await this.applyStatus(client, row.redemption_id, req.to, req.at, now)
    // seq stays the last numbered event's: this change is numbered right after the commit.
    return { changed: true, claim: { ...toRecord(row), status: req.to } }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Batch: a till's queue drained in one request and ONE transaction (docs/hub.md § Batch)

  /**
   * Claims and transitions in order, each with exactly the rules of its single request (claimIn, transitionIn),
   * each behind a savepoint so a refused item (CLAIM_CLOSED, NOT_HOLDER, …) changes nothing and the others go on.
   * One durable commit for the whole batch. A body naming another till is refused whole, before anything is read.
   */
  async batch(till: TillAuth, items: readonly BatchItem[]): Promise<BatchResult[]> {
    const foreign = items.find((item) => item.till !== till.tillId)
    if (foreign)
      throw new HubFailure(
        'TILL_MISMATCH',
        `This credential belongs to till "${till.tillId}", but the batch names till "${foreign.till}". Nothing was changed.`
      )
    const now = this.clock.now()
    for (let attempt = 0; ; attempt++) {
      try {
        const results = await this.transaction(async (client) => {
          const out: BatchResult[] = []
          for (const item of items) out.push(await this.batchItem(client, till, item, now))
          return out
        })
        if (
          results.some(
            (r) => (r.outcome === 'granted' && !r.repeat) || (r.outcome === 'transition' && r.changed)
          )
        )
          this.numbering.request()
        return results
      } catch (err) {
        // Two batches taking overlapping codes in another order may deadlock; PostgreSQL aborts one: run it again.
        if (attempt < 4 && isRetryable(err)) continue
        throw err
      }
    }
  }

  private async batchItem(
    client: PoolClient,
    till: TillAuth,
    item: BatchItem,
    now: number
  ): Promise<BatchResult> {
    const { redemptionId } = item
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.query('SAVEPOINT batch_item')
      try {
        const result =
          item.op === 'claim'
            ? await this.claimIn(client, till, claimOf(item), now)
            : await this.transitionIn(client, till, transitionOf(item), now)
        if (result === 'retry') {
          await client.query('ROLLBACK TO SAVEPOINT batch_item')
          continue
        }
        await client.query('RELEASE SAVEPOINT batch_item')
        return 'outcome' in result
          ? { ...result, redemptionId }
          : { outcome: 'transition', redemptionId, ...result }
      } catch (err) {
        await client.query('ROLLBACK TO SAVEPOINT batch_item')
        if (err instanceof HubFailure)
          return { outcome: 'refused', redemptionId, error: { code: err.code, message: err.message } }
        // A concurrent single request with the same redemption id committed first: read again.
        if (isUniqueViolation(err)) continue
        throw err
      }
    }
    return {
      outcome: 'refused',
      redemptionId,
      error: { code: 'INTERNAL', message: 'The item kept meeting concurrent changes; send it again.' }
    }
  }

  private async applyStatus(
    client: PoolClient,
    redemptionId: string,
    to: ClaimStatus,
    tillAt: number,
    hubAt: number
  ): Promise<void> {
    await client.query(
      'UPDATE claims SET status = $2, status_till_at = $3, status_hub_at = $4 WHERE redemption_id = $1',
      [redemptionId, to, tillAt, hubAt]
    )
    if (to === 'released' || to === 'voided')
      await client.query('DELETE FROM code_holds WHERE redemption_id = $1', [redemptionId])
    await client.query(
      'INSERT INTO claim_events (kind, redemption_id, till_at, hub_at) VALUES ($1, $2, $3, $4)',
      [to, redemptionId, tillAt, hubAt]
    )
  }

  // -------------------------------------------------------------------------------------------------------------
  // Feed

  async feed(after: number, limit: number): Promise<FeedPage> {
    const [{ rows }, last] = await Promise.all([
      this.pool.query<
        Omit<ClaimRow, 'seq'> & {
          event_seq: number
          kind: ClaimEvent['kind']
          e_till_at: number
          e_hub_at: number
        }
      >(
        `SELECT e.seq AS event_seq, e.kind, e.till_at AS e_till_at, e.hub_at AS e_hub_at, ${CLAIM_BASE_COLUMNS}
         FROM claim_events e JOIN claims c USING (redemption_id) JOIN tills t ON t.till_id = c.till_id
         WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        [after, limit + 1]
      ),
      this.pool.query<{ last_seq: number }>('SELECT last_seq FROM hub_meta')
    ])
    const more = rows.length > limit
    const events: ClaimEvent[] = rows.slice(0, limit).map((r) => ({
      seq: r.event_seq,
      kind: r.kind,
      redemptionId: r.redemption_id,
      cardId: r.card_id,
      code: r.code,
      till: r.till_id,
      tillName: r.till_name,
      cashier: { id: r.cashier_id, name: r.cashier_name },
      amountFen: r.amount_fen,
      tillAt: r.e_till_at,
      hubAt: r.e_hub_at
    }))
    const lastSeq = Math.max(last.rows[0]?.last_seq ?? 0, events.at(-1)?.seq ?? 0)
    return { events, lastSeq, more }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Republish (after a new epoch): each item on its own, idempotent; collisions are reported and recorded.

  async republish(till: TillAuth, items: readonly RepublishItem[]): Promise<RepublishResult[]> {
    const results: RepublishResult[] = []
    let wrote = false
    for (const item of items) {
      const result = await this.republishOne(till, item).catch((err: unknown) => {
        if (err instanceof HubFailure)
          return {
            outcome: 'refused',
            redemptionId: item.redemptionId,
            error: { code: err.code, message: err.message }
          } as const
        throw err
      })
      if (result.outcome === 'inserted' || result.outcome === 'present') wrote = true
      results.push(result)
    }
    if (wrote) this.numbering.request()
    return results
  }

  private async republishOne(till: TillAuth, item: RepublishItem): Promise<RepublishResult> {
    if (item.till !== till.tillId)
      throw new HubFailure(
        'TILL_MISMATCH',
        `This credential belongs to till "${till.tillId}"; it cannot republish claims of till "${item.till}".`
      )
    const now = this.clock.now()
    return this.retryingTransaction(async (client): Promise<RepublishResult | 'retry'> => {
      const existing = await this.claimById(client, item.redemptionId, true)
      if (existing) {
        this.repeatOf(existing, item, till.tillId) // throws REDEMPTION_ID_REUSED / CLAIM_CLOSED
        if (existing.status === 'held' && item.status === 'completed') {
          await this.applyStatus(client, existing.redemption_id, 'completed', item.at, now)
          return { outcome: 'present', redemptionId: item.redemptionId, status: 'completed' }
        }
        return { outcome: 'present', redemptionId: item.redemptionId, status: existing.status }
      }
      const held = await client.query(
        `INSERT INTO code_holds (store_id, card_id, code, redemption_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING redemption_id`,
        [till.storeId, item.cardId, item.code, item.redemptionId]
      )
      if (held.rowCount === 0) {
        const holder = await this.holderOf(client, till.storeId, item.cardId, item.code)
        // Released meanwhile, or held by this very redemption: its own claim (queued at the till and sent at the
        // same moment) committed while this insert waited. Read again: it is then present, not a collision.
        if (!holder || holder.redemption_id === item.redemptionId) return 'retry'
        await this.recordCollision(client, 'republish', till, item, holder.redemption_id, now)
        return { outcome: 'collision', redemptionId: item.redemptionId, holder: toHolder(holder) }
      }
      await this.insertClaim(client, till, item, now)
      if (item.status === 'completed')
        await this.applyStatus(client, item.redemptionId, 'completed', item.at, now)
      // 0: its events are numbered right after the commit (docs/hub.md § Feed).
      return { outcome: 'inserted', redemptionId: item.redemptionId, seq: 0 }
    })
  }

  // -------------------------------------------------------------------------------------------------------------
  // Helpers

  private async claimById(
    client: PoolClient,
    redemptionId: string,
    lock = false
  ): Promise<ClaimRow | undefined> {
    const { rows } = await client.query<ClaimRow>(
      `SELECT ${CLAIM_COLUMNS} FROM claims c JOIN tills t ON t.till_id = c.till_id
       WHERE c.redemption_id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
      [redemptionId]
    )
    return rows[0]
  }

  private async holderOf(
    client: PoolClient,
    storeId: string,
    cardId: string,
    code: string
  ): Promise<ClaimRow | undefined> {
    const { rows } = await client.query<ClaimRow>(
      `SELECT ${CLAIM_COLUMNS} FROM code_holds h JOIN claims c ON c.redemption_id = h.redemption_id
       JOIN tills t ON t.till_id = c.till_id
       WHERE h.store_id = $1 AND h.card_id = $2 AND h.code = $3`,
      [storeId, cardId, code]
    )
    return rows[0]
  }

  private async recordCollision(
    client: PoolClient,
    source: 'claim' | 'republish',
    till: TillAuth,
    req: ClaimRequest,
    holderId: string,
    now: number
  ): Promise<void> {
    await client.query(
      `INSERT INTO collisions (source, redemption_id, holder_redemption_id, store_id, card_id, code, till_id,
         cashier_id, cashier_name, amount_fen, till_at, hub_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (redemption_id, holder_redemption_id) DO NOTHING`,
      [
        source,
        req.redemptionId,
        holderId,
        till.storeId,
        req.cardId,
        req.code,
        till.tillId,
        req.cashier.id,
        req.cashier.name,
        req.amountFen,
        req.at,
        now
      ]
    )
  }

  // -------------------------------------------------------------------------------------------------------------
  // The store's policy for degraded mode (docs/hub.md § Store policy)

  /** The policy as it stands; a store nobody has set one for has version 0 and no limit. */
  async policy(): Promise<StorePolicy> {
    const { rows } = await this.pool.query<{
      unverified_limit_fen: string | null
      version: string
      set_at: string
      set_by_name: string
      till_name: string | null
    }>(
      `SELECT p.unverified_limit_fen, p.version, p.set_at, p.set_by_name, t.name AS till_name
       FROM store_policy p LEFT JOIN tills t ON t.till_id = p.set_by_till WHERE p.store_id = $1`,
      [this.storeIdValue ?? '']
    )
    const row = rows[0]
    if (!row)
      return { unverifiedLimitFen: null, version: 0, setAt: null, setByTillName: null, setByName: null }
    return {
      unverifiedLimitFen: row.unverified_limit_fen === null ? null : Number(row.unverified_limit_fen),
      version: Number(row.version),
      setAt: Number(row.set_at),
      setByTillName: row.till_name,
      setByName: row.set_by_name
    }
  }

  /**
   * A manager at a paired till sets the policy. Based on the version that manager saw: if another manager changed
   * it since, POLICY_STALE (nothing changed; read it again). Setting the value it already has changes nothing.
   */
  async setPolicy(till: TillAuth, req: SetPolicyRequest): Promise<StorePolicy> {
    if (req.till !== till.tillId)
      throw new HubFailure(
        'TILL_MISMATCH',
        `The body names till "${req.till}" but the credential is of "${till.tillId}".`
      )
    const store = this.storeIdValue ?? till.storeId
    const changed = await this.transaction(async (client) => {
      const { rows } = await client.query<{ version: string; unverified_limit_fen: string | null }>(
        'SELECT version, unverified_limit_fen FROM store_policy WHERE store_id = $1 FOR UPDATE',
        [store]
      )
      const current = rows[0]
      const version = current ? Number(current.version) : 0
      const limit =
        current?.unverified_limit_fen === undefined || current.unverified_limit_fen === null
          ? null
          : Number(current.unverified_limit_fen)
      if (req.baseVersion !== version)
        throw new HubFailure(
          'POLICY_STALE',
          `The store policy changed since version ${req.baseVersion} (now ${version}); read it again.`
        )
      if (current && limit === req.unverifiedLimitFen) return false
      await client.query(
        `INSERT INTO store_policy (store_id, unverified_limit_fen, version, set_at, set_by_till, set_by_name)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (store_id) DO UPDATE SET unverified_limit_fen = $2, version = $3, set_at = $4,
           set_by_till = $5, set_by_name = $6`,
        [store, req.unverifiedLimitFen, version + 1, this.clock.now(), till.tillId, req.by.name]
      )
      return true
    })
    const policy = await this.policy()
    if (changed) this.onPolicy(policy)
    return policy
  }

  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  /**
   * A transaction that is run again when it lost a race: a concurrent request with the same redemption id
   * (unique violation on claims) or a holder released between our insert and our read ('retry').
   */
  private async retryingTransaction<T>(work: (client: PoolClient) => Promise<T | 'retry'>): Promise<T> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const result = await this.transaction(work)
        if (result !== 'retry') return result
      } catch (err) {
        if (!isUniqueViolation(err)) throw err
      }
    }
    throw new HubFailure('INTERNAL', 'The claim kept meeting concurrent changes; try again.')
  }
}
