/**
 * The top bar before sign-in (first run, sign-in, lock): which station this is, what waits for a manager
 * (unresolved conflicts, a sync pause), and the language.
 */
import { ShopOutlined } from '@ant-design/icons'
import { LanguageSwitch } from './LanguageSwitch'
import { ModeTag } from './ModeTag'
import { NeedsManagerTag, PauseTag } from './SyncAttention'
import { useStation } from './stationContext'

export function GateBar() {
  const { info, label } = useStation()
  return (
    <header className="app-header">
      <ModeTag mode={info.mode} />
      {label && (
        <span className="header-where">
          <ShopOutlined aria-hidden /> {label.storeName} · {label.stationName}
        </span>
      )}
      <PauseTag />
      <NeedsManagerTag />
      <span className="header-actions">
        <LanguageSwitch />
      </span>
    </header>
  )
}
