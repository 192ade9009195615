/** The totals sheet's lines: the day's totals and every breakdown, in the export's language. */
import type { Amounts, DayReport, ExportLanguage } from '../../../shared/reports'
import { cardTypeWord, miscWord, statusWord } from './words'

export interface TotalsLine extends Amounts {
  section: string
  name: string
  strong?: boolean
}

export const TOTALS_HEADER: Record<ExportLanguage, string[]> = {
  'zh-CN': ['项目', '名称', '笔数', '优惠金额(元)', '消费金额(元)', '应付金额(元)'],
  en: ['Section', 'Name', 'Count', 'Discount (CNY)', 'Bill (CNY)', 'Payable (CNY)']
}

const SECTION: Record<ExportLanguage, Record<string, string>> = {
  'zh-CN': {
    totals: '合计（不含已作废）',
    status: '按同步状态',
    stale: '其中同步超时',
    voided: '已作废（不计入合计）',
    card: '按券',
    type: '按券类型',
    cashier: '按收银员',
    channel: '在线/离线',
    hour: '按小时'
  },
  en: {
    totals: 'Totals (voided excluded)',
    status: 'By sync status',
    stale: 'of which stale',
    voided: 'Voided (not counted)',
    card: 'By coupon',
    type: 'By card type',
    cashier: 'By cashier',
    channel: 'Online / offline',
    hour: 'By hour'
  }
}

export function totalsRows(report: DayReport, lang: ExportLanguage): TotalsLine[] {
  const s = SECTION[lang]
  const hourName = (hour: number) => `${String(hour).padStart(2, '0')}:00`
  return [
    { section: s['totals'] ?? '', name: `${report.from} – ${report.to}`, ...report.totals, strong: true },
    ...report.byStatus.map((l) => ({
      section: s['status'] ?? '',
      name: statusWord(l.status, lang),
      ...pick(l)
    })),
    { section: s['stale'] ?? '', name: statusWord('stale', lang), ...report.stale },
    { section: s['voided'] ?? '', name: statusWord('voided', lang), ...report.voided },
    ...report.byCard.map((l) => ({
      section: s['card'] ?? '',
      name: `${l.title} (${l.cardId || '—'})`,
      ...pick(l)
    })),
    ...report.byCardType.map((l) => ({
      section: s['type'] ?? '',
      name: cardTypeWord(l.cardType, lang),
      ...pick(l)
    })),
    ...report.byCashier.map((l) => ({ section: s['cashier'] ?? '', name: l.cashierName, ...pick(l) })),
    ...report.byChannel.map((l) => ({
      section: s['channel'] ?? '',
      name: miscWord(l.online ? 'online' : 'offline', lang),
      ...pick(l)
    })),
    ...report.byHour
      .filter((l) => l.count > 0)
      .map((l) => ({ section: s['hour'] ?? '', name: hourName(l.hour), ...pick(l) }))
  ]
}

const pick = (a: Amounts): Amounts => ({
  count: a.count,
  discountFen: a.discountFen,
  billFen: a.billFen,
  payableFen: a.payableFen
})
