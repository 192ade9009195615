/**
 * This till's role in the store hub and the hub it may run (src/main/hubHost, docs/hub.md § The station side):
 * single till, the store hub (主机, the station supervises the hub as a child), or a till that joins a hub (副机).
 * Manager only. The hub's admin token and the till's token never appear here; a pairing code does, because the
 * manager reads it off this screen to type it on another till.
 */
import { z } from 'zod'
import type { STORE_HUB_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import type { StoreLinkOverview } from './storeLink'

export const STORE_HUB_ROLES = ['single', 'hub', 'join'] as const
export type StoreHubRole = (typeof STORE_HUB_ROLES)[number]

/** starting / running / restarting (after a crash or a failed start) / stopped. */
export type HubRunState = 'stopped' | 'starting' | 'running' | 'restarting'

export interface HubTill {
  tillId: string
  name: string
  pairedAt: number
  revokedAt: number | null
  /** This station itself (paired with its own hub over loopback). */
  self: boolean
}

export interface StoreHubView {
  role: StoreHubRole
  /** Only when this till is the hub. */
  hub: {
    state: HubRunState
    /** Why the last start failed or the hub died: a hub start code (storeHub.reason.<code>), else null. */
    reason: string | null
    restarts: number
    /** How long until the next start, while restarting (ms). */
    retryInMs: number | null
    /** Addresses the other tills type (http://<LAN address>:<port>); loopback only when there is no LAN. */
    addresses: string[]
    /** The latest pairing code made here, until it expires (single use). */
    pairing: { code: string; expiresAt: number } | null
    /** The paired tills, read from the hub's admin API; empty while it is not running. */
    tills: HubTill[]
  } | null
  link: StoreLinkOverview
}

export const StoreHubSetRoleRequest = z.object({ role: z.enum(STORE_HUB_ROLES) }).strict()

/** The address as a manager types it: `192.168.1.20`, `192.168.1.20:7420` or a full http:// URL. */
export const StoreHubJoinRequest = z
  .object({
    address: z.string().trim().min(1).max(200),
    pairingCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/)
  })
  .strict()

export const StoreHubRevokeRequest = z
  .object({
    tillId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._:-]+$/)
  })
  .strict()

export const storeHubContract = {
  'storeHub.get': { request: noArgs, response: shape<StoreHubView>(), access: 'manager' },
  /** Audited 'storeHub.role_changed'. hub: starts the supervised hub and pairs with it; else stops it. */
  'storeHub.setRole': { request: StoreHubSetRoleRequest, response: shape<StoreHubView>(), access: 'manager' },
  /** Pairs with the hub at the address (storeLink.pair underneath, audited 'storeLink.paired'). */
  'storeHub.join': { request: StoreHubJoinRequest, response: shape<StoreHubView>(), access: 'manager' },
  /** A fresh single-use pairing code from this till's own hub. */
  'storeHub.newCode': { request: noArgs, response: shape<StoreHubView>(), access: 'manager' },
  /** Audited 'storeHub.till_revoked'. */
  'storeHub.revoke': { request: StoreHubRevokeRequest, response: shape<StoreHubView>(), access: 'manager' },
  /** Hubs announced on the LAN (mDNS, ~2 s): a hint; the configured address comes first. */
  'storeHub.discover': { request: noArgs, response: shape<string[]>(), access: 'manager' }
} as const satisfies Record<(typeof STORE_HUB_CHANNELS)[number], ChannelSpec>
