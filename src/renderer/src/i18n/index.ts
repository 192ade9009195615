/** i18next set-up: zh-CN first, English available; a missing key is a test failure, not a blank. */
import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LANGUAGES, RESOURCES, type Language } from '../../../shared/i18n'

// The words themselves live in src/shared/i18n (one catalogue for the renderer and main's export files).
export { LANGUAGES, type Language }

const LANGUAGE_KEY = 'hexiao.language'

export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY)
  return saved === 'en' ? 'en' : 'zh-CN'
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language)
  void i18n.changeLanguage(language)
  document.documentElement.lang = language
}

document.documentElement.lang = initialLanguage()

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // No advertising line in the till's console.
  showSupportNotice: false
})

export default i18n
