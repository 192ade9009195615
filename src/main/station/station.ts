/**
 * The composition root of the main-process services. Electron's main process and the
 * Node host both call openStation(); everything with authority hangs off the Station.
 */
import type { StationMode } from '../../shared/ipc/types'
import { BackupService } from '../backup/service'
import { IntegrityMonitor } from '../db/integrityMonitor'
import { openDatabase, type Db } from '../db/open'
import { damageAdvice } from '../backup/recovery'
import { EventBus } from '../ipc/events'
import { createHandlers, type Handlers } from '../ipc/handlers'
import { Ledger } from '../redeem/ledger'
import { RedemptionService } from '../redeem/service'
import { ScanJournal } from '../redeem/scanJournal'
import { createNodeHidApi } from '../devices'
import { DeviceManager } from '../devices/manager'
import { readDevicesConfig } from './devicesConfig'
import { Approvals } from '../staff/approvals'
import { StaffStore } from '../staff/staffStore'
import { ConnectivityMonitor, SyncWorker } from '../sync'
import { CardCache } from '../upstream/cardCache'
import type { Sandbox } from '../upstream/sandbox'
import { SwappableUpstream } from '../upstream/swappable'
import { cardSourceOf } from './cardSource'
import { readMode } from './mode'
import { databaseFile } from './paths'
import type { SecretStore } from '../setup/secrets'
import { secretStoreOf } from '../setup/service'
import { liveConfigFrom, readSetup, syncSetupIntoDb } from '../setup/store'
import { StationSettings } from './settings'
import { readStoreProfile } from './storeProfile'
import { upstreamFor, type LiveUpstreamConfig } from './upstreamFor'

export interface StationOptions {
  dataDir: string
  runtime: 'electron' | 'node-host'
  /** Force a mode instead of reading mode.json (tests). */
  mode?: StationMode
  /** Live-mode WeChat connection; default: the one set-up saved (setup.json + the secret store). */
  live?: LiveUpstreamConfig | null
  /** Where set-up keeps secrets. Default: <dataDir>/live/secrets.json, not encrypted (Electron passes safeStorage). */
  secrets?: SecretStore
  /** Start the background work (card cache refresh, outbox worker). Default true. */
  background?: boolean
  now?: () => number
  /** Tests: see OpenOptions.fullCheckAtOpenBytes (src/main/db/open.ts). */
  fullCheckAtOpenBytes?: number
}

export interface StationServices {
  settings: StationSettings
  staff: StaffStore
  approvals: Approvals
  ledger: Ledger
  journal: ScanJournal
  devices: DeviceManager
  redemptions: RedemptionService
  cards: CardCache
  sync: SyncWorker
  monitor: ConnectivityMonitor
  backups: BackupService
  /** The background full integrity check; on damage it stops every write (docs/reliability.md). */
  integrity: IntegrityMonitor
}

export interface Station {
  /** How it was opened (a restore reopens it the same way). */
  options: StationOptions
  mode: StationMode
  dataDir: string
  runtime: StationOptions['runtime']
  db: Db
  schemaVersion: number
  events: EventBus
  /**
   * The one upstream every service holds. In live mode set-up replaces the client inside it after a save
   * (reconnectUpstream), so a new base URL or secret takes effect without a restart.
   */
  upstream: SwappableUpstream
  /** The in-process sandbox in training mode, else null. */
  sandbox: Sandbox | null
  services: StationServices
  handlers: Handlers
  close(): Promise<void>
}

export function openStation(options: StationOptions): Station {
  const now = options.now ?? Date.now
  const mode = options.mode ?? readMode(options.dataDir)
  const opened = openDatabase(databaseFile(options.dataDir, mode), {
    fullCheckAtOpenBytes: options.fullCheckAtOpenBytes
  })
  const db = opened.db
  syncSetupIntoDb(db, mode, options.dataDir)
  const events = new EventBus()
  const live =
    options.live !== undefined
      ? options.live
      : mode === 'live'
        ? liveConfigFrom(readSetup(options.dataDir), secretStoreOf(options))
        : null
  const built = upstreamFor(mode, live, now, () => readStoreProfile(db).timeZone)
  const upstream = new SwappableUpstream(built.upstream)
  const sandbox = built.sandbox
  const settings = new StationSettings(db, mode)
  const monitor = new ConnectivityMonitor({ now })
  const cards = new CardCache({ db, upstream, onUpstreamResult: monitor.recordUpstreamResult })
  const ledger = new Ledger(db)
  const sync = new SyncWorker({
    db,
    upstream,
    monitor,
    emit: (event, payload) => events.emit(event, payload as never)
  })
  const approvals = new Approvals(now)
  const journal = new ScanJournal(db)
  const devices = new DeviceManager({
    hidApi: () => createNodeHidApi(),
    onScan: (notice) => events.emit('device.scan', notice),
    onStatus: (status) => events.emit('device.status', status)
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
      deviceScans: devices,
      settings: () => settings.forRedeem(),
      now
    },
    approvals
  )
  const services: StationServices = {
    settings,
    staff: new StaffStore(db, now),
    approvals,
    ledger,
    journal,
    devices,
    redemptions,
    cards,
    sync,
    monitor,
    backups: new BackupService({
      db,
      dataDir: options.dataDir,
      mode,
      now,
      // A backup copy that fails its check may mean the live file is damaged: check it now.
      onCopyDamaged: () => void services.integrity.checkNow()
    }),
    integrity: new IntegrityMonitor({
      file: opened.file,
      now,
      log: (line) => console.error(line),
      onDamage: () => stopWrites()
    })
  }
  /**
   * Damage found while the counter is in use: from here on SQLite itself refuses every write on this
   * connection (query_only), so no redemption, void or setting can land in a damaged ledger, and nothing
   * is consumed at WeChat (a redemption commits locally before its consume is sent). Reads keep working:
   * the manager can still look at reports and export the day. The sync worker and the backup schedule
   * stop (a backup of a damaged file would fail its check; the good ones stay). Every refused write
   * answers DB_DAMAGED (ipc/handlers) naming the latest good backup to restore.
   */
  const stopWrites = (): void => {
    if (db.open) db.pragma('query_only = ON')
    void sync.stop({ graceMs: 1000 }).catch(() => {})
    void services.backups.stop().catch(() => {})
    // the words are the renderer's (errors.DB_DAMAGED); the technical account goes to the log
    console.error(services.integrity.damagedError(damageAdvice(station)).message)
    events.emit('app.notice', { level: 'error', code: 'DB_DAMAGED', params: {} })
  }
  const station: Station = {
    options,
    mode,
    dataDir: options.dataDir,
    runtime: options.runtime,
    db,
    schemaVersion: opened.schemaVersion,
    events,
    upstream,
    sandbox,
    services,
    handlers: undefined as unknown as Handlers,
    close: async () => {
      await devices.stop()
      await services.backups.stop()
      await services.integrity.stop()
      await cards.stop()
      await sync.stop({ graceMs: 1000 })
      journal.flush()
      if (db.open) db.close()
    }
  }
  station.handlers = createHandlers(station)
  if (options.background !== false) {
    cards.start()
    sync.start()
    services.backups.start()
    services.integrity.start()
    void devices.apply(readDevicesConfig(db)).catch((err: unknown) => {
      console.error(
        `[devices] scanners could not be started: ${err instanceof Error ? err.message : String(err)}`
      )
      events.emit('app.notice', { level: 'error', code: 'DEVICES_FAILED', params: {} })
    })
  }
  return station
}
