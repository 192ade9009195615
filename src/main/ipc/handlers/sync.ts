/**
 * sync.current: the outbox and connectivity state, for a screen that has not heard a 'sync.state' yet.
 * sync.resume: a manager lifts a pause (45009 quota, credentials); audited by the sync worker.
 */
import type { SyncState } from '../../../shared/sync'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

export function syncHandlers({ sync }: Pick<HandlerServices, 'sync'>) {
  return {
    'sync.current': (): SyncState => sync.state(),
    'sync.resume': (_req: undefined, { actor }: ActingContext): Promise<SyncState> => sync.resumeBy(actor)
  }
}
