/**
 * A redemption's sync status as a tag: icon + word + colour. The colours are dark enough for white text
 * (WCAG AA), unlike antd's light preset tags.
 */
import { Tag } from 'antd'
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  StopOutlined
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { RedemptionStatus } from '../../../shared/redeem'

export type ShownStatus = RedemptionStatus | 'stale'

export const TAG_COLOURS = {
  green: '#237804',
  amber: '#874D00',
  orange: '#AD4E00',
  red: '#A8071A',
  blue: '#0958D9',
  grey: '#595959'
} as const

const LOOK: Record<ShownStatus, { colour: string; icon: ReactNode }> = {
  pending: { colour: TAG_COLOURS.amber, icon: <ClockCircleOutlined /> },
  stale: { colour: TAG_COLOURS.orange, icon: <FieldTimeOutlined /> },
  synced: { colour: TAG_COLOURS.green, icon: <CheckCircleOutlined /> },
  conflict: { colour: TAG_COLOURS.red, icon: <ExclamationCircleOutlined /> },
  rejected: { colour: TAG_COLOURS.red, icon: <CloseCircleOutlined /> },
  voided: { colour: TAG_COLOURS.grey, icon: <StopOutlined /> }
}

export function StatusTag({ status, stale }: { status: RedemptionStatus; stale: boolean }) {
  const { t } = useTranslation()
  const shown: ShownStatus = status === 'pending' && stale ? 'stale' : status
  return (
    <Tag
      variant="solid"
      color={LOOK[shown].colour}
      icon={LOOK[shown].icon}
      data-status={shown}
      className="status-tag"
    >
      {t(`status.${shown}`)}
    </Tag>
  )
}
