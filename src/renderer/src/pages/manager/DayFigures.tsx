/**
 * The day's figures: totals, sync status, and the breakdowns by coupon, card type, cashier and channel. Every
 * figure is a button: it shows the redemptions behind it in the details list.
 */
import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Amounts, DayReport, ReportFilter } from '../../../../shared/reports'
import { StatusTag } from '../../components/StatusTag'
import { moneyText } from '../../components/format'

export type Pick = (filter: ReportFilter, label: string) => void

interface Line extends Amounts {
  key: string
  name: string
  filter: ReportFilter
}

function Breakdown({
  title,
  testId,
  lines,
  total,
  onPick
}: {
  title: string
  testId: string
  lines: Line[]
  total: Amounts
  onPick: Pick
}) {
  const { t } = useTranslation()
  return (
    <section className="mgr-card" data-testid={testId}>
      <h2 className="section-title">{title}</h2>
      <Table<Line>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={lines}
        rowClassName="mgr-clickable"
        onRow={(line) =>
          ({
            onClick: () => onPick(line.filter, `${title}: ${line.name}`),
            'data-testid': 'breakdown-line',
            'data-count': line.count,
            'data-discount': line.discountFen
          }) as object
        }
        columns={[
          { title: t('reports.day.name'), dataIndex: 'name' },
          { title: t('reports.day.count'), dataIndex: 'count', className: 'mgr-num' },
          {
            title: t('reports.day.discount'),
            className: 'mgr-num',
            render: (_, l) => moneyText(l.discountFen)
          },
          {
            title: t('reports.day.share'),
            className: 'mgr-num',
            render: (_, l) => (total.count === 0 ? '—' : `${Math.round((l.count * 100) / total.count)}%`)
          }
        ]}
      />
    </section>
  )
}

export function DayFigures({ report, onPick }: { report: DayReport; onPick: Pick }) {
  const { t } = useTranslation()
  const totals = report.totals
  const kpis = [
    { key: 'count', value: String(totals.count) },
    { key: 'discount', value: moneyText(totals.discountFen) },
    { key: 'bill', value: moneyText(totals.billFen) },
    { key: 'payable', value: moneyText(totals.payableFen) }
  ]
  const statuses = [
    ...report.byStatus.map((s) => ({
      status: s.status,
      stale: false,
      amounts: s as Amounts,
      filter: { status: s.status } as ReportFilter
    })),
    {
      status: 'pending' as const,
      stale: true,
      amounts: report.stale,
      filter: { status: 'stale' } as ReportFilter
    },
    {
      status: 'voided' as const,
      stale: false,
      amounts: report.voided,
      filter: { status: 'voided' } as ReportFilter
    }
  ]
  return (
    <>
      <div
        className="mgr-kpis"
        data-testid="day-totals"
        data-count={totals.count}
        data-discount={totals.discountFen}
      >
        {kpis.map((k) => (
          <button
            type="button"
            className="mgr-kpi"
            key={k.key}
            onClick={() => onPick({}, t('reports.drill.all'))}
          >
            <div className="mgr-kpi-value" data-testid={`kpi-${k.key}`}>
              {k.value}
            </div>
            <div className="mgr-kpi-label">{t(`reports.day.${k.key}`)}</div>
          </button>
        ))}
      </div>
      <section className="mgr-card" data-testid="day-statuses" style={{ marginBottom: 12 }}>
        <h2 className="section-title">{t('reports.day.byStatus')}</h2>
        <div className="mgr-statuses">
          {statuses.map((s) => {
            const shown = s.stale ? 'stale' : s.status
            return (
              <button
                type="button"
                key={shown}
                className="mgr-status"
                data-testid={`status-${shown}`}
                data-count={s.amounts.count}
                onClick={() => onPick(s.filter, t(`status.${shown}`))}
              >
                <StatusTag status={s.status} stale={s.stale} />
                <strong>{s.amounts.count}</strong>
                <span>{moneyText(s.amounts.discountFen)}</span>
                {s.stale && <span className="mgr-note">{t('reports.day.staleOf')}</span>}
              </button>
            )
          })}
        </div>
        <p className="mgr-note">{t('reports.day.totalsNote')}</p>
        {report.resolved.count > 0 && (
          <p className="mgr-note">{t('reports.day.resolved', { count: report.resolved.count })}</p>
        )}
      </section>
      <div className="mgr-grid">
        <Breakdown
          title={t('reports.day.byCard')}
          testId="by-card"
          total={totals}
          onPick={onPick}
          lines={report.byCard.map((l) => ({
            ...l,
            key: l.cardId,
            name: l.title || t('reports.day.noCard'),
            filter: { cardId: l.cardId }
          }))}
        />
        <Breakdown
          title={t('reports.day.byCardType')}
          testId="by-card-type"
          total={totals}
          onPick={onPick}
          lines={report.byCardType.map((l) => ({
            ...l,
            key: l.cardType,
            name: t(`cardType.${l.cardType}`, { defaultValue: l.cardType }),
            filter: { cardType: l.cardType }
          }))}
        />
        <Breakdown
          title={t('reports.day.byCashier')}
          testId="by-cashier"
          total={totals}
          onPick={onPick}
          lines={report.byCashier.map((l) => ({
            ...l,
            key: l.cashierId,
            name: l.cashierName,
            filter: { cashierId: l.cashierId }
          }))}
        />
        <Breakdown
          title={t('reports.day.byChannel')}
          testId="by-channel"
          total={totals}
          onPick={onPick}
          lines={report.byChannel.map((l) => ({
            ...l,
            key: String(l.online),
            name: t(l.online ? 'reports.day.online' : 'reports.day.offline'),
            filter: { online: l.online }
          }))}
        />
      </div>
    </>
  )
}
