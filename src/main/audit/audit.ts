/**
 * The append-only audit log. Each entry's hash covers its own fields and the previous
 * entry's hash, so changing, deleting or reordering any entry breaks the chain at that
 * entry — `verifyAuditChain` names the first broken link.
 * appendAudit is synchronous on purpose: it runs inside the caller's transaction, so an
 * action and its audit entry commit together or not at all.
 */
import { hash } from 'node:crypto'
import type { AuditAction } from '../../shared/audit'
import type { Db } from '../db/open'
import { readSetting } from '../db/settings'
import { prepared } from '../db/statements'

export const GENESIS_HASH = '0'.repeat(64)

export type { AuditAction } from '../../shared/audit'

export interface AuditInput {
  at: number
  actorId: string | null
  actorName: string | null
  action: AuditAction
  subject: string | null
  detail: Record<string, unknown>
}

export interface AuditRow {
  id: number
  at: number
  actor_id: string | null
  actor_name: string | null
  action: string
  subject: string | null
  detail_json: string
  prev_hash: string
  hash: string
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.action,
    row.subject,
    row.detail_json,
    row.prev_hash
  ])
  // One-shot crypto.hash: the same SHA-256 as createHash().update().digest(), without the Hash object.
  return hash('sha256', canonical, 'hex')
}

const HEAD_KEY = 'audit.head'

export function appendAudit(db: Db, input: AuditInput): AuditRow {
  const last = prepared(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined
  const full: AuditRow = {
    id: (last?.id ?? 0) + 1,
    at: input.at,
    actor_id: input.actorId,
    actor_name: input.actorName,
    action: input.action,
    subject: input.subject,
    detail_json: JSON.stringify(input.detail),
    prev_hash: last?.hash ?? GENESIS_HASH,
    hash: ''
  }
  full.hash = entryHash(full)
  prepared(
    db,
    `INSERT INTO audit_log (id, at, actor_id, actor_name, action, subject, detail_json, prev_hash, hash)
     VALUES (@id, @at, @actor_id, @actor_name, @action, @subject, @detail_json, @prev_hash, @hash)`
  ).run(full)
  // The head pointer catches a deleted LAST entry, which no link after it could reveal. It is stored in
  // settings (same key and JSON as ever) but written directly rather than through writeSetting: it is no
  // setting anyone caches, so it must not bump the settings generation (which would make the next scan
  // re-read and re-parse every setting after each redemption).
  prepared(
    db,
    `INSERT INTO settings (key, value, updated_at) VALUES ('${HEAD_KEY}', ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
  ).run(JSON.stringify({ id: full.id, hash: full.hash }), input.at)
  return full
}

export interface ChainReport {
  ok: boolean
  checked: number
  /** The first entry whose link is broken, and why. */
  firstBroken?: { id: number; position: number; reason: string }
}

/** Walks the whole chain in id order (streaming; never loads the log at once). */
export function verifyAuditChain(db: Db): ChainReport {
  let prevHash = GENESIS_HASH
  let expectedId = 1
  let checked = 0
  for (const row of prepared(db, 'SELECT * FROM audit_log ORDER BY id').iterate() as Iterable<AuditRow>) {
    const position = checked + 1
    const broken = (reason: string): ChainReport => ({
      ok: false,
      checked,
      firstBroken: { id: row.id, position, reason }
    })
    if (row.id !== expectedId) return broken(`entry ${expectedId} is missing (next entry found is ${row.id})`)
    if (row.prev_hash !== prevHash)
      return broken('does not link to the entry before it (deleted or reordered)')
    if (entryHash(row) !== row.hash) return broken('its content was changed after it was written')
    prevHash = row.hash
    expectedId = row.id + 1
    checked++
  }
  const head = readSetting(db, HEAD_KEY) as { id?: number; hash?: string } | undefined
  if (head?.id !== undefined && (head.id !== expectedId - 1 || head.hash !== prevHash)) {
    return {
      ok: false,
      checked,
      firstBroken: {
        id: head.id,
        position: checked + 1,
        reason: `entry ${head.id} (the last one written) is missing or changed`
      }
    }
  }
  return { ok: true, checked }
}
