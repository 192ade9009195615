/**
 * reasonText: a reason code and its params → the sentence the cashier reads, with the caller's translator (the
 * renderer's t, or createTranslator). The words are the catalogue's (src/shared/i18n, docs/i18n.md):
 * `reasons.<CODE>` is the sentence; a part that needs a value the station may not know is its own key,
 * `reasonParts.<CODE>.<param>`, filled into the sentence's `{{<param>Part}}` only when that value is known, so
 * "已于 {{time}} 核销" never reads "已于 未知 核销". A required value that is missing reads 未知 / unknown.
 */
import { zhCN } from '../i18n/zh-CN'
import type { Translate } from '../i18n'
import { yuanSign } from '../coupon/text'
import type { ReasonCode, ReasonParams } from './reasonCodes'

type Formatter = (v: NonNullable<ReasonParams[keyof ReasonParams]>, t: Translate) => string
const plain: Formatter = (v) => String(v)
const money: Formatter = (v) => (typeof v === 'number' ? yuanSign(v) : String(v))
const list =
  (items: (n: number, t: Translate) => string): Formatter =>
  (v, t) =>
    (Array.isArray(v) ? v : [v]).map((n) => items(Number(n), t)).join(t('common.listSeparator'))

/** One formatter per parameter; the Record type makes a new ReasonParams key fail here until it has one. */
const FORMATTERS: Readonly<Record<keyof ReasonParams, Formatter>> = {
  time: plain,
  station: plain,
  cashier: plain,
  from: plain,
  until: plain,
  days: plain,
  weekdays: list((n, t) => (n >= 1 && n <= 7 ? t(`weekday.${n}`) : String(n))),
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

/** The optional parts each reason has: the catalogue's `reasonParts` (both languages have the same keys). */
const PARTS: Readonly<Partial<Record<ReasonCode, Readonly<Record<string, string>>>>> = zhCN.reasonParts

function formatParam(key: string, params: ReasonParams, t: Translate): string | undefined {
  if (!isParamKey(key)) return undefined
  const v = params[key]
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || v === '') return undefined
  return FORMATTERS[key](v, t)
}

/** The cashier-facing sentence for a reason. Unknown values drop their optional part or read 未知/unknown. */
export function reasonText(t: Translate, code: ReasonCode, params: ReasonParams): string {
  const unknown = t('reasonWords.unknown')
  const values: Record<string, string> = {}
  for (const key of REASON_PARAM_KEYS) values[key] = formatParam(key, params, t) ?? unknown
  for (const key of Object.keys(PARTS[code] ?? {})) {
    const value = formatParam(key, params, t)
    values[`${key}Part`] = value === undefined ? '' : t(`reasonParts.${code}.${key}`, { [key]: value })
  }
  return t(`reasons.${code}`, values)
}
