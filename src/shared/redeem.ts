/**
 * What the counter sees of a look-up and of a redemption. Plain JSON-safe data; openids
 * arrive masked. Built in main (src/main/redeem/views.ts).
 */
import type { CardDefinition, CodeGetError, CodeStatus, UnreadableCard } from './coupon'
import type { Fen } from './money'
import type { Decision } from './rules'
import type { RejectedScan, ScanSource } from './scan'
import type { EpochMs } from './time'

export type Connectivity = 'online' | 'offline'

export interface ScanView {
  source: ScanSource
  device: string
  /** Escaped for display (control characters visible). */
  raw: string
  at: EpochMs
}

/** A card the cashier may pick (offline unknown code, or custom code without a mapping). */
export interface CardChoice {
  cardId: string
  title: string
  cardType: string
  useCustomCode: boolean
}

export interface LookupView {
  lookupId: string
  scan: ScanView
  /** The scan was garbage: nothing else is filled in. zh-CN and en message. */
  /** A refused scan as code + params; the renderer says it with scanRejectText. */
  rejected: Pick<RejectedScan, 'reason' | 'params'> | null
  code: string | null
  card: CardDefinition | UnreadableCard | null
  cardSource: 'upstream' | 'cache' | 'picked' | 'none'
  /** Masked openid in codeStatus. */
  codeStatus: CodeStatus | CodeGetError | null
  connectivity: Connectivity
  decision: Decision | null
  /** The same code from the same device within 2 s: this is the first read's result again. */
  doubleRead: boolean
  /** Offline with an unknown card, or a custom code without mapping: the cards the cashier may pick from. */
  choices: CardChoice[]
  /** The chosen card for such a code (after evaluate/commit with pickedCardId). */
  pickedCardId: string | null
}

export type RedemptionStatus = 'pending' | 'synced' | 'conflict' | 'rejected' | 'voided'

export interface RedemptionView {
  id: string
  code: string
  cardId: string | null
  cardTitle: string
  cardType: string
  at: EpochMs
  businessDay: string
  stationName: string
  cashierName: string
  openidMasked: string | null
  billFen: Fen | null
  discountFen: Fen
  payableFen: Fen | null
  online: boolean
  status: RedemptionStatus
  stale: boolean
  statusReason: string | null
  approvedBy: string | null
  /**
   * Decided while the store hub did not answer (degraded mode): "not checked with the store". Its claim is
   * queued; absent when the till has no store hub or the hub answered (docs/hub.md § For the station side).
   */
  storeUnchecked?: boolean
  /**
   * Decided while the chain hub at HQ did not answer the claim before committing: "not checked with
   * headquarters". HQ still finds a duplicate from the lane, after the fact (docs/chain.md).
   */
  chainUnchecked?: boolean
}

export type SyncOutcome = 'confirmed' | 'queued' | 'conflict' | 'rejected'

export interface RedeemResult {
  redemption: RedemptionView
  /** confirmed = WeChat accepted the consume within the deadline; queued = saved, will sync. */
  sync: SyncOutcome
  /** The same commit was asked for again (double press, double read): nothing new was written. */
  repeated: boolean
}

/** Masks an openid for display and logs: first 4 and last 4 characters. */
export function maskOpenid(openid: string | null | undefined): string | null {
  if (!openid) return null
  if (openid.length <= 8) return '****'
  return `${openid.slice(0, 4)}****${openid.slice(-4)}`
}

/**
 * A coupon claimed at a hub before the local commit: the store hub (docs/hub.md § Claims) and the chain hub
 * (docs/chain.md § Claims before committing) take the same facts of the redemption.
 */
export interface CouponClaim {
  redemptionId: string
  cardId: string
  /** A plain WeChat code: its claim key must not depend on the card the till named. */
  plainCode: boolean
  code: string
  cashier: { id: string; name: string }
  amountFen: number
  at: number
}
