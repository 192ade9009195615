/**
 * The language of the file and its CSV / Excel buttons, for every report a manager exports (the till's range,
 * the whole store's day). Files are made in main: the Node host hands back a one-time link the browser
 * downloads; Electron has already asked where to save, or the manager cancelled.
 */
import { App, Button, Segmented } from 'antd'
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportResult } from '../../../../shared/closing'
import type { ExportFormat, ExportLanguage } from '../../../../shared/reports'
import type { Result } from '../../../../shared/result'
import { downloadUrl, reportsErrorText } from './text'

interface Props {
  /** Makes the file in main (a channel call). */
  run: (format: ExportFormat, lang: ExportLanguage) => Promise<Result<ExportResult>>
  /** Test ids: `${prefix}-csv`, `${prefix}-xlsx`, `${prefix}-lang`. */
  testIdPrefix: string
  /** Words before the language switch (none: the switch stands alone). */
  languageLabel?: string
}

export function ExportControls({ run, testIdPrefix, languageLabel }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [lang, setLang] = useState<ExportLanguage>(i18n.language === 'en' ? 'en' : 'zh-CN')
  const [busy, setBusy] = useState<ExportFormat | null>(null)

  const exportAs = async (format: ExportFormat) => {
    setBusy(format)
    const result = await run(format, lang)
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

  return (
    <>
      {languageLabel && <span>{languageLabel}</span>}
      <Segmented<ExportLanguage>
        value={lang}
        onChange={setLang}
        options={[
          { value: 'zh-CN', label: t('language.zh') },
          { value: 'en', label: t('language.en') }
        ]}
        data-testid={`${testIdPrefix}-lang`}
      />
      <Button
        icon={<FileTextOutlined />}
        loading={busy === 'csv'}
        onClick={() => void exportAs('csv')}
        data-testid={`${testIdPrefix}-csv`}
      >
        {t('reports.export.csv')}
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === 'xlsx'}
        onClick={() => void exportAs('xlsx')}
        data-testid={`${testIdPrefix}-xlsx`}
      >
        {t('reports.export.xlsx')}
      </Button>
    </>
  )
}
