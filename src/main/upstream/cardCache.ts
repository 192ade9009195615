/**
 * The local copy of every card definition of the account, so that offline look-ups still show what a coupon is
 * worth and the cashier can pick "which coupon is this" from the store's active cards (docs/product-rules.md §5).
 *
 * A refresh lists the ids (card/batchget, paged) and fetches each card (card/get), then replaces the cache in ONE
 * transaction. Any transport failure aborts the refresh and leaves the old cache exactly as it was; a card that
 * cannot be read or has vanished keeps its old row. Cards no longer listed are removed (the merchant deleted them).
 * Rows hold the platform's raw JSON and are parsed on read, so parser fixes reach cached cards too.
 */
import { parseCardGet, type CardDefinition, type UnreadableCard } from '../../shared/coupon'
import { systemClock, type Clock } from '../clock/clock'
import type { Db } from '../db/open'
import { UpstreamError, type Upstream } from './types'

export interface CardCacheOptions {
  db: Db
  upstream: Upstream
  clock?: Clock
  /** Between successful refreshes. Default 1 hour. */
  refreshIntervalMs?: number
  /** After a failed refresh. Default 1 minute. */
  retryIntervalMs?: number
  /** card/get requests at a time. Default 4. */
  concurrency?: number
  /** Every upstream answer or failure, for the connectivity monitor. */
  onUpstreamResult?: (ok: boolean, error?: unknown) => void
}

export interface RefreshSummary {
  at: number
  stored: number
  removed: number
  /** Cards left as they were (unreadable or refused); their old row, if any, stays. */
  skipped: Array<{ cardId: string; reason: string }>
}

export type RefreshOutcome = { ok: true; summary: RefreshSummary } | { ok: false; at: number; error: string }

/** Card statuses whose coupons cannot be in a customer's hands ready to use (§2.2). */
const NOT_ACTIVE_STATUSES = new Set([
  'CARD_STATUS_DELETE',
  'CARD_STATUS_VERIFY_FAIL',
  'CARD_STATUS_NOT_VERIFY'
])

export class CardCache {
  private readonly clock: Clock
  private timer: unknown
  private running: Promise<RefreshOutcome> | undefined
  private started = false
  private last: RefreshOutcome | undefined

  constructor(private readonly options: CardCacheOptions) {
    this.clock = options.clock ?? systemClock
  }

  /** Refreshes now, then every refreshIntervalMs (retryIntervalMs after a failure). */
  start(): void {
    if (this.started) return
    this.started = true
    void this.cycle()
  }

  async stop(): Promise<void> {
    this.started = false
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    await this.running
  }

  lastRefresh(): RefreshOutcome | undefined {
    return this.last
  }

  /** One refresh (concurrent calls share it). Never throws: the outcome says what happened. */
  refresh(): Promise<RefreshOutcome> {
    this.running ??= this.pull().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  getCached(cardId: string): CardDefinition | null {
    const row = this.options.db
      .prepare('SELECT raw_json FROM card_definitions WHERE card_id = ?')
      .get(cardId) as { raw_json: string } | undefined
    if (!row) return null
    const card = this.read(cardId, row.raw_json)
    return card.kind === 'card' ? card : null
  }

  /** Cards a customer can hold and redeem today, for the offline "pick the coupon" list, by title. */
  activeCards(now: number = this.clock.now()): CardDefinition[] {
    const rows = this.options.db.prepare('SELECT card_id, raw_json FROM card_definitions').all() as Array<{
      card_id: string
      raw_json: string
    }>
    const cards: CardDefinition[] = []
    for (const row of rows) {
      const card = this.read(row.card_id, row.raw_json)
      if (card.kind === 'card' && isActive(card, now)) cards.push(card)
    }
    return cards.sort((a, b) => titleOrder.compare(a.title, b.title) || a.cardId.localeCompare(b.cardId))
  }

  /**
   * Parsing a card (JSON + tolerant schema) costs far more than reading its row, and the scan path
   * asks for cards on every scan: keep the parsed definition until the stored JSON changes.
   */
  private readonly parsed = new Map<string, { raw: string; card: CardDefinition | UnreadableCard }>()

  private read(cardId: string, raw: string): CardDefinition | UnreadableCard {
    const memo = this.parsed.get(cardId)
    if (memo?.raw === raw) return memo.card
    const card = readRow(cardId, raw)
    this.parsed.set(cardId, { raw, card })
    return card
  }

  private async cycle(): Promise<void> {
    const outcome = await this.refresh()
    if (!this.started) return
    const wait = outcome.ok
      ? (this.options.refreshIntervalMs ?? 3_600_000)
      : (this.options.retryIntervalMs ?? 60_000)
    this.timer = this.clock.setTimeout(() => void this.cycle(), wait)
  }

  private async pull(): Promise<RefreshOutcome> {
    const at = this.clock.now()
    try {
      const ids = await this.track(() => this.options.upstream.listCardIds())
      const fetched: Array<{ cardId: string; raw: unknown; card: CardDefinition }> = []
      const skipped: RefreshSummary['skipped'] = []
      await forEachLimited(ids, this.options.concurrency ?? 4, async (cardId) => {
        const got = await this.fetchCard(cardId)
        if ('skip' in got) skipped.push({ cardId, reason: got.skip })
        else fetched.push({ cardId, raw: got.raw, card: got.card })
      })
      const { stored, removed } = this.store(ids, fetched, at)
      this.last = { ok: true, summary: { at, stored, removed, skipped } }
    } catch (error) {
      this.last = { ok: false, at, error: error instanceof Error ? error.message : String(error) }
    }
    return this.last
  }

  private async fetchCard(
    cardId: string
  ): Promise<{ raw: unknown; card: CardDefinition } | { skip: string }> {
    const upstream = this.options.upstream
    try {
      const getJson = upstream.getCardJson?.bind(upstream)
      const raw = getJson
        ? await this.track(() => getJson(cardId))
        : await this.track(() => upstream.getCard(cardId))
      const card: CardDefinition | UnreadableCard = isDefinition(raw) ? raw : parseCardGet(raw, cardId)
      return card.kind === 'card' ? { raw, card } : { skip: card.reason }
    } catch (error) {
      // The platform refused this one card (e.g. 40073, deleted meanwhile): keep going without it.
      if (error instanceof UpstreamError && error.kind === 'rejected') return { skip: error.message }
      throw error
    }
  }

  private store(
    ids: string[],
    fetched: Array<{ cardId: string; raw: unknown; card: CardDefinition }>,
    at: number
  ): { stored: number; removed: number } {
    const db = this.options.db
    const upsert = db.prepare(
      `INSERT INTO card_definitions (card_id, raw_json, card_type, title, fetched_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(card_id) DO UPDATE SET raw_json = excluded.raw_json, card_type = excluded.card_type,
         title = excluded.title, fetched_at = excluded.fetched_at`
    )
    const prune = db.prepare(
      'DELETE FROM card_definitions WHERE card_id NOT IN (SELECT value FROM json_each(?))'
    )
    return db.transaction(() => {
      for (const f of fetched) upsert.run(f.cardId, JSON.stringify(f.raw), f.card.rawType, f.card.title, at)
      const removed = prune.run(JSON.stringify(ids)).changes
      return { stored: fetched.length, removed }
    })()
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    try {
      const value = await work()
      this.options.onUpstreamResult?.(true)
      return value
    } catch (error) {
      // A refusal about one card is still an answer: the upstream is reachable.
      const answered = error instanceof UpstreamError && error.kind === 'rejected'
      this.options.onUpstreamResult?.(answered, answered ? undefined : error)
      throw error
    }
  }
}

/** One collator for every sort: localeCompare(…, 'zh-CN') builds a new one per comparison. */
const titleOrder = new Intl.Collator('zh-CN')

const isDefinition = (value: unknown): value is CardDefinition | UnreadableCard =>
  typeof value === 'object' &&
  value !== null &&
  ((value as { kind?: unknown }).kind === 'card' || (value as { kind?: unknown }).kind === 'unreadable')

function readRow(cardId: string, rawJson: string): CardDefinition | UnreadableCard {
  let raw: unknown
  try {
    raw = JSON.parse(rawJson)
  } catch {
    return { kind: 'unreadable', cardId, reason: 'cached card is not JSON' }
  }
  return isDefinition(raw) ? raw : parseCardGet(raw, cardId)
}

function isActive(card: CardDefinition, now: number): boolean {
  if (card.cardType === 'MEMBER_CARD') return false
  if (card.status !== null && NOT_ACTIVE_STATUSES.has(card.status)) return false
  const date = card.dateInfo
  if (date.kind === 'fixRange' && date.end < now) return false
  if (date.kind === 'fixTerm' && date.endTimestamp !== undefined && date.endTimestamp < now) return false
  return true
}

/** Runs `work` over `items`, `limit` at a time; the first failure stops the lanes from starting more. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        failed = true
        throw error
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
}
