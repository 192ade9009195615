/**
 * "Reset practice" (training mode only, a manager's action): the built-in sandbox goes back to its starting
 * state, dated again to now, so every practice code — the network-down drill included — can be used again;
 * the training ledger's practice redemptions are MARKED, not deleted: voided with the reason the manager's
 * screen gave, so they no longer block a code (DUPLICATE), count in the day's figures or get sent, while the
 * training history, closed Z reports and the audit chain stay whole. What to expect is in docs/ui.md
 * § Training sheet.
 *
 * Refused on a live station before anything is read or written: the live database has no practice data.
 */
import { AppFailure } from '../../shared/result'
import type { PracticeResetResult } from '../../shared/ipc/contracts/training'
import { prepared } from '../db/statements'
import { appendAudit } from '../audit/audit'
import { TrainingSandbox } from '../upstream/sandbox'
import type { Emit } from '../../shared/ipc/contract'
import type { StationMode } from '../../shared/ipc/types'
import type { Actor } from '../audit/actor'
import type { Db } from '../db/open'
import type { ScanJournal } from '../redeem/scanJournal'
import type { Sandbox } from '../upstream/sandbox'

/** Events for the newest cleared redemptions only: what a screen can be showing (the recent list is short). */
const NOTIFY_LIMIT = 50

export interface PracticeResetDeps {
  db: Db
  mode: StationMode
  /** The in-process sandbox of a training station (null live). */
  sandbox: Sandbox | null
  sync: { stop(options: { graceMs: number }): Promise<void>; start(): void; notify(): void }
  cards: { refresh(): Promise<unknown> }
  journal: Pick<ScanJournal, 'flush'>
  emit: Emit
  /** Whether the background workers run (tests open stations without them): the sync worker restarts only then. */
  background: boolean
  /**
   * The store hub link (src/main/storeLink), when the till is paired: a practice redemption it voids must free its
   * claim at the hub too, or the store would keep the practice code held and call its next scan DUPLICATE.
   */
  storeClaims?: { voided(redemptionId: string): void }
  now: () => number
}

/** The training station's sandbox, or TRAINING_ONLY. */
export function trainingSandboxOf(deps: Pick<PracticeResetDeps, 'mode' | 'sandbox'>): TrainingSandbox {
  const sandbox = deps.mode === 'training' ? deps.sandbox : null
  if (!(sandbox instanceof TrainingSandbox))
    throw new AppFailure('TRAINING_ONLY', 'This exists only in training mode.')
  return sandbox
}

export async function resetPractice(
  deps: PracticeResetDeps,
  by: Actor,
  reason: string
): Promise<PracticeResetResult> {
  const sandbox = trainingSandboxOf(deps)
  const { sync, cards, journal, now } = deps
  // Nothing may be on its way to the sandbox while it is reset: a consume sent after the reset would use up a
  // fresh practice code. stop() lets work on the wire finish (then aborts it); the worker starts again below.
  const restart = deps.background
  await sync.stop({ graceMs: 2_000 })
  try {
    // A card refresh already under way may have read the old sandbox: let it finish before the reset.
    await cards.refresh()
    // Remembered statuses still to be written would come back after the delete below.
    journal.flush()
    const at = now()
    const db = deps.db
    const voided = db
      .transaction(() => {
        const ids = (
          prepared(
            db,
            `SELECT id FROM redemptions WHERE status <> 'voided' ORDER BY at DESC`
          ).all() as Array<{
            id: string
          }>
        ).map((r) => r.id)
        prepared(
          db,
          `UPDATE redemptions SET status = 'voided', voided_at = ?, voided_by = ?, void_reason = ?
           WHERE status <> 'voided'`
        ).run(at, by.staffId, reason)
        const cancelled = prepared(
          db,
          `UPDATE outbox SET state = 'cancelled', in_flight = 0, updated_at = ? WHERE state = 'queued'`
        ).run(at).changes
        // What the station learnt about practice codes (status, card) belongs to the old sandbox: forget it, so
        // the drills run as the first time (e.g. offline, the cashier picks the card again).
        prepared(db, 'DELETE FROM code_statuses').run()
        appendAudit(db, {
          at,
          actorId: by.staffId,
          actorName: by.name,
          action: 'training.practice_reset',
          subject: null,
          detail: { cleared: ids.length, cancelled, reason }
        })
        return { ids, cancelled }
      })
      .immediate()
    // The store hub frees the codes too (queued; a no-op on a till that is not paired).
    for (const id of voided.ids) deps.storeClaims?.voided(id)
    sandbox.reset()
    // The cached cards must be the reset sandbox's (the outside-hours window moved with the new date).
    await cards.refresh()
    // Screens follow: the counter's recent list (it shows the newest few) and a redemption still on screen.
    for (const id of voided.ids.slice(0, NOTIFY_LIMIT))
      deps.emit('redemption.updated', { redemptionId: id, status: 'voided' })
    return {
      at,
      cleared: voided.ids.length,
      cancelled: voided.cancelled,
      hoursLabel: sandbox.currentSeed().hoursLabel
    }
  } finally {
    if (restart) sync.start()
    sync.notify()
  }
}
