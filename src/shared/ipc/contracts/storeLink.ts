/**
 * The till's link to the store hub (src/main/storeLink, docs/hub.md § For the station side): its state for the
 * header, pairing by a manager, and the cross-till conflicts. The till's token never appears here.
 */
import { z } from 'zod'
import type { STORE_LINK_CHANNELS, STORE_LINK_EVENTS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { CrossTillConflict, ExportResult } from '../../reports'
import type { StoreDayView } from '../../storeDay'
import { BusinessDaySchema } from './reports'

/**
 * This till's copy of the store's policy for degraded mode (docs/hub.md § Store policy). `unverifiedLimitFen`:
 * the largest discount accepted without checking with the store while the hub is silent; null: no limit.
 * version 0 with no `setAt`: nobody has set it (no limit).
 */
export interface StorePolicyView {
  unverifiedLimitFen: number | null
  version: number
  setAt: number | null
  setByTillName: string | null
  setByName: string | null
  /** When this till received it (null: never heard from the hub). */
  receivedAt: number | null
}

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
  /** The store's policy as this till last heard it (null: not paired). */
  policy: StorePolicyView | null
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

export const StoreLinkConflictsRequest = z
  .object({
    limit: z.number().int().min(1).max(500),
    /** open (default): not yet resolved; resolved: the history; all. */
    state: z.enum(['open', 'resolved', 'all']).default('open')
  })
  .strict()

/** Up to 1,000,000.00 yuan; null lifts the limit. */
export const StorePolicySetRequest = z
  .object({
    unverifiedLimitFen: z.number().int().min(0).max(100_000_000).nullable(),
    /** The version the manager saw (a change by another manager meanwhile is refused: STORE_POLICY_STALE). */
    baseVersion: z.number().int().min(0)
  })
  .strict()

export const StoreConflictResolveRequest = z
  .object({ redemptionId: z.string().min(1).max(64), note: z.string().trim().min(1).max(500) })
  .strict()

export const StoreDayRequest = z.object({ businessDay: BusinessDaySchema }).strict()
export const StoreDayExportRequest = z
  .object({
    businessDay: BusinessDaySchema,
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN')
  })
  .strict()

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
  },
  /** Through the hub, for every till of the store; audited as 'storeLink.policySet'. */
  'storeLink.setPolicy': {
    request: StorePolicySetRequest,
    response: shape<StoreLinkOverview>(),
    access: 'manager'
  },
  /** Audited as 'storeLink.conflictResolved'; the conflict leaves the open queue and stays in history. */
  'storeLink.resolveConflict': {
    request: StoreConflictResolveRequest,
    response: shape<CrossTillConflict>(),
    access: 'manager'
  },
  /** The whole store's day by till, from this till's mirror (STORE_NOT_PAIRED when not paired). */
  'storeLink.storeDay': { request: StoreDayRequest, response: shape<StoreDayView>(), access: 'manager' },
  'storeLink.storeDayExport': {
    request: StoreDayExportRequest,
    response: shape<ExportResult>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof STORE_LINK_CHANNELS)[number], ChannelSpec>

export const storeLinkEvents = {
  'storeLink.state': shape<StoreLinkOverview>()
} as const satisfies Record<(typeof STORE_LINK_EVENTS)[number], unknown>
