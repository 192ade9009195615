/**
 * The day view: a business day (or a range) in the store's zone and cut-off — totals, sync status, the
 * breakdowns, the hour chart, WeChat's own count — and the redemptions behind whichever figure is picked.
 * A closed day's figures are those up to its close (phase 'until_close'), which is what its Z report
 * counted; redemptions after the close are shown apart as "after close" (they go on the next Z report), so
 * the view never contradicts the Z report beside it.
 */
import { Alert, Button, Input, Segmented, Spin, Tag } from 'antd'
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DayReport, ReportFilter, ZReportView } from '../../../../shared/reports'
import { TAG_COLOURS } from '../../components/StatusTag'
import { dateTimeText, moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { DayActions } from './DayActions'
import { DayFigures } from './DayFigures'
import { DrillTable } from './DrillTable'
import { StoreDayPage } from './StoreDayPage'
import { HourChart } from './HourChart'
import { clockOf, reportsErrorText, shiftDay } from './text'
import { useLoad } from '../../shell/useLoad'
import { WechatPanel } from './WechatPanel'

export function DayPage({ onClosed }: { onClosed: (report: ZReportView) => void }) {
  const { t } = useTranslation()
  const today = useLoad(() => call('reports.today', undefined), 'today')
  // A till paired with a store hub can also show the whole store's day (docs/hub.md § The store's day).
  const link = useLoad(() => call('storeLink.get', undefined), 'store-link')
  const [scope, setScope] = useState<'till' | 'store'>('till')
  if (today.error) return <Alert type="error" showIcon title={reportsErrorText(t, today.error)} />
  if (!today.value) return <Spin />
  const paired = link.value !== null && link.value.status !== 'not_paired'
  return (
    <>
      {paired && (
        <div className="mgr-toolbar no-print">
          <Segmented<'till' | 'store'>
            value={scope}
            onChange={setScope}
            data-testid="day-scope"
            options={[
              { value: 'till', label: <span data-testid="scope-till">{t('storeDay.scope.thisTill')}</span> },
              { value: 'store', label: <span data-testid="scope-store">{t('storeDay.scope.store')}</span> }
            ]}
          />
        </div>
      )}
      {paired && scope === 'store' ? (
        <StoreDayPage today={today.value.businessDay} zone={today.value.timeZone} />
      ) : (
        <DayView
          today={today.value.businessDay}
          zone={today.value.timeZone}
          cutoff={today.value.cutoffMinutes}
          onClosed={onClosed}
        />
      )}
    </>
  )
}

interface ViewProps {
  today: string
  zone: string
  cutoff: number
  onClosed: (report: ZReportView) => void
}

function DayView({ today, zone, cutoff, onClosed }: ViewProps) {
  const { t } = useTranslation()
  const [range, setRange] = useState({ from: today, to: today })
  const [many, setMany] = useState(false)
  const [pick, setPick] = useState<{ filter: ReportFilter; label: string | null }>({
    filter: {},
    label: null
  })
  const loaded = useLoad(
    () => call('reports.day', { from: range.from, to: range.to, filter: { phase: 'until_close' } }),
    `${range.from}|${range.to}`
  )
  const [version, setVersion] = useState(0)
  const report = loaded.value
  // A figure's rows are the ones it counted: up to the close, like the figure itself.
  const onPick = useCallback(
    (filter: ReportFilter, label: string) => setPick({ filter: { ...filter, phase: 'until_close' }, label }),
    []
  )
  const setDay = (day: string) => {
    setRange({ from: day, to: day })
    setPick({ filter: {}, label: null })
  }
  const reload = () => {
    loaded.reload()
    setVersion((v) => v + 1)
  }
  const oneDay = range.from === range.to
  const closed = report?.closed ?? []
  const closable = oneDay && report && closed.length === 0 && range.from <= today ? range.from : null

  return (
    <div data-testid="day-page" data-from={range.from} data-to={range.to}>
      <div className="mgr-toolbar no-print">
        <Segmented<'one' | 'many'>
          value={many ? 'many' : 'one'}
          onChange={(v) => {
            setMany(v === 'many')
            if (v === 'one') setDay(range.to)
          }}
          options={[
            { value: 'one', label: t('reports.day.oneDay') },
            { value: 'many', label: t('reports.day.range') }
          ]}
        />
        {many ? (
          <>
            <span>{t('reports.day.from')}</span>
            <Input
              type="date"
              className="mgr-date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })}
              data-testid="day-from"
            />
            <span>{t('reports.day.to')}</span>
            <Input
              type="date"
              className="mgr-date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })}
              data-testid="day-to"
            />
          </>
        ) : (
          <>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('reports.day.previous')}
              onClick={() => setDay(shiftDay(range.from, -1))}
            />
            <Input
              type="date"
              className="mgr-date"
              aria-label={t('reports.day.businessDay')}
              value={range.from}
              onChange={(e) => e.target.value && setDay(e.target.value)}
              data-testid="day-input"
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('reports.day.next')}
              onClick={() => setDay(shiftDay(range.from, 1))}
            />
            <Button onClick={() => setDay(today)}>{t('reports.day.today')}</Button>
          </>
        )}
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="day-refresh">
          {t('reports.day.refresh')}
        </Button>
        <span className="grow" />
        {oneDay && (
          <Tag
            variant="solid"
            color={closed.length > 0 ? TAG_COLOURS.green : TAG_COLOURS.grey}
            data-testid="day-closed"
            data-closed={closed.length > 0}
          >
            {closed[0]
              ? t('reports.day.closedSummary', {
                  number: closed[0].number,
                  count: closed[0].count,
                  discount: moneyText(closed[0].discountFen)
                })
              : t('reports.day.notClosed')}
          </Tag>
        )}
      </div>
      <p className="mgr-note">{t('reports.day.cutoff', { time: clockOf(cutoff), zone })}</p>
      {loaded.error && (
        <Alert
          type="error"
          showIcon
          title={`${t('reports.day.loadFailed')}: ${reportsErrorText(t, loaded.error)}`}
        />
      )}
      {report && (
        <>
          <DayActions
            report={report}
            closable={closable}
            onClosed={(z) => {
              reload()
              onClosed(z)
            }}
          />
          {report.totals.count === 0 && report.voided.count === 0 && (
            <Alert type="info" showIcon title={t('reports.day.empty')} />
          )}
          <CloseParts
            report={report}
            oneDay={oneDay}
            zone={zone}
            onShowAfter={() =>
              setPick({ filter: { phase: 'after_close' }, label: t('reports.day.afterCloseTitle') })
            }
          />
          <DayFigures report={report} onPick={onPick} />
          <div className="mgr-grid">
            <section className="mgr-card">
              <h2 className="section-title">{t('reports.day.byHour')}</h2>
              <HourChart lines={report.byHour} onPick={(filter) => onPick(filter, t('reports.day.byHour'))} />
            </section>
            <WechatPanel from={range.from} to={range.to} />
          </div>
          <DrillTable
            from={range.from}
            to={range.to}
            filter={pick.filter}
            filterLabel={pick.label}
            zone={zone}
            version={version}
            onClear={() => setPick({ filter: {}, label: null })}
          />
        </>
      )}
    </div>
  )
}

/** How the figures relate to the day's Z report, and what happened after the close (shown apart). */
function CloseParts(props: { report: DayReport; oneDay: boolean; zone: string; onShowAfter: () => void }) {
  const { report, oneDay, zone, onShowAfter } = props
  const { t } = useTranslation()
  const numbers = report.closed.map((c) => c.number).join(', ')
  const only = oneDay ? report.closed[0] : undefined
  const { afterClose, voidedAfterClose } = report
  return (
    <>
      {only && (
        <p className="mgr-note" data-testid="day-until-close" data-number={only.number}>
          {t('reports.day.untilClose', { at: dateTimeText(only.closedAt, zone), number: only.number })}
        </p>
      )}
      {voidedAfterClose.count > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="day-voided-after-close"
          title={t('reports.day.voidedAfterClose', {
            number: numbers,
            count: voidedAfterClose.count,
            discount: moneyText(voidedAfterClose.discountFen)
          })}
        />
      )}
      {afterClose.count > 0 && (
        <section
          className="mgr-card mgr-after-close"
          data-testid="day-after-close"
          data-count={afterClose.count}
          data-discount={afterClose.discountFen}
        >
          <h2 className="section-title">
            <Tag variant="solid" color={TAG_COLOURS.orange}>
              {t('reports.day.afterCloseTitle')}
            </Tag>
          </h2>
          <p>
            {t('reports.day.afterCloseBody', {
              count: afterClose.count,
              discount: moneyText(afterClose.discountFen),
              number: numbers
            })}
          </p>
          <Button onClick={onShowAfter} data-testid="day-after-close-show">
            {t('reports.day.afterCloseShow')}
          </Button>
        </section>
      )}
    </>
  )
}
