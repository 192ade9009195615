/** sync.current: the outbox and connectivity state, for a screen that has not heard a 'sync.state' yet. */
import type { SyncState } from '../../../shared/sync'
import type { Station } from '../../station/station'

export function syncHandlers(station: Station) {
  return {
    'sync.current': (): SyncState => station.services.sync.state()
  }
}
