/**
 * What the renderer learns about syncing: the `sync.state` event payload, the reasons a redemption ends
 * 'conflict' or 'rejected' (stored in redemptions.status_reason), and words for WeChat errcodes.
 * Main writes reasons as short stable strings; describeSyncReason turns them into the catalogue's words
 * (src/shared/i18n, `wechat.*`) with the caller's t: the renderer's, or an export file's (createTranslator).
 */
import type { Translate } from './i18n'
import { zhCN } from './i18n/zh-CN'
import type { EpochMs } from './time'

/**
 * online: the last upstream calls worked. degraded: some fail (busy, rate-limited, slow) but some get through.
 * offline: the upstream cannot be reached or used (network, repeated failures, credentials) — decide offline.
 */
export type Connectivity = 'online' | 'degraded' | 'offline'

/** Why sending is on hold, if it is. */
export interface SyncPause {
  /** quota: 45009 daily quota used up. auth: credentials, IP whitelist or permission (40013/40125/40164/48001…). */
  reason: 'quota' | 'auth'
  since: EpochMs
  /** When the worker tries again by itself; null = only when told to (resume / new settings). */
  until: EpochMs | null
  errcode: number | null
}

export interface SyncProblem {
  /** UpstreamError kind: transient, rate_limited, quota_exhausted, timeout, network, malformed, auth, rejected. */
  kind: string
  errcode: number | null
  message: string
  at: EpochMs
}

/** Payload of the 'sync.state' event. */
export interface SyncState {
  connectivity: Connectivity
  /** Outbox items still to send (state 'queued'). */
  queueDepth: number
  /** created_at of the oldest queued item, null when the queue is empty. */
  oldestPendingAt: EpochMs | null
  /** now − oldestPendingAt, for a "waiting for 12 min" label without another clock read. */
  oldestPendingAgeMs: number | null
  /** Queued items past their fast retry schedule (or older than the stale age): the manager should look. */
  staleCount: number
  /**
   * Conflicts and rejections no manager has resolved yet (the conflicts queue): shown to everyone in the header
   * and on the sign-in screen until a manager resolves them.
   */
  needsManager: number
  /** Requests on the wire right now. */
  inFlight: number
  lastSuccessAt: EpochMs | null
  lastProblem: SyncProblem | null
  /** 45009 / credentials: nothing is sent until `until` (or a resume). */
  paused: SyncPause | null
  /** 45011: sending waits until this instant (the next minute). */
  slowedUntil: EpochMs | null
  at: EpochMs
}

/** Payload of the 'redemption.updated' event, after the new status is committed. */
export interface RedemptionUpdated {
  redemptionId: string
  status: 'pending' | 'synced' | 'conflict' | 'rejected' | 'voided'
}

/**
 * redemptions.status_reason written by the sync worker:
 * - 'used_elsewhere': WeChat says the code was consumed, and no consume of ours can have done it (conflict)
 * - 'card_mismatch' / 'card_mismatch_consumed': WeChat's card differs from the one the station recorded or the
 *   cashier picked offline; the second form means our consume went through anyway (conflict)
 * - 'consumed_unverified': WeChat says the code was consumed after a consume of ours whose answer was lost, and
 *   nothing shows whether ours or someone else's did it (conflict: a manager decides)
 * - 'not_yet_valid' / 'expired_when_redeemed': the redemption was made outside the code's own validity window
 *   (begin_time / end_time); nothing was consumed (rejected)
 * - 'cannot_consume': code/get said NORMAL but can_consume false; nothing was consumed (rejected)
 * - 'wechat:<errcode>': WeChat refused the code for good (rejected)
 * - 'status:<user_card_status>': code/get says EXPIRE, GIFTING, DELETE, UNAVAILABLE … (rejected)
 */
export const SYNC_REASONS = [
  'used_elsewhere',
  'card_mismatch',
  'card_mismatch_consumed',
  'consumed_unverified',
  'not_yet_valid',
  'expired_when_redeemed',
  'cannot_consume'
] as const

export type SyncReason = (typeof SYNC_REASONS)[number] | `wechat:${number}` | `status:${string}`

/**
 * WeChat errcodes the station has words for (docs/wechat-api.md §1.3, §4): the words are in the catalogue
 * (src/shared/i18n, `wechat.errcode.<n>`), in terms a cashier or manager can act on. Always matched on errcode,
 * never on errmsg (whose suffix varies).
 */
export const KNOWN_ERRCODES: readonly number[] = Object.keys(zhCN.wechat.errcode).map(Number)
const STATUSES_WITH_WORDS = new Set(Object.keys(zhCN.wechat.status))
const FIXED_REASONS: ReadonlySet<string> = new Set(SYNC_REASONS)

/** Words for an errcode; unknown codes keep their number so nothing is hidden. */
export function describeErrcode(t: Translate, errcode: number): string {
  return KNOWN_ERRCODES.includes(errcode)
    ? t(`wechat.errcode.${errcode}`)
    : t('wechat.errcodeUnknown', { errcode })
}

/** Words for a redemptions.status_reason written by the sync worker (other text is shown as it is). */
export function describeSyncReason(t: Translate, reason: string): string {
  if (FIXED_REASONS.has(reason)) return t(`wechat.syncReason.${reason}`)
  if (reason.startsWith('wechat:')) {
    const errcode = Number(reason.slice('wechat:'.length))
    if (Number.isInteger(errcode)) return t('wechat.withCode', { text: describeErrcode(t, errcode), errcode })
  }
  if (reason.startsWith('status:')) {
    const status = reason.slice('status:'.length)
    return STATUSES_WITH_WORDS.has(status)
      ? t(`wechat.status.${status}`)
      : t('wechat.statusUnknown', { status })
  }
  return reason
}
