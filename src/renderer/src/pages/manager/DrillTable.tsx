/** The redemptions behind the figure the manager picked, a page at a time. */
import { Button, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFilter, ReportRow } from '../../../../shared/reports'
import { StatusTag, TAG_COLOURS } from '../../components/StatusTag'
import { clockText, dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { useLoad } from './useLoad'

const PAGE_SIZE = 20

interface DrillProps {
  from: string
  to: string
  filter: ReportFilter
  filterLabel: string | null
  zone: string
  onClear: () => void
  /** Changes when the figures were reloaded, so the list follows. */
  version: number
}

export function DrillTable({ from, to, filter, filterLabel, zone, onClear, version }: DrillProps) {
  const { t } = useTranslation()
  const [page, setPage] = useState({ key: '', n: 1 })
  const key = JSON.stringify({ from, to, filter })
  const current = page.key === key ? page.n : 1
  const loaded = useLoad(
    () => call('reports.rows', { from, to, filter, page: current, pageSize: PAGE_SIZE }),
    `${key}|${current}|${version}`
  )
  const oneDay = from === to
  return (
    <section className="mgr-card" data-testid="drill">
      <div className="mgr-toolbar">
        <h2 className="section-title">{t('reports.drill.title')}</h2>
        <Tag variant="solid" color={TAG_COLOURS.blue} data-testid="drill-filter">
          {filterLabel ?? t('reports.drill.all')}
        </Tag>
        {filterLabel && (
          <Button size="small" onClick={onClear} data-testid="drill-clear">
            {t('reports.drill.clear')}
          </Button>
        )}
        <span className="grow" />
        <span data-testid="drill-total" data-total={loaded.value?.total ?? 0}>
          {t('reports.drill.total', { n: loaded.value?.total ?? 0 })}
        </span>
      </div>
      <Table<ReportRow>
        size="small"
        rowKey="id"
        loading={loaded.loading}
        dataSource={loaded.value?.rows ?? []}
        onRow={(row) =>
          ({ 'data-testid': 'drill-row', 'data-id': row.id, 'data-status': row.status }) as object
        }
        pagination={{
          current,
          pageSize: PAGE_SIZE,
          total: loaded.value?.total ?? 0,
          showSizeChanger: false,
          onChange: (n) => setPage({ key, n })
        }}
        columns={[
          {
            title: t('reports.drill.at'),
            render: (_, r) => (oneDay ? clockText(r.at, zone) : dateTimeText(r.at, zone))
          },
          { title: t('reports.drill.code'), dataIndex: 'code' },
          { title: t('reports.drill.card'), render: (_, r) => r.cardTitle || t('reports.day.noCard') },
          { title: t('reports.drill.cashier'), dataIndex: 'cashierName' },
          {
            title: t('reports.drill.bill'),
            className: 'mgr-num',
            render: (_, r) => (r.billFen === null ? '—' : moneyText(r.billFen))
          },
          {
            title: t('reports.drill.discount'),
            className: 'mgr-num',
            render: (_, r) => moneyText(r.discountFen)
          },
          {
            title: t('reports.drill.channel'),
            render: (_, r) => t(r.online ? 'reports.day.online' : 'reports.day.offline')
          },
          {
            title: t('reports.drill.status'),
            render: (_, r) => <StatusTag status={r.status} stale={r.stale} />
          }
        ]}
      />
    </section>
  )
}
