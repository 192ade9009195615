/**
 * The set-up service behind the setup.* channels: read (secrets as set / not set), save (validated,
 * audited in the same transaction, written to setup.json + the SecretStore + this database), test a
 * connection, and go live (mode.json; the station must restart to open the live database).
 */
import type { StationMode } from '../../shared/ipc/types'
import type { Actor } from '../audit/actor'
import { writeMode } from '../config/mode'
import type { StationSettings } from '../config/settings'
import type { Db } from '../db/open'
import { upstreamFor } from '../upstream/forMode'
import type { SwappableUpstream } from '../upstream/swappable'
import { appendAudit } from '../audit/audit'
import { AppFailure } from '../../shared/result'
import { DEFAULT_POLICY, type RulesPolicy } from '../../shared/rules'
import type {
  ConnectionTestResult,
  GoLiveResult,
  ParsedSetupInput,
  SetupView,
  UpstreamSettingsInput,
  UpstreamView
} from '../../shared/setup'
import { testConnection, type TestTarget } from './connectionTest'
import { plainFileSecretStore, type SecretStore } from './secrets'
import {
  applySetupToDb,
  liveConfigFrom,
  readSetup,
  writeSetup,
  type StoredSetup,
  type StoredUpstream
} from './store'

export function secretStoreOf(options: { secrets?: SecretStore; dataDir: string }): SecretStore {
  return options.secrets ?? plainFileSecretStore(options.dataDir)
}

export interface SetupDeps {
  db: Db
  dataDir: string
  mode: StationMode
  /** Opened on first use: a training station never touches (or warns about) the secret file. */
  secrets: () => SecretStore
  settings: Pick<StationSettings, 'identity' | 'store' | 'policy'>
  /** Live mode: a saved connection replaces the running client inside it. */
  upstream: Pick<SwappableUpstream, 'replace'>
  sync: { resume(): Promise<unknown> }
  cards: { refresh(): Promise<unknown> }
  /** Whether background work runs (the card refresh after a save only then). */
  background: boolean
  /**
   * The runtime's own restart after going live (Electron relaunches itself once the manager has read the
   * message); null where a person restarts it (the Node host).
   */
  restart: (() => void) | null
  now: () => number
}

export class SetupService {
  private readonly now: () => number

  constructor(private readonly deps: SetupDeps) {
    this.now = deps.now
  }

  private get secrets(): SecretStore {
    return this.deps.secrets()
  }

  view(): SetupView {
    const stored = readSetup(this.deps.dataDir)
    const { settings } = this.deps
    const identity = settings.identity()
    const store = settings.store()
    return {
      mode: this.deps.mode,
      firstRun: stored === null,
      store: {
        storeName: identity.storeName,
        storeLocationId: identity.storeLocationId ?? null,
        stationName: identity.stationName,
        timeZone: store.timeZone,
        cutoffMinutes: store.cutoffMinutes
      },
      upstream: this.upstreamView(stored?.upstream ?? { kind: 'training' }),
      policy: this.livePolicy(stored),
      secretsEncrypted: stored === null || stored.upstream.kind === 'training' ? true : this.secrets.encrypted
    }
  }

  /**
   * The policy the wizard shows and saves is the LIVE one. In live mode that is the station's own; in training
   * it is the one a manager saved for live, else the safe defaults — never training's practice policy (which
   * takes unknown cards offline for the pick-the-coupon drill). Taking a setting to live is the manager's
   * explicit choice in the form (docs/offline-policy.md).
   */
  private livePolicy(stored: StoredSetup | null): RulesPolicy {
    if (this.deps.mode === 'live') return this.deps.settings.policy()
    return stored?.policy ?? DEFAULT_POLICY
  }

  private upstreamView(up: StoredUpstream): UpstreamView {
    if (up.kind === 'wechat')
      return {
        kind: 'wechat',
        baseUrl: up.baseUrl,
        appId: up.appId,
        appSecret: { set: this.secrets.get('wechat.appSecret') !== null }
      }
    if (up.kind === 'tokenService')
      return {
        kind: 'tokenService',
        url: up.url,
        stationKey: { set: this.secrets.get('tokenService.stationKey') !== null }
      }
    return { kind: 'training' }
  }

  save(input: ParsedSetupInput, who: Actor): SetupView {
    const before = readSetup(this.deps.dataDir)
    const up = input.upstream
    if (up.kind === 'wechat' && up.appSecret === undefined && this.secrets.get('wechat.appSecret') === null) {
      throw new AppFailure('SETUP_SECRET_MISSING', 'Enter the AppSecret: none is stored yet.')
    }
    const upstream: StoredUpstream =
      up.kind === 'wechat'
        ? { kind: 'wechat', baseUrl: up.baseUrl ?? null, appId: up.appId }
        : up.kind === 'tokenService'
          ? { kind: 'tokenService', url: up.url }
          : { kind: 'training' }
    const next: StoredSetup = {
      revision: (before?.revision ?? 0) + 1,
      store: {
        storeName: input.store.storeName,
        storeLocationId: input.store.storeLocationId,
        stationName: input.store.stationName,
        timeZone: input.store.timeZone,
        cutoffMinutes: input.store.cutoff
      },
      upstream,
      policy: input.policy
    }
    const db = this.deps.db
    db.transaction(() => {
      applySetupToDb(db, this.deps.mode, next)
      appendAudit(db, {
        at: this.now(),
        actorId: who.staffId,
        actorName: who.name,
        action: 'settings.changed',
        subject: 'setup',
        detail: {
          before: before ? redact(before) : null,
          after: redact(next),
          secretsChanged: [
            ...(up.kind === 'wechat' && up.appSecret !== undefined ? ['wechat.appSecret'] : []),
            ...(up.kind === 'tokenService' && up.stationKey !== undefined ? ['tokenService.stationKey'] : [])
          ]
        }
      })
      // The approval rules (high value, share of the bill, per-customer count, offline limits) get their own
      // entry, so a manager looking for "who changed the PIN threshold" finds it by name.
      if (before === null || JSON.stringify(before.policy) !== JSON.stringify(next.policy)) {
        appendAudit(db, {
          at: this.now(),
          actorId: who.staffId,
          actorName: who.name,
          action: 'settings.approval_rules_changed',
          subject: 'policy',
          detail: { before: before ? { policy: before.policy } : null, after: { policy: next.policy } }
        })
      }
      // Files last, still inside the transaction: if one cannot be written, nothing is committed.
      if (up.kind === 'wechat' && up.appSecret !== undefined)
        this.secrets.set('wechat.appSecret', up.appSecret)
      if (up.kind === 'tokenService' && up.stationKey !== undefined)
        this.secrets.set('tokenService.stationKey', up.stationKey)
      writeSetup(this.deps.dataDir, next)
    })()
    this.reconnect()
    return this.view()
  }

  /**
   * In live mode the saved connection replaces the running client at once: the next look-up, sync round and card
   * refresh use the new base URL / secret / token service, and a credentials or quota pause is lifted so they are
   * tried now. Training mode always talks to the built-in sandbox; a saved WeChat connection is used from go-live
   * on, and going live restarts the station.
   */
  private reconnect(): void {
    const { deps } = this
    if (deps.mode !== 'live') return
    const live = liveConfigFrom(readSetup(deps.dataDir), this.secrets)
    deps.upstream.replace(upstreamFor('live', live, this.now).upstream)
    void deps.sync.resume().catch(() => undefined)
    if (deps.background) void deps.cards.refresh()
  }

  async testConnection(up: UpstreamSettingsInput): Promise<ConnectionTestResult> {
    return testConnection(this.targetOf(up), { now: this.now })
  }

  private targetOf(up: UpstreamSettingsInput): TestTarget {
    if (up.kind === 'wechat') {
      const appSecret = up.appSecret ?? this.secrets.get('wechat.appSecret')
      if (!appSecret) throw new AppFailure('SETUP_SECRET_MISSING', 'Enter the AppSecret: none is stored yet.')
      return { kind: 'wechat', baseUrl: up.baseUrl ?? null, appId: up.appId, appSecret }
    }
    if (up.kind === 'tokenService')
      return {
        kind: 'tokenService',
        url: up.url,
        stationKey: up.stationKey ?? this.secrets.get('tokenService.stationKey')
      }
    return { kind: 'training' }
  }

  goLive(who: Actor): GoLiveResult {
    const stored = readSetup(this.deps.dataDir)
    if (!stored || stored.upstream.kind === 'training') {
      throw new AppFailure(
        'SETUP_NOT_LIVE_READY',
        'Save a WeChat connection (direct or token service) before switching to live.'
      )
    }
    if (stored.upstream.kind === 'wechat' && this.secrets.get('wechat.appSecret') === null) {
      throw new AppFailure('SETUP_SECRET_MISSING', 'Enter the AppSecret: none is stored yet.')
    }
    this.deps.db.transaction(() => {
      appendAudit(this.deps.db, {
        at: this.now(),
        actorId: who.staffId,
        actorName: who.name,
        action: 'settings.changed',
        subject: 'mode',
        detail: { before: this.deps.mode, after: 'live' }
      })
      writeMode(this.deps.dataDir, 'live')
    })()
    const restartsItself = this.deps.restart !== null
    const result: GoLiveResult = {
      mode: 'live',
      restartRequired: true,
      restartsItself
    }
    // Going live opens another database: the runtime restarts itself, or the operator restarts the host (the
    // renderer shows goLive.restartYourself; this line is for the host's console).
    if (this.deps.restart) this.deps.restart()
    else console.log('[setup] switched to live; restart the host to open the live database')
    return result
  }
}

/** The set-up as the audit log keeps it: setup.json never holds a secret; only the names of changed ones are logged. */
function redact(setup: StoredSetup): Record<string, unknown> {
  return { revision: setup.revision, store: setup.store, upstream: setup.upstream, policy: setup.policy }
}
