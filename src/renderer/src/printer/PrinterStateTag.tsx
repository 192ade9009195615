/** The printer's state in words with an icon (never colour alone). */
import { Tag } from 'antd'
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  PrinterOutlined,
  WarningOutlined
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PrinterState } from '../../../shared/printer'

const LOOK: Record<PrinterState, { color: string; icon: React.ReactNode }> = {
  none: { color: 'default', icon: <PrinterOutlined /> },
  ready: { color: 'success', icon: <CheckCircleOutlined /> },
  paperLow: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  paperOut: { color: 'error', icon: <WarningOutlined /> },
  coverOpen: { color: 'error', icon: <WarningOutlined /> },
  offline: { color: 'error', icon: <CloseCircleOutlined /> },
  error: { color: 'error', icon: <WarningOutlined /> }
}

export function PrinterStateTag({ state, large }: { state: PrinterState; large?: boolean }) {
  const { t } = useTranslation()
  return (
    <Tag
      color={LOOK[state].color}
      icon={LOOK[state].icon}
      className={large ? 'printer-state-large' : undefined}
      data-testid="printer-state"
      data-state={state}
    >
      {t(`printer.state.${state}`)}
    </Tag>
  )
}
