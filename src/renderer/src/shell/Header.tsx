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
  const where = label ? `${label.storeName} · ${label.stationName}` : t('header.stationUnknown')
  const who = `${staff.name} (${t(`role.${staff.role}`)})`
  return (
    <header className="app-header">
      <ModeTag mode={info.mode} />
      {/* On a narrow till these two shrink to an ellipsis (full text on hover) instead of wrapping the bar. */}
      <span className="header-where" data-testid="header-where" title={where}>
        <ShopOutlined aria-hidden /> {where}
      </span>
      <span className="header-who" data-testid="header-cashier" title={who}>
        <UserOutlined aria-hidden /> {who}
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
        {/* Below 1200 px the words hide (styles.css) and the buttons keep their names for screen readers. */}
        <Button
          className="header-button"
          icon={<LockOutlined />}
          onClick={lock}
          aria-label={`${t('header.lock')} (${LOCK_KEY})`}
          data-testid="lock-button"
        >
          <span className="header-button-text">
            {t('header.lock')} ({LOCK_KEY})
          </span>
        </Button>
        <Button
          type="text"
          className="header-button"
          icon={<LogoutOutlined />}
          onClick={signOut}
          aria-label={t('header.signOut')}
          data-testid="sign-out"
        >
          <span className="header-button-text">{t('header.signOut')}</span>
        </Button>
      </span>
    </header>
  )
}
