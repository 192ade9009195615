/**
 * Rule 12, the offline policy (docs/product-rules.md §5). Over a limit the manager's PIN lets a redemption through when
 * policy.offline.managerOverride is on; otherwise it is refused. The unknown-card case is in cardKind.ts.
 */
import type { Fen } from '../../money'
import { businessDayOf } from '../../time'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

export function offline(couponValue: Fen | null, ctx: DecideContext): Reason[] {
  if (ctx.connectivity !== 'offline') return []
  const p = ctx.policy.offline
  const overLimit = (code: 'OFFLINE_FACE_VALUE_CAP' | 'OFFLINE_DAILY_CAP', params: Reason['params']) =>
    p.managerOverride ? reason(code, 'warn', params, true) : reason(code, 'deny', params)
  const out: Reason[] = [reason('OFFLINE', 'info')]
  if (couponValue !== null && couponValue > p.maxFaceValueFen) {
    out.push(overLimit('OFFLINE_FACE_VALUE_CAP', { limitFen: p.maxFaceValueFen, faceValueFen: couponValue }))
  }
  if (ctx.local.offlineRedemptionsToday >= p.maxPerBusinessDay) {
    const day = businessDayOf(ctx.now, ctx.timeZone, ctx.cutoffMinutes)
    out.push(overLimit('OFFLINE_DAILY_CAP', { max: p.maxPerBusinessDay, day }))
  }
  return out
}
