/**
 * The one word catalogue (docs/i18n.md): zh-CN and English, plain objects that the renderer's i18next set-up
 * (src/renderer/src/i18n) and main's translator (translate.ts, for export files) both read. Main itself sends
 * codes and params, never words; test/shared/words.test.ts fails on a code without text in both languages.
 */
import { en } from './en'
import { zhCN, type Catalogue } from './zh-CN'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { 'zh-CN': zhCN, en }

/** i18next's resources for both languages, one namespace. */
export const RESOURCES = {
  'zh-CN': { translation: zhCN },
  en: { translation: en }
} as const

export { en, zhCN, type Catalogue }
export { createTranslator, type Translate } from './translate'
