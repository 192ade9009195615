/**
 * Print (or reprint) one redemption's slip, with what became of the newest paper for it. Shown on the
 * counter after a redemption, in the recent list's details and in the day view's row details.
 */
import { App, Button, Space } from 'antd'
import { PrinterOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { errorText } from '../shell/errorText'
import { call } from '../shell/call'
import type { PrinterData } from './usePrinter'
import { PrintJobText } from './PrintJobText'

export function PrintSlipButton({
  redemptionId,
  printer,
  size
}: {
  redemptionId: string
  printer: PrinterData
  size?: 'large' | 'middle'
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const config = printer.overview?.config
  if (!config?.enabled) return null
  const job = printer.latest('slip', redemptionId)
  const printedBefore = job?.state === 'printed' || job?.reprint === true
  const print = async () => {
    const r = await call('printer.slip', { redemptionId })
    if (!r.ok) void message.error(errorText(t, r.error))
  }
  return (
    <Space wrap>
      <Button
        size={size}
        icon={<PrinterOutlined />}
        onClick={() => void print()}
        disabled={job?.state === 'queued' || job?.state === 'printing'}
        title={printedBefore ? t('printer.reprintNote') : undefined}
        data-testid="print-slip"
      >
        {t(printedBefore ? 'printer.reprintSlip' : 'printer.printSlip')}
      </Button>
      {job && <PrintJobText job={job} />}
    </Space>
  )
}
