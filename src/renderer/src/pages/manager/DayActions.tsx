/**
 * Export the range (CSV or Excel, Chinese or English headers) and close the day. Exports are made in main:
 * the Node host hands back a one-time link the browser downloads; Electron has already asked where to save.
 * Closing before the business day's cut-off is confirmed separately and says what happens to the day's later
 * redemptions (they are "after close" and go on the next Z report; docs/ui.md).
 */
import { Alert, App, Button, Modal } from 'antd'
import { LockOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DayReport, ZReportView } from '../../../../shared/reports'
import { dateTimeText } from '../../components/format'
import { call } from '../../shell/call'
import { ExportControls } from './ExportControls'
import { DANGER_BUTTON, reportsErrorText } from './text'

interface Props {
  report: DayReport
  /** The business day that is open for closing (null for a range, or a day already closed). */
  closable: string | null
  onClosed: (report: ZReportView) => void
}

export function DayActions({ report, closable, onClosed }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<'close' | null>(null)
  const [confirming, setConfirming] = useState(false)
  const open = report.byStatus.filter((s) => s.status !== 'synced').reduce((n, s) => n + s.count, 0)
  // The day's end as the report computed it (store zone and cut-off); checked again when the dialog opens.
  const [early, setEarly] = useState(false)
  const ask = () => {
    setEarly(Date.now() < report.end)
    setConfirming(true)
  }

  const closeDay = async () => {
    if (!closable) return
    setBusy('close')
    const result = await call('reports.closeDay', { businessDay: closable, confirmEarly: early })
    setBusy(null)
    setConfirming(false)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    message.success(t('reports.close.done', { number: result.value.report.body.number }))
    if (!result.value.backup.ok)
      message.warning(t('reports.close.backupFailed', { error: result.value.backup.error }))
    onClosed(result.value.report)
  }

  return (
    <div className="mgr-toolbar no-print" data-testid="day-actions">
      <ExportControls
        run={(format, lang) => call('reports.export', { from: report.from, to: report.to, format, lang })}
        testIdPrefix="export"
        languageLabel={t('reports.export.language')}
      />
      <span className="grow" />
      {closable && (
        <Button
          type="primary"
          style={DANGER_BUTTON}
          icon={<LockOutlined />}
          onClick={ask}
          data-testid="close-day"
        >
          {t('reports.close.button')}
        </Button>
      )}
      <Modal
        open={confirming}
        title={t('reports.close.confirmTitle', { day: closable ?? '' })}
        okText={t(early ? 'reports.close.earlyConfirm' : 'reports.close.confirm')}
        cancelText={t('reports.close.cancel')}
        okButtonProps={{
          style: DANGER_BUTTON,
          loading: busy === 'close',
          'data-testid': 'close-day-confirm'
        }}
        onOk={() => void closeDay()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('reports.close.confirmBody')}</p>
        {early && (
          <Alert
            type="warning"
            showIcon
            title={t('reports.close.earlyTitle')}
            description={t('reports.close.earlyBody', {
              day: closable ?? '',
              end: dateTimeText(report.end, report.timeZone)
            })}
            data-testid="close-early-warning"
            style={{ marginBottom: 8 }}
          />
        )}
        {open > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('reports.close.openWarning', { n: open })}
            data-testid="close-open-warning"
          />
        )}
      </Modal>
    </div>
  )
}
