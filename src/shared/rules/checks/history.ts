/** Rules 1 and 2: has this code been used already, and what does WeChat say about it? */
import type { CodeGetError, CodeStatus } from '../../coupon/types'
import { formatLocalMinute } from '../localTime'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

/** Rule 1: the local ledger or outbox already holds a redemption of this code. */
export function localDuplicate(ctx: DecideContext): Reason[] {
  const o = ctx.local.originalRedemption
  if (!o) return []
  const code = o.source === 'outbox' || !o.synced ? 'QUEUED_IN_OUTBOX' : 'ALREADY_REDEEMED_LOCAL'
  const params = {
    station: o.station,
    cashier: o.cashier,
    ...(Number.isFinite(o.at) ? { time: formatLocalMinute(o.at, ctx.timeZone) } : {})
  }
  return [reason(code, 'duplicate', params)]
}

const ERROR_REASONS: Record<CodeGetError['problem'], Reason['code']> = {
  unknownCode: 'UNKNOWN_CODE',
  consumed: 'UPSTREAM_CONSUMED',
  invalidUserCardStatus: 'INVALID_USER_CARD_STATE',
  memberCard: 'MEMBER_CARD_NOT_REDEEMABLE',
  upstreamError: 'UPSTREAM_ERROR',
  malformed: 'UPSTREAM_ERROR'
}

/** Rule 2: WeChat's answer for the code. A null status is only acceptable offline (rule 12 takes over). */
export function upstreamStatus(code: CodeStatus | CodeGetError | null, ctx: DecideContext): Reason[] {
  if (code === null) return ctx.connectivity === 'online' ? [reason('STATUS_NOT_CHECKED', 'deny')] : []
  if (code.kind === 'error') {
    const r = ERROR_REASONS[code.problem]
    const params = code.errcode === null ? {} : { errcode: code.errcode }
    return [reason(r, r === 'UPSTREAM_CONSUMED' ? 'duplicate' : 'deny', params)]
  }
  switch (code.userCardStatus) {
    case 'NORMAL':
      // can_consume missing is tolerated: NORMAL is the authoritative answer; an explicit false is not.
      return code.canConsume === false ? [reason('CANNOT_CONSUME', 'deny')] : []
    case 'CONSUMED':
      return [reason('UPSTREAM_CONSUMED', 'duplicate')]
    case 'EXPIRE':
      return [
        reason(
          'EXPIRED',
          'deny',
          code.endTime === undefined ? {} : { until: formatLocalMinute(code.endTime, ctx.timeZone) }
        )
      ]
    case 'GIFTING':
      return [reason('GIFTING', 'deny')]
    case 'GIFT_TIMEOUT':
      return [reason('GIFT_TIMEOUT', 'deny')]
    case 'DELETE':
      return [reason('DELETED_BY_USER', 'deny')]
    case 'UNAVAILABLE':
      return [reason('UNAVAILABLE', 'deny')]
    case 'UNKNOWN':
      return [
        reason(
          'UNKNOWN_USER_CARD_STATUS',
          'deny',
          code.rawUserCardStatus ? { status: code.rawUserCardStatus } : {}
        )
      ]
  }
}
