/**
 * The till's link to the chain hub at headquarters (src/main/chainLink, docs/chain.md § The till's lane): its state,
 * enrolment by a manager, and the cross-store duplicates HQ found. The till's token never appears here.
 */
import { z } from 'zod'
import type { CHAIN_LINK_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { ChainDuplicate } from '../../hub/chainProtocol'

export interface ChainLinkOverview {
  /** connected: the last batch was taken; degraded: the hub did not answer (events wait); enrol_again: refused. */
  status: 'not_enrolled' | 'connected' | 'degraded' | 'enrol_again'
  /** Events not yet acknowledged by the chain hub. */
  waiting: number
  ackedSeq: number
  lastOkAt: number | null
  /** The hub's refusal code or 'UNREACHABLE' / 'BUSY' (a code: the renderer owns the words). */
  lastError: string | null
  hubUrl: string | null
  storeId: string | null
  storeName: string | null
  /** Claims before committing at HQ (docs/chain.md § Claims before committing): off until a manager turns them on. */
  claims: { enabled: boolean; deadlineMs: number }
}

/** A duplicate the chain hub found: this till's redemption and another's of the same code, both stories. */
export type ChainConflict = Omit<ChainDuplicate, 'platform'>

export const ChainLinkEnrolRequest = z
  .object({
    hubUrl: z.url({ protocol: /^https?$/ }).max(200),
    enrolmentCode: z.string().trim().min(4).max(32)
  })
  .strict()

/** The till's setting for claims before committing at HQ; audited as 'settings.changed'. */
export const ChainLinkSetClaimsRequest = z
  .object({ enabled: z.boolean(), deadlineMs: z.number().int().min(50).max(3_000) })
  .strict()

export const ChainLinkConflictsRequest = z.object({ limit: z.number().int().min(1).max(500) }).strict()

export const chainLinkContract = {
  'chainLink.get': { request: noArgs, response: shape<ChainLinkOverview>(), access: 'public' },
  /** Audited as 'chainLink.enrolled'. */
  'chainLink.enrol': {
    request: ChainLinkEnrolRequest,
    response: shape<ChainLinkOverview>(),
    access: 'manager'
  },
  'chainLink.conflicts': {
    request: ChainLinkConflictsRequest,
    response: shape<ChainConflict[]>(),
    access: 'manager'
  },
  'chainLink.setClaims': {
    request: ChainLinkSetClaimsRequest,
    response: shape<ChainLinkOverview>(),
    access: 'manager'
  }
} as const satisfies Record<(typeof CHAIN_LINK_CHANNELS)[number], ChannelSpec>
