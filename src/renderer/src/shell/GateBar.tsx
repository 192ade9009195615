/** The top bar before sign-in (first run, sign-in, lock): which station this is, and the language. */
import { ShopOutlined } from '@ant-design/icons'
import { LanguageSwitch } from './LanguageSwitch'
import { ModeTag } from './ModeTag'
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
      <span className="header-actions">
        <LanguageSwitch />
      </span>
    </header>
  )
}
