/** The totals sheet's lines: the day's totals and every breakdown, in the export's language. */
import type { Translate } from '../../../shared/i18n'
import type { Amounts, DayReport } from '../../../shared/reports'

export interface TotalsLine extends Amounts {
  section: string
  name: string
  strong?: boolean
}

const HEADER = ['section', 'name', 'count', 'discount', 'bill', 'payable'] as const

/** The totals sheet's header row (`exportFile.totalsHeader.*`). */
export const totalsHeader = (t: Translate): string[] => HEADER.map((k) => t(`exportFile.totalsHeader.${k}`))

export function totalsRows(report: DayReport, t: Translate): TotalsLine[] {
  const s = (key: string) => t(`exportFile.section.${key}`)
  const hourName = (hour: number) => `${String(hour).padStart(2, '0')}:00`
  return [
    { section: s('totals'), name: `${report.from} – ${report.to}`, ...report.totals, strong: true },
    ...report.byStatus.map((l) => ({
      section: s('status'),
      name: t(`status.${l.status}`),
      ...pick(l)
    })),
    { section: s('stale'), name: t('status.stale'), ...report.stale },
    { section: s('voided'), name: t('status.voided'), ...report.voided },
    ...report.byCard.map((l) => ({
      section: s('card'),
      name: `${l.title} (${l.cardId || '—'})`,
      ...pick(l)
    })),
    ...report.byCardType.map((l) => ({
      section: s('type'),
      name: t(`cardType.${l.cardType}`),
      ...pick(l)
    })),
    ...report.byCashier.map((l) => ({ section: s('cashier'), name: l.cashierName, ...pick(l) })),
    ...report.byChannel.map((l) => ({
      section: s('channel'),
      name: t(`exportFile.channel.${l.online ? 'online' : 'offline'}`),
      ...pick(l)
    })),
    ...report.byHour
      .filter((l) => l.count > 0)
      .map((l) => ({ section: s('hour'), name: hourName(l.hour), ...pick(l) }))
  ]
}

const pick = (a: Amounts): Amounts => ({
  count: a.count,
  discountFen: a.discountFen,
  billFen: a.billFen,
  payableFen: a.payableFen
})
