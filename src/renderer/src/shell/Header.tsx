/** The bar on top of every signed-in screen: where, who, connectivity and queue, store hub link, devices, sound, language, lock. */
import { Button, Tooltip } from 'antd'
import {
  LockOutlined,
  LogoutOutlined,
  MutedOutlined,
  ShopOutlined,
  SoundOutlined,
  UserOutlined
} from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useSession } from '../staff/session'
import { useSound } from '../sound/SoundProvider'
import { DeviceStatusBadge } from './DeviceStatusBadge'
import { LanguageSwitch } from './LanguageSwitch'
import { ModeTag } from './ModeTag'
import { LOCK_KEY, MUTE_KEY } from './pages'
import { useStation } from './stationContext'
import { StoreLinkBadge } from './StoreLinkBadge'
import { SyncStatus } from './SyncStatus'

export function Header() {
  const { t } = useTranslation()
  const { info, label } = useStation()
  const { staff, lock, signOut } = useSession()
  const { muted, setMuted } = useSound()
  return (
    <header className="app-header">
      <ModeTag mode={info.mode} />
      <span className="header-where" data-testid="header-where">
        <ShopOutlined aria-hidden />{' '}
        {label ? `${label.storeName} · ${label.stationName}` : t('header.stationUnknown')}
      </span>
      <span className="header-who" data-testid="header-cashier">
        <UserOutlined aria-hidden /> {staff.name} ({t(`role.${staff.role}`)})
      </span>
      <SyncStatus />
      <StoreLinkBadge />
      <DeviceStatusBadge />
      <span className="header-actions">
        <Tooltip title={`${muted ? t('header.unmute') : t('header.mute')} (${MUTE_KEY})`}>
          <Button
            type="text"
            className="header-button"
            aria-pressed={muted}
            aria-label={muted ? t('header.unmute') : t('header.mute')}
            icon={muted ? <MutedOutlined /> : <SoundOutlined />}
            onClick={() => setMuted(!muted)}
            data-testid="mute-toggle"
          />
        </Tooltip>
        <LanguageSwitch />
        <Button className="header-button" icon={<LockOutlined />} onClick={lock} data-testid="lock-button">
          {t('header.lock')} ({LOCK_KEY})
        </Button>
        <Button
          type="text"
          className="header-button"
          icon={<LogoutOutlined />}
          onClick={signOut}
          data-testid="sign-out"
        >
          {t('header.signOut')}
        </Button>
      </span>
    </header>
  )
}
