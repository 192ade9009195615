/**
 * The whole store's day on a paired till (docs/hub.md § The store's day): every till's redemptions of one
 * business day, by till, from this till's mirror of the store hub — figures, a by-till table with its cashiers,
 * CSV / Excel exports, and the store Z report printed from this page (the browser's or Electron's print). Each
 * till still closes its own day; this view closes nothing. Below it, the store's policy for degraded mode.
 */
import { Alert, Button, Input, Spin, Table, Tag } from 'antd'
import { LeftOutlined, PrinterOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoreDayTill } from '../../../../shared/storeDay'
import { TAG_COLOURS } from '../../components/StatusTag'
import { dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { useLoad } from '../../shell/useLoad'
import { ExportControls } from './ExportControls'
import { StorePolicyCard } from './StorePolicyCard'
import { reportsErrorText, shiftDay } from './text'

export function StoreDayPage({ today, zone }: { today: string; zone: string }) {
  const { t } = useTranslation()
  const [day, setDay] = useState(today)
  const [round, setRound] = useState(0)
  const loaded = useLoad(() => call('storeLink.storeDay', { businessDay: day }), `${day}|${round}`)
  const view = loaded.value

  const hours = (till: StoreDayTill) =>
    till.firstAt === null || till.lastAt === null
      ? '—'
      : `${dateTimeText(till.firstAt, zone).slice(11, 16)} – ${dateTimeText(till.lastAt, zone).slice(11, 16)}`

  return (
    <div data-testid="store-day" data-day={day}>
      <div className="mgr-toolbar no-print">
        <Button
          icon={<LeftOutlined />}
          aria-label={t('reports.day.previous')}
          onClick={() => setDay(shiftDay(day, -1))}
        />
        <Input
          type="date"
          className="mgr-date"
          aria-label={t('reports.day.businessDay')}
          value={day}
          onChange={(e) => e.target.value && setDay(e.target.value)}
          data-testid="store-day-input"
        />
        <Button
          icon={<RightOutlined />}
          aria-label={t('reports.day.next')}
          onClick={() => setDay(shiftDay(day, 1))}
        />
        <Button onClick={() => setDay(today)}>{t('reports.day.today')}</Button>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => setRound((n) => n + 1)}
          data-testid="store-day-refresh"
        >
          {t('reports.day.refresh')}
        </Button>
        <span className="grow" />
        <ExportControls
          run={(format, lang) => call('storeLink.storeDayExport', { businessDay: day, format, lang })}
          testIdPrefix="store-day"
        />
        <Button
          icon={<PrinterOutlined />}
          type="primary"
          onClick={() => window.print()}
          disabled={!view}
          data-testid="store-day-print"
        >
          {t('storeDay.zPrint')}
        </Button>
      </div>
      {loaded.error && <Alert type="error" showIcon title={reportsErrorText(t, loaded.error)} />}
      {!view && !loaded.error && <Spin />}
      {view && (
        <section className="mgr-card store-z" data-testid="store-z">
          <h2 className="section-title">
            {t('storeDay.zTitle')} · {t('storeDay.title', { day: view.businessDay })}
          </h2>
          <p className="mgr-note">{t('storeDay.intro')}</p>
          <p className="mgr-note" data-testid="store-day-made">
            {t('storeDay.zNote', { time: dateTimeText(view.madeAt, zone), zone })}
          </p>
          {view.waiting > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="store-day-waiting"
              title={t('storeDay.waiting', { n: view.waiting })}
            />
          )}
          <div
            className="store-day-totals"
            data-testid="store-day-total"
            data-count={view.total.count}
            data-discount={view.total.discountFen}
          >
            <div>
              <span>{t('storeDay.total')}</span>
              <strong>{view.total.count}</strong>
            </div>
            <div>
              <span>{t('storeDay.column.discount')}</span>
              <strong>{moneyText(view.total.discountFen)}</strong>
            </div>
            <div>
              <span>{t('storeDay.column.voided')}</span>
              <strong>
                {view.total.voidedCount} · {moneyText(view.total.voidedFen)}
              </strong>
            </div>
          </div>
          {view.tills.length === 0 ? (
            <Alert type="info" showIcon title={t('storeDay.empty')} />
          ) : (
            <>
              <h3>{t('storeDay.byTill')}</h3>
              <Table<StoreDayTill>
                size="small"
                pagination={false}
                rowKey="tillId"
                dataSource={view.tills}
                data-testid="store-day-tills"
                onRow={(till) =>
                  ({
                    'data-testid': 'store-day-till',
                    'data-till': till.tillName
                  }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  {
                    title: t('storeDay.column.till'),
                    key: 'till',
                    render: (_, till) => (
                      <>
                        <strong>{till.tillName}</strong>{' '}
                        {till.thisTill && (
                          <Tag variant="solid" color={TAG_COLOURS.grey}>
                            {t('storeDay.thisTill')}
                          </Tag>
                        )}
                      </>
                    )
                  },
                  { title: t('storeDay.column.count'), dataIndex: 'count', align: 'right' },
                  {
                    title: t('storeDay.column.discount'),
                    key: 'discount',
                    align: 'right',
                    render: (_, till) => moneyText(till.discountFen)
                  },
                  { title: t('storeDay.column.held'), dataIndex: 'held', align: 'right' },
                  {
                    title: t('storeDay.column.voided'),
                    key: 'voided',
                    align: 'right',
                    render: (_, till) =>
                      till.voidedCount === 0 ? '—' : `${till.voidedCount} · ${moneyText(till.voidedFen)}`
                  },
                  { title: t('storeDay.column.hours'), key: 'hours', render: (_, till) => hours(till) },
                  {
                    title: t('storeDay.column.cashiers'),
                    key: 'cashiers',
                    render: (_, till) =>
                      till.cashiers.map((c) => (
                        <div key={c.cashierName}>
                          {t('storeDay.cashierLine', {
                            name: c.cashierName,
                            count: c.count,
                            discount: moneyText(c.discountFen)
                          })}
                        </div>
                      ))
                  }
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('storeDay.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong>{view.total.count}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <strong>{moneyText(view.total.discountFen)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {view.tills.reduce((n, x) => n + x.held, 0)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {view.total.voidedCount === 0
                        ? '—'
                        : `${view.total.voidedCount} · ${moneyText(view.total.voidedFen)}`}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} colSpan={2} />
                  </Table.Summary.Row>
                )}
              />
              <p className="mgr-note">{t('storeDay.heldNote')}</p>
            </>
          )}
          {view.latestHubAt !== null && (
            <p className="mgr-note">{t('storeDay.latest', { time: dateTimeText(view.latestHubAt, zone) })}</p>
          )}
        </section>
      )}
      <div className="no-print">
        <StorePolicyCard zone={zone} />
      </div>
    </div>
  )
}
