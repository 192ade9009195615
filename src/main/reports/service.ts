/**
 * The manager's end-of-day services over one station database: reads the store profile and identity at each
 * call (a manager may change them), runs the queries, closes the day (then backs it up), produces and delivers
 * exports, shows and verifies the audit log. A restore composes a new one over the restored database.
 */
import { rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  CloseDayResult,
  ExportFormat,
  ExportLanguage,
  ExportResult,
  PdfResult,
  ReportQuery,
  ResolutionOutcome
} from '../../shared/reports'
import { businessDayOf } from '../../shared/time'
import type { TodayView } from '../../shared/ipc/contracts/reports'
import type { StationMode } from '../../shared/ipc/types'
import type { AuditQuery } from './auditView'
import type { ChainStatus } from '../../shared/ipc/contracts/reports'
import type { Actor } from '../audit/actor'
import { verifyAuditChain } from '../audit/audit'
import type { BackupService } from '../backup/service'
import { modeDir } from '../config/paths'
import type { StationSettings } from '../config/settings'
import type { Db } from '../db/open'
import type { Upstream } from '../upstream/types'
import { auditEntries } from './auditView'
import {
  conflictQueue,
  conflictStory,
  crossTillConflicts,
  resolveConflict,
  resolveCrossTillConflict,
  type QueueState
} from './conflicts'
import { storeDay, storeDayRows } from './storeDay'
import { produceStoreDayExport } from './export/storeDayExport'
import type { ProducedExport } from './export/exportRange'
import { dayReport } from './dayReport'
import { checkedPdf, desktopDelivery, zPdfFileName } from './delivery'
import { offerDownload } from './downloads'
import { produceExport, type ExportRequest } from './export/exportRange'
import { rowsPage } from './rows'
import { wechatCounts } from './wechatCounts'
import { closeDay, zReportByNumber, zReportList } from './zReport'

export interface ReportDeps {
  db: Db
  dataDir: string
  mode: StationMode
  settings: Pick<StationSettings, 'store' | 'identity'>
  /** WeChat's own count of the day (reports.wechat). */
  upstream: Upstream
  /** The header's "needs a manager" count comes with sync.state: told when a conflict is resolved. */
  sync: { refresh(): void }
  /** The day-close backup. */
  backups: Pick<BackupService, 'take'>
  now: () => number
}

export class ReportService {
  private readonly db: Db
  private readonly now: () => number

  constructor(private readonly deps: ReportDeps) {
    this.db = deps.db
    this.now = deps.now
  }

  private profile() {
    return this.deps.settings.store()
  }

  today(): TodayView {
    const p = this.profile()
    return {
      businessDay: businessDayOf(this.now(), p.timeZone, p.cutoffMinutes),
      timeZone: p.timeZone,
      cutoffMinutes: p.cutoffMinutes
    }
  }

  day(query: ReportQuery) {
    return dayReport(this.db, query, this.profile(), this.now())
  }

  rows(query: ReportQuery, page: number, pageSize: number) {
    return rowsPage(this.db, query, this.profile(), page, pageSize)
  }

  wechat(from: string, to: string) {
    return wechatCounts(this.db, this.deps.upstream, from, to, this.now())
  }

  conflicts(state: QueueState, limit: number) {
    return conflictQueue(this.db, state, limit)
  }

  /** Coupons this till redeemed unchecked that another till of the store already held (the store hub). */
  crossTillConflicts(limit: number, state: QueueState = 'open') {
    return crossTillConflicts(this.db, limit, state)
  }

  /** A manager settles a cross-till conflict with a note (audited 'storeLink.conflictResolved'). */
  resolveCrossTill(input: { redemptionId: string; note: string }, by: Actor) {
    return resolveCrossTillConflict(this.db, input, by, this.now())
  }

  /** The whole store's day, by till, from this till's mirror of the store hub (docs/hub.md § The store's day). */
  storeDay(businessDay: string) {
    return storeDay(this.db, businessDay, this.profile(), this.now())
  }

  async storeDayExport(req: { businessDay: string; format: ExportFormat; lang: ExportLanguage }) {
    const view = this.storeDay(req.businessDay)
    const produced = await produceStoreDayExport(
      view,
      storeDayRows(this.db, req.businessDay, this.profile()),
      req,
      {
        exportsDir: join(modeDir(this.deps.dataDir, this.deps.mode), 'exports'),
        mode: this.deps.mode,
        storeName: this.deps.settings.identity().storeName
      }
    )
    return this.deliver(produced)
  }

  story(redemptionId: string) {
    return conflictStory(this.db, redemptionId)
  }

  resolve(input: { redemptionId: string; outcome: ResolutionOutcome; note: string }, by: Actor) {
    const result = resolveConflict(this.db, input, by, this.now())
    // The header's "needs a manager" count comes with sync.state: tell every screen it went down.
    this.deps.sync.refresh()
    return result
  }

  /** Closes the day, then takes the day-close backup (its failure is reported, the close stands). */
  async closeDay(businessDay: string, by: Actor, confirmEarly = false): Promise<CloseDayResult> {
    const report = closeDay(this.db, businessDay, {
      profile: this.profile(),
      identity: this.deps.settings.identity(),
      by,
      now: this.now(),
      confirmEarly
    })
    const backup = await this.deps.backups.take('day_close')
    return { report, backup }
  }

  zList(limit: number) {
    return zReportList(this.db, limit)
  }

  zReport(number: number) {
    return zReportByNumber(this.db, number)
  }

  async zPdf(number: number): Promise<PdfResult> {
    const report = this.zReport(number)
    const desktop = desktopDelivery()
    // The Node host has no printToPDF of the manager's page: the browser's own print dialog saves the PDF.
    if (!desktop) return { kind: 'print_in_page' }
    const fileName = zPdfFileName(number, report.body.businessDay, this.deps.mode)
    const path = await desktop.savePdf(fileName, async (target, pdf) => {
      await writeFile(target, checkedPdf(pdf))
    })
    return path === null ? { kind: 'cancelled' } : { kind: 'saved', path }
  }

  async export(req: ExportRequest): Promise<ExportResult> {
    const produced = await produceExport(this.db, req, {
      profile: this.profile(),
      identity: this.deps.settings.identity(),
      exportsDir: join(modeDir(this.deps.dataDir, this.deps.mode), 'exports'),
      mode: this.deps.mode,
      now: this.now()
    })
    return this.deliver(produced)
  }

  /** Hands a produced file to the manager: a one-time link (Node host) or the save dialog (Electron). */
  private async deliver(produced: ProducedExport): Promise<ExportResult> {
    const meta = {
      fileName: produced.fileName,
      rows: produced.rows,
      bytes: produced.bytes,
      sha256: produced.sha256
    }
    const desktop = desktopDelivery()
    if (!desktop) {
      const offer = offerDownload(produced.file, produced.fileName, produced.contentType, this.now())
      return { ...meta, delivery: { kind: 'download', url: offer.url, expiresAt: offer.expiresAt } }
    }
    try {
      const path = await desktop.saveFile(produced.file, produced.fileName)
      return { ...meta, delivery: path === null ? { kind: 'cancelled' } : { kind: 'saved', path } }
    } finally {
      rmSync(produced.file, { force: true })
    }
  }

  audit(query: AuditQuery) {
    return auditEntries(this.db, query)
  }

  /** Walks the whole audit chain (every entry's hash and link). */
  auditVerify(): ChainStatus {
    const report = verifyAuditChain(this.db)
    return {
      ok: report.ok,
      checked: report.checked,
      firstBroken: report.firstBroken ?? null,
      checkedAt: this.now()
    }
  }
}
