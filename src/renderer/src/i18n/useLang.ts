/** The current language as the shared text helpers that still carry their own words (describeValue) name it. */
import { useTranslation } from 'react-i18next'
import type { Lang } from '../../../shared/coupon'

export function useLang(): Lang {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'zh-CN'
}
