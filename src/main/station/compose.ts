/**
 * Builds one station over one database file: every service with the narrow dependencies it uses (constructor
 * arguments, never the station), and the handler map from those services. Nothing here decides anything; the
 * only logic is "damage found → stop writes", which wires three services together.
 *
 * A restore composes again over the restored file and the holder (./station.ts) swaps to the new composition,
 * so no field of a running service is ever rewritten.
 */
import { join } from 'node:path'
import type { Emit } from '../../shared/ipc/contract'
import type { StationMode } from '../../shared/ipc/types'
import type { RestoreResult } from '../../shared/reports'
import type { Actor } from '../audit/actor'
import { damageAdvice } from '../backup/recovery'
import { BackupService } from '../backup/service'
import type { Clock } from '../clock/clock'
import { databaseFile, modeDir } from '../config/paths'
import { StationSettings } from '../config/settings'
import { readStoreProfile } from '../config/storeProfile'
import { IntegrityMonitor } from '../db/integrityMonitor'
import { browseHubs, lanAddresses } from '../hubHost/discover'
import { StoreHubService } from '../hubHost/service'
import type { HubLauncher } from '../hubHost/supervisor'
import { openDatabase, type Db } from '../db/open'
import { createNodeHidApi } from '../devices'
import { DeviceManager } from '../devices/manager'
import { createHandlers, type Handlers } from '../ipc/handlers'
import { PrinterService } from '../printer'
import { cardSourceOf } from '../redeem/cardSource'
import { Ledger } from '../redeem/ledger'
import { ScanJournal } from '../redeem/scanJournal'
import { redemptionView } from '../redeem/views'
import { RedemptionService } from '../redeem/service'
import { ReportService } from '../reports/service'
import { zReportByNumber } from '../reports/zReport'
import type { SecretStore } from '../setup/secrets'
import { secretStoreOf, SetupService } from '../setup/service'
import { liveConfigFrom, readSetup, syncSetupIntoDb } from '../setup/store'
import { Approvals } from '../staff/approvals'
import { StaffStore } from '../staff/staffStore'
import { StoreLink } from '../storeLink/link'
import { ChainLink } from '../chainLink/link'
import { ConnectivityMonitor, SyncWorker } from '../sync'
import { TrainingService } from '../training/service'
import { CardCache } from '../upstream/cardCache'
import { upstreamFor, type LiveUpstreamConfig } from '../upstream/forMode'
import type { Sandbox } from '../upstream/sandbox'
import { SwappableUpstream } from '../upstream/swappable'

/** What the root hands every composition: the same for the first one and for one after a restore. */
export interface CompositionInput {
  dataDir: string
  mode: StationMode
  runtime: 'electron' | 'node-host'
  clock: Clock
  emit: Emit
  live?: LiveUpstreamConfig | null
  secrets?: SecretStore
  background: boolean
  fullCheckAtOpenBytes?: number
  /** How often the printer's state is read while idle (ms); default 5 s, 0 = only before jobs. */
  printerPollMs?: number
  restart: (() => void) | null
  /** The store hub link's timings (tests shorten them); defaults in src/main/storeLink/link.ts. */
  storeLink?: { claimDeadlineMs?: number; retryMs?: number; heartbeatMs?: number }
  /**
   * How this runtime runs the store hub when set-up makes this till the hub (src/main/hubHost): the Node host
   * forks out/main/hub.js, Electron uses its utility process; none: the role can be chosen but no hub starts.
   * listen/port/backoff: tests keep the hub on loopback and restart it quickly.
   */
  storeHub?: {
    launcher?: HubLauncher | null
    listen?: string
    port?: number
    backoffMs?: number[]
    stopGraceMs?: number
  }
  /** The chain lane's timings (tests shorten them); defaults in src/main/chainLink/link.ts. */
  chainLink?: { pollMs?: number; idlePollMs?: number; backoffBaseMs?: number; backoffMaxMs?: number }
  /** The root's restore (it re-composes), for the backups.restore channel. */
  restore: (file: string, confirmDate: string, by: Actor) => Promise<RestoreResult>
}

export interface StationServices {
  settings: StationSettings
  staff: StaffStore
  approvals: Approvals
  ledger: Ledger
  journal: ScanJournal
  devices: DeviceManager
  /** The receipt printer and its print queue (src/main/printer). */
  printer: PrinterService
  redemptions: RedemptionService
  cards: CardCache
  sync: SyncWorker
  monitor: ConnectivityMonitor
  backups: BackupService
  /** The background full integrity check; on damage it stops every write (docs/reliability.md). */
  integrity: IntegrityMonitor
  reports: ReportService
  setup: SetupService
  training: TrainingService
  /** The till's link to the store hub: claims, mirror, queue (src/main/storeLink). Idle until paired. */
  storeLink: StoreLink
  /** This till's store hub role; on the hub till, the hub itself as a supervised child (src/main/hubHost). */
  storeHub: StoreHubService
  /** The till's chain lane to headquarters (src/main/chainLink): its own sender, apart from the WeChat outbox. */
  chainLink: ChainLink
}

export interface Composition {
  db: Db
  file: string
  schemaVersion: number
  /**
   * The one upstream every service holds. In live mode set-up replaces the client inside it after a save, so a
   * new base URL or secret takes effect without a restart.
   */
  upstream: SwappableUpstream
  /** The in-process sandbox in training mode, else null. */
  sandbox: Sandbox | null
  services: StationServices
  handlers: Handlers
  /** Starts the background work (card refresh, outbox worker, backups, integrity check, scanners). */
  start(): void
  close(): Promise<void>
}

export function compose(input: CompositionInput): Composition {
  const { clock, emit, mode, dataDir } = input
  const now = () => clock.now()
  const opened = openDatabase(databaseFile(dataDir, mode), {
    fullCheckAtOpenBytes: input.fullCheckAtOpenBytes
  })
  const db = opened.db
  syncSetupIntoDb(db, mode, dataDir)
  let secrets: SecretStore | null = null
  const secretStore = (): SecretStore => (secrets ??= secretStoreOf({ secrets: input.secrets, dataDir }))
  const live =
    input.live !== undefined
      ? input.live
      : mode === 'live'
        ? liveConfigFrom(readSetup(dataDir), secretStore())
        : null
  const built = upstreamFor(mode, live, now, () => readStoreProfile(db).timeZone)
  const upstream = new SwappableUpstream(built.upstream)
  const settings = new StationSettings(db, mode, now)
  const monitor = new ConnectivityMonitor({ now })
  const cards = new CardCache({ db, upstream, clock, onUpstreamResult: monitor.recordUpstreamResult })
  const ledger = new Ledger(db)
  const sync = new SyncWorker({
    db,
    upstream,
    monitor,
    clock,
    emit: (event, payload) => emit(event, payload as never)
  })
  const approvals = new Approvals(now)
  const journal = new ScanJournal(db)
  const staff = new StaffStore(db, now)
  const devices = new DeviceManager({
    hidApi: () => createNodeHidApi(),
    onScan: (notice) => emit('device.scan', notice),
    onStatus: (status) => emit('device.status', status),
    now
  })
  // The token is a set-up secret: main reads it to talk to the hub; no channel ever returns it.
  const storeLink = new StoreLink({
    db,
    now,
    token: {
      get: () => secretStore().get('storeHub.token'),
      set: (token) => secretStore().set('storeHub.token', token)
    },
    identity: () => {
      const identity = settings.identity()
      return { tillId: identity.stationId, tillName: identity.stationName }
    },
    isCommitted: (id) => ledger.get(id) !== null,
    ...input.storeLink,
    // The header shows the link and the waiting claims (docs/hub.md § For the station side).
    onState: () => emit('storeLink.state', storeLink.overview()),
    log: (line) => console.error(line)
  })
  const storeHub = new StoreHubService({
    db,
    now,
    // Per mode, like the databases: a training hub never holds a live claim (src/main/config/paths.ts).
    hubDataDir: join(modeDir(dataDir, mode), 'hub'),
    launcher: input.storeHub?.launcher ?? null,
    link: storeLink,
    ...(input.storeHub?.listen !== undefined ? { listen: input.storeHub.listen } : {}),
    ...(input.storeHub?.port !== undefined ? { port: input.storeHub.port } : {}),
    ...(input.storeHub?.backoffMs ? { backoffMs: input.storeHub.backoffMs } : {}),
    ...(input.storeHub?.stopGraceMs !== undefined ? { stopGraceMs: input.storeHub.stopGraceMs } : {}),
    lanAddresses,
    discover: async () => (await browseHubs()).map((h) => h.url),
    log: (line) => console.error(line)
  })
  // The chain lane's events are written by triggers (migration 010); this only sends them. Token: a set-up secret.
  const chainLink = new ChainLink({
    db,
    now,
    token: {
      get: () => secretStore().get('chainHub.token'),
      set: (token) => secretStore().set('chainHub.token', token)
    },
    identity: () => {
      const identity = settings.identity()
      return { tillId: identity.stationId, tillName: identity.stationName }
    },
    ...input.chainLink,
    log: (line) => console.error(line)
  })
  const redemptions = new RedemptionService(
    {
      db,
      ledger,
      journal,
      upstream,
      cards: cardSourceOf(cards, upstream),
      connectivity: {
        current: () => monitor.connectivity(),
        record: (ok, error) => monitor.recordUpstreamResult(ok, error)
      },
      sync: { sendNow: (id, deadlineMs) => sync.sendNow(id, deadlineMs), notify: () => sync.notify() },
      storeClaims: storeLink,
      chainClaims: chainLink.claims,
      deviceScans: devices,
      settings: () => settings.forRedeem(),
      now
    },
    approvals
  )
  const printer = new PrinterService({
    db,
    now,
    context: () => {
      const identity = settings.identity()
      return {
        storeName: identity.storeName,
        stationName: identity.stationName,
        timeZone: settings.store().timeZone,
        training: mode === 'training'
      }
    },
    redemption: (id) => {
      const row = ledger.get(id)
      return row ? redemptionView(row, ledger.outboxFor(id)) : null
    },
    zReport: (num) => {
      try {
        const z = zReportByNumber(db, num)
        return { body: z.body, sha256: z.sha256 }
      } catch {
        return null
      }
    },
    onStatus: (status) => emit('printer.status', status),
    onJob: (job) => emit('printer.job', job),
    ...(input.printerPollMs !== undefined ? { pollMs: input.printerPollMs } : {})
  })
  const integrity = new IntegrityMonitor({
    file: opened.file,
    now,
    log: (line) => console.error(line),
    onDamage: () => stopWrites()
  })
  const backups = new BackupService({
    db,
    dataDir,
    mode,
    now,
    // A backup copy that fails its check may mean the live file is damaged: check it now.
    onCopyDamaged: () => void integrity.checkNow()
  })
  const services: StationServices = {
    settings,
    staff,
    approvals,
    ledger,
    journal,
    devices,
    printer,
    redemptions,
    cards,
    sync,
    monitor,
    backups,
    integrity,
    reports: new ReportService({ db, dataDir, mode, settings, upstream, sync, backups, now }),
    setup: new SetupService({
      db,
      dataDir,
      mode,
      secrets: secretStore,
      settings,
      upstream,
      sync,
      cards,
      background: input.background,
      restart: input.restart,
      now
    }),
    training: new TrainingService({
      db,
      mode,
      sandbox: built.sandbox,
      sync,
      cards,
      journal,
      emit,
      background: input.background,
      storeClaims: storeLink,
      now
    }),
    storeLink,
    storeHub,
    chainLink
  }
  /**
   * Damage found while the counter is in use: from here on SQLite itself refuses every write on this
   * connection (query_only), so no redemption, void or setting can land in a damaged ledger, and nothing
   * is consumed at WeChat (a redemption commits locally before its consume is sent). Reads keep working:
   * the manager can still look at reports and export the day. The sync worker and the backup schedule
   * stop (a backup of a damaged file would fail its check; the good ones stay). Every refused write
   * answers DB_DAMAGED (ipc/handlers) naming the latest good backup to restore.
   */
  const advice = () => damageAdvice({ dataDir, mode, db })
  const stopWrites = (): void => {
    if (db.open) db.pragma('query_only = ON')
    void sync.stop({ graceMs: 1000 }).catch(() => {})
    void backups.stop().catch(() => {})
    // The words are the renderer's (errors.DB_DAMAGED); the technical account goes to the log.
    console.error(integrity.damagedError(advice()).message)
    emit('app.notice', { level: 'error', code: 'DB_DAMAGED', params: {} })
  }
  const handlers = createHandlers({
    ...services,
    db,
    mode,
    runtime: input.runtime,
    schemaVersion: opened.schemaVersion,
    damageAdvice: advice,
    restore: input.restore,
    now
  })
  return {
    db,
    file: opened.file,
    schemaVersion: opened.schemaVersion,
    upstream,
    sandbox: built.sandbox,
    services,
    handlers,
    start: () => {
      cards.start()
      sync.start()
      backups.start()
      integrity.start()
      printer.start()
      storeLink.start()
      storeHub.start()
      chainLink.start()
      void devices.apply(settings.devices()).catch((err: unknown) => {
        console.error(
          `[devices] scanners could not be started: ${err instanceof Error ? err.message : String(err)}`
        )
        emit('app.notice', { level: 'error', code: 'DEVICES_FAILED', params: {} })
      })
    },
    close: async () => {
      await devices.stop()
      await storeLink.stop()
      // The hub child stops with the station: SIGTERM, then its PostgreSQL's fast stop is awaited.
      await storeHub.close()
      await chainLink.stop()
      await printer.stop()
      await backups.stop()
      await integrity.stop()
      await cards.stop()
      await sync.stop({ graceMs: 1000 })
      journal.flush()
      if (db.open) db.close()
    }
  }
}
