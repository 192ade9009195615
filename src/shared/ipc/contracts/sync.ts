/** Main → renderer events about syncing (payloads defined with the sync worker in src/shared/sync.ts). */
import type { SYNC_EVENTS } from '../names'
import { shape } from '../spec'
import type { RedemptionUpdated, SyncState } from '../../sync'

export const syncEvents = {
  'sync.state': shape<SyncState>(),
  'redemption.updated': shape<RedemptionUpdated>()
} as const satisfies Record<(typeof SYNC_EVENTS)[number], unknown>
