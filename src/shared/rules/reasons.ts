/** reasonText: a reason code and its params → the sentence the cashier reads, in zh-CN or en. */
import { yuanSign, type Lang } from '../coupon/text'
import type { ReasonCode, ReasonParams } from './reasonCodes'
import { REASON_TEXTS } from './reasonTexts'

export { REASON_TEXTS }

const WEEKDAYS: Record<Lang, readonly string[]> = {
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
}

const UNKNOWN: Record<Lang, string> = { 'zh-CN': '未知', en: 'unknown' }

type Formatter = (v: NonNullable<ReasonParams[keyof ReasonParams]>, lang: Lang) => string
const plain: Formatter = (v) => String(v)
const money: Formatter = (v) => (typeof v === 'number' ? yuanSign(v) : String(v))
const list =
  (items: (n: number, lang: Lang) => string): Formatter =>
  (v, lang) =>
    (Array.isArray(v) ? v : [v]).map((n) => items(Number(n), lang)).join(lang === 'zh-CN' ? '、' : ', ')

/** One formatter per parameter; the Record type makes a new ReasonParams key fail here until it has one. */
const FORMATTERS: Readonly<Record<keyof ReasonParams, Formatter>> = {
  time: plain,
  station: plain,
  cashier: plain,
  from: plain,
  until: plain,
  days: plain,
  weekdays: list((n, lang) => WEEKDAYS[lang][n - 1] ?? String(n)),
  hours: plain,
  stores: list((n) => String(n)),
  billFen: money,
  minSpendFen: money,
  faceValueFen: money,
  limitFen: money,
  discountFen: money,
  changeFen: money,
  count: plain,
  max: plain,
  percent: plain,
  day: plain,
  errcode: plain,
  status: plain,
  cardType: plain,
  detail: plain
}

export const REASON_PARAM_KEYS = Object.keys(FORMATTERS) as (keyof ReasonParams)[]

const isParamKey = (k: string): k is keyof ReasonParams => Object.hasOwn(FORMATTERS, k)

function formatParam(key: string, params: ReasonParams, lang: Lang): string | undefined {
  if (!isParamKey(key)) return undefined
  const v = params[key]
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '') return undefined
  return FORMATTERS[key](v, lang)
}

/** The cashier-facing sentence for a reason. Unknown values drop their [optional part] or read 未知/unknown. */
export function reasonText(code: ReasonCode, params: ReasonParams, lang: Lang): string {
  const template = REASON_TEXTS[code]?.[lang] ?? code
  const withOptional = template.replace(/\[([^[\]]*)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\{(\w+)\}/g)].every((m) => formatParam(m[1] ?? '', params, lang) !== undefined)
      ? inner
      : ''
  )
  return withOptional.replace(
    /\{(\w+)\}/g,
    (_, key: string) => formatParam(key, params, lang) ?? UNKNOWN[lang]
  )
}
