/**
 * The conflicts and rejections queue. A resolution never changes what the ledger says WeChat answered (the
 * item stays 'conflict' or 'rejected'); it records what the store did about it — collected from the
 * customer, written off, or something else with a note — in its own immutable row and in the audit log,
 * in ONE transaction. Nothing is deleted.
 */
import type { Actor } from '../audit/actor'
import type {
  ConflictItem,
  ConflictStory,
  CrossTillConflict,
  ResolutionOutcome,
  ResolutionView,
  SyncAttemptView
} from '../../shared/reports'
import { AppFailure } from '../../shared/result'
import type { Db } from '../db/open'
import { appendAudit } from '../audit/audit'
import { auditEntryView, type AuditRowLike } from './auditView'
import { selectRows, withPhase } from './rows'

export type QueueState = 'open' | 'resolved' | 'all'

const STATE_SQL: Record<QueueState, string> = {
  open: 'c.redemption_id IS NULL',
  resolved: 'c.redemption_id IS NOT NULL',
  all: '1'
}

export function conflictQueue(db: Db, state: QueueState, limit: number): ConflictItem[] {
  const rows = selectRows(
    db,
    `r.status IN ('conflict', 'rejected') AND ${STATE_SQL[state]} ORDER BY r.at DESC, r.id LIMIT ?`,
    [limit]
  )
  const outbox = db.prepare('SELECT attempts, last_error FROM outbox WHERE redemption_id = ?')
  return rows.map((redemption) => {
    const o = outbox.get(redemption.id) as { attempts: number; last_error: string | null } | undefined
    return { redemption, attempts: o?.attempts ?? 0, lastError: o?.last_error ?? null }
  })
}

/**
 * Cross-till conflicts, newest first, in one list: the store hub's collisions (a redemption decided while the
 * store hub was silent whose queued claim met another till's claim; src/main/storeLink writes them into
 * store_claims as 'collision', with the holder's story) and the chain hub's duplicates (src/main/chainLink).
 * Voided ones are settled and leave the list; resolved ones leave the open list and stay in history.
 */
export function crossTillConflicts(db: Db, limit: number, state: QueueState = 'open'): CrossTillConflict[] {
  const store = crossTillRows(db, `${STATE_SQL[state]} ORDER BY s.at DESC, s.redemption_id LIMIT ?`, [limit])
  // A till paired with the store hub AND enrolled at HQ hears of one duplicate from both hubs: list it once.
  const pairOf = (c: CrossTillConflict) => `${c.redemptionId}\u001f${c.holder.redemptionId}`
  const fromStore = new Set(store.map(pairOf))
  const chain = chainDuplicates(db, limit, state).filter((c) => !fromStore.has(pairOf(c)))
  return [...store, ...chain]
    .sort((a, b) => b.at - a.at || a.redemptionId.localeCompare(b.redemptionId))
    .slice(0, limit)
}

interface ChainStory {
  redemptionId: string
  storeName: string
  tillId: string
  tillName: string
  cashierName: string
  amountFen: number
  at: number
}

/**
 * Duplicates the chain hub found (src/main/chainLink, docs/chain.md § Duplicates back to both tills): this till's
 * redemption and another till's of the same code, often in another store. The other till is named with its store.
 * A manager resolves them like the store's own (store_conflict_resolutions, keyed by this till's redemption).
 */
function chainDuplicates(db: Db, limit: number, state: QueueState): CrossTillConflict[] {
  const link = db.prepare('SELECT till_id FROM chain_link WHERE id = 1').get() as
    { till_id: string } | undefined
  if (!link) return []
  const rows = db
    .prepare('SELECT card_id, code, first_json, second_json FROM chain_conflicts ORDER BY id DESC LIMIT ?')
    .all(limit) as { card_id: string; code: string; first_json: string; second_json: string }[]
  const resolutionOf = db.prepare(
    'SELECT note, resolved_at, resolved_by_name FROM store_conflict_resolutions WHERE redemption_id = ?'
  )
  return rows.flatMap((r) => {
    const first = JSON.parse(r.first_json) as ChainStory
    const second = JSON.parse(r.second_json) as ChainStory
    const mine = first.tillId === link.till_id ? first : second.tillId === link.till_id ? second : null
    if (!mine) return []
    const other = mine === first ? second : first
    const done = resolutionOf.get(mine.redemptionId) as
      { note: string; resolved_at: number; resolved_by_name: string } | undefined
    if ((state === 'open' && done) || (state === 'resolved' && !done)) return []
    return [
      {
        redemptionId: mine.redemptionId,
        code: r.code,
        cardId: r.card_id,
        at: mine.at,
        cashierName: mine.cashierName,
        amountFen: mine.amountFen,
        holder: {
          redemptionId: other.redemptionId,
          tillName: [other.storeName, other.tillName].filter(Boolean).join(' '),
          cashierName: other.cashierName,
          at: other.at
        },
        resolution: done
          ? { note: done.note, resolvedAt: done.resolved_at, resolvedByName: done.resolved_by_name }
          : null
      }
    ]
  })
}

/** One cross-till conflict of this till's redemption, store or chain, resolved or not. */
function crossTillConflictOf(db: Db, redemptionId: string): CrossTillConflict | undefined {
  const [store] = crossTillRows(db, 's.redemption_id = ?', [redemptionId])
  return store ?? chainDuplicates(db, 10_000, 'all').find((c) => c.redemptionId === redemptionId)
}

function crossTillRows(db: Db, where: string, params: unknown[]): CrossTillConflict[] {
  const rows = db
    .prepare(
      `SELECT s.redemption_id, s.code, s.card_id, s.at, s.cashier_name, s.amount_fen, s.holder_json,
              c.note, c.resolved_at, c.resolved_by_name, c.redemption_id AS resolved
       FROM store_claims s LEFT JOIN store_conflict_resolutions c ON c.redemption_id = s.redemption_id
       WHERE s.state = 'collision' AND ${where}`
    )
    .all(...params) as {
    redemption_id: string
    code: string
    card_id: string
    at: number
    cashier_name: string
    amount_fen: number
    holder_json: string | null
    note: string | null
    resolved_at: number | null
    resolved_by_name: string | null
    resolved: string | null
  }[]
  return rows.map((r) => {
    const holder = JSON.parse(r.holder_json ?? '{}') as {
      redemptionId?: string
      tillName?: string
      cashier?: { name?: string }
      tillAt?: number
    }
    return {
      redemptionId: r.redemption_id,
      code: r.code,
      cardId: r.card_id,
      at: r.at,
      cashierName: r.cashier_name,
      amountFen: r.amount_fen,
      holder: {
        redemptionId: holder.redemptionId ?? '',
        tillName: holder.tillName ?? '',
        cashierName: holder.cashier?.name ?? '',
        at: holder.tillAt ?? 0
      },
      resolution:
        r.resolved === null
          ? null
          : { note: r.note ?? '', resolvedAt: r.resolved_at ?? 0, resolvedByName: r.resolved_by_name ?? '' }
    }
  })
}

/**
 * A manager settles a cross-till conflict (the customer was asked to pay, it was written off, …) with a note.
 * Like resolveConflict: its own immutable row plus an audit entry ('storeLink.conflictResolved'), in ONE
 * transaction; the claim itself and the ledger are not touched.
 */
export function resolveCrossTillConflict(
  db: Db,
  input: { redemptionId: string; note: string },
  by: Actor,
  at: number
): CrossTillConflict {
  const tx = db.transaction((): void => {
    const conflict = crossTillConflictOf(db, input.redemptionId)
    if (!conflict) {
      const claim = db
        .prepare('SELECT state FROM store_claims WHERE redemption_id = ?')
        .get(input.redemptionId) as { state: string } | undefined
      if (!claim) throw new AppFailure('NOT_FOUND', `There is no cross-till conflict ${input.redemptionId}.`)
      throw new AppFailure(
        'NOT_A_CONFLICT',
        `Only a cross-till conflict is resolved here; this claim is ${claim.state}.`
      )
    }
    if (conflict.resolution)
      throw new AppFailure(
        'ALREADY_RESOLVED',
        `${conflict.resolution.resolvedByName} already resolved this item.`
      )
    const entry = appendAudit(db, {
      at,
      actorId: by.staffId,
      actorName: by.name,
      action: 'storeLink.conflictResolved',
      subject: conflict.redemptionId,
      detail: {
        code: conflict.code,
        amountFen: conflict.amountFen,
        otherTill: conflict.holder.tillName || null,
        note: input.note
      }
    })
    db.prepare(
      `INSERT INTO store_conflict_resolutions (redemption_id, note, resolved_at, resolved_by_id, resolved_by_name,
         audit_id) VALUES (?, ?, ?, ?, ?, ?)`
    ).run(conflict.redemptionId, input.note, at, by.staffId, by.name, entry.id)
  })
  tx.immediate()
  const resolved = crossTillConflictOf(db, input.redemptionId)
  if (!resolved) throw new AppFailure('NOT_FOUND', `There is no cross-till conflict ${input.redemptionId}.`)
  return resolved
}

export function conflictStory(db: Db, redemptionId: string): ConflictStory {
  const [redemption] = withPhase(db, selectRows(db, 'r.id = ?', [redemptionId]))
  const decision = db.prepare('SELECT decision_json FROM redemptions WHERE id = ?').get(redemptionId) as
    { decision_json: string } | undefined
  if (!redemption || !decision) throw new AppFailure('NOT_FOUND', `There is no redemption ${redemptionId}.`)
  const outbox = db
    .prepare('SELECT seq, state, attempts, stale, last_error FROM outbox WHERE redemption_id = ?')
    .get(redemptionId) as
    { seq: number; state: string; attempts: number; stale: number; last_error: string | null } | undefined
  const attempts = outbox
    ? (db
        .prepare(
          `SELECT kind, started_at AS startedAt, finished_at AS finishedAt, outcome, errcode, detail
           FROM sync_attempts WHERE outbox_seq = ? ORDER BY id`
        )
        .all(outbox.seq) as SyncAttemptView[])
    : []
  const audit = (
    db.prepare('SELECT * FROM audit_log WHERE subject = ? ORDER BY id').all(redemptionId) as AuditRowLike[]
  ).map(auditEntryView)
  return {
    redemption,
    decision: parseDecision(decision.decision_json),
    scan: scanOf(db, redemption.code, redemption.at),
    outbox: outbox
      ? {
          state: outbox.state,
          attempts: outbox.attempts,
          stale: outbox.stale === 1,
          lastError: outbox.last_error
        }
      : null,
    attempts,
    audit
  }
}

function parseDecision(json: string): { outcome: string; reasons: string[] } {
  try {
    const parsed = JSON.parse(json) as { outcome?: unknown; reasons?: unknown }
    return {
      outcome: typeof parsed.outcome === 'string' ? parsed.outcome : '?',
      reasons: Array.isArray(parsed.reasons)
        ? parsed.reasons.filter((r): r is string => typeof r === 'string')
        : []
    }
  } catch {
    return { outcome: '?', reasons: [] }
  }
}

/** The last accepted scan of this code up to the redemption (the scan log does not link to redemptions). */
function scanOf(db: Db, code: string, at: number): ConflictStory['scan'] {
  const scans = db
    .prepare(
      `SELECT at, source, device, normalized_json FROM scan_events
       WHERE accepted = 1 AND at <= ? AND at >= ? ORDER BY at DESC LIMIT 50`
    )
    .all(at, at - 6 * 3_600_000) as { at: number; source: string; device: string; normalized_json: string }[]
  const found = scans.find((s) => s.normalized_json.includes(JSON.stringify(code)))
  return found ? { at: found.at, source: found.source, device: found.device } : null
}

export function resolveConflict(
  db: Db,
  input: { redemptionId: string; outcome: ResolutionOutcome; note: string },
  by: Actor,
  at: number
): ResolutionView {
  const tx = db.transaction((): ResolutionView => {
    const row = db
      .prepare(
        'SELECT id, code, status, status_reason, discount_fen, business_day FROM redemptions WHERE id = ?'
      )
      .get(input.redemptionId) as
      | {
          id: string
          code: string
          status: string
          status_reason: string | null
          discount_fen: number
          business_day: string
        }
      | undefined
    if (!row) throw new AppFailure('NOT_FOUND', `There is no redemption ${input.redemptionId}.`)
    if (row.status !== 'conflict' && row.status !== 'rejected')
      throw new AppFailure(
        'NOT_A_CONFLICT',
        `Only a conflict or a rejected redemption is resolved; this one is ${row.status}.`
      )
    const done = db
      .prepare('SELECT resolved_by_name FROM conflict_resolutions WHERE redemption_id = ?')
      .get(row.id) as { resolved_by_name: string } | undefined
    if (done) throw new AppFailure('ALREADY_RESOLVED', `${done.resolved_by_name} already resolved this item.`)
    const entry = appendAudit(db, {
      at,
      actorId: by.staffId,
      actorName: by.name,
      action: 'conflict.resolved',
      subject: row.id,
      detail: {
        code: row.code,
        businessDay: row.business_day,
        status: row.status,
        reason: row.status_reason,
        discountFen: row.discount_fen,
        outcome: input.outcome,
        note: input.note
      }
    })
    db.prepare(
      `INSERT INTO conflict_resolutions (redemption_id, outcome, note, status_at_resolution, resolved_at,
         resolved_by_id, resolved_by_name, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(row.id, input.outcome, input.note, row.status, at, by.staffId, by.name, entry.id)
    return { outcome: input.outcome, note: input.note, resolvedAt: at, resolvedByName: by.name }
  })
  return tx.immediate()
}
