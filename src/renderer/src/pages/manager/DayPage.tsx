/**
 * The day view: a business day (or a range) in the store's zone and cut-off — totals, sync status, the
 * breakdowns, the hour chart, WeChat's own count — and the redemptions behind whichever figure is picked.
 */
import { Alert, Button, Input, Segmented, Spin, Tag } from 'antd'
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFilter, ZReportView } from '../../../../shared/reports'
import { TAG_COLOURS } from '../../components/StatusTag'
import { call } from '../../shell/call'
import { DayActions } from './DayActions'
import { DayFigures } from './DayFigures'
import { DrillTable } from './DrillTable'
import { HourChart } from './HourChart'
import { clockOf, reportsErrorText, shiftDay } from './text'
import { useLoad } from './useLoad'
import { WechatPanel } from './WechatPanel'

export function DayPage({ onClosed }: { onClosed: (report: ZReportView) => void }) {
  const { t } = useTranslation()
  const today = useLoad(() => call('reports.today', undefined), 'today')
  if (today.error) return <Alert type="error" showIcon title={reportsErrorText(t, today.error)} />
  if (!today.value) return <Spin />
  return (
    <DayView
      today={today.value.businessDay}
      zone={today.value.timeZone}
      cutoff={today.value.cutoffMinutes}
      onClosed={onClosed}
    />
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
    () => call('reports.day', { from: range.from, to: range.to }),
    `${range.from}|${range.to}`
  )
  const [version, setVersion] = useState(0)
  const report = loaded.value
  const onPick = useCallback((filter: ReportFilter, label: string) => setPick({ filter, label }), [])
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
            {closed[0] ? t('reports.day.closed', { number: closed[0].number }) : t('reports.day.notClosed')}
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
