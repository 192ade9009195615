/**
 * What waits for a manager, for everyone to see: conflicts and rejections nobody has resolved yet (a count that
 * stays in the header and on the sign-in bar until a manager resolves them), and a sync pause (45009 quota,
 * credentials) with why, since when and until when. A manager can resume the pause from the banner (sync.resume,
 * audited in main); everyone else is told to call one.
 */
import { Alert, App, Button, Popconfirm, Tag } from 'antd'
import { FlagFilled, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncPause } from '../../../shared/sync'
import { describeErrcode } from '../../../shared/sync'
import { formatLocal } from '../../../shared/time'
import { TAG_COLOURS } from '../components/StatusTag'
import { call } from './call'
import { errorText } from './errorText'
import { useStation } from './stationContext'
import { useSyncState } from './syncState'

/** "Needs a manager: 2" — solid orange with a flag, never colour alone. Nothing when the queue is empty. */
export function NeedsManagerTag() {
  const { t } = useTranslation()
  const n = useSyncState()?.needsManager ?? 0
  if (n === 0) return null
  return (
    <Tag
      variant="solid"
      color={TAG_COLOURS.orange}
      icon={<FlagFilled />}
      className="header-tag needs-manager-tag"
      data-testid="needs-manager"
      data-count={n}
    >
      {t('sync.needsManager', { n })}
    </Tag>
  )
}

/** The short form for the header: a paused sync, in words. */
export function PauseTag() {
  const { t } = useTranslation()
  const paused = useSyncState()?.paused
  if (!paused) return null
  return (
    <Tag
      variant="solid"
      color={TAG_COLOURS.red}
      icon={<PauseCircleOutlined />}
      className="header-tag"
      data-testid="sync-paused-tag"
    >
      {t(`sync.paused.${paused.reason}`)}
    </Tag>
  )
}

const when = (at: number, zone: string): string => formatLocal(at, zone, 'LL-dd HH:mm')

function pauseLine(t: ReturnType<typeof useTranslation>['t'], paused: SyncPause, zone: string): string {
  const since = t('sync.pause.since', { at: when(paused.since, zone) })
  const until =
    paused.until === null
      ? t('sync.pause.untilFixed')
      : t('sync.pause.until', { at: when(paused.until, zone) })
  const why =
    paused.errcode === null
      ? null
      : t('wechat.withCode', { text: describeErrcode(t, paused.errcode), errcode: paused.errcode })
  return [why, since, until].filter(Boolean).join(' · ')
}

/**
 * The full pause under the header: why (the errcode's words), since, until, and for a manager the resume
 * button. Shown on every signed-in page while the pause lasts.
 */
export function SyncPauseBanner({ manager }: { manager: boolean }) {
  const { t } = useTranslation()
  const { info } = useStation()
  const { message } = App.useApp()
  const paused = useSyncState()?.paused
  const [busy, setBusy] = useState(false)
  if (!paused) return null
  const resume = async () => {
    setBusy(true)
    const r = await call('sync.resume', undefined)
    setBusy(false)
    if (r.ok) void message.success(t('sync.pause.resumed'))
    else void message.error(errorText(t, r.error))
  }
  return (
    <Alert
      type="error"
      showIcon
      icon={<PauseCircleOutlined />}
      className="sync-pause-banner"
      data-testid="sync-pause"
      data-reason={paused.reason}
      title={t(`sync.paused.${paused.reason}`)}
      description={
        <>
          <span data-testid="sync-pause-detail">{pauseLine(t, paused, info.timeZone)}</span>
          {!manager && <span> · {t('sync.pause.callManager')}</span>}
        </>
      }
      action={
        manager ? (
          <Popconfirm
            title={t('sync.pause.confirmTitle')}
            description={t(`sync.pause.confirm.${paused.reason}`)}
            okText={t('sync.pause.resume')}
            cancelText={t('sync.pause.cancel')}
            onConfirm={resume}
          >
            <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} data-testid="sync-resume">
              {t('sync.pause.resume')}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    />
  )
}

/** On the sign-in screen: what a manager will have to do once signed in. */
export function SignInAttention() {
  const { t } = useTranslation()
  const state = useSyncState()
  const n = state?.needsManager ?? 0
  if (n === 0 && !state?.paused) return null
  return (
    <Alert
      type="warning"
      showIcon
      icon={<FlagFilled />}
      className="sign-in-attention"
      data-testid="sign-in-attention"
      title={t('signIn.attention.title')}
      description={
        <ul className="sign-in-attention-list">
          {n > 0 && <li data-testid="sign-in-needs-manager">{t('signIn.attention.needsManager', { n })}</li>}
          {state?.paused && <li>{t(`sync.paused.${state.paused.reason}`)}</li>}
        </ul>
      }
    />
  )
}
