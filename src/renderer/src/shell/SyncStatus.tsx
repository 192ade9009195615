/**
 * Header part: connectivity (online / degraded / offline / unknown), queue depth and the oldest wait, a sync pause
 * and how many items wait for a manager.
 */
import { Tag } from 'antd'
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  QuestionCircleOutlined,
  WarningOutlined
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ageParts } from '../components/format'
import { TAG_COLOURS } from '../components/StatusTag'
import { NeedsManagerTag, PauseTag } from './SyncAttention'
import { useNow, useSyncState } from './syncState'

type Shown = 'online' | 'degraded' | 'offline' | 'unknown'

const LOOK: Record<Shown, { color: string; icon: ReactNode }> = {
  online: { color: TAG_COLOURS.green, icon: <CheckCircleOutlined /> },
  degraded: { color: TAG_COLOURS.amber, icon: <WarningOutlined /> },
  offline: { color: TAG_COLOURS.red, icon: <DisconnectOutlined /> },
  unknown: { color: TAG_COLOURS.grey, icon: <QuestionCircleOutlined /> }
}

export function SyncStatus() {
  const { t } = useTranslation()
  const state = useSyncState()
  const now = useNow(15_000)
  const shown: Shown = state?.connectivity ?? 'unknown'
  const oldest = state?.oldestPendingAt ?? null
  const age = oldest === null ? null : ageParts(Math.max(0, now - oldest))
  return (
    <div className="sync-status" data-testid="sync-status" data-connectivity={shown}>
      <Tag
        variant="solid"
        color={LOOK[shown].color}
        icon={LOOK[shown].icon}
        className="header-tag"
        data-testid="connectivity"
        title={t(`sync.connectivity.${shown}`)}
      >
        {t(`sync.connectivity.${shown}`)}
      </Tag>
      {state && (
        <Tag
          icon={<CloudSyncOutlined />}
          className="header-tag"
          data-testid="queue-depth"
          data-depth={state.queueDepth}
          title={t('sync.queue', { n: state.queueDepth })}
        >
          {t('sync.queue', { n: state.queueDepth })}
          {age && ` · ${t('sync.oldest', { age: t(`age.${age.unit}`, { n: age.count }) })}`}
        </Tag>
      )}
      <PauseTag />
      <NeedsManagerTag />
    </div>
  )
}
