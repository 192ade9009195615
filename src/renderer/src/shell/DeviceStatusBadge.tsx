/**
 * The header's scanner state: which input the counter listens to and whether every scanner main runs is
 * connected. A scanner that drops out turns the tag red and plays the warning cue, so an unplugged cable
 * is noticed before the next customer's coupon "does nothing".
 */
import { Tag, Tooltip } from 'antd'
import { UsbOutlined, WarningOutlined } from '@ant-design/icons'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceStatus } from '../../../shared/devices'
import { station } from '../api'
import { useSound } from '../sound/SoundProvider'
import { call } from './call'

/** Statuses also come as events; the poll catches a reconfiguration that removed every scanner. */
const POLL_MS = 10_000

export function DeviceStatusBadge() {
  const { t } = useTranslation()
  const { play } = useSound()
  const [statuses, setStatuses] = useState<DeviceStatus[]>([])
  const wasDown = useRef(false)

  useEffect(() => {
    let live = true
    const load = () =>
      void call('devices.status', undefined).then((r) => {
        if (live && r.ok) setStatuses(r.value)
      })
    load()
    const timer = setInterval(load, POLL_MS)
    const off = station.subscribe['device.status'](load)
    return () => {
      live = false
      clearInterval(timer)
      off()
    }
  }, [])

  const down = statuses.filter((s) => s.status !== 'connected')
  useEffect(() => {
    if (down.length > 0 && !wasDown.current) play('warn')
    wasDown.current = down.length > 0
  }, [down.length, play])

  const details = statuses.map((s) => `${s.device}: ${t(`devices.status.${s.status}`)}`).join('\n')
  if (statuses.length === 0)
    return (
      <Tag
        icon={<UsbOutlined />}
        className="header-tag"
        title={t('header.devices.none')}
        data-testid="device-status"
        data-state="none"
      >
        {t('header.devices.none')}
      </Tag>
    )
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{details}</span>}>
      <Tag
        icon={down.length ? <WarningOutlined /> : <UsbOutlined />}
        color={down.length ? 'error' : 'success'}
        className="header-tag"
        data-testid="device-status"
        data-state={down.length ? 'down' : 'ok'}
      >
        {down.length
          ? t('header.devices.down', { names: down.map((s) => s.device).join(t('common.listSeparator')) })
          : t('header.devices.ok', { n: statuses.length })}
      </Tag>
    </Tooltip>
  )
}
