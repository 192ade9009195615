/**
 * The header's store hub link (docs/hub.md § For the station side): connected, degraded (the hub does not
 * answer: redemptions are "not checked with the store" and their claims wait) or nothing when the till is not
 * paired with a hub (a single till: no tag). Words and an icon, never colour alone.
 */
import { Tag, Tooltip } from 'antd'
import { ApartmentOutlined, WarningOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StoreLinkOverview } from '../../../shared/ipc/contracts/storeLink'
import { station } from '../api'
import { call } from './call'

const POLL_MS = 10_000

export function StoreLinkBadge() {
  const { t } = useTranslation()
  const [link, setLink] = useState<StoreLinkOverview | null>(null)

  useEffect(() => {
    let live = true
    const load = () =>
      void call('storeLink.get', undefined).then((r) => {
        if (live && r.ok) setLink(r.value)
      })
    load()
    const timer = setInterval(load, POLL_MS)
    const off = station.subscribe['storeLink.state']((next) => setLink(next))
    return () => {
      live = false
      clearInterval(timer)
      off()
    }
  }, [])

  if (!link || link.status === 'not_paired') return null
  const degraded = link.status === 'degraded'
  const words = link.repairNeeded
    ? t('header.storeLink.repair')
    : degraded
      ? t('header.storeLink.degraded')
      : t('header.storeLink.connected')
  return (
    <Tooltip title={link.hubUrl ?? ''}>
      <Tag
        icon={degraded ? <WarningOutlined /> : <ApartmentOutlined />}
        color={degraded ? 'warning' : 'success'}
        className="header-tag"
        data-testid="store-link"
        data-state={link.status}
        data-waiting={link.waiting}
      >
        {words}
        {link.waiting > 0 && ` · ${t('header.storeLink.waiting', { n: link.waiting })}`}
      </Tag>
    </Tooltip>
  )
}
