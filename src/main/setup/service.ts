/**
 * The set-up service behind the setup.* channels: read (secrets as set / not set), save (validated,
 * audited in the same transaction, written to setup.json + the SecretStore + this database), test a
 * connection, and go live (mode.json; the station must restart to open the live database).
 */
import type { SignedInStaff } from '../ipc/session'
import type { Station } from '../station/station'
import { writeMode } from '../station/mode'
import { upstreamFor } from '../station/upstreamFor'
import { appendAudit } from '../staff/audit'
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

export function secretStoreOf(options: Pick<Station['options'], 'secrets' | 'dataDir'>): SecretStore {
  return options.secrets ?? plainFileSecretStore(options.dataDir)
}

export class SetupService {
  private secretsCache: SecretStore | null = null

  constructor(
    private readonly station: Station,
    private readonly now: () => number = Date.now
  ) {}

  private get secrets(): SecretStore {
    this.secretsCache ??= secretStoreOf(this.station.options)
    return this.secretsCache
  }

  view(): SetupView {
    const stored = readSetup(this.station.dataDir)
    const { settings } = this.station.services
    const identity = settings.identity()
    const store = settings.store()
    return {
      mode: this.station.mode,
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
    if (this.station.mode === 'live') return this.station.services.settings.policy()
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

  save(input: ParsedSetupInput, who: SignedInStaff): SetupView {
    const before = readSetup(this.station.dataDir)
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
    const db = this.station.db
    db.transaction(() => {
      applySetupToDb(db, this.station.mode, next)
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
      writeSetup(this.station.dataDir, next)
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
    const station = this.station
    if (station.mode !== 'live') return
    const live = liveConfigFrom(readSetup(station.dataDir), this.secrets)
    station.upstream.replace(upstreamFor('live', live, station.options.now ?? this.now).upstream)
    void station.services.sync.resume().catch(() => undefined)
    if (station.options.background !== false) void station.services.cards.refresh()
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

  goLive(who: SignedInStaff): GoLiveResult {
    const stored = readSetup(this.station.dataDir)
    if (!stored || stored.upstream.kind === 'training') {
      throw new AppFailure(
        'SETUP_NOT_LIVE_READY',
        'Save a WeChat connection (direct or token service) before switching to live.'
      )
    }
    if (stored.upstream.kind === 'wechat' && this.secrets.get('wechat.appSecret') === null) {
      throw new AppFailure('SETUP_SECRET_MISSING', 'Enter the AppSecret: none is stored yet.')
    }
    this.station.db.transaction(() => {
      appendAudit(this.station.db, {
        at: this.now(),
        actorId: who.staffId,
        actorName: who.name,
        action: 'settings.changed',
        subject: 'mode',
        detail: { before: this.station.mode, after: 'live' }
      })
      writeMode(this.station.dataDir, 'live')
    })()
    const restartsItself = this.station.runtime === 'electron'
    const result: GoLiveResult = {
      mode: 'live',
      restartRequired: true,
      restartsItself,
      message: restartsItself
        ? {
            'zh-CN': '已切换到正式模式。核销台将在几秒后自动重启，并使用全新的正式数据库，培训数据不会带入。',
            en: 'Switched to live. The station restarts itself in a few seconds and opens a fresh live database; no training data is carried over.'
          }
        : {
            'zh-CN': '已切换到正式模式。请重启核销台：重启后使用全新的正式数据库，培训数据不会带入。',
            en: 'Switched to live. Restart the station: it then opens a fresh live database; no training data is carried over.'
          }
    }
    if (this.station.runtime === 'node-host') console.log(`[setup] ${result.message.en}`)
    return result
  }
}

/** The set-up as the audit log keeps it: setup.json never holds a secret; only the names of changed ones are logged. */
function redact(setup: StoredSetup): Record<string, unknown> {
  return { revision: setup.revision, store: setup.store, upstream: setup.upstream, policy: setup.policy }
}
