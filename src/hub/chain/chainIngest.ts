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
  /** Batches ingested at once by this process (default 6); more wait in line or answer BUSY (429). */
  maxConcurrent?: number
  /** Requests that may wait in line for a batch slot (default 64); one more answers BUSY at once. */
  maxQueued?: number
  /** How long a request waits in line for a slot before it answers BUSY (default 2,000 ms). */
  queueWaitMs?: number
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
  private readonly maxQueued: number
  private readonly queueWaitMs: number
  private inFlight = 0
  /** Requests waiting for a slot, first come first served; a freed slot is handed to the first. */
  private readonly waiting: Array<() => void> = []

  constructor(
    readonly pool: pg.Pool,
    private readonly options: ChainIngestOptions = {}
  ) {
    this.now = options.now ?? Date.now
    this.maxConcurrent = options.maxConcurrent ?? 6
    this.retryAfterS = options.retryAfterS ?? 2
    this.enrolmentTtlMs = options.enrolmentTtlMs ?? 72 * 3600_000
    this.maxQueued = options.maxQueued ?? 64
    this.queueWaitMs = options.queueWaitMs ?? 2000
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

  /**
   * Makes the month partitions of `redemptions` that are missing from last month to three months ahead (hub
   * migration 008, `chain_redemption_months`). The hub calls it at start and once a day; a day's rows never wait
   * for it (a month without its partition lands in the DEFAULT one, and is moved out when the month is made).
   */
  async ensureMonths(): Promise<number> {
    const { rows } = await this.pool.query<{ made: number }>(
      `SELECT chain_redemption_months((current_date - interval '1 month')::date,
         (current_date + interval '3 months')::date) AS made`
    )
    return rows[0]?.made ?? 0
  }

  // -------------------------------------------------------------------------------------------------------------
  // Ingest

  /**
   * One batch, one transaction, one statement (`chain_ingest_batch`, hub migration 008; docs/chain.md § Ingest):
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
    const release = await this.acquire()
    try {
      return await this.ingestAdmitted(till, req)
    } finally {
      release()
    }
  }

  /** `ingest` for a caller that already holds a slot from `acquire` (the route takes it before reading the body). */
  async ingestAdmitted(till: ChainTill, req: EventsRequest): Promise<EventsResponse> {
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
    return this.runBatch(till, req)
  }

  /**
   * One of this process's `maxConcurrent` batch slots, as a release function (call it once, when the request is
   * answered). All slots taken: the request waits in line, first come first served, up to `queueWaitMs`; a full
   * line or a wait that runs out answers BUSY (429 + Retry-After). The route asks before the token look-up and the
   * body, and the slot is counted at once, so a stampede of reconnecting tills cannot all slip past the limit while
   * their bodies are read; the line keeps every slot busy between batches instead of sending tills to sleep
   * (docs/chain.md § Back-pressure).
   */
  async acquire(): Promise<() => void> {
    if (this.inFlight < this.maxConcurrent) {
      this.inFlight++
      return this.releaser()
    }
    if (this.maxConcurrent === 0 || this.waiting.length >= this.maxQueued || this.queueWaitMs <= 0)
      throw this.busy()
    await new Promise<void>((resolve, reject) => {
      const entry = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(entry)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(this.busy())
      }, this.queueWaitMs)
      this.waiting.push(entry)
    })
    return this.releaser() // the slot was handed over by its last holder: inFlight already counts it
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.inFlight--
    }
  }

  private busy(): ChainFailure {
    return new ChainFailure(
      'BUSY',
      `The hub is taking ${this.inFlight} batches at once and ${this.waiting.length} wait; retry after ${this.retryAfterS} s.`,
      undefined,
      this.retryAfterS
    )
  }

  /**
   * The batch in one statement, `chain_ingest_batch` (hub migration 008): one round trip instead of a dozen. With a
   * `beforeCommit` hook (tests) it runs in an explicit transaction so the hook sees it uncommitted; otherwise the
   * statement is its own transaction. A deadlock or serialization failure retries the whole batch.
   */
  private async runBatch(till: ChainTill, req: EventsRequest): Promise<EventsResponse> {
    const events = req.events
    const hook = this.options.beforeCommit
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect()
      try {
        if (hook) await client.query('BEGIN')
        const { rows } = await client.query<{ ack: number; stored: number; duplicates: DuplicateRow[] }>({
          name: 'chain_ingest_batch',
          text: 'SELECT o_ack AS ack, o_stored AS stored, o_duplicates AS duplicates FROM chain_ingest_batch($1, $2, $3, $4, $5, $6, $7)',
          values: [
            till.tillId,
            till.storeId,
            this.now(),
            req.queueDepth,
            JSON.stringify(events),
            req.seenDuplicates,
            CHAIN_DUPLICATES_MAX
          ]
        })
        if (hook) {
          await hook(till, events.length)
          await client.query('COMMIT')
        }
        const row = rows[0]!
        const ackSeq = Number(row.ack)
        const first = events[0]
        const gap = first && first.seq > ackSeq + 1 ? { from: ackSeq + 1, to: first.seq - 1 } : null
        return { ackSeq, stored: row.stored, gap, duplicates: row.duplicates.map(duplicateOf) }
      } catch (err) {
        if (hook) await client.query('ROLLBACK').catch(() => undefined)
        const e = err as { code?: string; message?: string; detail?: string }
        if (e.code === SEQ_CONFLICT_STATE) throw seqConflict(events, Number(e.message), e.detail ?? '')
        if (attempt < 5 && e.code !== undefined && RETRYABLE.has(e.code)) continue
        throw err
      } finally {
        client.release()
      }
    }
  }
}

/** chain_ingest_batch's refusal of a different event under a held seq (message: the seq; detail: the id held). */
const SEQ_CONFLICT_STATE = 'HXC01'

function seqConflict(events: ChainEvent[], seq: number, held: string): ChainFailure {
  const e = events.find((x) => x.seq === seq)
  return new ChainFailure(
    'SEQ_CONFLICT',
    held === ''
      ? `Event ${e?.eventId ?? '?'} (seq ${seq}) is already held by the hub under another till or seq. Nothing was stored.`
      : `The hub already holds seq ${seq} of this till as another event (${held}); the till's lane was rebuilt? Nothing was stored.`,
    { seq }
  )
}

function duplicateOf(r: DuplicateRow): ChainDuplicate {
  const story = (p: 'f' | 's') => ({
    redemptionId: String(r[`${p}_id`]),
    storeId: String(r[`${p}_store`]),
    storeName: String(r[`${p}_store_name`] ?? ''),
    tillId: String(r[`${p}_till`]),
    tillName: String(r[`${p}_till_name`] ?? ''),
    cashierName: String(r[`${p}_cashier`] ?? ''),
    amountFen: Number(r[`${p}_amount`] ?? 0),
    at: Number(r[`${p}_at`])
  })
  return {
    id: Number(r.id),
    platform: r.platform,
    cardId: r.card_id,
    code: r.code,
    first: story('f'),
    second: story('s'),
    foundAt: Number(r.found_at)
  }
}
