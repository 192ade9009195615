/**
 * The worker's reads and writes of outbox, sync_attempts and redemptions. Reads are synchronous and small
 * (one page, one item); writes go through the WriteQueue and resolve after their commit.
 *
 * The two writes that make consume exactly-once:
 * - beginConsume: the attempt row AND outbox.in_flight = 1 commit together, before the request is sent;
 * - apply: the attempt's outcome AND the item's new state (settled or rescheduled) commit together, so a crash
 *   can never leave "consumed" recorded on an attempt while the item still looks unsent.
 */
import type { Db } from '../db/open'
import type { RedemptionStatus } from '../redeem/ledgerRows'
import { appendAudit, type AuditAction } from '../audit/audit'
import { prepareOutboxStatements, type OutboxStatements } from './outboxSql'
import type { WriteQueue } from './writeQueue'

export interface OutboxItem {
  seq: number
  redemptionId: string
  code: string
  /** The card uses custom codes: the coupon is (cardId, code) and WeChat knows it only with its card_id. */
  customCode: boolean
  cardId: string | null
  pickedCardId: string | null
  online: boolean
  /** When the cashier redeemed it (station clock): the time the code's validity window must hold. */
  redeemedAt: number
  attempts: number
  inFlight: boolean
  createdAt: number
  nextAttemptAt: number
}

export type AttemptKind = 'consume' | 'status_check'
/**
 * consume: consumed | refused (errcode about the code) | ambiguous (may have reached WeChat, no answer) |
 * not_applied (clearly not done: refused connection, 45011, 45009, token/credential trouble) |
 * unknown (the station stopped while it was on its way).
 * status_check: status (detail has user_card_status and card_id) | refused (errcode) | failed.
 */
export type AttemptOutcome =
  'consumed' | 'refused' | 'ambiguous' | 'not_applied' | 'unknown' | 'status' | 'failed'

/** A finished attempt that is written after the fact (status checks are idempotent). */
export interface AttemptRecord {
  kind: AttemptKind
  startedAt: number
  finishedAt: number
  outcome: AttemptOutcome
  errcode: number | null
  detail: string | null
}

export interface AttemptFinish {
  attemptId: number
  finishedAt: number
  outcome: AttemptOutcome
  errcode: number | null
  detail: string | null
}

export type FinalStatus = Extract<RedemptionStatus, 'synced' | 'conflict' | 'rejected'>

export type ItemUpdate =
  | {
      kind: 'settle'
      status: FinalStatus
      reason: string | null
      /** Filled into the redemption only where it has none (an offline code whose card was unknown). */
      cardId: string | null
      openid: string | null
      lastError: string | null
      audit: Record<string, unknown>
    }
  | {
      kind: 'reschedule'
      countsAsTry: boolean
      nextAttemptAt: number
      stale: boolean
      inFlight: boolean
      lastError: string
    }

export interface QueueStats {
  queueDepth: number
  oldestPendingAt: number | null
  staleCount: number
  needsManager: number
}

const OUTBOX_STATE: Record<FinalStatus, 'done' | 'conflict' | 'rejected'> = {
  synced: 'done',
  conflict: 'conflict',
  rejected: 'rejected'
}

/** The audit actions the worker writes (listed with every other action in src/shared/audit.ts). */
const AUDIT_ACTION: Record<Exclude<FinalStatus, 'synced'>, AuditAction> = {
  conflict: 'redemption.conflict',
  rejected: 'redemption.rejected'
}

export class OutboxStore {
  private readonly q: OutboxStatements

  constructor(
    private readonly db: Db,
    private readonly writes: WriteQueue
  ) {
    this.q = prepareOutboxStatements(db)
  }

  /** Due items after `afterSeq`, FIFO. */
  duePage(afterSeq: number, now: number, limit: number): number[] {
    return (this.q.duePage.all(afterSeq, now, limit) as Array<{ seq: number }>).map((r) => r.seq)
  }

  load(seq: number): OutboxItem | undefined {
    const row = this.q.load.get(seq) as
      | {
          seq: number
          redemption_id: string
          attempts: number
          in_flight: number
          created_at: number
          next_attempt_at: number
          code: string
          custom_code: number
          card_id: string | null
          picked_card_id: string | null
          online: number
          at: number
        }
      | undefined
    if (!row) return undefined
    return {
      seq: row.seq,
      redemptionId: row.redemption_id,
      code: row.code,
      customCode: row.custom_code === 1,
      cardId: row.card_id,
      pickedCardId: row.picked_card_id,
      online: row.online === 1,
      redeemedAt: row.at,
      attempts: row.attempts,
      inFlight: row.in_flight === 1,
      createdAt: row.created_at,
      nextAttemptAt: row.next_attempt_at
    }
  }

  findByRedemption(
    redemptionId: string
  ): { seq: number; state: string; status: RedemptionStatus } | undefined {
    return this.q.byRedemption.get(redemptionId) as
      { seq: number; state: string; status: RedemptionStatus } | undefined
  }

  /** The earliest next_attempt_at among queued items that are not `busy` (being worked on right now). */
  earliestDue(busy: ReadonlySet<number>): number | undefined {
    const rows = this.q.earliest.all(busy.size + 1) as Array<{ seq: number; next_attempt_at: number }>
    return rows.find((r) => !busy.has(r.seq))?.next_attempt_at
  }

  stats(): QueueStats {
    const row = this.q.stats.get() as { depth: number; oldest: number | null; stale: number }
    const open = this.q.needsManager.get() as { n: number }
    return { queueDepth: row.depth, oldestPendingAt: row.oldest, staleCount: row.stale, needsManager: open.n }
  }

  /** Whether a consume of ours, other than `exceptAttemptId`, went through or may have. */
  hadOurConsume(seq: number, exceptAttemptId: number): boolean {
    return (this.q.ours.get(seq, exceptAttemptId) as { found: number }).found === 1
  }

  /**
   * Whether a consume of ours (other than `exceptAttemptId`) that may have landed was sent at most `gapMs` after
   * code/get answered NORMAL for this code — the worker's own check, or the cashier's look-up (code_statuses,
   * stamped with the scan time, so the gap is never under-counted): then nothing but our own request can have
   * changed the code in between (docs/reliability.md § An ambiguous consume).
   */
  hadOurConsumeAfterNormal(item: OutboxItem, exceptAttemptId: number, gapMs: number): boolean {
    const row = this.q.oursAfterNormal.get(item.seq, exceptAttemptId, gapMs, item.code, gapMs) as {
      found: number
    }
    return row.found === 1
  }

  /** When the cashier's look-up (scan time) last saw this code NORMAL, if it did. */
  lookupSeenAt(codeKey: string): number | undefined {
    const row = this.q.lookupSeen.get(codeKey) as { seen_at: number } | undefined
    return row?.seen_at
  }

  /**
   * The code's own validity window as the look-up last saw it (code/get begin_time/end_time, epoch ms), by its
   * key (src/main/db/codeKey.ts: a custom code's status belongs to its card).
   */
  rememberedWindow(codeKey: string): { begin: number | null; end: number | null } | undefined {
    const row = this.q.codeWindow.get(codeKey) as
      { begin_time: number | null; end_time: number | null } | undefined
    return row ? { begin: row.begin_time, end: row.end_time } : undefined
  }

  hasConsumeAttempt(seq: number): boolean {
    return (this.q.anyConsume.get(seq) as { found: number }).found === 1
  }

  /** Attempts left without an outcome by a station that stopped mid-request. */
  markInterrupted(seq: number, now: number): Promise<number> {
    return this.writes.run(() => this.q.markInterrupted.run(now, seq).changes)
  }

  /** Records the checks made so far and the consume attempt, and sets in_flight, in one commit. */
  beginConsume(seq: number, checks: readonly AttemptRecord[], now: number): Promise<number | null> {
    return this.writes.run(() => {
      // The checks are part of the story even if the item turns out to be gone.
      this.insertChecks(seq, checks)
      const marked = this.q.markInFlight.run(now, seq)
      // Voided (cancelled) or settled meanwhile: send nothing.
      if (marked.changes === 0) return null
      return Number(this.q.insertAttempt.run(seq, 'consume', now, null, null, null, null).lastInsertRowid)
    })
  }

  /**
   * The round's records and the item's new state, in one commit. False when nothing changed (no update, or the
   * item is no longer queued).
   */
  apply(
    item: OutboxItem,
    checks: readonly AttemptRecord[],
    consume: AttemptFinish | undefined,
    update: ItemUpdate | undefined,
    now: number
  ): Promise<boolean> {
    return this.writes.run(() => {
      this.insertChecks(item.seq, checks)
      if (consume) {
        this.q.finishAttempt.run(
          consume.finishedAt,
          consume.outcome,
          consume.errcode,
          consume.detail,
          consume.attemptId
        )
      }
      if (!update) return false
      return update.kind === 'settle' ? this.settle(item, update, now) : this.reschedule(item, update, now)
    })
  }

  private settle(item: OutboxItem, update: Extract<ItemUpdate, { kind: 'settle' }>, now: number): boolean {
    const moved = this.q.settleOutbox.run(OUTBOX_STATE[update.status], update.lastError, now, item.seq)
    if (moved.changes === 0) return false
    this.q.settleRedemption.run(
      update.status,
      update.reason,
      update.status === 'synced' ? now : null,
      update.cardId,
      update.openid,
      item.redemptionId
    )
    // Conflicts and rejections need a person and go into the audit chain; a routine sync is fully told by
    // sync_attempts and the row itself (and would double the chain for nothing).
    if (update.status === 'synced') return true
    appendAudit(this.db, {
      at: now,
      actorId: null,
      actorName: 'sync',
      action: AUDIT_ACTION[update.status],
      subject: item.redemptionId,
      detail: { code: item.code, outboxSeq: item.seq, reason: update.reason, ...update.audit }
    })
    return true
  }

  private reschedule(
    item: OutboxItem,
    update: Extract<ItemUpdate, { kind: 'reschedule' }>,
    now: number
  ): boolean {
    return (
      this.q.reschedule.run(
        update.countsAsTry ? 1 : 0,
        update.nextAttemptAt,
        update.stale ? 1 : 0,
        update.inFlight ? 1 : 0,
        update.lastError,
        now,
        item.seq
      ).changes > 0
    )
  }

  /** Flags queued items written before `cutoff` as stale. */
  flagStaleBefore(cutoff: number, now: number): Promise<number> {
    return this.writes.run(() => this.q.flagStale.run(now, cutoff).changes)
  }

  /**
   * On start: items put off by a worker-wide hold of an earlier run become due now. The hold lived in that
   * run's memory only, so it is re-derived from the upstream's next answer (one call) rather than trusted.
   */
  reviveHeld(now: number): Promise<number> {
    return this.writes.run(() => this.q.reviveHeld.run(now, now, now).changes)
  }

  /** Every queued item becomes due now (the manager's "try again now"). */
  makeAllDue(now: number): Promise<number> {
    return this.writes.run(() => this.q.makeDue.run(now, now, now).changes)
  }

  private insertChecks(seq: number, checks: readonly AttemptRecord[]): void {
    for (const c of checks) {
      this.q.insertAttempt.run(seq, c.kind, c.startedAt, c.finishedAt, c.outcome, c.errcode, c.detail)
    }
  }
}
