import { FULL_REASON_PARAMS } from '../support/reasonParams'
import { describe, it, expect } from 'vitest'
import { LANGUAGES as LANGS, createTranslator, en, zhCN } from '../../src/shared/i18n'
import { REASON_CODES } from '../../src/shared/rules/reasonCodes'
import { REASON_PARAM_KEYS, reasonText as textWith } from '../../src/shared/rules/reasons'

const ts = { 'zh-CN': createTranslator('zh-CN'), en: createTranslator('en') }
const reasonText = (
  code: Parameters<typeof textWith>[1],
  params: Parameters<typeof textWith>[2],
  lang: 'zh-CN' | 'en'
) => textWith(ts[lang], code, params)
const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])
const catalogue = { 'zh-CN': zhCN, en }

describe('reason words in the catalogue', () => {
  it.each(REASON_CODES.flatMap((code) => LANGS.map((lang) => [code, lang] as const)))(
    '%s has %s text',
    (code, lang) => {
      const template = catalogue[lang].reasons[code]
      expect(template.trim().length).toBeGreaterThan(5)
      // zh-CN texts are Chinese, en texts are not.
      expect(/[\u4e00-\u9fff]/.test(template)).toBe(lang === 'zh-CN')
      const parts: Record<string, string> =
        (catalogue[lang].reasonParts as Record<string, Record<string, string>>)[code] ?? {}
      for (const key of placeholders(template)) {
        // a {{xPart}} placeholder is an optional part with its own key; any other is a ReasonParams value
        if (key?.endsWith('Part')) expect(Object.keys(parts)).toContain(key.slice(0, -'Part'.length))
        else expect(REASON_PARAM_KEYS).toContain(key)
      }
      for (const [param, part] of Object.entries(parts)) {
        expect(template).toContain(`{{${param}Part}}`)
        expect(placeholders(part)).toEqual([param])
      }
    }
  )

  it('has no text for a code that does not exist', () => {
    expect(Object.keys(zhCN.reasons).sort()).toEqual([...REASON_CODES].sort())
    for (const code of Object.keys(zhCN.reasonParts)) expect(REASON_CODES).toContain(code)
  })

  it('never leaves a placeholder or bracket in the output, with or without params', () => {
    const full = FULL_REASON_PARAMS
    for (const code of REASON_CODES) {
      for (const lang of LANGS) {
        for (const params of [full, {}]) expect(reasonText(code, params, lang)).not.toMatch(/[{}[\]]/)
      }
    }
  })
})

describe('reasonText', () => {
  const original = { time: '2026-06-03 11:58', station: 'T2', cashier: '王芳' }
  it('fills the duplicate text', () => {
    expect(reasonText('ALREADY_REDEEMED_LOCAL', original, 'zh-CN')).toBe(
      '此券已核销过：2026-06-03 11:58，收银台：T2，收银员 王芳'
    )
    expect(reasonText('ALREADY_REDEEMED_LOCAL', original, 'en')).toBe(
      'Already redeemed at 2026-06-03 11:58 on till T2 by 王芳'
    )
  })

  it('drops optional parts it cannot fill', () => {
    expect(reasonText('ALREADY_REDEEMED_LOCAL', { station: 'T2' }, 'en')).toBe('Already redeemed on till T2')
    expect(reasonText('EXPIRED', {}, 'zh-CN')).toBe('此券已过期，不能使用')
  })

  it('says unknown for a required value it lacks', () => {
    expect(reasonText('OFFLINE_DAILY_CAP', {}, 'en')).toBe(
      'The offline limit of unknown redemptions per business day has been reached'
    )
    expect(reasonText('VELOCITY', {}, 'zh-CN')).toBe('这位顾客今天已核销 未知 张券，请留意')
  })

  it('formats fen as yuan, weekdays and store lists per language', () => {
    expect(reasonText('BELOW_MIN_SPEND', { minSpendFen: 10000, billFen: 9950 }, 'zh-CN')).toBe(
      '消费满 ¥100 才能用此券，本单只有 ¥99.50'
    )
    expect(reasonText('WRONG_WEEKDAY', { weekdays: [6, 7] }, 'zh-CN')).toBe(
      '此券只能在 周六、周日 使用，今天不能用'
    )
    expect(reasonText('WRONG_WEEKDAY', { weekdays: [6, 7] }, 'en')).toBe(
      'This coupon can only be used on Sat, Sun; not today'
    )
    expect(reasonText('WRONG_STORE', { stores: [7, 8] }, 'en')).toContain('(store ids 7, 8)')
  })
})
