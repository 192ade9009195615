/**
 * The receipt printer: its configuration, its live state, and a queue of print jobs that runs beside the
 * counter. A redemption only ever adds a row to print_jobs (a local insert) and returns; the queue prints
 * one job at a time, checks the printer's real-time status first, and keeps a job that could not print as
 * failed with the reason, so the slip can be printed again from the counter. docs/printing.md.
 *
 * Narrow dependencies on purpose: the database (its own table and setting), the clock, what to print from
 * (a redemption, a Z report, the store's names), and where to announce status and jobs.
 */
import type { Actor } from '../audit/actor'
import { appendAudit } from '../audit/audit'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settings'
import type { ZReportBody } from '../../shared/closing'
import {
  printerConfigSchema,
  type PrintJobKind,
  type PrintJobView,
  type PrinterConfig,
  type PrinterOverview,
  type PrinterState,
  type PrinterStatus
} from '../../shared/printer'
import type { RedemptionView } from '../../shared/redeem'
import { AppFailure } from '../../shared/result'
import { maskCode, slipDocument, testPageDocument, zReportDocument, type PrintContext } from './documents'
import { DEFAULT_TIMEOUTS, systemConnector, type LinkTimeouts, type PrinterConnector } from './link'
import { canPrint, readStatus } from './status'

const CONFIG_KEY = 'printer.config'

export interface PrinterServiceDeps {
  db: Db
  now: () => number
  /** The store's and station's names, zone, and whether this is a training station. */
  context: () => Omit<PrintContext, 'now'>
  redemption: (id: string) => RedemptionView | null
  zReport: (num: number) => { body: ZReportBody; sha256: string } | null
  onStatus: (status: PrinterStatus) => void
  onJob: (job: PrintJobView) => void
  connect?: PrinterConnector
  timeouts?: Partial<LinkTimeouts>
  /** How often the live state is read while nothing prints; 0 = only before jobs and on demand. */
  pollMs?: number
}

interface JobRow {
  id: number
  kind: PrintJobKind
  subject: string
  reprint: number
  state: PrintJobView['state']
  failure: string | null
  detail: string | null
  created_at: number
  finished_at: number | null
}

const viewOf = (row: JobRow): PrintJobView => ({
  id: row.id,
  kind: row.kind,
  subject: row.subject,
  reprint: row.reprint === 1,
  state: row.state,
  failure: (row.failure as PrinterState | null) ?? null,
  detail: row.detail,
  createdAt: row.created_at,
  finishedAt: row.finished_at
})

export class PrinterService {
  private readonly connect: PrinterConnector
  private readonly timeouts: LinkTimeouts
  private current: PrinterStatus
  private running: Promise<void> | null = null
  /** A kick that came while the queue was finishing: it looks once more. */
  private again = false
  private busy = false
  private poll: NodeJS.Timeout | null = null
  private stopped = false

  constructor(private readonly deps: PrinterServiceDeps) {
    this.connect = deps.connect ?? systemConnector
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts }
    this.current = { state: 'none', detail: null, at: deps.now() }
  }

  /**
   * Jobs left queued or printing by a station that stopped are not printed on their own later (the
   * customer has gone): they become failed, listed for printing again.
   */
  start(): void {
    this.stopped = false
    const interrupted = this.deps.db
      .prepare(
        `UPDATE print_jobs SET state = 'failed', failure = 'offline', detail = 'the station stopped before it printed', finished_at = ?
         WHERE state IN ('queued', 'printing')`
      )
      .run(this.deps.now())
    void interrupted
    this.schedulePoll()
    void this.checkNow().catch(() => {})
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.poll) clearInterval(this.poll)
    this.poll = null
    await this.running
  }

  config(): PrinterConfig | null {
    const stored = readSetting(this.deps.db, CONFIG_KEY)
    if (stored === undefined || stored === null) return null
    const parsed = printerConfigSchema.safeParse(stored)
    return parsed.success ? parsed.data : null
  }

  /**
   * A manager's change (validated by the contract's schema): stored and audited in one transaction, then the old
   * printer's state is forgotten and the new one's read. null removes the printer.
   */
  changeConfig(config: PrinterConfig | null, by: Actor): PrinterOverview {
    const before = this.config()
    const db = this.deps.db
    db.transaction(() => {
      writeSetting(db, CONFIG_KEY, config, this.deps.now())
      appendAudit(db, {
        at: this.deps.now(),
        actorId: by.staffId,
        actorName: by.name,
        action: 'settings.changed',
        subject: 'printer',
        detail: { before, after: config }
      })
    })()
    this.reconfigured()
    return this.overview()
  }

  /**
   * A second paper of a slip or Z report is written to the audit log: a second slip is how a coupon could be
   * shown twice. The code is masked as on the paper.
   */
  private auditReprint(job: PrintJobView, by: Actor): PrintJobView {
    if (!job.reprint || job.kind === 'test') return job
    const code = job.kind === 'slip' ? this.deps.redemption(job.subject)?.code : undefined
    appendAudit(this.deps.db, {
      at: this.deps.now(),
      actorId: by.staffId,
      actorName: by.name,
      action: 'print.reprinted',
      subject: job.kind === 'slip' ? job.subject : `z-report:${job.subject}`,
      detail:
        job.kind === 'slip'
          ? { kind: 'slip', code: code ? maskCode(code, 4) : null, jobId: job.id }
          : { kind: 'zreport', number: Number(job.subject), jobId: job.id }
    })
    return job
  }

  /** After a configuration change: forget the old printer's state, read the new one's. */
  private reconfigured(): void {
    this.setStatus({ state: 'none', detail: null, at: this.deps.now() })
    this.schedulePoll()
    void this.checkNow().catch(() => {})
  }

  status(): PrinterStatus {
    return this.current
  }

  overview(): PrinterOverview {
    return { config: this.config(), status: this.current, unprinted: this.unprinted(20) }
  }

  /** Failed and waiting jobs, newest first. */
  unprinted(limit: number): PrintJobView[] {
    return (
      this.deps.db
        .prepare(`SELECT * FROM print_jobs WHERE state != 'printed' ORDER BY id DESC LIMIT ?`)
        .all(limit) as JobRow[]
    ).map(viewOf)
  }

  job(id: number): PrintJobView | null {
    const row = this.deps.db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as JobRow | undefined
    return row ? viewOf(row) : null
  }

  /** Reads the printer's state now (the devices page's "check", the poll). Never while a job prints. */
  async checkNow(): Promise<PrinterStatus> {
    const config = this.usableConfig()
    if (!config) {
      this.setStatus({ state: 'none', detail: null, at: this.deps.now() })
      return this.current
    }
    if (this.busy) return this.current
    this.busy = true
    try {
      const reading = await this.readState(config)
      this.setStatus({ ...reading, at: this.deps.now() })
    } finally {
      this.busy = false
      if (this.pending() > 0) this.kick()
    }
    return this.current
  }

  /**
   * Called after every committed redemption: with slips set to print by themselves, queues one. Never
   * throws and never waits for the printer: the redemption has already been answered for.
   */
  afterRedemption(redemptionId: string, repeated: boolean): PrintJobView | null {
    try {
      const config = this.usableConfig()
      if (!config || config.slipMode !== 'auto' || repeated) return null
      return this.enqueue('slip', redemptionId)
    } catch (err) {
      console.error(`printer: the slip for ${redemptionId} was not queued: ${String(err)}`)
      return null
    }
  }

  /** The cashier's print (ask mode) or reprint: a second paper for the same redemption says 重印. */
  printSlip(redemptionId: string, by: Actor): PrintJobView {
    this.requireConfig()
    if (!this.deps.redemption(redemptionId)) throw new AppFailure('NOT_FOUND', 'There is no such redemption.')
    return this.auditReprint(this.enqueue('slip', redemptionId), by)
  }

  printZReport(num: number, by: Actor): PrintJobView {
    this.requireConfig()
    if (!this.deps.zReport(num)) throw new AppFailure('NOT_FOUND', `There is no Z report ${num}.`)
    return this.auditReprint(this.enqueue('zreport', String(num)), by)
  }

  printTest(): PrintJobView {
    this.requireConfig()
    return this.enqueue('test', '')
  }

  /** A failed job printed again: a new job for the same paper (a reprint if it ever printed before). */
  retry(jobId: number, by: Actor): PrintJobView {
    const job = this.job(jobId)
    if (!job) throw new AppFailure('NOT_FOUND', 'There is no such print job.')
    this.requireConfig()
    return this.auditReprint(this.enqueue(job.kind, job.subject), by)
  }

  /** Whether this paper was printed before (then the new one is marked as a reprint). */
  private printedBefore(kind: PrintJobKind, subject: string): boolean {
    if (kind === 'test') return false
    return (
      this.deps.db
        .prepare(`SELECT 1 FROM print_jobs WHERE kind = ? AND subject = ? AND state = 'printed' LIMIT 1`)
        .get(kind, subject) !== undefined
    )
  }

  private enqueue(kind: PrintJobKind, subject: string): PrintJobView {
    const reprint = this.printedBefore(kind, subject)
    const info = this.deps.db
      .prepare(
        `INSERT INTO print_jobs (kind, subject, reprint, state, created_at) VALUES (?, ?, ?, 'queued', ?)`
      )
      .run(kind, subject, reprint ? 1 : 0, this.deps.now())
    const job = this.job(Number(info.lastInsertRowid))
    if (!job) throw new Error('print job vanished')
    this.deps.onJob(job)
    this.kick()
    return job
  }

  private pending(): number {
    return (
      this.deps.db.prepare(`SELECT count(*) AS n FROM print_jobs WHERE state = 'queued'`).get() as {
        n: number
      }
    ).n
  }

  /** Runs the queue if it is not running; one job at a time, oldest first. */
  private kick(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.again = false
    // finally() always runs later, so `running` is set before it is cleared (the loop may end at once).
    this.running = this.drain()
      .catch((err: unknown) => console.error(`printer: queue stopped: ${String(err)}`))
      .finally(() => {
        this.running = null
        if (this.again && !this.busy) this.kick()
      })
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return
      if (this.busy) return // a status check holds the printer; it kicks again when done
      const row = this.deps.db
        .prepare(`SELECT * FROM print_jobs WHERE state = 'queued' ORDER BY id LIMIT 1`)
        .get() as JobRow | undefined
      if (!row) return
      await this.runJob(row)
    }
  }

  private async runJob(row: JobRow): Promise<void> {
    this.mark(row.id, 'printing', null, null)
    const config = this.usableConfig()
    if (!config) return this.mark(row.id, 'failed', 'none', 'no printer is configured')
    let bytes: Buffer
    try {
      bytes = this.render(row, config)
    } catch (err) {
      return this.mark(row.id, 'failed', 'error', err instanceof Error ? err.message : String(err))
    }
    this.busy = true
    try {
      const link = await this.connect(config.connection, this.timeouts).catch((err: unknown) => {
        throw new LinkFailure(err)
      })
      try {
        const reading = await readStatus(link)
        this.setStatus({ ...reading, at: this.deps.now() })
        if (!canPrint(reading.state)) return this.mark(row.id, 'failed', reading.state, reading.detail)
        await withDeadline(link.write(bytes), this.timeouts.writeMs, 'the printer stopped taking data')
        this.mark(row.id, 'printed', null, null)
      } finally {
        await link.close().catch(() => {})
      }
    } catch (err) {
      const detail =
        err instanceof LinkFailure ? err.message : err instanceof Error ? err.message : String(err)
      this.setStatus({ state: 'offline', detail, at: this.deps.now() })
      this.mark(row.id, 'failed', 'offline', detail)
    } finally {
      this.busy = false
    }
  }

  private render(row: JobRow, config: PrinterConfig): Buffer {
    const ctx: PrintContext = { ...this.deps.context(), now: this.deps.now() }
    const reprint = row.reprint === 1
    switch (row.kind) {
      case 'slip': {
        const r = this.deps.redemption(row.subject)
        if (!r) throw new Error(`redemption ${row.subject} not found`)
        return slipDocument(r, ctx, config, { reprint })
      }
      case 'zreport': {
        const z = this.deps.zReport(Number(row.subject))
        if (!z) throw new Error(`Z report ${row.subject} not found`)
        return zReportDocument(z.body, z.sha256, ctx, config, { reprint })
      }
      case 'test':
        return testPageDocument(ctx, config)
    }
  }

  private async readState(config: PrinterConfig): Promise<{ state: PrinterState; detail: string | null }> {
    try {
      const link = await this.connect(config.connection, this.timeouts)
      try {
        return await readStatus(link)
      } finally {
        await link.close().catch(() => {})
      }
    } catch (err) {
      return { state: 'offline', detail: err instanceof Error ? err.message : String(err) }
    }
  }

  private mark(
    id: number,
    state: PrintJobView['state'],
    failure: PrinterState | null,
    detail: string | null
  ): void {
    const finished = state === 'printed' || state === 'failed' ? this.deps.now() : null
    this.deps.db
      .prepare('UPDATE print_jobs SET state = ?, failure = ?, detail = ?, finished_at = ? WHERE id = ?')
      .run(state, failure, detail, finished, id)
    const job = this.job(id)
    if (job) this.deps.onJob(job)
  }

  private setStatus(status: PrinterStatus): void {
    const changed = status.state !== this.current.state || status.detail !== this.current.detail
    this.current = status
    if (changed) this.deps.onStatus(status)
  }

  private usableConfig(): PrinterConfig | null {
    const config = this.config()
    return config && config.enabled ? config : null
  }

  private requireConfig(): PrinterConfig {
    const config = this.usableConfig()
    if (!config)
      throw new AppFailure('PRINTER_NOT_CONFIGURED', 'No receipt printer is set up on this station.')
    return config
  }

  private schedulePoll(): void {
    if (this.poll) clearInterval(this.poll)
    this.poll = null
    const every = this.deps.pollMs ?? 5_000
    if (every <= 0 || this.stopped || !this.usableConfig()) return
    this.poll = setInterval(() => void this.checkNow().catch(() => {}), every)
    this.poll.unref()
  }
}

/** Rejects after `ms` so one stuck printer cannot hold the queue forever (the link is closed after). */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

class LinkFailure extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
  }
}
