/**
 * The audit log as the manager's page sees it: newest first, filtered, paged by id. Details are redacted on
 * the way out (secrets never leave main; openids are masked) — the stored entry is untouched, so the chain
 * still verifies.
 */
import { maskOpenid } from '../../shared/redeem'
import type { AuditEntryView } from '../../shared/reports'
import type { AuditRow } from '../audit/audit'
import type { Db } from '../db/open'

/** An audit row as the log shows it (the chain link is not shown). */
export type AuditRowLike = Omit<AuditRow, 'prev_hash'>

export interface AuditQuery {
  from?: number
  to?: number
  action?: string
  actor?: string
  subject?: string
  beforeId?: number
  limit: number
}

/** appSecret, accessToken, password, credentials, pin, pinHash, privateKey … (not 'mapping' or 'tokens used'). */
const SECRET_KEY = /(secret|token|password|passwd|credentials?|pinhash|privatekey)$|^pin$/i

export function redact(value: unknown, key = ''): unknown {
  if (SECRET_KEY.test(key) && value !== null && value !== undefined) return '[redacted]'
  if (/openid/i.test(key) && typeof value === 'string') return maskOpenid(value)
  if (Array.isArray(value)) return value.map((v) => redact(v))
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)])
    )
  return value
}

export function auditEntryView(row: AuditRowLike): AuditEntryView {
  let detail: Record<string, unknown>
  try {
    const parsed = JSON.parse(row.detail_json) as unknown
    detail = parsed !== null && typeof parsed === 'object' ? (redact(parsed) as Record<string, unknown>) : {}
  } catch {
    detail = { unreadable: true }
  }
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    subject: row.subject,
    detail,
    hash: row.hash
  }
}

export function auditEntries(db: Db, q: AuditQuery): { entries: AuditEntryView[]; total: number } {
  const parts: string[] = []
  const params: Record<string, string | number> = {}
  if (q.from !== undefined) {
    parts.push('at >= @from')
    params['from'] = q.from
  }
  if (q.to !== undefined) {
    parts.push('at < @to')
    params['to'] = q.to
  }
  if (q.action !== undefined) {
    // 'conflict' matches every conflict.* action; a full name matches exactly.
    parts.push(q.action.includes('.') ? 'action = @action' : `action LIKE @action || '.%'`)
    params['action'] = q.action
  }
  if (q.actor !== undefined) {
    parts.push(`(actor_name LIKE '%' || @actor || '%' OR actor_id = @actor)`)
    params['actor'] = q.actor
  }
  if (q.subject !== undefined) {
    parts.push('subject = @subject')
    params['subject'] = q.subject
  }
  const filtered = parts.length > 0 ? parts.join(' AND ') : '1'
  const total = (
    db.prepare(`SELECT count(*) AS n FROM audit_log WHERE ${filtered}`).get(params) as { n: number }
  ).n
  const page = q.beforeId === undefined ? filtered : `${filtered} AND id < @beforeId`
  const rows = db.prepare(`SELECT * FROM audit_log WHERE ${page} ORDER BY id DESC LIMIT @limit`).all({
    ...params,
    ...(q.beforeId === undefined ? {} : { beforeId: q.beforeId }),
    limit: q.limit
  }) as AuditRowLike[]
  return { entries: rows.map(auditEntryView), total }
}
