/**
 * The till's link to the store hub (src/main/storeLink, docs/hub.md § For the station side): its state for the
 * header, pairing by a manager, and the cross-till conflicts. The till's token never appears here.
 */
import { z } from 'zod'
import type { STORE_LINK_CHANNELS, STORE_LINK_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { CrossTillConflict } from '../../reports'

export interface StoreLinkOverview {
  /** connected: the hub answers and its feed is open; degraded: it does not (claims are queued). */
  status: 'not_paired' | 'connected' | 'degraded'
  /** Claims and completions that have not reached the hub yet. */
  waiting: number
  /** The hub lost its data (a new epoch): a manager must pair again. */
  repairNeeded: boolean
  hubUrl: string | null
  storeId: string | null
  pairedAt: number | null
}

export const StoreLinkPairRequest = z
  .object({
    hubUrl: z.url({ protocol: /^https?$/ }).max(200),
    pairingCode: z.string().trim().min(4).max(32),
    storeId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/)
  })
  .strict()

export const StoreLinkConflictsRequest = z.object({ limit: z.number().int().min(1).max(500) }).strict()

export const storeLinkContract = {
  'storeLink.get': { request: noArgs, response: shape<StoreLinkOverview>(), access: 'public' },
  /** Audited as 'storeLink.paired'. A hub of a new epoch gets this till's recent claims again (republish). */
  'storeLink.pair': {
    request: StoreLinkPairRequest,
    response: shape<StoreLinkOverview>(),
    access: 'manager'
  },
  'storeLink.conflicts': {
    request: StoreLinkConflictsRequest,
    response: shape<CrossTillConflict[]>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof STORE_LINK_CHANNELS)[number], ChannelSpec>

export const storeLinkEvents = {
  'storeLink.state': shape<StoreLinkOverview>()
} as const satisfies Record<(typeof STORE_LINK_EVENTS)[number], unknown>
