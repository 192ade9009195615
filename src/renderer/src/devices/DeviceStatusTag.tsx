/** One scanner's state as a tag: green connected, orange waiting for it to come back, red cannot open. */
import { Tag, Tooltip } from 'antd'
import { CheckCircleOutlined, CloseCircleOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/devices'

const LOOK = {
  connected: { color: 'success', icon: <CheckCircleOutlined /> },
  reopening: { color: 'warning', icon: <SyncOutlined spin /> },
  disconnected: { color: 'default', icon: <CloseCircleOutlined /> },
  error: { color: 'error', icon: <WarningOutlined /> }
} as const

export function DeviceStatusTag({ status }: { status: DeviceStatus | undefined }) {
  const { t } = useTranslation()
  // No status: not saved yet, or main has not reported on it (grey, like disconnected).
  const state = status?.status ?? 'notRunning'
  const tag = (
    <Tag
      color={status ? LOOK[status.status].color : 'default'}
      icon={status ? LOOK[status.status].icon : <CloseCircleOutlined />}
      data-testid="device-row-status"
      data-state={state}
    >
      {t(`devices.status.${state}`)}
    </Tag>
  )
  return status?.message ? <Tooltip title={status.message}>{tag}</Tooltip> : tag
}
