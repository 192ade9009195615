/**
 * The redemptions behind the figure the manager picked, a page at a time. Each row opens the redemption's
 * whole story (decision, scan, sync attempts, audit trail) in a drawer; rows redeemed after their day's
 * close say so.
 */
import { Alert, Button, Drawer, Spin, Table, Tag } from 'antd'
import { PrintSlipButton } from '../../printer/PrintSlipButton'
import { usePrinter } from '../../printer/usePrinter'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DrillRow, ReportFilter } from '../../../../shared/reports'
import { StatusTag, TAG_COLOURS } from '../../components/StatusTag'
import { clockText, dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { ConflictStoryView } from './ConflictStoryView'
import { reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'

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
  const [opened, setOpened] = useState<DrillRow | null>(null)
  const printer = usePrinter()
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
      {/* Nine columns are wider than a 1024-px till at 125 %: the table scrolls inside this box (reachable
          with the keyboard), the page never scrolls sideways. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('reports.drill.title')}>
        <Table<DrillRow>
          size="small"
          rowKey="id"
          loading={loaded.loading}
          dataSource={loaded.value?.rows ?? []}
          rowClassName="mgr-clickable"
          onRow={(row) =>
            ({
              'data-testid': 'drill-row',
              'data-id': row.id,
              'data-status': row.status,
              'data-after-close': row.afterClose,
              onClick: () => setOpened(row)
            }) as object
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
              render: (_, r) => (
                <>
                  {oneDay ? clockText(r.at, zone) : dateTimeText(r.at, zone)}
                  {r.afterClose && (
                    <Tag
                      variant="solid"
                      color={TAG_COLOURS.orange}
                      className="mgr-after-close-tag"
                      data-testid="drill-after-close"
                    >
                      {t('reports.drill.afterClose')}
                    </Tag>
                  )}
                </>
              )
            },
            {
              title: t('reports.drill.code'),
              // A real button, so the story opens from the keyboard too (the row's click is for the mouse).
              render: (_, r) => (
                <Button
                  type="link"
                  size="small"
                  className="mgr-code-link"
                  aria-label={t('reports.drill.open', { code: r.code })}
                  onClick={(e) => {
                    e.stopPropagation()
                    setOpened(r)
                  }}
                  data-testid="drill-open"
                >
                  {r.code}
                </Button>
              )
            },
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
              title: t('reports.drill.approver'),
              render: (_, r) => <span data-testid="drill-approver">{r.approvedBy ?? '—'}</span>
            },
            {
              title: t('reports.drill.status'),
              render: (_, r) => <StatusTag status={r.status} stale={r.stale} />
            }
          ]}
        />
      </div>
      <Drawer
        open={opened !== null}
        size={720}
        title={opened ? t('reports.drill.storyTitle', { code: opened.code }) : ''}
        onClose={() => setOpened(null)}
        destroyOnHidden
        extra={opened && <PrintSlipButton redemptionId={opened.id} printer={printer} />}
      >
        {opened && <Story id={opened.id} zone={zone} />}
      </Drawer>
    </section>
  )
}

function Story({ id, zone }: { id: string; zone: string }) {
  const { t } = useTranslation()
  const story = useLoad(() => call('reports.conflictStory', { redemptionId: id }), id)
  if (story.error) return <Alert type="error" showIcon title={reportsErrorText(t, story.error)} />
  if (!story.value) return <Spin description={t('reports.drill.storyLoading')} />
  return <ConflictStoryView story={story.value} zone={zone} />
}
