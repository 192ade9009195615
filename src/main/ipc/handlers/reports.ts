/**
 * The manager's end-of-day channels (all 'manager' access, enforced by the dispatcher): day report and
 * drill-down, WeChat's count, conflicts, Z reports, exports, audit log, backups and restore.
 */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { ChainStatus } from '../../../shared/ipc/contracts/reports'
import type { BackupsOverview } from '../../../shared/reports'
import { AppFailure } from '../../../shared/result'
import { restoreInPlace } from '../../backup/reopen'
import { auditEntries } from '../../reports/auditView'
import { ReportService, type Actor } from '../../reports/service'
import { verifyAuditChain } from '../../staff/audit'
import type { Station } from '../../station/station'
import type { HandlerContext } from './index'

const actorOf = ({ session }: HandlerContext): Actor => {
  // The dispatcher already refused anyone but a signed-in manager; this narrows the type.
  if (!session.staff) throw new AppFailure('NOT_SIGNED_IN', 'Sign in first.')
  return { id: session.staff.staffId, name: session.staff.name }
}

const queryOf = (req: { from: string; to: string; filter?: ParsedRequestOf<'reports.day'>['filter'] }) => ({
  from: req.from,
  to: req.to,
  ...(req.filter ? { filter: req.filter } : {})
})

export function reportsHandlers(station: Station, now: () => number = Date.now) {
  const reports = new ReportService(station, now)
  return {
    'reports.today': () => reports.today(),
    'reports.day': (req: ParsedRequestOf<'reports.day'>) => reports.day(queryOf(req)),
    'reports.rows': (req: ParsedRequestOf<'reports.rows'>) =>
      reports.rows(queryOf(req), req.page, req.pageSize),
    'reports.wechat': (req: ParsedRequestOf<'reports.wechat'>) => reports.wechat(req.from, req.to),
    'reports.conflicts': (req: ParsedRequestOf<'reports.conflicts'>) =>
      reports.conflicts(req.state, req.limit),
    'reports.conflictStory': (req: ParsedRequestOf<'reports.conflictStory'>) =>
      reports.story(req.redemptionId),
    'reports.resolve': (req: ParsedRequestOf<'reports.resolve'>, ctx: HandlerContext) =>
      reports.resolve(req, actorOf(ctx)),
    'reports.closeDay': (req: ParsedRequestOf<'reports.closeDay'>, ctx: HandlerContext) =>
      reports.closeDay(req.businessDay, actorOf(ctx), req.confirmEarly),
    'reports.zList': (req: ParsedRequestOf<'reports.zList'>) => reports.zList(req.limit),
    'reports.zReport': (req: ParsedRequestOf<'reports.zReport'>) => reports.zReport(req.number),
    'reports.zPdf': (req: ParsedRequestOf<'reports.zPdf'>) => reports.zPdf(req.number),
    'reports.export': (req: ParsedRequestOf<'reports.export'>) =>
      reports.export({ ...queryOf(req), format: req.format, lang: req.lang }),
    'reports.audit': (req: ParsedRequestOf<'reports.audit'>) => auditEntries(station.db, req),
    'reports.auditVerify': (): ChainStatus => {
      const report = verifyAuditChain(station.db)
      return {
        ok: report.ok,
        checked: report.checked,
        firstBroken: report.firstBroken ?? null,
        checkedAt: now()
      }
    },
    /**
     * Training drill (and the e2e test's way to make a conflict): the sandbox marks a code as redeemed at
     * "another store". Refused on a live station — there is no sandbox to touch.
     */
    'reports.trainingUsedElsewhere': (req: ParsedRequestOf<'reports.trainingUsedElsewhere'>) => {
      const sandbox = station.mode === 'training' ? station.sandbox : null
      if (!sandbox) throw new AppFailure('TRAINING_ONLY', 'This drill exists only in training mode.')
      const entry = sandbox.model.anyEntryOf(req.code)
      if (!entry) throw new AppFailure('NOT_FOUND', `The training sandbox has no code ${req.code}.`)
      if (sandbox.model.effectiveStatus(entry) !== 'NORMAL')
        throw new AppFailure('NOT_REDEEMABLE', `The training code ${req.code} is not usable any more.`)
      return { code: req.code, consumedAt: sandbox.model.applyConsume(entry).at }
    },
    'backups.overview': (): BackupsOverview => {
      const backups = station.services.backups
      return {
        directory: backups.dir,
        settings: backups.settings(),
        backups: backups.list(),
        nextDueAt: backups.nextDueAt()
      }
    },
    'backups.create': () => station.services.backups.take('manual'),
    'backups.setSettings': (req: ParsedRequestOf<'backups.setSettings'>) =>
      station.services.backups.setSettings(req),
    'backups.restore': (req: ParsedRequestOf<'backups.restore'>, ctx: HandlerContext) =>
      restoreInPlace(station, req.file, req.confirmDate, actorOf(ctx), now())
  }
}
