/**
 * Shapes the sandbox stores and speaks. Cards are kept in the exact upstream JSON shape that `card/get`
 * returns under "card" (docs/wechat-api.md §2.1), so the station parses sandbox cards with the same code
 * it uses for real ones; only code state is modelled in our own (camelCase) record.
 */
import type { EpochMs } from '../../../shared/time'
import type { FaultKind } from './faults'

export type JsonObject = { [key: string]: unknown }

/** `user_card_status` values of `card/code/get` (§3.1). */
export const CODE_STATUSES = [
  'NORMAL',
  'CONSUMED',
  'EXPIRE',
  'GIFTING',
  'GIFT_TIMEOUT',
  'DELETE',
  'UNAVAILABLE'
] as const
export type CodeStatus = (typeof CODE_STATUSES)[number]

/** A card as `card/get` returns it: `{card_type:'CASH', cash:{base_info:{id,...}, advanced_info, ...}}`. */
export interface WxCard {
  card_type: string
  [section: string]: unknown
}

export interface AppCredential {
  appid: string
  secret: string
}

/** How a code is put into the sandbox. Times are unix seconds, as the API returns them. */
export interface CodeSeed {
  code: string
  cardId: string
  openid: string
  status: CodeStatus
  beginTime: number
  endTime: number
  outerStr?: string
  /** false = deposited but never claimed by a user: the API answers 40056 for it (§3.1). Default true. */
  claimed?: boolean
  /** For CONSUMED codes: when the earlier consume happened, so datacube history has it. */
  consumedAt?: EpochMs
}

/** The live state of one code. */
export interface CodeEntry {
  code: string
  cardId: string
  openid: string
  status: CodeStatus
  beginTime: number
  endTime: number
  outerStr: string | undefined
  claimed: boolean
  unavailableReason?: string
}

export type PartitionMode = 'hang' | 'refuse'

/**
 * A sandbox-only trap used by the training "network down" scenario: a `card/code/get` for this code
 * starts a partition (and is itself lost), so the station goes offline exactly when the trainee scans it.
 */
export interface PartitionTripwire {
  code: string
  durationMs: number
  mode: PartitionMode
  /** Quiet time after a partition ends, so the station can sync the offline redemption of this code. */
  cooldownMs: number
}

export interface SandboxSeed {
  apps: AppCredential[]
  cards: WxCard[]
  codes: CodeSeed[]
  tripwires?: PartitionTripwire[]
}

export interface ConsumeRecord {
  code: string
  cardId: string
  openid: string
  at: EpochMs
}

export interface CallRecord {
  seq: number
  at: EpochMs
  method: string
  path: string
  /** HTTP status we answered with, or undefined when the reply never left (reset, drop, partition). */
  status: number | undefined
  /** errcode of the reply (0 on success), when it was a JSON reply. */
  errcode: number | undefined
  fault: FaultKind | undefined
}

/** One request, in-process or from the HTTP server. */
export interface SandboxRequest {
  method: string
  path: string
  query?: Record<string, string | undefined>
  /** Raw text (HTTP) or an already-built JSON value (in-process). */
  body?: unknown
  /** Caller's IP for the whitelist check; in-process calls count as 127.0.0.1. */
  remoteIp?: string
  /** Aborts a request that is hanging in a partition (the HTTP server ties it to the socket). */
  signal?: AbortSignal
}

export type SandboxResponse =
  { status: number; body: JsonObject } | { status: number; raw: string; contentType: string }
