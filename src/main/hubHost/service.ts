/**
 * This till's role in the store hub (docs/hub.md § The station side): a single till, the store hub (主机: the
 * station runs the hub as a supervised child and pairs itself with it over loopback), or a till that joins a
 * hub (副机). The role is a setting of this database (main only), so a restart restores it and starts the hub
 * child again. The hub's admin token is read here from the hub's data directory and never leaves main.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import {
  HUB_PATHS,
  healthResponseSchema,
  pairingCodeResponseSchema,
  tillsResponseSchema
} from '../../shared/hub/protocol'
import type { StoreHubRole, StoreHubView, HubTill } from '../../shared/ipc/contracts/storeHub'
import type { StoreLinkOverview } from '../../shared/ipc/contracts/storeLink'
import { AppFailure } from '../../shared/result'
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import { HubClient } from '../storeLink/client'
import { HubSupervisor, type HubLauncher, type HubStatus } from './supervisor'

/** The port a station's hub listens on, so the address the other tills typed stays right after a restart. */
export const DEFAULT_HUB_PORT = 7420

const KEY = 'storeHub.role'
const RoleSetting = z.object({
  role: z.enum(['single', 'hub', 'join']),
  /** The store this till's hub serves (kept when the role moves, so the store id survives a new hub). */
  storeId: z.string().nullable()
})
type RoleSetting = z.infer<typeof RoleSetting>

/** The part of the till's store link this service uses (src/main/storeLink/link.ts fits it). */
export interface TillLink {
  config(): { hubUrl: string; storeId: string; tillId: string; epoch: string } | null
  overview(): StoreLinkOverview
  pair(hubUrl: string, pairingCode: string, storeId: string, by?: Actor): Promise<unknown>
  unpair(): void
}

export interface StoreHubOptions {
  db: Db
  now: () => number
  /** Where the hub keeps its PostgreSQL and admin token (<station data dir>/<mode>/hub). */
  hubDataDir: string
  /** How this runtime starts the hub (a Node child, or Electron's utility process); null: none available. */
  launcher: HubLauncher | null
  link: TillLink
  /** 0.0.0.0 by default (the store LAN); tests keep it on loopback. */
  listen?: string
  port?: number
  /** The LAN addresses of this machine (IPv4, not internal). */
  lanAddresses: () => string[]
  discover: () => Promise<string[]>
  backoffMs?: number[]
  stopGraceMs?: number
  onChange?: () => void
  log?: (line: string) => void
}

const DEADLINE_MS = 5000

export class StoreHubService {
  private supervisor: HubSupervisor | null = null
  private pairing: { code: string; expiresAt: number; madeAt: number } | null = null
  private selfPairing: Promise<void> | null = null
  private closed = false

  constructor(private readonly o: StoreHubOptions) {}

  role(): RoleSetting {
    const parsed = RoleSetting.safeParse(readSetting(this.o.db, KEY))
    return parsed.success ? parsed.data : { role: 'single', storeId: null }
  }

  /** At station start: a hub till starts its hub again. */
  start(): void {
    if (this.role().role === 'hub') this.startHub()
  }

  async close(): Promise<void> {
    this.closed = true
    await this.stopHub()
  }

  hubStatus(): HubStatus | null {
    return this.supervisor?.status() ?? null
  }

  async view(): Promise<StoreHubView> {
    const { role } = this.role()
    const link = this.o.link.overview()
    if (role !== 'hub') return { role, hub: null, link }
    const status = this.supervisor?.status()
    const port = status?.port ?? this.o.port ?? DEFAULT_HUB_PORT
    const tills = status?.state === 'running' ? await this.tills() : []
    // A till paired since the code was made has most likely used it (single use): offer a fresh one instead.
    const made = this.pairing
    if (made && (made.expiresAt <= this.o.now() || tills.some((t) => !t.self && t.pairedAt >= made.madeAt)))
      this.pairing = null
    const pairing = this.pairing ? { code: this.pairing.code, expiresAt: this.pairing.expiresAt } : null
    return {
      role,
      hub: {
        state: status?.state ?? 'stopped',
        // A runtime that cannot run the hub (no launcher) says so instead of a silent "stopped".
        reason: this.o.launcher ? (status?.reason ?? null) : 'HUB_NOT_AVAILABLE',
        restarts: status?.restarts ?? 0,
        retryInMs: status?.retryAt ? Math.max(0, status.retryAt - this.o.now()) : null,
        addresses: this.addresses(port),
        pairing,
        tills
      },
      link
    }
  }

  async setRole(role: StoreHubRole, by: Actor): Promise<StoreHubView> {
    const before = this.role()
    if (before.role !== role) {
      // The store id moves with the till: a new hub made here serves the store this till already belongs to.
      const storeId = before.storeId ?? this.o.link.config()?.storeId ?? null
      const next: RoleSetting = {
        role,
        storeId: role === 'hub' ? (storeId ?? `store-${randomBytes(6).toString('hex')}`) : storeId
      }
      this.o.db.transaction(() => {
        writeSetting(this.o.db, KEY, next, this.o.now())
        appendAudit(this.o.db, {
          at: this.o.now(),
          actorId: by.staffId,
          actorName: by.name,
          action: 'storeHub.role_changed',
          subject: role,
          detail: { from: before.role, to: role, storeId: next.storeId }
        })
      })()
      if (role === 'hub') this.startHub()
      else {
        // Leaving the hub role stops this till's hub. A joining till keeps its (now silent) link until the
        // manager pairs it with the new hub; a single till forgets the hub.
        await this.stopHub()
        if (role === 'single') this.o.link.unpair()
      }
      this.o.onChange?.()
    }
    return this.view()
  }

  /** Pairs this till with the hub at a typed address (joining tills; the hub till pairs itself). */
  async join(address: string, pairingCode: string, by: Actor): Promise<StoreHubView> {
    if (this.role().role === 'hub') throw new AppFailure('STORE_HUB_IS_HUB', 'this till runs the store hub')
    const hubUrl = hubUrlOf(address)
    if (!hubUrl) throw new AppFailure('STORE_HUB_BAD_ADDRESS', `not an address: ${address}`)
    const health = await new HubClient(hubUrl).call('GET', HUB_PATHS.health, healthResponseSchema, {
      deadlineMs: DEADLINE_MS
    })
    if (health.kind === 'unreachable')
      throw new AppFailure(
        'STORE_HUB_UNREACHABLE',
        `The store hub at ${hubUrl} did not answer: ${health.reason}`
      )
    // The till's own store when it has one (another store's hub refuses it: STORE_MISMATCH), else the hub's.
    const known = this.o.link.config()?.storeId ?? this.role().storeId
    const storeId =
      known ??
      (health.kind === 'ok' ? health.value.storeId : null) ??
      `store-${randomBytes(6).toString('hex')}`
    const code = pairingCode.includes('-')
      ? pairingCode
      : `${pairingCode.slice(0, 4)}-${pairingCode.slice(4)}`
    await this.o.link.pair(hubUrl, code, storeId, by)
    const role = this.role()
    if (role.role !== 'join' || role.storeId !== storeId)
      writeSetting(this.o.db, KEY, { role: 'join', storeId }, this.o.now())
    this.o.onChange?.()
    return this.view()
  }

  async newCode(): Promise<StoreHubView> {
    const madeAt = this.o.now()
    const answer = await this.admin('POST', HUB_PATHS.adminPairingCodes, pairingCodeResponseSchema)
    this.pairing = { ...answer, madeAt }
    return this.view()
  }

  async revoke(tillId: string, by: Actor): Promise<StoreHubView> {
    if (tillId === this.o.link.config()?.tillId)
      throw new AppFailure('STORE_HUB_REVOKE_SELF', 'the hub till cannot revoke itself')
    await this.admin('POST', HUB_PATHS.adminRevoke, z.object({ revoked: z.boolean() }), { tillId })
    appendAudit(this.o.db, {
      at: this.o.now(),
      actorId: by.staffId,
      actorName: by.name,
      action: 'storeHub.till_revoked',
      subject: tillId,
      detail: {}
    })
    return this.view()
  }

  async discover(): Promise<string[]> {
    const configured = this.o.link.config()?.hubUrl
    const found = await this.o.discover()
    return [...new Set([...(configured ? [configured] : []), ...found])]
  }

  // ---------------------------------------------------------------------------------------------------------

  private startHub(): void {
    if (this.closed || !this.o.launcher) {
      if (!this.o.launcher) this.o.log?.('[hubHost] this runtime cannot run the store hub')
      return
    }
    if (!this.supervisor) {
      const { storeId } = this.role()
      let startedPid: number | null = null
      this.supervisor = new HubSupervisor({
        launcher: this.o.launcher,
        args: [
          '--data-dir',
          this.o.hubDataDir,
          '--listen',
          this.o.listen ?? '0.0.0.0',
          '--port',
          String(this.o.port ?? DEFAULT_HUB_PORT),
          ...(storeId ? ['--store-id', storeId] : [])
        ],
        now: this.o.now,
        ...(this.o.backoffMs ? { backoffMs: this.o.backoffMs } : {}),
        ...(this.o.stopGraceMs !== undefined ? { stopGraceMs: this.o.stopGraceMs } : {}),
        onStatus: (status) => {
          // Once per start: when the hub says it listens (a restart on a fixed port keeps the pairing).
          const started = status.state === 'running' && status.pid !== null && status.pid !== startedPid
          if (started) {
            startedPid = status.pid
            void this.pairSelf(status)
          }
          this.o.onChange?.()
        },
        ...(this.o.log ? { log: this.o.log } : {})
      })
    }
    this.supervisor.start()
  }

  private async stopHub(): Promise<void> {
    const supervisor = this.supervisor
    this.supervisor = null
    this.pairing = null
    if (supervisor) await supervisor.stop()
  }

  /** The hub till is a till too: it pairs with its own hub over loopback, after every (re)start that needs it. */
  private pairSelf(status: HubStatus): Promise<void> {
    if (this.selfPairing) return this.selfPairing
    const url = `http://127.0.0.1:${status.port}`
    const config = this.o.link.config()
    if (
      config &&
      config.hubUrl === url &&
      config.epoch === status.epoch &&
      this.o.link.overview().status !== 'not_paired'
    ) {
      // Paired before (this run or before the station restarted): same hub, same epoch, the token still holds.
      return Promise.resolve()
    }
    this.selfPairing = (async () => {
      try {
        const { code } = await this.admin('POST', HUB_PATHS.adminPairingCodes, pairingCodeResponseSchema)
        await this.o.link.pair(url, code, status.storeId ?? this.role().storeId ?? 'store', undefined)
      } catch (err) {
        this.o.log?.(
          `[hubHost] pairing with our own hub failed: ${err instanceof Error ? err.message : String(err)}`
        )
      } finally {
        this.selfPairing = null
        this.o.onChange?.()
      }
    })()
    return this.selfPairing
  }

  private async tills(): Promise<HubTill[]> {
    try {
      const value = await this.admin('GET', HUB_PATHS.adminTills, tillsResponseSchema)
      const self = this.o.link.config()?.tillId
      return value.tills.map((t) => ({ ...t, self: t.tillId === self }))
    } catch {
      return []
    }
  }

  private async admin<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown
  ): Promise<z.infer<S>> {
    const status = this.supervisor?.status()
    if (!status || status.state !== 'running' || status.port === null)
      throw new AppFailure('STORE_HUB_NOT_RUNNING', 'the store hub of this till is not running')
    let token: string
    try {
      token = readFileSync(join(this.o.hubDataDir, 'admin-token'), 'utf8').trim()
    } catch {
      throw new AppFailure('STORE_HUB_NOT_RUNNING', 'the hub admin token is not there yet')
    }
    const answer = await new HubClient(`http://127.0.0.1:${status.port}`).call(method, path, schema, {
      admin: token,
      ...(body !== undefined ? { body } : {}),
      deadlineMs: DEADLINE_MS
    })
    if (answer.kind === 'unreachable')
      throw new AppFailure('STORE_HUB_NOT_RUNNING', `the store hub did not answer: ${answer.reason}`)
    if (answer.kind === 'refused')
      throw new AppFailure('STORE_HUB_ADMIN_REFUSED', answer.error.message, { hubCode: answer.error.code })
    return answer.value
  }

  private addresses(port: number): string[] {
    const listen = this.o.listen ?? '0.0.0.0'
    const hosts = listen === '0.0.0.0' ? this.o.lanAddresses() : [listen]
    return (hosts.length > 0 ? hosts : ['127.0.0.1']).map((h) => `http://${h}:${port}`)
  }
}

/** `192.168.1.20`, `192.168.1.20:7420`, `http://hub.local:7420/` → an http URL with a port; null if not one. */
export function hubUrlOf(address: string): string | null {
  const text = address.trim()
  const withScheme = /^https?:\/\//i.test(text) ? text : `http://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return null
  }
  if (!url.hostname || (url.pathname !== '/' && url.pathname !== '') || url.search || url.username)
    return null
  if (!/^https?:$/.test(url.protocol)) return null
  return `${url.protocol}//${url.hostname}:${url.port || DEFAULT_HUB_PORT}`
}
