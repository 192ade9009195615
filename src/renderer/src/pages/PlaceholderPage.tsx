/** A page another module fills (day view, conflicts, settings, devices): says so instead of a blank. */
import { Result } from 'antd'
import { ToolOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PageKey } from '../shell/pages'

export function PlaceholderPage({ page }: { page: PageKey }) {
  const { t } = useTranslation()
  return (
    <div className="page" data-testid={`page-${page}`}>
      <h1 className="page-title">{t(`nav.${page}`)}</h1>
      <Result icon={<ToolOutlined />} title={t('placeholder.title')} subTitle={t('placeholder.body')} />
    </div>
  )
}
