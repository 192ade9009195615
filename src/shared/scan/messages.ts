/**
 * A refused scan is a reason code and params; its words are the catalogue's `scanReject.<reason>`
 * (src/shared/i18n, docs/i18n.md): say what happened and what to do next, never a stack trace.
 */
import type { Translate } from '../i18n'
import type { RejectedScan, RejectParams, ScanRejectReason } from './types'

/** The code-length limit the words quote when a TOO_LONG refusal carries none (docs/scanner-facts.md). */
const DEFAULT_MAX_CODE_LENGTH = 20

export function rejectScan(reason: ScanRejectReason, params: RejectParams = {}): RejectedScan {
  return { rejected: true, reason, params }
}

/** The words for a refusal, with the caller's translator (the renderer's t). */
export function scanRejectText(t: Translate, rejected: Pick<RejectedScan, 'reason' | 'params'>): string {
  const max = rejected.params.max ?? (rejected.reason === 'TOO_LONG' ? DEFAULT_MAX_CODE_LENGTH : 0)
  return t(`scanReject.${rejected.reason}`, { max })
}
