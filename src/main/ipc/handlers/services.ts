/**
 * What the transport's handlers are built from: the composition's services plus the few facts and root actions
 * a channel answers with. Each handler group names the part it uses (Pick<HandlerServices, …>), so a reader sees
 * at the top of a group exactly what it touches.
 */
import type { StationMode } from '../../../shared/ipc/types'
import type { RestoreResult } from '../../../shared/reports'
import type { Actor } from '../../audit/actor'
import type { BackupService } from '../../backup/service'
import type { StationSettings } from '../../config/settings'
import type { IntegrityMonitor } from '../../db/integrityMonitor'
import type { Db } from '../../db/open'
import type { DeviceManager } from '../../devices/manager'
import type { PrinterService } from '../../printer'
import type { RedemptionService } from '../../redeem/service'
import type { ReportService } from '../../reports/service'
import type { StoreLink } from '../../storeLink/link'
import type { StoreHubService } from '../../hubHost/service'
import type { ChainLink } from '../../chainLink/link'
import type { SetupService } from '../../setup/service'
import type { Approvals } from '../../staff/approvals'
import type { StaffStore } from '../../staff/staffStore'
import type { SyncWorker } from '../../sync'
import type { TrainingService } from '../../training/service'
import type { CardCache } from '../../upstream/cardCache'

export interface HandlerServices {
  mode: StationMode
  runtime: 'electron' | 'node-host'
  schemaVersion: number
  /** db.ping only: one SELECT 1 and the journal mode. */
  db: Db
  settings: StationSettings
  staff: StaffStore
  approvals: Approvals
  redemptions: RedemptionService
  cards: CardCache
  sync: SyncWorker
  devices: DeviceManager
  /** The receipt printer and its print queue. */
  printer: PrinterService
  backups: BackupService
  integrity: IntegrityMonitor
  reports: ReportService
  /** The till's link to the store hub (src/main/storeLink). */
  storeLink: StoreLink
  /** This till's store hub role and the hub it may run (src/main/hubHost). */
  storeHub: StoreHubService
  /** The till's chain lane to headquarters (src/main/chainLink). */
  chainLink: ChainLink
  setup: SetupService
  training: TrainingService
  /** What a manager should do once writes are stopped (the latest good backup). */
  damageAdvice: () => string
  /** The root's restore: it re-composes the station over the restored file. */
  restore: (file: string, confirmDate: string, by: Actor) => Promise<RestoreResult>
  now: () => number
}
