/**
 * Export the range (CSV or Excel, Chinese or English headers) and close the day. Exports are made in main:
 * the Node host hands back a one-time link the browser downloads; Electron has already asked where to save.
 * Closing before the business day's cut-off is confirmed separately and says what happens to the day's later
 * redemptions (they are "after close" and go on the next Z report; docs/ui.md).
 */
import { Alert, App, Button, Modal, Segmented } from 'antd'
import { FileExcelOutlined, FileTextOutlined, LockOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DayReport, ExportFormat, ExportLanguage, ZReportView } from '../../../../shared/reports'
import { dateTimeText } from '../../components/format'
import { call } from '../../shell/call'
import { DANGER_BUTTON, downloadUrl, reportsErrorText } from './text'

interface Props {
  report: DayReport
  /** The business day that is open for closing (null for a range, or a day already closed). */
  closable: string | null
  onClosed: (report: ZReportView) => void
}

export function DayActions({ report, closable, onClosed }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [lang, setLang] = useState<ExportLanguage>(i18n.language === 'en' ? 'en' : 'zh-CN')
  const [busy, setBusy] = useState<ExportFormat | 'close' | null>(null)
  const [confirming, setConfirming] = useState(false)
  const open = report.byStatus.filter((s) => s.status !== 'synced').reduce((n, s) => n + s.count, 0)
  // The day's end as the report computed it (store zone and cut-off); checked again when the dialog opens.
  const [early, setEarly] = useState(false)
  const ask = () => {
    setEarly(Date.now() < report.end)
    setConfirming(true)
  }

  const exportAs = async (format: ExportFormat) => {
    setBusy(format)
    const result = await call('reports.export', { from: report.from, to: report.to, format, lang })
    setBusy(null)
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    const { delivery, fileName, rows } = result.value
    if (delivery.kind === 'download') downloadUrl(delivery.url, fileName)
    if (delivery.kind === 'cancelled') return void message.info(t('reports.export.cancelled'))
    message.success(
      delivery.kind === 'saved'
        ? t('reports.export.saved', { path: delivery.path })
        : t('reports.export.done', { fileName, rows })
    )
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
      <span>{t('reports.export.language')}</span>
      <Segmented<ExportLanguage>
        value={lang}
        onChange={setLang}
        options={[
          { value: 'zh-CN', label: t('language.zh') },
          { value: 'en', label: t('language.en') }
        ]}
        data-testid="export-lang"
      />
      <Button
        icon={<FileTextOutlined />}
        loading={busy === 'csv'}
        onClick={() => void exportAs('csv')}
        data-testid="export-csv"
      >
        {t('reports.export.csv')}
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === 'xlsx'}
        onClick={() => void exportAs('xlsx')}
        data-testid="export-xlsx"
      >
        {t('reports.export.xlsx')}
      </Button>
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
