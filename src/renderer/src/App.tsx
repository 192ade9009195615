import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useTranslation } from 'react-i18next'
import { AppShell } from './shell/AppShell'

/**
 * Big controls for a touch till and a glance from a step away; antd's Chinese locale by default. antd's
 * grey secondary texts (#8c8c8c on white, 3.4:1) fail WCAG AA, so they are darkened to #595959 (7:1).
 */
const THEME = {
  token: {
    fontSize: 16,
    controlHeight: 44,
    controlHeightLG: 56,
    borderRadius: 8,
    colorPrimary: '#0958D9',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    // No fades or slides: a decision must be readable the moment it is on screen.
    motion: false
  },
  components: { Button: { fontSizeLG: 20 }, Menu: { itemHeight: 52, fontSize: 17 } }
} as const

export function App() {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <AppShell />
      </AntApp>
    </ConfigProvider>
  )
}
