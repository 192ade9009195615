/**
 * The Z reports: the list, one report as a sheet, print it or save it as PDF. "Save as PDF" differs from
 * "Print": in Electron main writes a PDF file (printToPDF) and the page says where; in the browser (the Node
 * host) the page says that the browser's print dialog saves the PDF, then opens that dialog.
 */
import { App, Button, Empty, List, Spin } from 'antd'
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { moneyText } from '../../components/format'
import { call } from '../../shell/call'
import { reportsErrorText } from './text'
import { useLoad } from '../../shell/useLoad'
import { ZReportSheet } from './ZReportSheet'
import { PrintJobText } from '../../printer/PrintJobText'
import { usePrinter } from '../../printer/usePrinter'
import { errorText } from '../../shell/errorText'

export function ZReportPage({ number, onOpen }: { number: number | null; onOpen: (number: number) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const list = useLoad(() => call('reports.zList', { limit: 100 }), `list|${number ?? ''}`)
  const shown = number ?? list.value?.[0]?.number ?? null
  const view = useLoad(
    () =>
      shown === null
        ? Promise.resolve({ ok: true as const, value: null })
        : call('reports.zReport', { number: shown }),
    `z|${shown ?? ''}`
  )

  const printer = usePrinter()
  const receiptJob = shown === null ? undefined : printer.latest('zreport', String(shown))
  const printReceipt = async () => {
    if (shown === null) return
    const result = await call('printer.zreport', { number: shown })
    if (!result.ok) void message.error(errorText(t, result.error))
  }

  const savePdf = async () => {
    if (shown === null) return
    const result = await call('reports.zPdf', { number: shown })
    if (!result.ok) return void message.error(reportsErrorText(t, result.error))
    const outcome = result.value
    if (outcome.kind === 'saved')
      return void message.success({
        content: <span data-testid="z-pdf-saved">{t('reports.z.pdfSaved', { path: outcome.path })}</span>,
        duration: 10
      })
    if (outcome.kind === 'cancelled') return void message.info(t('reports.z.pdfCancelled'))
    message.info({
      content: <span data-testid="z-pdf-in-browser">{t('reports.z.pdfInBrowser')}</span>,
      duration: 10
    })
    // After the message is painted: the print dialog blocks the page while it is open.
    window.setTimeout(() => window.print(), 300)
  }

  if (list.value && list.value.length === 0) return <Empty description={t('reports.z.none')} />
  return (
    <div className="mgr-split" data-testid="z-page">
      <List
        className="no-print"
        bordered
        loading={list.loading && !list.value}
        header={<h2 className="section-title">{t('reports.z.list')}</h2>}
        dataSource={list.value ?? []}
        renderItem={(z) => (
          <List.Item
            className="mgr-clickable"
            data-testid="z-list-item"
            data-number={z.number}
            onClick={() => onOpen(z.number)}
            style={z.number === shown ? { background: '#e6f4ff' } : undefined}
          >
            <List.Item.Meta
              title={`${t('reports.z.title', { number: z.number })} · ${z.businessDay}`}
              description={`${z.count} · ${moneyText(z.discountFen)} · ${z.closedByName}${z.openItems > 0 ? ` · ${t('reports.z.openItems')} ${z.openItems}` : ''}`}
            />
          </List.Item>
        )}
      />
      <div>
        <div className="mgr-toolbar no-print">
          <Button
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!view.value}
            data-testid="z-print"
          >
            {t('reports.z.print')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => void savePdf()}
            disabled={!view.value}
            data-testid="z-pdf"
          >
            {t('reports.z.pdf')}
          </Button>
          {printer.overview?.config?.enabled && (
            <Button
              icon={<PrinterOutlined />}
              onClick={() => void printReceipt()}
              disabled={!view.value || receiptJob?.state === 'queued' || receiptJob?.state === 'printing'}
              data-testid="z-print-receipt"
            >
              {t('printer.printZ')}
            </Button>
          )}
          {receiptJob && <PrintJobText job={receiptJob} />}
        </div>
        {view.error && <p role="alert">{reportsErrorText(t, view.error)}</p>}
        {view.value ? <ZReportSheet view={view.value} /> : view.loading && <Spin />}
      </div>
    </div>
  )
}
