/** The top bar before sign-in (first run, sign-in, lock): which station this is, and the language. */
import { Tag } from 'antd'
import { ShopOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'
import { useStation } from './stationContext'

export function GateBar() {
  const { t } = useTranslation()
  const { info, label } = useStation()
  return (
    <header className="app-header">
      <span className="app-name">{t('app.name')}</span>
      <Tag
        variant="solid"
        color={info.mode === 'training' ? '#AD4E00' : '#237804'}
        data-testid="app-mode"
        data-mode={info.mode}
        className="header-tag"
      >
        {t(`app.mode.${info.mode}`)}
      </Tag>
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
