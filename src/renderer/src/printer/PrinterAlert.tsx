/**
 * The counter's printer warning: paper out, cover open, offline or a fault, said plainly and big, with
 * the reassurance that redemptions go on. Nothing when no printer is set up or it is ready.
 */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PrinterData } from './usePrinter'

const ALERTED = ['paperOut', 'coverOpen', 'offline', 'error'] as const
type Alerted = (typeof ALERTED)[number]

export function PrinterAlert({ printer }: { printer: PrinterData }) {
  const { t } = useTranslation()
  const state = printer.status?.state
  if (!printer.overview?.config?.enabled || !state || !(ALERTED as readonly string[]).includes(state))
    return null
  return (
    <Alert
      type="error"
      showIcon
      className="printer-alert"
      data-testid="printer-alert"
      data-state={state}
      title={t(`printer.counterAlert.${state as Alerted}`)}
    />
  )
}
