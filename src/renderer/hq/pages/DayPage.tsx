/**
 * The chain's business day: totals, a chart by hour (each store's own clock), tables by store, till and coupon;
 * one store or all (a regional viewer's "all" is its region); exports of what is shown (CSV with BOM, XLSX).
 */
import ReactEChartsCore from 'echarts-for-react/esm/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Table, Tabs } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HQ_PATHS, businessDateSchema, type DayView, type StoreView } from '../../../shared/hub/hqProtocol'
import { dateIn } from '../../../shared/hub/hqTime'
import { fenToYuanText } from '../../../shared/money'
import { getJson } from '../api'
import { errorText, shiftDate, yuan } from '../format'

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer])

function HourChart({ view }: { view: DayView }) {
  const { t } = useTranslation()
  const option = useMemo(() => {
    const hours = Array.from({ length: 24 }, (_, hour) => view.hours.find((h) => h.hour === hour))
    return {
      animation: false,
      grid: { left: 40, right: 64, top: 30, bottom: 24 },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('hq.day.count'), t('hq.day.amount')], top: 0 },
      xAxis: { type: 'category', data: hours.map((_, hour) => t('hq.day.hourLabel', { hour })) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', axisLabel: { formatter: (v: number) => `¥${v}` } }
      ],
      series: [
        {
          name: t('hq.day.count'),
          type: 'bar',
          data: hours.map((h) => h?.count ?? 0),
          itemStyle: { color: '#0958D9' }
        },
        {
          name: t('hq.day.amount'),
          type: 'line',
          yAxisIndex: 1,
          data: hours.map((h) => Number(fenToYuanText(h?.amountFen ?? 0))),
          itemStyle: { color: '#AD4E00' }
        }
      ]
    }
  }, [view, t])
  return (
    <div data-testid="hq-hour-chart">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 220 }} notMerge />
    </div>
  )
}

interface Tally {
  count: number
  amountFen: number
  voided: number
}

/** One breakdown of the day (by store, till or coupon): a name column, then the same three figures. */
function TallyTable<R extends Tally>({
  rows,
  rowKey,
  name,
  testId
}: {
  rows: R[]
  rowKey: keyof R & string
  name: { title: string; text: (row: R) => string }
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Table<R>
      size="small"
      rowKey={rowKey}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={rows}
      columns={[
        { title: name.title, key: 'name', render: (_: unknown, r: R) => name.text(r) },
        { title: t('hq.day.count'), dataIndex: 'count', align: 'right', width: 110 },
        { title: t('hq.day.amount'), dataIndex: 'amountFen', align: 'right', width: 130, render: yuan },
        { title: t('hq.day.voided'), dataIndex: 'voided', align: 'right', width: 90 }
      ]}
      {...(testId ? { 'data-testid': testId } : {})}
    />
  )
}

export function DayPage({ onError }: { onError: (err: unknown) => void }) {
  const { t, i18n } = useTranslation()
  const [date, setDate] = useState(
    () => new URLSearchParams(location.search).get('date') ?? dateIn(Date.now(), 'Asia/Shanghai')
  )
  const [store, setStore] = useState<string | undefined>(
    () => new URLSearchParams(location.search).get('store') ?? undefined
  )
  const [stores, setStores] = useState<StoreView[]>([])
  const [view, setView] = useState<DayView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [badDate, setBadDate] = useState(false)
  // A typed date (YYYY-MM-DD, the same on every locale; the browser's own date field shows 12/05/2026 in zh-CN).
  const pick = (text: string) => {
    const ok = businessDateSchema.safeParse(text.trim()).success
    setBadDate(!ok)
    if (ok) setDate(text.trim())
  }

  useEffect(() => {
    getJson<{ stores: StoreView[] }>(HQ_PATHS.stores).then((v) => setStores(v.stores), onError)
  }, [onError])
  useEffect(() => {
    let live = true
    getJson<DayView>(HQ_PATHS.day, { date, store }).then(
      (v) => {
        if (!live) return
        setView(v)
        setError(null)
      },
      (err: unknown) => {
        if (!live) return
        onError(err)
        setError(errorText(err, t))
      }
    )
    return () => {
      live = false
    }
  }, [date, store, onError, t])

  const query = new URLSearchParams({
    date,
    lang: i18n.language === 'en' ? 'en' : 'zh-CN',
    ...(store ? { store } : {})
  })
  return (
    <div data-testid="hq-day">
      <div className="hq-toolbar">
        <span>{t('hq.day.date')}</span>
        <Space.Compact>
          <Button onClick={() => setDate(shiftDate(date, -1))} aria-label="-1">
            ‹
          </Button>
          <Input
            key={date}
            defaultValue={date}
            onPressEnter={(e) => pick(e.currentTarget.value)}
            onBlur={(e) => pick(e.currentTarget.value)}
            status={badDate ? 'error' : ''}
            style={{ width: 130, textAlign: 'center' }}
            aria-label={t('hq.day.date')}
            data-testid="hq-date"
          />
          <Button onClick={() => setDate(shiftDate(date, 1))} aria-label="+1">
            ›
          </Button>
        </Space.Compact>
        {badDate && <span role="alert">{t('hq.day.badDate')}</span>}
        <span>{t('hq.day.store')}</span>
        <Select
          style={{ width: 220 }}
          value={store ?? ''}
          onChange={(v: string) => setStore(v || undefined)}
          options={[
            { value: '', label: t('hq.day.allStores') },
            ...stores.map((s) => ({ value: s.storeId, label: s.name }))
          ]}
          data-testid="hq-store"
        />
        <span style={{ flex: 1 }} />
        <Button href={`${HQ_PATHS.exportCsv}?${query.toString()}`} data-testid="export-csv">
          {t('hq.day.exportCsv')}
        </Button>
        <Button href={`${HQ_PATHS.exportXlsx}?${query.toString()}`} data-testid="export-xlsx">
          {t('hq.day.exportXlsx')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {view && (
        <>
          <Row gutter={12} style={{ marginBottom: 12 }}>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('hq.day.count')} value={view.totals.count} data-testid="total-count" />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic
                  title={t('hq.day.amount')}
                  value={yuan(view.totals.amountFen)}
                  data-testid="total-amount"
                />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('hq.day.voided')} value={view.totals.voided} />
              </Card>
            </Col>
          </Row>
          {view.totals.count + view.totals.voided === 0 ? (
            <Empty description={t('hq.day.empty')} />
          ) : (
            <>
              <Card
                size="small"
                title={`${t('hq.day.byHour')} · ${t('hq.day.hourNote')}`}
                style={{ marginBottom: 12 }}
              >
                <HourChart view={view} />
              </Card>
              <Tabs
                size="small"
                items={[
                  {
                    key: 'store',
                    label: t('hq.day.byStore'),
                    children: (
                      <TallyTable
                        rows={view.stores}
                        rowKey="storeId"
                        name={{ title: t('hq.day.store'), text: (r) => r.name }}
                        testId="by-store"
                      />
                    )
                  },
                  {
                    key: 'till',
                    label: t('hq.day.byTill'),
                    children: (
                      <TallyTable
                        rows={view.tills}
                        rowKey="tillId"
                        name={{
                          title: t('hq.duplicates.till'),
                          text: (r) => t('hq.day.tillOf', { till: r.tillName, store: r.storeName })
                        }}
                      />
                    )
                  },
                  {
                    key: 'card',
                    label: t('hq.day.byCard'),
                    children: (
                      <TallyTable
                        rows={view.cards}
                        rowKey="cardId"
                        name={{ title: t('hq.duplicates.card'), text: (r) => r.cardTitle }}
                      />
                    )
                  }
                ]}
              />
            </>
          )}
        </>
      )}
    </div>
  )
}
