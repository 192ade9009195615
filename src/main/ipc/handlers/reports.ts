/**
 * The manager's end-of-day channels (all 'manager' access, enforced by the dispatcher): day report and
 * drill-down, WeChat's count, conflicts, Z reports, exports, audit log, backups and restore.
 */
import type { ParsedRequestOf } from '../../../shared/ipc/contract'
import type { BackupsOverview } from '../../../shared/reports'
import type { ActingContext } from '../context'
import type { HandlerServices } from './services'

const queryOf = (req: { from: string; to: string; filter?: ParsedRequestOf<'reports.day'>['filter'] }) => ({
  from: req.from,
  to: req.to,
  ...(req.filter ? { filter: req.filter } : {})
})

export function reportsHandlers({
  reports,
  backups,
  training,
  restore
}: Pick<HandlerServices, 'reports' | 'backups' | 'training' | 'restore'>) {
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
    'reports.resolve': (req: ParsedRequestOf<'reports.resolve'>, { actor }: ActingContext) =>
      reports.resolve(req, actor),
    'reports.closeDay': (req: ParsedRequestOf<'reports.closeDay'>, { actor }: ActingContext) =>
      reports.closeDay(req.businessDay, actor, req.confirmEarly),
    'reports.zList': (req: ParsedRequestOf<'reports.zList'>) => reports.zList(req.limit),
    'reports.zReport': (req: ParsedRequestOf<'reports.zReport'>) => reports.zReport(req.number),
    'reports.zPdf': (req: ParsedRequestOf<'reports.zPdf'>) => reports.zPdf(req.number),
    'reports.export': (req: ParsedRequestOf<'reports.export'>) =>
      reports.export({ ...queryOf(req), format: req.format, lang: req.lang }),
    'reports.audit': (req: ParsedRequestOf<'reports.audit'>) => reports.audit(req),
    'reports.auditVerify': () => reports.auditVerify(),
    /**
     * Training drill (and the e2e test's way to make a conflict): the sandbox marks a code as redeemed at
     * "another store". Refused on a live station — there is no sandbox to touch.
     */
    'reports.trainingUsedElsewhere': (req: ParsedRequestOf<'reports.trainingUsedElsewhere'>) =>
      training.usedElsewhere(req.code),
    'backups.overview': (): BackupsOverview => ({
      directory: backups.dir,
      settings: backups.settings(),
      backups: backups.list(),
      nextDueAt: backups.nextDueAt()
    }),
    'backups.create': () => backups.take('manual'),
    'backups.setSettings': (req: ParsedRequestOf<'backups.setSettings'>) => backups.setSettings(req),
    'backups.restore': (req: ParsedRequestOf<'backups.restore'>, { actor }: ActingContext) =>
      restore(req.file, req.confirmDate, actor)
  }
}
