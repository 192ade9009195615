/**
 * A translator over the same catalogue and the same i18next rules the renderer uses ({{x}} placeholders,
 * plurals, context), for words made outside React: export files in main, tests. Synchronous: the resources
 * are in memory, so init finishes before it returns.
 */
import i18next from 'i18next'
import type { Language } from './index'
import { en } from './en'
import { zhCN } from './zh-CN'

/** t(key, params): the words for a key; the shape shared helpers (reasonText, describeSyncReason) take. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

const cache = new Map<Language, Translate>()

export function createTranslator(lang: Language): Translate {
  const known = cache.get(lang)
  if (known) return known
  const instance = i18next.createInstance()
  void instance.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
    // No advertising line in the till's console or the test logs.
    showSupportNotice: false,
    returnNull: false
  })
  const t: Translate = (key, params) => String(instance.t(key, params ?? {}))
  cache.set(lang, t)
  return t
}
