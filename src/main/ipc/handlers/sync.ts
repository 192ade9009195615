/**
 * sync.current: the outbox and connectivity state, for a screen that has not heard a 'sync.state' yet.
 * sync.resume: a manager lifts a pause (45009 quota, credentials); the dispatcher already refused anyone else.
 */
import type { SyncState } from '../../../shared/sync'
import { AppFailure } from '../../../shared/result'
import { appendAudit } from '../../staff/audit'
import type { Station } from '../../station/station'
import type { HandlerContext } from './index'

export function syncHandlers(station: Station, now: () => number = Date.now) {
  return {
    'sync.current': (): SyncState => station.services.sync.state(),
    'sync.resume': async (_req: undefined, { session }: HandlerContext): Promise<SyncState> => {
      if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
      const sync = station.services.sync
      const before = sync.state()
      const staff = session.staff
      // The audit entry first (entry and chain head in one transaction): a resume that happened is always on
      // record, with what it lifted.
      station.db.transaction(() =>
        appendAudit(station.db, {
          at: now(),
          actorId: staff.staffId,
          actorName: staff.name,
          action: 'sync.resumed',
          subject: 'sync',
          detail: { paused: before.paused, slowedUntil: before.slowedUntil, queueDepth: before.queueDepth }
        })
      )()
      await sync.resume()
      return sync.state()
    }
  }
}
