/** What the redemption service needs from the rest of main; each is an interface so tests can stand in. */
import type { CardDefinition, UnreadableCard } from '../../shared/coupon'
import type { ScanEvent } from '../../shared/scan'
import type { CouponClaim, SyncOutcome } from '../../shared/redeem'
import type { Db } from '../db/open'
import type { Upstream, UpstreamError } from '../upstream/types'
import type { RedeemSettings } from '../config/settings'
import type { Ledger } from './ledger'
import type { ScanJournal } from './scanJournal'

export interface CardSource {
  /** The cached definition, without any network call. */
  cached(cardId: string): CardDefinition | UnreadableCard | null
  /** Cached, else fetched from upstream (and cached). Throws UpstreamError when it cannot be fetched. */
  ensure(cardId: string, deadlineMs: number): Promise<CardDefinition | UnreadableCard>
  /** Cards the store may take (for picking an unknown offline code or a custom code's card). */
  active(): CardDefinition[]
}

export interface ConnectivityProbe {
  /** What the station believes right now, from recent upstream results. */
  current(): 'online' | 'degraded' | 'offline'
  /** Feed every upstream result of the look-up path. */
  record(ok: boolean, error?: UpstreamError): void
}

export interface ImmediateSync {
  /** Try the consume now with a deadline; whatever happens, the outbox keeps the item until it settles. */
  sendNow(redemptionId: string, deadlineMs: number): Promise<SyncOutcome>
  /** A new item is in the outbox (offline): the worker picks it up and the queue depth is announced. */
  notify(): void
}

/** Another till's claim of a coupon (from the store hub or its mirror), as the counter names it. */
export interface StoreHolder {
  tillName: string
  cashierName: string
  at: number
}

/**
 * The store hub, as the counter needs it (src/main/storeLink fits this; docs/hub.md § For the station side).
 * Narrow on purpose: the redemption service never knows HTTP, tokens or the feed.
 */
export interface StoreClaims {
  /** Another till's live claim of this coupon in the mirror (custom codes: under that card), else null. */
  holderOf(code: string, customCardId: string | null): StoreHolder | null
  /**
   * Claims the coupon before the local commit; the intent is durable before anything is sent. null: this till
   * is not paired. 'unchecked': the hub did not answer within its deadline — decided in degraded mode, queued.
   * 'over_limit': it did not answer and the amount is above the store's limit for unchecked redemptions
   * (docs/hub.md § Store policy): refused, nothing to commit (the claim is already released).
   */
  claim(
    input: CouponClaim
  ): Promise<
    | { kind: 'granted' }
    | { kind: 'duplicate'; holder: StoreHolder }
    | { kind: 'unchecked' }
    | { kind: 'over_limit'; limitFen: number }
    | null
  >
  /**
   * The ledger committed it: complete the claim at the hub (or keep the queued claim). Called inside the ledger's
   * transaction (WriteHooks.alsoWrite), so the claim's state commits with the redemption.
   */
  committed(redemptionId: string): void
  /** The ledger did not commit it: release the claim. */
  abandoned(redemptionId: string): void
  /** A manager voided it before it reached WeChat: free the code at the hub. */
  voided(redemptionId: string): void
  /** Decided in degraded mode: "not checked with the store". */
  unchecked(redemptionId: string): boolean
}

/** Another store's (or till's) redemption of a coupon, as the chain hub names it. */
export interface ChainHolder {
  storeName: string
  tillName: string
  cashierName: string
  at: number
}

/**
 * The chain hub's claim before committing (src/main/chainLink/claims.ts fits this; docs/chain.md § Claims before
 * committing). Asked after the store hub's claim, with its own deadline; nothing is queued (the lane carries the
 * redemption to HQ later).
 */
export interface ChainClaims {
  /**
   * null: not enrolled, or the till's setting is off. 'unchecked': HQ did not answer in time (or refused the
   * till): decided here, "not checked with headquarters".
   */
  claim(
    input: CouponClaim
  ): Promise<{ kind: 'granted' } | { kind: 'duplicate'; holder: ChainHolder } | { kind: 'unchecked' } | null>
  /** Inside the ledger's transaction: the claim's outcome commits with the redemption. */
  committed(redemptionId: string): void
  /** The ledger did not commit it (or the store hub refused it): release the claim at HQ. */
  abandoned(redemptionId: string): void
  /** Decided while HQ did not answer: "not checked with headquarters". */
  unchecked(redemptionId: string): boolean
}

export interface RedemptionDeps {
  db: Db
  ledger: Ledger
  /** Deferred bookkeeping writes (scan log, last-seen code statuses). */
  journal: ScanJournal
  upstream: Upstream
  cards: CardSource
  connectivity: ConnectivityProbe
  sync?: ImmediateSync
  /** The store hub: cross-till duplicates (absent or not paired: the till protects only itself). */
  storeClaims?: StoreClaims
  /** The chain hub at HQ: cross-store duplicates before committing (absent, not enrolled or off: lane only). */
  chainClaims?: ChainClaims
  /** HID/serial scans held in main, handed over once by id. */
  deviceScans?: { take(scanId: string): ScanEvent | null }
  settings: () => RedeemSettings
  now?: () => number
  /** Deadline of code/get on the look-up path (short: the cashier is waiting); COUNTER_DEADLINE_MS unless set. */
  lookupDeadlineMs?: number
  /** Deadline of the immediate consume after a redeem; COUNTER_DEADLINE_MS unless set. */
  confirmDeadlineMs?: number
}

/**
 * How long a cashier waits for WeChat at the counter — the code look-up and the immediate consume after a
 * redeem — before the station carries on offline or leaves the item queued (docs/product-rules.md §5, §6).
 * The sync worker's sendNow uses the same figure, so it lives here, in the lowest room that needs it.
 */
export const COUNTER_DEADLINE_MS = 1_500
