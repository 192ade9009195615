/** zh-CN (default) or English, switchable on every screen, the sign-in screen included. */
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { setLanguage, type Language } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <Segmented<Language>
      className="language-switch"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: <span lang="zh-CN">{t('language.zh')}</span>, value: 'zh-CN' },
        { label: <span lang="en">{t('language.en')}</span>, value: 'en' }
      ]}
      onChange={setLanguage}
      aria-label={t('app.language')}
      data-testid="language-switch"
    />
  )
}
