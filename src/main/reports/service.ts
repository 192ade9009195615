/**
 * The manager's end-of-day services over one station: reads the store profile and identity at each call
 * (a manager may change them), runs the queries, closes the day (then backs it up), produces and delivers
 * exports. Stateless apart from the station it reads, so a restore that swaps the database needs nothing here.
 */
import { rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  CloseDayResult,
  ExportResult,
  PdfResult,
  ReportQuery,
  ResolutionOutcome
} from '../../shared/reports'
import { businessDayOf } from '../../shared/time'
import type { TodayView } from '../../shared/ipc/contracts/reports'
import { modeDir } from '../station/paths'
import type { Station } from '../station/station'
import { conflictQueue, conflictStory, resolveConflict, type QueueState } from './conflicts'
import { dayReport } from './dayReport'
import { checkedPdf, desktopDelivery, zPdfFileName } from './delivery'
import { offerDownload } from './downloads'
import { produceExport, type ExportRequest } from './export/exportRange'
import { rowsPage } from './rows'
import { wechatCounts } from './wechatCounts'
import { closeDay, zReportByNumber, zReportList } from './zReport'

export interface Actor {
  id: string
  name: string
}

export class ReportService {
  constructor(
    private readonly station: Station,
    private readonly now: () => number = Date.now
  ) {}

  private get db() {
    return this.station.db
  }

  private profile() {
    return this.station.services.settings.store()
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
    return wechatCounts(this.db, this.station.upstream, from, to, this.now())
  }

  conflicts(state: QueueState, limit: number) {
    return conflictQueue(this.db, state, limit)
  }

  story(redemptionId: string) {
    return conflictStory(this.db, redemptionId)
  }

  resolve(input: { redemptionId: string; outcome: ResolutionOutcome; note: string }, by: Actor) {
    const result = resolveConflict(this.db, input, by, this.now())
    // The header's "needs a manager" count comes with sync.state: tell every screen it went down.
    this.station.services.sync.refresh()
    return result
  }

  /** Closes the day, then takes the day-close backup (its failure is reported, the close stands). */
  async closeDay(businessDay: string, by: Actor, confirmEarly = false): Promise<CloseDayResult> {
    const report = closeDay(this.db, businessDay, {
      profile: this.profile(),
      identity: this.station.services.settings.identity(),
      by,
      now: this.now(),
      confirmEarly
    })
    const backup = await this.station.services.backups.take('day_close')
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
    const fileName = zPdfFileName(number, report.body.businessDay, this.station.mode)
    const path = await desktop.savePdf(fileName, async (target, pdf) => {
      await writeFile(target, checkedPdf(pdf))
    })
    return path === null ? { kind: 'cancelled' } : { kind: 'saved', path }
  }

  async export(req: ExportRequest): Promise<ExportResult> {
    const produced = await produceExport(this.db, req, {
      profile: this.profile(),
      identity: this.station.services.settings.identity(),
      exportsDir: join(modeDir(this.station.dataDir, this.station.mode), 'exports'),
      mode: this.station.mode,
      now: this.now()
    })
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
}
