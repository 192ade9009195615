/**
 * Rule 3: the validity window. The code's own begin/end (code/get) wins over the card's date_info, bound by
 * bound, because it is the window WeChat computed for this very code (fixed term from its receipt day).
 * End times are whole seconds (WeChat suggests 23:59:59), so the whole end second is still valid.
 */
import type { EpochMs } from '../../time'
import type { CardDefinition, CodeGetError, CodeStatus } from '../../coupon/types'
import { formatLocalMinute } from '../localTime'
import { reason, type Reason } from '../reasonCodes'
import type { DecideContext } from '../types'

interface Window {
  begin?: EpochMs
  end?: EpochMs
}

function cardWindow(card: CardDefinition | null): Window {
  const d = card?.dateInfo
  if (d?.kind === 'fixRange') return { begin: d.begin, end: d.end }
  // A fixed term's begin depends on the claim day; only the uniform expiry is known.
  if (d?.kind === 'fixTerm' && d.endTimestamp !== undefined) return { end: d.endTimestamp }
  return {}
}

export function validity(
  card: CardDefinition | null,
  code: CodeStatus | CodeGetError | null,
  ctx: DecideContext
): Reason[] {
  const own = code?.kind === 'code' ? code : null
  const fromCard = cardWindow(card)
  // Offline there is no fresh answer: the window WeChat last gave for this very code still holds (it is fixed
  // per code), so a code refused as not yet valid online is not accepted a minute later offline.
  const remembered = own === null ? ctx.local.codeWindow : undefined
  const begin = own?.beginTime ?? remembered?.begin ?? fromCard.begin
  const end = own?.endTime ?? remembered?.end ?? fromCard.end
  const out: Reason[] = []
  if (begin !== undefined && ctx.now < begin) {
    out.push(reason('NOT_YET_VALID', 'deny', { from: formatLocalMinute(begin, ctx.timeZone) }))
  }
  if (end !== undefined && ctx.now >= end + 1000) {
    out.push(reason('EXPIRED', 'deny', { until: formatLocalMinute(end, ctx.timeZone) }))
  }
  const d = card?.dateInfo
  // Without code/get times a fixed-term card's window is unknowable here: say so, do not refuse.
  if (
    d?.kind === 'fixTerm' &&
    begin === undefined &&
    own?.endTime === undefined &&
    remembered?.end === undefined
  ) {
    out.push(reason('VALIDITY_FROM_RECEIPT', 'info', d.fixedTerm === null ? {} : { days: d.fixedTerm }))
  }
  return out
}
