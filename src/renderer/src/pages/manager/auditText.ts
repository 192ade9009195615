/**
 * The audit log in a manager's words: each action named, one line saying what happened, and the entry's detail
 * as labelled fields (money as ¥, times in the store's zone, yes/no) for whoever opens it — never raw JSON or keys.
 * Fields without a label of their own keep their key: they are the rare ones, shown only on demand.
 */
import type { TFunction } from 'i18next'
import type { AuditEntryView } from '../../../../shared/reports'
import { describeSyncReason } from '../../../../shared/sync'
import { dateTimeText, moneyText } from '../../components/format'

export interface AuditField {
  label: string
  value: string
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v))
const fen = (v: unknown): string => (typeof v === 'number' ? moneyText(v) : '—')

/** The action's name; an action this version does not know (from a newer version) is shown as it is stored. */
export const auditActionText = (t: TFunction, action: string): string =>
  t(`reports.audit.actions.${action}`, { defaultValue: action })

/** Who: the person, or the station's own sync worker (written as 'sync' with no staff id). */
export const auditActorText = (t: TFunction, entry: AuditEntryView): string =>
  entry.actorId === null && entry.actorName === 'sync'
    ? t('reports.audit.bySync')
    : (entry.actorName ?? t('reports.audit.byStation'))

export function auditSummary(t: TFunction, entry: AuditEntryView): string {
  const d = entry.detail
  const reason = (r: unknown) => (r ? describeSyncReason(t, str(r)) : '')
  switch (entry.action) {
    case 'redemption.created':
      return t('reports.audit.summary.created', {
        code: str(d['code']),
        amount: fen(d['discountFen']),
        how: t(d['online'] === true ? 'reports.audit.summary.online' : 'reports.audit.summary.offline')
      })
    case 'redemption.voided':
      return t('reports.audit.summary.voided', { code: str(d['code']), reason: str(d['reason']) || '—' })
    case 'redemption.conflict':
    case 'redemption.rejected':
      return t('reports.audit.summary.syncProblem', { code: str(d['code']), reason: reason(d['reason']) })
    case 'conflict.resolved':
      return t('reports.audit.summary.resolved', {
        code: str(d['code']),
        outcome: t(`reports.conflicts.outcome.${str(d['outcome'])}`, { defaultValue: str(d['outcome']) })
      })
    case 'day.closed':
      return t('reports.audit.summary.dayClosed', {
        number: str(d['number']),
        day: str(d['businessDay']),
        count: typeof d['count'] === 'number' ? d['count'] : 0,
        amount: fen(d['discountFen'])
      })
    case 'settings.changed':
      return t(`reports.audit.summary.settings.${str(entry.subject)}`, {
        defaultValue: t('reports.audit.summary.settings.other')
      })
    case 'settings.approval_rules_changed':
      return t('reports.audit.summary.approvalRules')
    case 'backup.restored':
      return t('reports.audit.summary.restored', { file: str(d['backup']) })
    case 'staff.created':
      return t('reports.audit.summary.staffCreated', {
        name: str(d['name']),
        role: t(`role.${str(d['role'])}`, { defaultValue: str(d['role']) })
      })
    case 'training.practice_reset':
      return t('reports.audit.summary.practiceReset', {
        count: typeof d['cleared'] === 'number' ? d['cleared'] : 0
      })
    case 'print.reprinted':
      return t('reports.audit.summary.reprinted', {
        what:
          d['kind'] === 'zreport'
            ? t('reports.audit.summary.reprintZ', { number: str(d['number']) })
            : t('reports.audit.summary.reprintSlip', { code: str(d['code']) })
      })
    // The store hub (docs/hub.md § Store policy): the limit in words, never a raw null.
    case 'storeLink.policySet':
      return d['unverifiedLimitFen'] === null || d['unverifiedLimitFen'] === undefined
        ? t('storeDay.policy.nowNoLimit')
        : d['unverifiedLimitFen'] === 0
          ? t('storeDay.policy.nowRefuseAll')
          : t('storeDay.policy.nowUpTo', { amount: fen(d['unverifiedLimitFen']) })
    case 'storeLink.uncheckedRefused':
      return t('errors.STORE_UNCHECKED_OVER_LIMIT', {
        amount: fen(d['amountFen']),
        limit: fen(d['limitFen'])
      })
    case 'storeLink.conflictResolved':
      return t('storeDay.auditResolved', { code: str(d['code']), till: str(d['otherTill']) || '—' })
    case 'staff.sign_in_failed':
      return t('reports.audit.summary.signInFailed', {
        n: typeof d['failures'] === 'number' ? d['failures'] : 1
      })
    default:
      return ''
  }
}

/** The detail as labelled fields; a settings change lists only what changed, as "before → after". */
export function auditFields(t: TFunction, entry: AuditEntryView, zone: string): AuditField[] {
  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—'
    if (typeof v === 'boolean') return t(v ? 'reports.audit.yes' : 'reports.audit.no')
    if (typeof v === 'number' && /Fen$/.test(key)) return moneyText(v)
    if (typeof v === 'number' && /(At|^at)$/.test(key)) return dateTimeText(v, zone)
    if (typeof v === 'object') return Array.isArray(v) ? v.map((x) => value('', x)).join(', ') : '…'
    return String(v)
  }
  const label = (path: string) => {
    const last = path.split('.').pop() ?? path
    return t(`reports.audit.fields.${last}`, { defaultValue: path })
  }
  const d = entry.detail
  if (
    (entry.action === 'settings.changed' || entry.action === 'settings.approval_rules_changed') &&
    'after' in d
  ) {
    const before = flatten(d['before'])
    const after = flatten(d['after'])
    const keys = [...new Set([...before.keys(), ...after.keys()])].filter(
      (k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k))
    )
    const changed = keys.map((k) => ({
      label: label(k),
      value: `${value(k, before.get(k))} → ${value(k, after.get(k))}`
    }))
    return changed.length > 0 ? changed : [{ label: t('reports.audit.noChange'), value: '' }]
  }
  return [...flatten(d)].map(([k, v]) => ({ label: label(k), value: value(k, v) }))
}

function flatten(v: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, inner] of Object.entries(v as Record<string, unknown>))
      flatten(inner, prefix ? `${prefix}.${k}` : k, out)
  } else if (prefix) out.set(prefix, v)
  return out
}
