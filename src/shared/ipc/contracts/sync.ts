/** Main → renderer events about syncing (payloads defined with the sync worker in src/shared/sync.ts). */
import type { SYNC_CHANNELS, SYNC_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { RedemptionUpdated, SyncState } from '../../sync'

export const syncEvents = {
  'sync.state': shape<SyncState>(),
  'redemption.updated': shape<RedemptionUpdated>()
} as const satisfies Record<(typeof SYNC_EVENTS)[number], unknown>

/**
 * sync.current: the state a screen shows until the next 'sync.state' event (a screen that just opened heard none).
 * sync.resume: a manager lifts a quota or credentials pause (after clearing the quota or fixing the set-up) and
 * makes every queued item due now; audited as 'sync.resumed'. Answers the state after the resume.
 */
export const syncContract = {
  'sync.current': { request: noArgs, response: shape<SyncState>(), access: 'public' },
  'sync.resume': { request: noArgs, response: shape<SyncState>(), access: 'manager' }
} as const satisfies Record<(typeof SYNC_CHANNELS)[number], ChannelSpec>
