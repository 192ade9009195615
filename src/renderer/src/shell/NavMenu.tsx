/** The page list at the left: big targets, F-keys shown beside the names. */
import { Menu } from 'antd'
import {
  BarChartOutlined,
  ExceptionOutlined,
  ReadOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
  UsbOutlined
} from '@ant-design/icons'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NARROW, useMediaQuery } from '../components/useMediaQuery'
import type { PageDef, PageKey } from './pages'

const ICONS: Record<PageKey, ReactNode> = {
  counter: <ScanOutlined />,
  training: <ReadOutlined />,
  day: <BarChartOutlined />,
  conflicts: <ExceptionOutlined />,
  settings: <SettingOutlined />,
  devices: <UsbOutlined />,
  staff: <TeamOutlined />
}

interface NavMenuProps {
  pages: PageDef[]
  current: PageKey
  onSelect: (page: PageKey) => void
}

export function NavMenu({ pages, current, onSelect }: NavMenuProps) {
  const { t } = useTranslation()
  // A 1024-px till (or 125 % zoom) needs the width for the counter: icons only, names on hover and for
  // screen readers.
  const narrow = useMediaQuery(NARROW)
  return (
    <nav aria-label={t('nav.label')} className={narrow ? 'nav nav-narrow' : 'nav'}>
      <Menu
        mode="inline"
        inlineCollapsed={narrow}
        theme="dark"
        selectedKeys={[current]}
        onClick={(item) => onSelect(item.key as PageKey)}
        items={pages.map((p) => ({
          key: p.key,
          icon: ICONS[p.key],
          'data-testid': `nav-${p.key}`,
          label: (
            <span className="nav-label">
              {t(`nav.${p.key}`)}
              {p.shortcut && <kbd className="nav-key">{p.shortcut}</kbd>}
            </span>
          )
        }))}
      />
    </nav>
  )
}
