/** End of day for managers: day report and drill-down, WeChat's count, conflicts, Z reports, exports, audit, backups. */
import { z } from 'zod'
import type { REPORTS_CHANNELS } from '../names'
import { noArgs, shape, type ChannelSpec } from '../spec'
import {
  RESOLUTION_OUTCOMES,
  type AuditEntryView,
  type BackupResultView,
  type BackupSettings,
  type BackupsOverview,
  type CloseDayResult,
  type ConflictItem,
  type ConflictStory,
  type DayReport,
  type ExportResult,
  type PdfResult,
  type ResolutionView,
  type RestoreResult,
  type RowsPage,
  type WechatDay,
  type ZReportSummary,
  type ZReportView
} from '../../reports'

/** The longest range a report or an export covers (two years). */
export const MAX_RANGE_DAYS = 731
const DAY_MS = 86_400_000

const dayOf = (text: string): number => Date.parse(`${text}T00:00:00Z`)

export const BusinessDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((d) => {
    const t = dayOf(d)
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d
  }, 'not a calendar date')

export const ReportFilterSchema = z
  .object({
    cardId: z.string().max(64).optional(),
    cardType: z.string().min(1).max(32).optional(),
    cashierId: z.string().min(1).max(64).optional(),
    online: z.boolean().optional(),
    status: z.enum(['pending', 'synced', 'conflict', 'rejected', 'voided', 'stale']).optional(),
    hourStart: z.number().int().optional(),
    hourOfDay: z.number().int().min(0).max(23).optional(),
    phase: z.enum(['until_close', 'after_close']).optional()
  })
  .strict()

const range = { from: BusinessDaySchema, to: BusinessDaySchema }
const rangeOk = (r: { from: string; to: string }) =>
  r.from <= r.to && (dayOf(r.to) - dayOf(r.from)) / DAY_MS < MAX_RANGE_DAYS
const RANGE_MESSAGE = `from must not be after to, and a range covers at most ${MAX_RANGE_DAYS} days`

export const ReportQuerySchema = z
  .object({ ...range, filter: ReportFilterSchema.optional() })
  .strict()
  .refine(rangeOk, RANGE_MESSAGE)

export const RowsRequest = z
  .object({
    ...range,
    filter: ReportFilterSchema.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50)
  })
  .strict()
  .refine(rangeOk, RANGE_MESSAGE)

export const ExportRequestSchema = z
  .object({
    ...range,
    format: z.enum(['csv', 'xlsx']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    filter: ReportFilterSchema.optional()
  })
  .strict()
  .refine(rangeOk, RANGE_MESSAGE)

const redemptionId = z.string().min(1).max(64)

export const ResolveRequest = z
  .object({
    redemptionId,
    outcome: z.enum(RESOLUTION_OUTCOMES),
    note: z.string().trim().min(1, 'a note is needed').max(500)
  })
  .strict()

export const AuditRequest = z
  .object({
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    action: z.string().min(1).max(40).optional(),
    actor: z.string().trim().min(1).max(40).optional(),
    subject: z.string().min(1).max(80).optional(),
    beforeId: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).default(50)
  })
  .strict()

export const BackupSettingsRequest = z
  .object({ intervalHours: z.number().int().min(1).max(24), keepDays: z.number().int().min(1).max(365) })
  .strict()

export interface TodayView {
  businessDay: string
  timeZone: string
  cutoffMinutes: number
}

export interface AuditPage {
  entries: AuditEntryView[]
  total: number
}

export interface ChainStatus {
  ok: boolean
  checked: number
  firstBroken: { id: number; position: number; reason: string } | null
  checkedAt: number
}

const manager = 'manager' as const

export const reportsContract = {
  'reports.today': { request: noArgs, response: shape<TodayView>(), access: manager },
  'reports.day': { request: ReportQuerySchema, response: shape<DayReport>(), access: manager },
  'reports.rows': { request: RowsRequest, response: shape<RowsPage>(), access: manager },
  'reports.wechat': {
    request: z
      .object(range)
      .strict()
      .refine((r) => rangeOk(r) && dayOf(r.to) - dayOf(r.from) < 92 * DAY_MS, 'at most 92 days'),
    response: shape<WechatDay[]>(),
    access: manager
  },
  'reports.conflicts': {
    request: z
      .object({
        state: z.enum(['open', 'resolved', 'all']).default('open'),
        limit: z.number().int().min(1).max(500).default(200)
      })
      .strict(),
    response: shape<ConflictItem[]>(),
    access: manager
  },
  'reports.conflictStory': {
    request: z.object({ redemptionId }).strict(),
    response: shape<ConflictStory>(),
    access: manager
  },
  'reports.resolve': { request: ResolveRequest, response: shape<ResolutionView>(), access: manager },
  'reports.closeDay': {
    /** confirmEarly: the manager saw that the business day has not ended yet and closes it anyway. */
    request: z.object({ businessDay: BusinessDaySchema, confirmEarly: z.boolean().default(false) }).strict(),
    response: shape<CloseDayResult>(),
    access: manager
  },
  'reports.zList': {
    request: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    response: shape<ZReportSummary[]>(),
    access: manager
  },
  'reports.zReport': {
    request: z.object({ number: z.number().int().min(1) }).strict(),
    response: shape<ZReportView>(),
    access: manager
  },
  'reports.zPdf': {
    request: z.object({ number: z.number().int().min(1) }).strict(),
    response: shape<PdfResult>(),
    access: manager
  },
  'reports.export': { request: ExportRequestSchema, response: shape<ExportResult>(), access: manager },
  'reports.audit': { request: AuditRequest, response: shape<AuditPage>(), access: manager },
  'reports.auditVerify': { request: noArgs, response: shape<ChainStatus>(), access: manager },
  'reports.trainingUsedElsewhere': {
    request: z.object({ code: z.string().min(1).max(64) }).strict(),
    response: shape<{ code: string; consumedAt: number }>(),
    access: manager
  },
  'backups.overview': { request: noArgs, response: shape<BackupsOverview>(), access: manager },
  'backups.create': { request: noArgs, response: shape<BackupResultView>(), access: manager },
  'backups.setSettings': {
    request: BackupSettingsRequest,
    response: shape<BackupSettings>(),
    access: manager
  },
  'backups.restore': {
    request: z.object({ file: z.string().min(1).max(120), confirmDate: z.string().max(20) }).strict(),
    response: shape<RestoreResult>(),
    access: manager
  }
} as const satisfies Record<(typeof REPORTS_CHANNELS)[number], ChannelSpec>
